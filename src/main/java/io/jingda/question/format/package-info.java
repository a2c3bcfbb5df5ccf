/**
 * One class per question file format (native YAML/JSON, CSV and XLSX through the shared template
 * {@code QuestionTable}, GIFT, Aiken, Moodle XML, the native zip with pictures), each reading bytes into parsed questions with
 * positions and writing a set back, plus the hardening they share (limits, {@code ZipGuard}). No
 * database and no CDI: plain classes, fuzzed and tested without Quarkus. May import
 * {@code question} (DTOs and types), {@code media} (picture URLs) and {@code system}.
 */
package io.jingda.question.format;
