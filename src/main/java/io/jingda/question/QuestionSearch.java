package io.jingda.question;

import io.jingda.system.QueryParams;

/** The filters of GET /api/questions; null means "any". */
public record QuestionSearch(String set, String type, String tag, Integer difficulty, String q, int page, int size) {

    /** From the query parameters as sent: numbers that are not whole numbers are a 400 naming the parameter. */
    public static QuestionSearch of(String set, String type, String tag, String difficulty, String q, String page,
                                    String size) {
        return new QuestionSearch(set, type, tag, QueryParams.integer(difficulty, "difficulty", null), q,
                QueryParams.integer(page, "page", 0), QueryParams.integer(size, "size", 0));
    }
}
