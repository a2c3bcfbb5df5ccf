package io.jingda.online;

/** The rows of the self-paced tables as {@link OnlineStore} reads them. */
public final class OnlineRows {
    private OnlineRows() {
    }

    public record ContestRow(long id, String title, String owner, String status, String code, String settings,
                             long opensAt, long closesAt, String tokenKey, int questionCount) {
    }

    public record UnitRow(long id, String name, Long parentId, Integer headcount, int registered, int participants,
                          long scoreSum, int fullCount) {
    }

    public record ParticipantRow(long id, long contestId, String name, Long unitId, int attempts, Long activeAttempt,
                                 Long bestAttempt, Integer bestScore, Long bestTimeMs, Long bestFinishedAt,
                                 long registeredAt) {
    }

    public record AttemptRow(long id, long contestId, long participantId, int num, long seed, int[] paper,
                             String status, int position, long servedAt, long startedAt, long expiresAt,
                             Long finishedAt, int score, int correctCount, int answered, int fastAnswers,
                             String voidReason, String voidedBy, Long voidedAt) {
        public static final String ACTIVE = "ACTIVE";
        public static final String FINISHED = "FINISHED";
        public static final String VOID = "VOID";

        public boolean active() {
            return ACTIVE.equals(status);
        }

        /** The time the ranking counts: from the start to the finish. */
        public Long timeMs() {
            return finishedAt == null ? null : finishedAt - startedAt;
        }
    }

    public record AnswerRow(long attemptId, int position, int questionIdx, String choice, String requestId,
                            String status, long receivedAt, long responseMs, boolean correct, int points) {
    }
}
