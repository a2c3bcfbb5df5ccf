package io.jingda.question;

import java.util.UUID;

/**
 * The one way question ids are made: always the set id, a dash and a suffix. A question created
 * through the API or an import without a free id gets a random suffix (the caller checks it against
 * the bank); a question in a questions/ file gets a stable one from the file, so that loading the
 * file again updates the same questions.
 */
public final class QuestionIds {
    private QuestionIds() {
    }

    /** A new random id in the set: {@code setId-} and 10 hex digits (check it is free before use). */
    public static String fresh(String setId) {
        return setId + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /**
     * The stable id of the question at {@code position} (0-based) in a file of set {@code setId}:
     * the file's own id prefixed with the set id (titles such as "Q1" repeat from file to file), or
     * {@code setId-001} by position when the file gives none or the result would be too long.
     */
    public static String inFile(String setId, String fileId, int position) {
        String byPosition = setId + "-" + String.format("%03d", position + 1);
        if (fileId == null) {
            return byPosition;
        }
        String id = fileId.startsWith(setId + "-") ? fileId : setId + "-" + fileId;
        return id.length() > 100 ? byPosition : id;
    }
}
