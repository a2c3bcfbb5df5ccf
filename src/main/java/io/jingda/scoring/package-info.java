/**
 * Pure Java, no Quarkus and no JPA: choices, answer keys, the free-text normal form, scoring rules,
 * answer tallies and the ranking table, tested with plain JUnit. May import {@code system} only.
 */
package io.jingda.scoring;
