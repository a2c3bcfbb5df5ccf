package io.jingda.live.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The frames of team contests in rounds (docs/protocol.md, "Team rounds"): rounds, turns, the buzzer,
 * stakes, judgements and rulings, and what {@code state} adds for them. Fields that are null are left out.
 */
public final class RoundMessages {
    private RoundMessages() {
    }

    /** A team as frames name it; {@code score} and {@code rank} only where standings are shown. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamEntry(Integer rank, int id, String name, String color, Long score) {
    }

    /**
     * The start of a round (phase ROUND): its banner; {@code teams} are those who play it; {@code multiplier} its
     * questions' default multiplier (0 = practice).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Round(String type, int index, String kind, String title, int total, int first, int rounds,
                        String answerMode, List<TeamEntry> teams, double multiplier) {
        public Round(int index, String kind, String title, int total, int first, int rounds, String answerMode,
                     List<TeamEntry> teams, double multiplier) {
            this("round", index, kind, title, total, first, rounds, answerMode, teams, multiplier);
        }
    }

    /** Who answers now; {@code deadline} null while a mandatory turn waits for the host's go. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Turn(String type, String questionId, int teamId, Long participantId, String nickname, Long deadline,
                       Long startBy) {
        public Turn(String questionId, int teamId, Long participantId, String nickname, Long deadline, Long startBy) {
            this("turn", questionId, teamId, participantId, nickname, deadline, startBy);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuzzOpen(String type, String questionId, long openedAt, long deadline, boolean rebound,
                           List<Integer> lockedOut) {
        public BuzzOpen(String questionId, long openedAt, long deadline, boolean rebound, List<Integer> lockedOut) {
            this("buzzOpen", questionId, openedAt, deadline, rebound, lockedOut);
        }
    }

    /** {@code reactionMs}: from the buzz's opening to the server's receipt of the winning buzz. */
    public record BuzzWinner(String type, String questionId, int teamId, long participantId, String nickname,
                             long reactionMs) {
        public BuzzWinner(String questionId, int teamId, long participantId, String nickname, long reactionMs) {
            this("buzzWinner", questionId, teamId, participantId, nickname, reactionMs);
        }
    }

    /** Hosts only: each team's first buzz on the question, in the order the server received them. */
    public record BuzzOrder(String type, String questionId, List<BuzzEntry> buzzes) {
        public BuzzOrder(String questionId, List<BuzzEntry> buzzes) {
            this("buzzOrder", questionId, buzzes);
        }
    }

    public record BuzzEntry(int teamId, long participantId, String nickname, long reactionMs) {
    }

    /** To the participant whose buzz did not win: FALSE_START, LOCKED_OUT, TOO_LATE, ALREADY_WON, NOT_OPEN, NO_TEAM. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuzzRefused(String type, String questionId, String requestId, String reason) {
        public BuzzRefused(String questionId, String requestId, String reason) {
            this("buzzRefused", questionId, requestId, reason);
        }
    }

    /** A buzz before the buzz opened, under {@code lockout} or {@code penalty} (points 0 or negative). */
    public record FalseStart(String type, String questionId, int teamId, long participantId, String nickname,
                             int points) {
        public FalseStart(String questionId, int teamId, long participantId, String nickname, int points) {
            this("falseStart", questionId, teamId, participantId, nickname, points);
        }
    }

    /** Stakes are picked: {@code order} (highest score first) and {@code turnTeamId} only when picking in turn. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WagerOpen(String type, int roundIndex, List<Integer> stakes, long deadline, List<Integer> order,
                            Integer turnTeamId) {
        public WagerOpen(int roundIndex, List<Integer> stakes, long deadline, List<Integer> order, Integer turnTeamId) {
            this("wagerOpen", roundIndex, stakes, deadline, order, turnTeamId);
        }
    }

    public record Pick(int teamId, int stake, boolean auto) {
    }

    public record Wagers(String type, int roundIndex, List<Pick> picks, boolean complete) {
        public Wagers(int roundIndex, List<Pick> picks, boolean complete) {
            this("wagers", roundIndex, picks, complete);
        }
    }

    /**
     * A judgement: the server's (ANSWER, TIMEOUT, BEFORE_GO) or the host's (HOST); a void question (SKIP, NO_BUZZ)
     * has no team and {@code correct} null.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Judged(String type, String questionId, Integer teamId, Long participantId, Boolean correct, int points,
                         String reason) {
        public Judged(String questionId, Integer teamId, Long participantId, Boolean correct, int points, String reason) {
            this("judged", questionId, teamId, participantId, correct, points, reason);
        }
    }

    /** A tie-break team out (a wrong answer) or the winner. */
    public record Tiebreak(String type, String event, int teamId) {
        public Tiebreak(String event, int teamId) {
            this("tiebreak", event, teamId);
        }
    }

    /** A host's ruling, and the team standings after it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Ruling(String type, long id, Integer teamId, Long participantId, int points, String reason,
                         Long undoes, String by, long at, List<TeamEntry> teams) {
        public Ruling(long id, Integer teamId, Long participantId, int points, String reason, Long undoes, String by,
                      long at, List<TeamEntry> teams) {
            this("ruling", id, teamId, participantId, points, reason, undoes, by, at, teams);
        }
    }

    /** A participant was put in a team (or out of one: teamId null) by the host. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TeamAssigned(String type, long participantId, String nickname, Integer teamId) {
        public TeamAssigned(long participantId, String nickname, Integer teamId) {
            this("team", participantId, nickname, teamId);
        }
    }

    // ---- what state adds

    /** {@code answerMode}: {@code client} or {@code aloud} (the host judges), for team rounds; else null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RoundInfo(int index, String kind, String title, int total, int first, int rounds, String answerMode,
                            double multiplier) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuzzInfo(Long openedAt, Long deadline, BuzzWinner winner, List<Integer> lockedOut, boolean rebound) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WagersInfo(int roundIndex, List<Integer> stakes, Long deadline, List<Integer> order,
                             Integer turnTeamId, List<Pick> picks, boolean complete) {
    }

    /** The team part of {@code state}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Play(RoundInfo round, String step, Turn turn, BuzzInfo buzz, WagersInfo wagers,
                       List<TeamEntry> teams, List<Integer> playing) {
    }
}
