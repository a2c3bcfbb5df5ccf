package io.jingda.online;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.LiveQuestion;
import io.jingda.question.SourceDto;

import java.util.List;

/** What the self-paced API sends and receives (docs/online.md). Never an entity, never an answer before its time. */
public final class OnlineViews {
    private OnlineViews() {
    }

    public record RegisterRequest(String name, String unit, String memberNo, String deviceId) {
    }

    public record AnswerRequest(String questionId, JsonNode choice, String requestId) {
    }

    public record VoidRequest(String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContestInfo(String code, String title, String status, long opensAt, long closesAt,
                              int questionsPerAttempt, Integer timeLimit, Integer timeLimitTotal, int attemptsAllowed,
                              String attemptScore, String scoring, String showAnswers, String units, String memberNo,
                              String identityBy, List<UnitOption> unitList, PublicRanking publicRanking, long serverTime) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitOption(long id, String name, String parent) {
    }

    public record PublicRanking(int persons, boolean units) {
    }

    public record Registered(long participantId, String token, String name, String unit, boolean returning) {
    }

    public record Rank(long rank, long of) {
    }

    public record Best(int score, long timeMs, long rank, long of) {
    }

    public record Me(long participantId, String name, String unit, int attemptsUsed, int attemptsLeft,
                     Long activeAttemptId, Best best, Rank unitRank, List<AttemptSummary> attempts, long serverTime) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptSummary(long attemptId, int number, String status, Integer score, Integer maxScore,
                                 Integer correctCount, int questionCount, long startedAt, Long finishedAt,
                                 boolean counted) {
    }

    /** {@code nextAt}: with {@code showAnswers: afterEach}, when the next question is served at the latest (null otherwise). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(long attemptId, int number, String status, int questionCount, int position, long startedAt,
                          long expiresAt, Question question, Result result, Long nextAt, long serverTime) {
    }

    /** A question as served: no answer, options in this attempt's order (with their pictures); image: the question's picture. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String id, int position, String type, String stem, List<LiveQuestion.OptionView> options,
                           int points, long timeLimitMs, long servedAt, long deadline, String image) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerResponse(Ack ack, Question question, Result result, Long nextAt, long serverTime) {
    }

    /** An answer's acknowledgement; right and wrong only with {@code showAnswers: afterEach}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ack(String requestId, String questionId, int position, String status, long receivedAt, long responseMs,
                      Boolean correct, Integer points, Integer score, JsonNode answer, String explanation,
                      SourceDto source) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(int score, int maxScore, int correctCount, int answered, int questionCount, long timeMs,
                         long finishedAt, boolean counted, boolean flagged, String status, Rank rank, Rank unitRank,
                         List<ReviewItem> review, String reviewAfter) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewItem(int position, String questionId, String type, String stem,
                             List<LiveQuestion.OptionView> options, JsonNode choice, String status, boolean correct,
                             int points, JsonNode answer, String explanation, SourceDto source) {
    }

    // ---- the host's reports

    public record Page<T>(long total, int page, int size, List<T> items) {
    }

    public record PersonEntry(long rank, long participantId, String name, String unit, Long unitId, int score,
                              long timeMs, long finishedAt, int attempts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UnitEntry(int rank, long unitId, String unit, String parent, int registered, int participants,
                            Integer headcount, Double participationRate, Double averageScore, Double medianScore,
                            Double fullScoreShare) {
    }

    public record Dashboard(long contestId, String status, long participants, long attempts, long activeAttempts,
                            long answers, long flagged, List<HourCount> attemptsPerHour,
                            List<String> unitsWithoutParticipants, List<QuestionRate> questions, long serverTime) {
    }

    public record HourCount(long hour, long attempts, long answers) {
    }

    public record QuestionRate(int poolIndex, String questionId, String stem, long answered, long correct,
                               Double correctRate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptEntry(long attemptId, long participantId, String name, String unit, int number, long seed,
                               String status, int score, int correctCount, int answered, int questionCount,
                               long startedAt, Long finishedAt, Long timeMs, int fastAnswers, boolean flagged,
                               String voidReason, String voidedBy, Long voidedAt) {
    }
}
