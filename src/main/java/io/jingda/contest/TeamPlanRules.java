package io.jingda.contest;

import io.jingda.scoring.Multiplier;
import io.jingda.system.FieldError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a team contest's definition: its teams, and each round's kind and settings with their
 * defaults and limits (the numbers of published rulebooks). Pure: the questions of each round are resolved
 * by the caller ({@link ContestService}) and passed in as counts. Errors name the field
 * ({@code teams[1].color}, {@code rounds[2].stakes}); warnings are advice that does not stop the contest.
 */
public final class TeamPlanRules {
    public static final int MIN_TEAMS = 2;
    public static final int MAX_TEAMS = 16;
    public static final int MAX_TEAM_SIZE = 6;
    public static final int DEFAULT_BASE_SCORE = 100;
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** Distinct colours for teams without one, in order. */
    static final List<String> PALETTE = List.of("#d32f2f", "#1976d2", "#388e3c", "#f57c00", "#7b1fa2", "#0097a7",
            "#c2185b", "#5d4037", "#fbc02d", "#455a64", "#512da8", "#689f38", "#e64a19", "#0288d1", "#afb42b", "#616161");

    private TeamPlanRules() {
    }

    /** The checked team settings; {@code teams} null for a contest without teams. */
    public record Teams(List<TeamDefinition> teams, String teamPick, Integer teamSize, String teamScoring,
                        Integer baseScore) {
    }

    public static Teams teams(ContestRequest r, List<FieldError> errors) {
        List<TeamRequest> in = r.teams();
        if (in == null || in.isEmpty()) {
            if (r.teamPick() != null || r.teamSize() != null || r.teamScoring() != null || r.baseScore() != null) {
                errors.add(new FieldError("teams", "teamPick, teamSize, teamScoring and baseScore need teams"));
            }
            return new Teams(null, null, null, null, null);
        }
        if (in.size() < MIN_TEAMS || in.size() > MAX_TEAMS) {
            errors.add(new FieldError("teams", "give between " + MIN_TEAMS + " and " + MAX_TEAMS + " teams"));
        }
        int size = r.teamSize() == null ? MAX_TEAM_SIZE : r.teamSize();
        if (size < 1 || size > MAX_TEAM_SIZE) {
            errors.add(new FieldError("teamSize", "must be between 1 and " + MAX_TEAM_SIZE));
        }
        String pick = r.teamPick() == null ? "participants" : r.teamPick();
        if (!pick.equals("participants") && !pick.equals("host")) {
            errors.add(new FieldError("teamPick", "must be participants or host"));
        }
        String scoring = r.teamScoring() == null ? "sum" : r.teamScoring();
        if (!scoring.equals("sum") && !scoring.equals("average")) {
            errors.add(new FieldError("teamScoring", "must be sum or average"));
        }
        int base = r.baseScore() == null ? DEFAULT_BASE_SCORE : r.baseScore();
        if (base < 0 || base > 10_000) {
            errors.add(new FieldError("baseScore", "must be between 0 and 10000"));
        }
        List<TeamDefinition> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> members = new HashSet<>();
        for (int i = 0; i < in.size(); i++) {
            TeamRequest t = in.get(i);
            String f = "teams[" + i + "]";
            if (t == null) {
                errors.add(new FieldError(f, "is required"));
                continue;
            }
            String name = t.name() == null ? "" : t.name().strip();
            if (name.isEmpty() || name.length() > 40) {
                errors.add(new FieldError(f + ".name", "is required, at most 40 characters"));
            } else if (!names.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError(f + ".name", "'" + name + "' names two teams"));
            }
            String color = t.color() == null ? PALETTE.get(i % PALETTE.size()) : t.color();
            if (!COLOR.matcher(color).matches()) {
                errors.add(new FieldError(f + ".color", "must be a colour like #d32f2f"));
            }
            List<String> ms = new ArrayList<>();
            if (t.members() != null) {
                if (t.members().size() > size) {
                    errors.add(new FieldError(f + ".members", "at most " + size + " members (teamSize)"));
                }
                for (int m = 0; m < t.members().size(); m++) {
                    String nick = t.members().get(m) == null ? "" : t.members().get(m).strip();
                    if (nick.isEmpty() || nick.length() > 30) {
                        errors.add(new FieldError(f + ".members[" + m + "]", "is required, at most 30 characters"));
                    } else if (!members.add(nick.toLowerCase(Locale.ROOT))) {
                        errors.add(new FieldError(f + ".members[" + m + "]", "'" + nick + "' is in two teams"));
                    } else {
                        ms.add(nick);
                    }
                }
            }
            String captain = t.captain() == null ? null : t.captain().strip();
            if (captain != null && ms.stream().noneMatch(captain::equalsIgnoreCase)) {
                errors.add(new FieldError(f + ".captain", "must be one of the team's members"));
            }
            out.add(new TeamDefinition(i + 1, name, color, ms, captain));
        }
        return new Teams(out, pick, size, scoring, base);
    }

    /**
     * One round with its settings resolved; {@code from} and {@code count} place its questions in the
     * contest, {@code turns} of which are scored (a poll takes no turn: it is played by everyone, as in a
     * standard round). Adds errors (named {@code rounds[i].field}) and warnings.
     */
    public static RoundDefinition round(int i, RoundRequest r, int from, int count, int turns, ContestSettings.Draw draw,
                                        int teamCount, boolean last, List<FieldError> errors, List<String> warnings) {
        String f = "rounds[" + i + "]";
        RoundKind kind = RoundKind.parse(r.kind()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError(f + ".kind", "unknown round kind '" + r.kind()
                    + "' (standard, mandatory, buzzer, wager, tiebreak)"));
            return null;
        }
        if (kind.teamsOnly() && teamCount == 0) {
            errors.add(new FieldError(f + ".kind", "a " + kind.wire() + " round needs teams"));
        }
        if (kind == RoundKind.TIEBREAK && !last) {
            errors.add(new FieldError(f + ".kind", "a tiebreak round must be the last round"));
        }
        String title = r.title() == null || r.title().isBlank() ? null : r.title().strip();
        if (title != null && title.length() > 60) {
            errors.add(new FieldError(f + ".title", "at most 60 characters"));
        }
        String board = choice(f + ".leaderboard", r.leaderboard(), kind == RoundKind.STANDARD ? "question" : "round",
                errors, "question", "round", "end");
        Double multiplier = multiplier(f + ".multiplier", kind, r.multiplier(), errors);
        if (kind == RoundKind.STANDARD) {
            refuseTeamSettings(f, r, errors);
            return new RoundDefinition(i, kind.wire(), title, from, count, draw, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, board, multiplier);
        }
        boolean buzz = kind.buzzes();
        Integer answerSeconds = range(f + ".answerSeconds", r.answerSeconds(), buzz ? 20 : 30, 10, 60, errors);
        String answerMode = choice(f + ".answerMode", r.answerMode(), "client", errors, "client", "aloud");
        Integer right = range(f + ".rightPoints", r.rightPoints(), 10, 0, 1000, errors);
        String answerer = null;
        Boolean requireGo = null;
        Integer wrong = null;
        Integer reading = null;
        Integer buzzSeconds = null;
        String falseStart = null;
        Integer falseStartPoints = null;
        Integer answerStart = null;
        Boolean rebound = null;
        List<Integer> stakes = null;
        String stakeOrder = null;
        Integer stakeSeconds = null;
        Boolean floorZero = null;
        if (kind.turns()) {
            answerer = choice(f + ".answerer", r.answerer(), "rotate", errors, "rotate", "captain");
            requireGo = Boolean.TRUE.equals(r.requireGo());
            if (turns % Math.max(1, teamCount) != 0 && teamCount > 0) {
                warnings.add(f + ": " + turns + " scored questions for " + teamCount
                        + " teams is not a multiple of the team count, so teams get unequal turns");
            }
        }
        if (kind == RoundKind.MANDATORY) {
            wrong = range(f + ".wrongPoints", r.wrongPoints(), 0, 0, 1000, errors);
        }
        if (buzz) {
            wrong = range(f + ".wrongPoints", r.wrongPoints(), kind == RoundKind.TIEBREAK ? 0 : 10, 0, 1000, errors);
            reading = range(f + ".readingSeconds", r.readingSeconds(), 3, 0, 30, errors);
            buzzSeconds = range(f + ".buzzSeconds", r.buzzSeconds(), 10, 3, 60, errors);
            falseStart = choice(f + ".falseStart", r.falseStart(), kind == RoundKind.TIEBREAK ? "lockout" : "penalty",
                    errors, "ignore", "lockout", "penalty");
            falseStartPoints = range(f + ".falseStartPoints", r.falseStartPoints(), 10, 0, 1000, errors);
            answerStart = range(f + ".answerStartSeconds", r.answerStartSeconds(), 5, 1, 30, errors);
            rebound = kind == RoundKind.BUZZER && Boolean.TRUE.equals(r.rebound());
            if (kind == RoundKind.TIEBREAK && Boolean.TRUE.equals(r.rebound())) {
                errors.add(new FieldError(f + ".rebound", "a tiebreak has no rebound: a wrong answer puts the team out"));
            }
        }
        if (kind == RoundKind.TIEBREAK) {
            // a tie-break gives no points: the first right answer wins the tie, a wrong one puts the team out
            if (r.rightPoints() != null || r.wrongPoints() != null) {
                errors.add(new FieldError(f + ".rightPoints", "a tiebreak gives no points: no rightPoints or wrongPoints"));
            }
            right = null;
            wrong = null;
        }
        if (kind == RoundKind.WAGER) {
            stakes = r.stakes() == null ? List.of(10, 20, 30) : r.stakes();
            if (stakes.size() < 2 || stakes.size() > 6) {
                errors.add(new FieldError(f + ".stakes", "give between 2 and 6 stakes"));
            } else {
                for (int s = 0; s < stakes.size(); s++) {
                    Integer v = stakes.get(s);
                    if (v == null || v < 1 || v > 1000) {
                        errors.add(new FieldError(f + ".stakes[" + s + "]", "must be between 1 and 1000"));
                    } else if (s > 0 && stakes.get(s - 1) != null && v <= stakes.get(s - 1)) {
                        errors.add(new FieldError(f + ".stakes", "must be strictly ascending (" + stakes + ")"));
                        break;
                    }
                }
            }
            stakeOrder = choice(f + ".stakeOrder", r.stakeOrder(), "simultaneous", errors, "simultaneous", "score");
            stakeSeconds = range(f + ".stakeSeconds", r.stakeSeconds(), 15, 5, 120, errors);
            floorZero = Boolean.TRUE.equals(r.floorZero());
            if (r.rightPoints() != null || r.wrongPoints() != null) {
                errors.add(new FieldError(f + ".rightPoints", "a wager round scores the stake: no rightPoints or wrongPoints"));
            }
            right = null;
        }
        notFor(kind, f, r, errors);
        return new RoundDefinition(i, kind.wire(), title, from, count, draw, answerSeconds, answerer, requireGo, right,
                wrong, answerMode, reading, buzzSeconds, falseStart, falseStartPoints, answerStart, rebound, stakes,
                stakeOrder, stakeSeconds, floorZero, board, multiplier);
    }

    /**
     * A round's multiplier (default 1), and whether questions of a round of this kind may have one other than 1:
     * not in a wager round (the team's stake is its points) nor in a tie-break (it gives no points).
     */
    static Double multiplier(String field, RoundKind kind, Double given, List<FieldError> errors) {
        Multiplier.problem(given).ifPresent(p -> errors.add(new FieldError(field, p)));
        if (given != null && given != Multiplier.DEFAULT && !multiplies(kind)) {
            errors.add(new FieldError(field, "a " + kind.wire() + " round takes no multiplier ("
                    + (kind == RoundKind.WAGER ? "its points are the teams' stakes" : "it gives no points") + ")"));
        }
        return given == null ? Multiplier.DEFAULT : given;
    }

    /** Whether the points of this kind of round are multiplied (wager and tie-break rounds: no). */
    static boolean multiplies(RoundKind kind) {
        return kind != RoundKind.WAGER && kind != RoundKind.TIEBREAK;
    }

    private static void refuseTeamSettings(String f, RoundRequest r, List<FieldError> errors) {
        if (r.answerSeconds() != null || r.answerer() != null || r.requireGo() != null || r.rightPoints() != null
                || r.wrongPoints() != null || r.answerMode() != null || r.readingSeconds() != null
                || r.buzzSeconds() != null || r.falseStart() != null || r.stakes() != null || r.stakeOrder() != null
                || r.stakeSeconds() != null || r.rebound() != null || r.floorZero() != null) {
            errors.add(new FieldError(f, "a standard round takes only title, questionIds or draw, leaderboard and "
                    + "multiplier (its timing and scoring are the contest's)"));
        }
    }

    /** Settings given for a kind that has no use for them are refused rather than silently ignored. */
    private static void notFor(RoundKind kind, String f, RoundRequest r, List<FieldError> errors) {
        if (!kind.buzzes() && (r.readingSeconds() != null || r.buzzSeconds() != null || r.falseStart() != null
                || r.falseStartPoints() != null || r.answerStartSeconds() != null || r.rebound() != null)) {
            errors.add(new FieldError(f, "readingSeconds, buzzSeconds, falseStart, falseStartPoints, "
                    + "answerStartSeconds and rebound are for buzzer and tiebreak rounds"));
        }
        if (kind != RoundKind.WAGER && (r.stakes() != null || r.stakeOrder() != null || r.stakeSeconds() != null
                || r.floorZero() != null)) {
            errors.add(new FieldError(f, "stakes, stakeOrder, stakeSeconds and floorZero are for wager rounds"));
        }
        if (!kind.turns() && (r.answerer() != null || r.requireGo() != null)) {
            errors.add(new FieldError(f, "answerer and requireGo are for mandatory and wager rounds"));
        }
    }

    private static Integer range(String field, Integer given, int dflt, int min, int max, List<FieldError> errors) {
        int v = given == null ? dflt : given;
        if (v < min || v > max) {
            errors.add(new FieldError(field, "must be between " + min + " and " + max));
        }
        return v;
    }

    private static String choice(String field, String given, String dflt, List<FieldError> errors, String... allowed) {
        String v = given == null ? dflt : given;
        if (!List.of(allowed).contains(v)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed)));
        }
        return v;
    }
}
