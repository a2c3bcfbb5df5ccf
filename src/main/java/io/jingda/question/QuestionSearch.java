package io.jingda.question;

/** The filters of GET /api/questions; null means "any". */
public record QuestionSearch(String set, String type, String tag, Integer difficulty, String q, int page, int size) {
}
