/**
 * Moving questions in and out of the bank: imports of an uploaded file (preview or commit, with
 * duplicates and ids), exports and templates, and the loader of the questions/ directory at start.
 * May import {@code question}, {@code question.format} and {@code system}.
 */
package io.jingda.question.transfer;
