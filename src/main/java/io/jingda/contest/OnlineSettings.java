package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The settings of a self-paced online contest (docs/online.md), stored in {@code settings.online}. The window
 * is kept here as the host gave it (ISO-8601) and as epoch ms in the contest row, which the queries use.
 *
 * @param units          {@code free}, {@code list} or {@code none}
 * @param timeLimitTotal seconds for a whole attempt, or null: each question's own limit applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OnlineSettings(
        String opensAt,
        String closesAt,
        int questionsPerAttempt,
        int attemptsAllowed,
        String attemptScore,
        Integer timeLimitTotal,
        String showAnswers,
        String units,
        Identity identity,
        PublicRanking publicRanking,
        AntiCheat antiCheat,
        Integer maxParticipants) {

    public static final String BEST = "best";
    public static final String LAST = "last";
    public static final String AFTER_EACH = "afterEach";
    public static final String AFTER_ATTEMPT = "afterAttempt";
    public static final String AFTER_CLOSE = "afterClose";
    public static final String UNITS_FREE = "free";
    public static final String UNITS_LIST = "list";
    public static final String UNITS_NONE = "none";

    /** {@code memberNo}: none, optional or required; {@code by}: person or device. */
    public record Identity(String memberNo, String by) {
    }

    /** The top {@code persons} individuals and, when {@code units}, the unit ranking, for anyone to see. */
    public record PublicRanking(Integer persons, Boolean units) {
    }

    /** An answer faster than {@code minResponseMs} is fast; an attempt with fast answers to half its questions is flagged. */
    public record AntiCheat(Integer minResponseMs) {
    }

    public boolean bestCounts() {
        return !LAST.equals(attemptScore);
    }

    public boolean deviceIdentity() {
        return "device".equals(identity.by());
    }

    /** The same settings with another end of the window. */
    public OnlineSettings withClosesAt(String iso) {
        return new OnlineSettings(opensAt, iso, questionsPerAttempt, attemptsAllowed, attemptScore, timeLimitTotal,
                showAnswers, units, identity, publicRanking, antiCheat, maxParticipants);
    }
}
