/**
 * The question bank: question and set entities, their repositories, the rules every question must
 * pass (REST, imports and the loader alike), DTOs and mapping, related questions and question ids.
 * Subpackages: {@code format} (file formats), {@code transfer} (imports, exports, the questions/
 * loader) and {@code rest}. May import {@code system} (and {@code account} in {@code rest}); never
 * {@code contest} or {@code live}.
 */
package io.jingda.question;
