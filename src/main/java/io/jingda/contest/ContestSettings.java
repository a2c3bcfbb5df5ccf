package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** How a contest runs; stored as JSON on the contest row and returned as is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContestSettings(
        Integer timeLimit,
        Scoring scoring,
        boolean shuffleOptions,
        int leaderboardSize,
        AutoAdvance autoAdvance,
        int maxParticipants,
        String round,
        Draw draw,
        int joinsPerMinute,
        List<TeamDefinition> teams,
        String teamPick,
        Integer teamSize,
        String teamScoring,
        Integer baseScore,
        List<RoundDefinition> rounds,
        String mode,
        OnlineSettings online) {

    /** The mode of a self-paced online contest ({@code mode}); a live contest has none. */
    public static final String SELF_PACED = "self-paced";

    /**
     * The kinds of round a contest without a plan may name in {@code round}; the engine has a round policy for
     * each ({@code live.RoundMode}). A plan of rounds ({@code rounds}) names its kinds per round ({@link RoundKind}).
     */
    public static final List<String> ROUNDS = List.of("standard");

    /** Joins a contest admits per minute unless its host says otherwise: a hall of 2,000 joins in seconds. */
    public static final int DEFAULT_JOINS_PER_MINUTE = 6000;
    /** The most a host may set (1,000 a second). */
    public static final int MAX_JOINS_PER_MINUTE = 60_000;

    /** A contest stored before {@code joinsPerMinute} existed (0 in its JSON) gets the default. */
    public ContestSettings {
        if (joinsPerMinute <= 0) {
            joinsPerMinute = DEFAULT_JOINS_PER_MINUTE;
        }
        teams = teams == null || teams.isEmpty() ? null : List.copyOf(teams);
        rounds = rounds == null || rounds.isEmpty() ? null : List.copyOf(rounds);
    }

    public ContestSettings(Integer timeLimit, Scoring scoring, boolean shuffleOptions, int leaderboardSize,
                           AutoAdvance autoAdvance, int maxParticipants, String round, Draw draw) {
        this(timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance, maxParticipants, round, draw, 0);
    }

    public ContestSettings(Integer timeLimit, Scoring scoring, boolean shuffleOptions, int leaderboardSize,
                           AutoAdvance autoAdvance, int maxParticipants, String round, Draw draw, int joinsPerMinute) {
        this(timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance, maxParticipants, round, draw,
                joinsPerMinute, null, null, null, null, null, null);
    }

    public ContestSettings(Integer timeLimit, Scoring scoring, boolean shuffleOptions, int leaderboardSize,
                           AutoAdvance autoAdvance, int maxParticipants, String round, Draw draw, int joinsPerMinute,
                           List<TeamDefinition> teams, String teamPick, Integer teamSize, String teamScoring,
                           Integer baseScore, List<RoundDefinition> rounds) {
        this(timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance, maxParticipants, round, draw,
                joinsPerMinute, teams, teamPick, teamSize, teamScoring, baseScore, rounds, null, null);
    }

    /** Whether this is a self-paced online contest. */
    public boolean selfPaced() {
        return SELF_PACED.equals(mode);
    }

    /** The same settings with another online part (a window moved by {@code extend}). */
    public ContestSettings withOnline(OnlineSettings o) {
        return new ContestSettings(timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance, maxParticipants,
                round, draw, joinsPerMinute, teams, teamPick, teamSize, teamScoring, baseScore, rounds, mode, o);
    }

    /** Whether the contest is played by teams. */
    public boolean hasTeams() {
        return teams != null;
    }

    /** The rounds: those of the plan, or for a contest without one, one standard round of all its questions. */
    public List<RoundDefinition> plan(int questionCount) {
        return rounds != null ? rounds : List.of(RoundDefinition.standard(questionCount));
    }

    /** The same settings with other join limits (the only settings that change once a contest is open). */
    public ContestSettings withJoinLimits(int maxParticipants, int joinsPerMinute) {
        return new ContestSettings(timeLimit, scoring, shuffleOptions, leaderboardSize, autoAdvance, maxParticipants,
                round, draw, joinsPerMinute, teams, teamPick, teamSize, teamScoring, baseScore, rounds, mode, online);
    }

    /**
     * {@code ordering}: how an ordering question scores, {@code all} (all or nothing, the default) or
     * {@code partial} (credit for each position that is right; see {@code scoring.ScoringRules}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scoring(String mode, Boolean streakBonus, String ordering) {
        public static final List<String> ORDERING = List.of("all", "partial");

        public Scoring(String mode, Boolean streakBonus) {
            this(mode, streakBonus, null);
        }

        /** The {@code ordering} of a request's scoring (null when not given), checked. */
        /** The scoring mode asked for ({@code speed} when none), with an error if it is neither speed nor accuracy. */
        static String mode(Scoring s, List<io.jingda.system.FieldError> errors) {
            String m = s == null || s.mode() == null ? "speed" : s.mode();
            if (!m.equals("speed") && !m.equals("accuracy")) {
                errors.add(new io.jingda.system.FieldError("scoring.mode", "must be speed or accuracy"));
            }
            return m;
        }

        static String ordering(Scoring s, List<io.jingda.system.FieldError> errors) {
            String o = s == null ? null : s.ordering();
            if (o != null && !ORDERING.contains(o)) {
                errors.add(new io.jingda.system.FieldError("scoring.ordering", "must be all or partial"));
            }
            return o;
        }

        /** Whether an ordering earns partial credit. */
        public boolean orderingPartial() {
            return "partial".equals(ordering);
        }
    }

    /** A self-running contest: seconds the reveal and the leaderboard stay up before moving on. */
    public record AutoAdvance(Integer revealSeconds, Integer leaderboardSeconds) {
    }

    /** A random, reproducible pick of questions from the bank. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Draw(List<String> sets, List<String> tags, List<String> types, Integer difficulty, Integer count,
                       Long seed) {
    }
}
