package io.jingda.live.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.LiveQuestion;
import io.jingda.question.SourceDto;

import java.util.List;
import java.util.Map;

/**
 * The frames of the live protocol (JSON text, discriminated by {@code type}). Fields that are
 * null are left out. Messages that carry a per-recipient {@code you} are serialised once
 * without it; {@link Frames#personalHead} and each recipient's part make its frame.
 */
public final class Messages {
    private Messages() {
    }

    /** The snapshot a client gets on connect; {@code allowedActions} only on host connections (else null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record State(String type, long contestId, String title, String status, String phase, Integer index,
                        int total, Question question, Boolean answered, You you, int participants, Long remainingMs,
                        long serverTime, List<String> allowedActions, RoundMessages.Play play, Next next) {
        public State(long contestId, String title, String status, String phase, Integer index, int total,
                     Question question, Boolean answered, You you, int participants, Long remainingMs, long serverTime,
                     List<String> allowedActions, RoundMessages.Play play, Next next) {
            this("state", contestId, title, status, phase, index, total, question, answered, you, participants,
                    remainingMs, serverTime, allowedActions, play, next);
        }
    }

    /** A participant's own standing. rank is null before the first reveal. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record You(Long participantId, String nickname, Boolean correct, Integer points, long score, Integer rank,
                      Integer streak, Integer teamId) {
    }

    /**
     * The lobby count. {@code names} (screens only, else null) holds the nicknames of the latest
     * {@link #LOBBY_NAMES} participants still in, oldest first, so the projector can show who joined.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lobby(String type, int participants, List<String> names) {
        public static final int LOBBY_NAMES = 50;

        public Lobby(int participants) {
            this("lobby", participants, null);
        }

        public Lobby(int participants, List<String> names) {
            this("lobby", participants, names);
        }
    }

    /**
     * questionType is the question's type (single, multiple, true_false, text, numeric, ordering, poll); points its
     * points and multiplier what they are scored with (0 = practice, 2 = double; docs/contests.md, "Points per
     * question"); image is the question's picture and each option's {@code image} its own (content-hash URLs; left
     * out when none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String type, String questionId, int index, int total, String questionType, String stem,
                           List<LiveQuestion.OptionView> options, long timeLimitMs, long openedAt, long deadline,
                           long serverTime, int points, double multiplier, String image) {
        public Question(String type, String questionId, int index, int total, String questionType, String stem,
                        List<LiveQuestion.OptionView> options, long timeLimitMs, long openedAt, long deadline,
                        long serverTime, int points, double multiplier) {
            this(type, questionId, index, total, questionType, stem, options, timeLimitMs, openedAt, deadline,
                    serverTime, points, multiplier, null);
        }

        /** The same question with the options in another order (a participant's shuffle; pictures move with them). */
        public Question withOptions(List<LiveQuestion.OptionView> order) {
            return new Question(type, questionId, index, total, questionType, stem, order, timeLimitMs, openedAt,
                    deadline, serverTime, points, multiplier, image);
        }
    }

    /**
     * The question that opens next, told before it opens (in {@code state}, {@code reveal} and
     * {@code leaderboard}) so that pages can show "x2" or "练习" ahead: its index, points and multiplier.
     */
    public record Next(int index, int points, double multiplier) {
        public static Next of(LiveQuestion q) {
            return q == null ? null : new Next(q.index(), q.points(), q.multiplier());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ack(String type, String questionId, String requestId, boolean accepted, String reason) {
        public Ack(String questionId, String requestId, boolean accepted, String reason) {
            this("ack", questionId, requestId, accepted, reason);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Closed(String type, String questionId, long closedAt) {
        public Closed(String questionId, long closedAt) {
            this("closed", questionId, closedAt);
        }
    }

    /**
     * distribution: per option id (choice types; for multiple, each option once per answer that chose it),
     * or the 10 most frequent normalised answers plus "…" (text, numeric); combinations: multiple only, per
     * distinct set of options (see {@link io.jingda.scoring.AnswerTally}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reveal(String type, String questionId, int index, String questionType, JsonNode correct,
                         Double tolerance, String explanation, SourceDto source, long closedAt, int answered,
                         Map<String, Integer> distribution, Map<String, Integer> combinations,
                         List<RoundMessages.TeamEntry> teams, Next next) {
        public Reveal(String questionId, int index, String questionType, JsonNode correct, Double tolerance,
                      String explanation, SourceDto source, long closedAt, int answered, Map<String, Integer> distribution,
                      Map<String, Integer> combinations, List<RoundMessages.TeamEntry> teams, Next next) {
            this("reveal", questionId, index, questionType, correct, tolerance, explanation, source, closedAt, answered,
                    distribution, combinations, teams, next);
        }
    }

    /**
     * A place on a board, {@code (kind, id, name, rank, score)}: a participant's has {@code id} (their
     * participant id) and {@code nickname}, and leaves out {@code kind} and {@code name} (they would repeat
     * "participant" and the nickname in every entry of every frame to every phone). Team standings travel
     * beside the entries, as {@code teams} ({@link RoundMessages.TeamEntry}), with the team's colour.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(int rank, String nickname, long score, String kind, Long id, String name) {
        public static Entry participant(int rank, long participantId, String nickname, long score) {
            return new Entry(rank, nickname, score, null, participantId, null);
        }
    }

    /** {@code teams}: the team standings, in a team contest; {@code next}: the question that opens next. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Leaderboard(String type, String questionId, long closedAt, List<Entry> top, int participants,
                              List<RoundMessages.TeamEntry> teams, Next next) {
        public Leaderboard(String questionId, long closedAt, List<Entry> top, int participants,
                           List<RoundMessages.TeamEntry> teams, Next next) {
            this("leaderboard", questionId, closedAt, top, participants, teams, next);
        }
    }

    /** {@code teams}: the team standings, in a team contest (its podium is their first three places). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Finished(String type, List<Entry> podium, int participants, List<RoundMessages.TeamEntry> teams) {
        public Finished(List<Entry> podium, int participants, List<RoundMessages.TeamEntry> teams) {
            this("finished", podium, participants, teams);
        }
    }

    /** Pause and resume: the new countdown, if a question is open. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(String type, String status, String phase, String questionId, Long deadline, Long remainingMs,
                         long serverTime) {
        public Status(String status, String phase, String questionId, Long deadline, Long remainingMs, long serverTime) {
            this("status", status, phase, questionId, deadline, remainingMs, serverTime);
        }
    }

    /** Host: the count and who joined or left since the previous push. */
    public record Participants(String type, int count, List<Person> joined, List<Person> left) {
        public Participants(int count, List<Person> joined, List<Person> left) {
            this("participants", count, joined, left);
        }
    }

    public record Person(long participantId, String nickname) {
    }

    /** distribution and combinations (as in {@link Reveal}) only on the host channel; the screen gets counts only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Progress(String type, String questionId, int answered, int participants,
                           Map<String, Integer> distribution, Map<String, Integer> combinations) {
        public Progress(String questionId, int answered, int participants, Map<String, Integer> distribution,
                        Map<String, Integer> combinations) {
            this("progress", questionId, answered, participants, distribution, combinations);
        }
    }

    public record Error(String type, String code, String message) {
        public Error(String code, String message) {
            this("error", code, message);
        }
    }

    public record Pong(String type, long serverTime) {
        public Pong(long serverTime) {
            this("pong", serverTime);
        }
    }
}
