package io.jingda.live.team;

import io.jingda.contest.RoundDefinition;
import io.jingda.contest.RoundKind;
import io.jingda.contest.TeamDefinition;
import io.jingda.live.protocol.RoundMessages;
import io.jingda.scoring.Multiplier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntToLongFunction;
import java.util.function.LongFunction;

/**
 * The team rounds of one contest: who plays for which team, the round being played, the stakes, and the
 * current question's turn, buzz and judgement, with every team's points. It is event-sourced: each command
 * (a buzz, a stake, a timer, a host's go, judge or skip) checks the state, makes {@link RoundEvent}s and
 * applies them at once; the caller stores the events before it announces them, and a restart rebuilds the
 * match by {@link #apply applying} the stored events in order. Pure: no I/O, no clock, no lock of its own:
 * it runs under its contest runtime's lock.
 * <p>
 * Longer than most classes because it is the whole rulebook of four kinds of round in one state machine;
 * the rules share the turn, the buzz and the team points, and splitting them would spread that state.
 */
public final class Match {
    /** Where the current team question stands. */
    public enum Step {
        /** The question is shown; the buzz is not open yet. */
        READING,
        /** The buzz is open. */
        BUZZING,
        /** A participant answers (a turn). */
        ANSWERING,
        /** A mandatory or wager turn waits for the host's go. */
        READY,
        /** Nothing more happens on this question: it closes. */
        OVER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a command did: its events (already applied), or the refusal (maybe with events, e.g. a false start). */
    public record Result(List<RoundEvent> events, String refused, boolean ordered) {
        public Result(List<RoundEvent> events, String refused) {
            this(events, refused, false);
        }

        static Result ok(List<RoundEvent> events) {
            return new Result(events, null);
        }

        static Result no(String reason) {
            return new Result(List.of(), reason);
        }

        /** Refused, but the buzz took a place in the buzz order (a team's first buzz after the winner's). */
        static Result late(String reason) {
            return new Result(List.of(), reason, true);
        }

        public boolean accepted() {
            return refused == null;
        }
    }

    private record Pick(int team, int stake, boolean auto) {
    }

    private record Buzz(int team, long participant, long reactionMs) {
    }

    /** The current question of a team round. */
    private static final class Play {
        final int idx;
        long openedAt;
        Step step;
        Integer turnTeam;
        Long turnParticipant;
        Long turnAt;
        Long turnDeadline;
        Long buzzOpenedAt;
        Long buzzDeadline;
        boolean rebound;
        Buzz winner;
        final Set<Integer> locked = new LinkedHashSet<>();
        /** Each team's first buzz since the buzz opened: participant and reaction time, in receive order. */
        final Map<Integer, long[]> order = new LinkedHashMap<>();
        String judgement;

        Play(int idx, long openedAt, Step step) {
            this.idx = idx;
            this.openedAt = openedAt;
            this.step = step;
        }
    }

    private final List<TeamDefinition> teams;
    private final Map<Integer, TeamDefinition> teamById = new LinkedHashMap<>();
    private final List<RoundDefinition> rounds;
    private final int baseScore;
    private final int teamSize;
    private final IntFunction<String> questionIds;
    private final LongFunction<String> nicknames;
    /** The part of a team's score its members' own points make (their sum or average), from the runtime. */
    private final IntToLongFunction memberPart;
    private final IntToDoubleFunction multipliers;
    /** Whether question {@code idx} is scored; one that is not (a poll) is a crowd question: no turn, no buzz, no stake. */
    private final IntPredicate scored;

    private final Map<Long, Integer> teamOf = new HashMap<>();
    private final Map<Integer, List<Long>> members = new HashMap<>();
    private final Map<Integer, Long> captains = new HashMap<>();
    private final Map<Integer, Long> lastAnswerer = new HashMap<>();

    private long seq;
    /** The last event known to be stored: a judged question closes only once its judgement is. */
    private long storedSeq;
    private long judgedSeq;
    private int round = -1;
    private List<Integer> playing = List.of();
    private final Set<Integer> out = new LinkedHashSet<>();
    private final Map<Integer, Integer> tiebreakWins = new HashMap<>();
    private Integer tiebreakWinner;
    private final Map<Integer, Long> teamPoints = new HashMap<>();
    private final Map<Integer, Long> rulingPoints = new HashMap<>();
    private final Map<Integer, Pick> picks = new LinkedHashMap<>();
    private List<Integer> stakeOrder;
    private Long stakeDeadline;
    private Play play;

    public Match(List<TeamDefinition> teams, List<RoundDefinition> rounds, int baseScore, int teamSize,
                 IntFunction<String> questionIds, LongFunction<String> nicknames, IntToLongFunction memberPart) {
        this(teams, rounds, baseScore, teamSize, questionIds, nicknames, memberPart, i -> Multiplier.DEFAULT, i -> true);
    }

    /**
     * {@code multipliers}: each question's multiplier (by contest index), which scales its right and wrong points;
     * {@code scored}: whether a question is scored (false for a poll, which the match leaves to the crowd).
     */
    public Match(List<TeamDefinition> teams, List<RoundDefinition> rounds, int baseScore, int teamSize,
                 IntFunction<String> questionIds, LongFunction<String> nicknames, IntToLongFunction memberPart,
                 IntToDoubleFunction multipliers, IntPredicate scored) {
        this.multipliers = multipliers;
        this.scored = scored;
        this.teams = teams == null ? List.of() : List.copyOf(teams);
        this.teams.forEach(t -> {
            teamById.put(t.id(), t);
            members.put(t.id(), new ArrayList<>());
        });
        this.rounds = List.copyOf(rounds);
        this.baseScore = baseScore;
        this.teamSize = teamSize;
        this.questionIds = questionIds;
        this.nicknames = nicknames;
        this.memberPart = memberPart;
    }

    // ------------------------------------------------------------------ teams and members

    public List<TeamDefinition> teams() {
        return teams;
    }

    public boolean hasTeams() {
        return !teams.isEmpty();
    }

    public boolean isTeam(Integer id) {
        return id != null && teamById.containsKey(id);
    }

    /** The team a nickname key was listed in, if any. */
    public Integer listedTeam(String nicknameKey) {
        for (TeamDefinition t : teams) {
            for (String m : t.members()) {
                if (m.toLowerCase(Locale.ROOT).equals(nicknameKey)) {
                    return t.id();
                }
            }
        }
        return null;
    }

    public boolean full(int team) {
        return members.getOrDefault(team, List.of()).size() >= teamSize;
    }

    public Integer teamOf(long participant) {
        return teamOf.get(participant);
    }

    /** The members of a team in join order (removed ones left out). */
    public List<Long> members(int team) {
        return List.copyOf(members.getOrDefault(team, List.of()));
    }

    /** Puts a participant in a team (null: in none); the nickname makes them captain where the plan says so. */
    public void place(long participant, Integer team, String nickname) {
        Integer before = teamOf.remove(participant);
        if (before != null) {
            members.get(before).remove(participant);
            if (captains.get(before) != null && captains.get(before) == participant) {
                captains.remove(before);
            }
        }
        if (team == null || !teamById.containsKey(team)) {
            return;
        }
        teamOf.put(participant, team);
        members.get(team).add(participant);
        String captain = teamById.get(team).captain();
        if (captain != null && captain.equalsIgnoreCase(nickname)) {
            captains.put(team, participant);
        }
    }

    /** The team's captain: the plan's, once joined, else the first member to join. */
    public Long captain(int team) {
        Long c = captains.get(team);
        if (c != null) {
            return c;
        }
        List<Long> m = members.getOrDefault(team, List.of());
        return m.isEmpty() ? null : m.get(0);
    }

    // ------------------------------------------------------------------ scores

    public void rule(int team, int points) {
        rulingPoints.merge(team, (long) points, Long::sum);
    }

    /** A team's score now: base, its rounds' points, rulings, and its members' own points. */
    public long score(int team) {
        return baseScore + teamPoints.getOrDefault(team, 0L) + rulingPoints.getOrDefault(team, 0L)
                + memberPart.applyAsLong(team);
    }

    /** Team standings: score, then tie-break wins; equal teams share a rank. */
    public List<RoundMessages.TeamEntry> standings() {
        List<TeamDefinition> sorted = new ArrayList<>(teams);
        Map<Integer, Long> scores = new HashMap<>();
        teams.forEach(t -> scores.put(t.id(), score(t.id())));
        sorted.sort(Comparator.comparingLong((TeamDefinition t) -> -scores.get(t.id()))
                .thenComparingInt(t -> -tiebreakWins.getOrDefault(t.id(), 0))
                .thenComparingInt(TeamDefinition::id));
        List<RoundMessages.TeamEntry> out = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            TeamDefinition t = sorted.get(i);
            if (i == 0 || !scores.get(t.id()).equals(scores.get(sorted.get(i - 1).id()))
                    || !tiebreakWins.getOrDefault(t.id(), 0).equals(tiebreakWins.getOrDefault(sorted.get(i - 1).id(), 0))) {
                rank = i + 1;
            }
            out.add(new RoundMessages.TeamEntry(rank, t.id(), t.name(), t.color(), scores.get(t.id())));
        }
        return out;
    }

    /** The teams as a round's banner lists them: those playing, with their scores. */
    private List<RoundMessages.TeamEntry> playingEntries() {
        return playing.stream().map(teamById::get)
                .map(t -> new RoundMessages.TeamEntry(null, t.id(), t.name(), t.color(), score(t.id()))).toList();
    }

    // ------------------------------------------------------------------ rounds

    public List<RoundDefinition> rounds() {
        return rounds;
    }

    public int round() {
        return round;
    }

    public RoundDefinition current() {
        return round >= 0 ? rounds.get(round) : null;
    }

    /** The round that holds question {@code idx}. */
    public RoundDefinition roundOf(int idx) {
        for (RoundDefinition r : rounds) {
            if (r.holds(idx)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no round holds question " + idx);
    }

    /** The next regular round after the current one (a tie-break is never next: the host starts it). */
    public RoundDefinition nextRound() {
        int n = round + 1;
        return n < rounds.size() && rounds.get(n).roundKind() != RoundKind.TIEBREAK ? rounds.get(n) : null;
    }

    public RoundDefinition tiebreakRound() {
        RoundDefinition last = rounds.get(rounds.size() - 1);
        return last.roundKind() == RoundKind.TIEBREAK && last.count() > 0 ? last : null;
    }

    public boolean inTiebreak() {
        return current() != null && current().roundKind() == RoundKind.TIEBREAK;
    }

    /** Whether the tie-break has been decided (a winner), so no more of its questions are played. */
    public boolean tiebreakDecided() {
        return tiebreakWinner != null;
    }

    public List<Integer> playing() {
        return playing;
    }

    /** Begins round {@code r}; {@code tied}: the teams of a tie-break (null otherwise). */
    public List<RoundEvent> startRound(int r, List<Integer> tied, long now) {
        List<RoundEvent> evs = new ArrayList<>();
        RoundDefinition d = rounds.get(r);
        String detail = tied == null ? null : String.join(",", tied.stream().map(String::valueOf).toList());
        emit(evs, now, RoundEvent.ROUND, r, null, null, null, null, null, detail);
        if (d.roundKind() == RoundKind.WAGER) {
            List<Integer> order = null;
            if ("score".equals(d.stakeOrder())) {
                order = standings().stream().map(RoundMessages.TeamEntry::id).toList();
            }
            emit(evs, now, RoundEvent.STAKES, r, null, null, null, null, now + d.stakeSeconds() * 1000L,
                    order == null ? null : String.join(",", order.stream().map(String::valueOf).toList()));
        }
        return evs;
    }

    /** Whether every playing team has its stake (or the round has none to pick). */
    public boolean stakesComplete() {
        RoundDefinition d = current();
        return d == null || d.roundKind() != RoundKind.WAGER || picks.size() >= playing.size();
    }

    /** The team whose turn it is to pick, when teams pick in order of score; else null. */
    public Integer stakeTurn() {
        if (stakeOrder == null || stakesComplete()) {
            return null;
        }
        for (Integer t : stakeOrder) {
            if (!picks.containsKey(t)) {
                return t;
            }
        }
        return null;
    }

    public Result stake(long participant, int roundIndex, int stake, long now) {
        RoundDefinition d = current();
        if (d == null || roundIndex != round || d.roundKind() != RoundKind.WAGER || play != null || stakesComplete()) {
            return Result.no("NOT_OPEN");
        }
        Integer team = teamOf.get(participant);
        if (team == null || !playing.contains(team)) {
            return Result.no("NO_TEAM");
        }
        if (picks.containsKey(team)) {
            return Result.no("ALREADY_PICKED");
        }
        Integer turn = stakeTurn();
        if (turn != null && !turn.equals(team)) {
            return Result.no("NOT_YOUR_TURN");
        }
        if (!d.stakes().contains(stake)) {
            return Result.no("INVALID_STAKE");
        }
        List<RoundEvent> evs = new ArrayList<>();
        pick(evs, team, stake, false, now);
        return Result.ok(evs);
    }

    private void pick(List<RoundEvent> evs, int team, int stake, boolean auto, long now) {
        RoundDefinition d = current();
        boolean last = picks.size() + 1 >= playing.size();
        Long next = stakeOrder != null && !last ? now + d.stakeSeconds() * 1000L : null;
        emit(evs, now, RoundEvent.STAKE, round, null, team, null, stake, next, auto ? "auto" : null);
    }

    public Integer stakeOf(int team) {
        Pick p = picks.get(team);
        return p == null ? null : p.stake();
    }

    // ------------------------------------------------------------------ questions

    /** Whether the current question is played by teams (false in a standard round, or between questions). */
    public boolean playingQuestion() {
        return play != null;
    }

    public Step step() {
        return play == null ? null : play.step;
    }

    public boolean over() {
        return play != null && play.step == Step.OVER;
    }

    /** Whether the question is over and its judgement stored, so it may close (and announce that after the judgement). */
    public boolean closable() {
        return over() && judgedSeq <= storedSeq;
    }

    /** The events up to {@code seq} are durable. */
    public void stored(long upTo) {
        storedSeq = Math.max(storedSeq, upTo);
    }

    /** Whether the current question ended void (skipped, or nobody buzzed): it is revealed at once. */
    public boolean voided() {
        return play != null && play.judgement != null && play.judgement.startsWith("void:");
    }

    /** Whether question {@code idx} is played by teams: a scored question of a team round (a poll is the crowd's). */
    public boolean teamQuestion(int idx) {
        return roundOf(idx).roundKind().teamsOnly() && scored.test(idx);
    }

    /**
     * Opens question {@code idx} of the current round; nothing for a standard round's question or a poll (played
     * as in a standard round: no turn, no buzz, no stake, no judgement, and no event to store).
     */
    public List<RoundEvent> openQuestion(int idx, long now) {
        RoundDefinition d = current();
        List<RoundEvent> evs = new ArrayList<>();
        if (d == null || !d.roundKind().teamsOnly() || !scored.test(idx)) {
            play = null;
            return evs;
        }
        emit(evs, now, RoundEvent.OPEN, round, idx, null, null, null, null, null);
        if (d.roundKind().turns()) {
            int team = turnTeam(d, idx);
            Long who = answerer(d, team);
            Long deadline = Boolean.TRUE.equals(d.requireGo()) ? null : now + d.answerSeconds() * 1000L;
            emit(evs, now, RoundEvent.TURN, round, idx, team, who, null, deadline, null);
        } else if (d.readingSeconds() == 0) {
            emit(evs, now, RoundEvent.BUZZ_OPEN, round, idx, null, null, null, now + d.buzzSeconds() * 1000L, null);
        }
        return evs;
    }

    /**
     * The team whose question this is: the teams in turn, the order rotating by one each round. Only scored
     * questions take a turn: a poll between two turns leaves the rotation as if it were not there.
     */
    private int turnTeam(RoundDefinition d, int idx) {
        List<Integer> ids = playing;
        int turns = 0;
        for (int i = d.from(); i < idx; i++) {
            if (scored.test(i)) {
                turns++;
            }
        }
        return ids.get((turns + d.index()) % ids.size());
    }

    /** Who answers for the team: the captain, or the next member after the last one (never twice in a row). */
    private Long answerer(RoundDefinition d, int team) {
        List<Long> m = members.getOrDefault(team, List.of());
        if (m.isEmpty()) {
            return null;
        }
        if ("captain".equals(d.answerer())) {
            return captain(team);
        }
        Long last = lastAnswerer.get(team);
        int at = last == null ? -1 : m.indexOf(last);
        return m.get((at + 1) % m.size());
    }

    /** The host's go: opens the buzz early, or starts a turn that waited for it. */
    public Result go(long now) {
        RoundDefinition d = current();
        if (!goAllowed()) {
            return Result.no("NOT_OPEN");
        }
        List<RoundEvent> evs = new ArrayList<>();
        if (play.step == Step.READING) {
            emit(evs, now, RoundEvent.BUZZ_OPEN, round, play.idx, null, null, null, now + d.buzzSeconds() * 1000L, null);
        } else {
            emit(evs, now, RoundEvent.GO, round, play.idx, play.turnTeam, play.turnParticipant, null,
                    now + d.answerSeconds() * 1000L, null);
        }
        return Result.ok(evs);
    }

    public boolean goAllowed() {
        return play != null && (play.step == Step.READING || play.step == Step.READY);
    }

    /** Whether the host judges the current turn (answers aloud). */
    public boolean judgeAllowed() {
        return play != null && play.step == Step.ANSWERING && current().aloud() && play.turnTeam != null;
    }

    /** The host's judgement of an answer given aloud. */
    public Result judge(boolean correct, long now) {
        if (!judgeAllowed()) {
            return Result.no("NOT_OPEN");
        }
        List<RoundEvent> evs = new ArrayList<>();
        judgeTurn(evs, correct, "HOST", now);
        return Result.ok(evs);
    }

    public boolean skipAllowed() {
        return play != null && play.step != Step.OVER;
    }

    /** Voids the current question: no points. */
    public Result skip(long now) {
        if (!skipAllowed()) {
            return Result.no("NOT_OPEN");
        }
        List<RoundEvent> evs = new ArrayList<>();
        emit(evs, now, RoundEvent.JUDGED, round, play.idx, null, null, 0, null, "void:SKIP");
        return Result.ok(evs);
    }

    /** A buzz, decided in the order buzzes reach this method (the runtime's lock: the server's receive order). */
    public Result buzz(long participant, long now) {
        RoundDefinition d = current();
        if (play == null || !d.roundKind().buzzes() || play.step == Step.OVER) {
            return Result.no(play != null && play.step == Step.OVER ? "TOO_LATE" : "NOT_OPEN");
        }
        Integer team = teamOf.get(participant);
        if (team == null || !playing.contains(team)) {
            return Result.no("NO_TEAM");
        }
        if (play.locked.contains(team) || out.contains(team)) {
            return Result.no("LOCKED_OUT");
        }
        if (play.step == Step.READING) {
            if ("ignore".equals(d.falseStart())) {
                return Result.no("FALSE_START");
            }
            int penalty = "penalty".equals(d.falseStart()) ? -d.falseStartPoints() : 0;
            List<RoundEvent> evs = new ArrayList<>();
            emit(evs, now, RoundEvent.FALSE_START, round, play.idx, team, participant, penalty, null, d.falseStart());
            return new Result(evs, "FALSE_START");
        }
        if (play.step != Step.BUZZING) {
            boolean first = play.buzzOpenedAt != null && !play.order.containsKey(team);
            if (first) {
                play.order.put(team, new long[] {participant, Math.max(0, now - play.buzzOpenedAt)});
            }
            return first ? Result.late("ALREADY_WON") : Result.no("ALREADY_WON");
        }
        if (now > play.buzzDeadline) {
            return Result.no("TOO_LATE");
        }
        List<RoundEvent> evs = new ArrayList<>();
        long reaction = Math.max(0, now - play.buzzOpenedAt);
        emit(evs, now, RoundEvent.BUZZ, round, play.idx, team, participant, null, null, String.valueOf(reaction));
        emit(evs, now, RoundEvent.TURN, round, play.idx, team, participant, null, now + d.answerSeconds() * 1000L, null);
        return Result.ok(evs);
    }

    /**
     * Whether this participant may answer the current team question now; null if so, else the reason:
     * NOT_YOUR_TURN, BEFORE_GO (a turn that waits for the go: the answer voids it), ANSWER_ALOUD, LATE.
     */
    public String mayAnswer(long participant, long now, long graceMs) {
        if (play == null) {
            return null;
        }
        if (play.step == Step.OVER) {
            return "LATE";
        }
        if (play.turnParticipant == null || play.turnParticipant != participant) {
            return "NOT_YOUR_TURN";
        }
        if (play.step == Step.READY) {
            return "BEFORE_GO";
        }
        if (play.step != Step.ANSWERING) {
            return "NOT_YOUR_TURN";
        }
        if (current().aloud()) {
            return "ANSWER_ALOUD";
        }
        if (play.turnDeadline != null && now > play.turnDeadline + graceMs) {
            return "LATE";
        }
        return null;
    }

    /** Who answers the current question now (a turn that is being answered), or null. */
    public Long answering() {
        return play != null && play.step == Step.ANSWERING ? play.turnParticipant : null;
    }

    /** An answer sent before the go: the turn ends with nothing. */
    public List<RoundEvent> voidEarly(long now) {
        List<RoundEvent> evs = new ArrayList<>();
        emit(evs, now, RoundEvent.JUDGED, round, play.idx, play.turnTeam, play.turnParticipant, 0, null,
                "wrong:BEFORE_GO");
        return evs;
    }

    /** The server's judgement of the turn's answer (given in the client). */
    public List<RoundEvent> answered(boolean correct, long now) {
        List<RoundEvent> evs = new ArrayList<>();
        judgeTurn(evs, correct, "ANSWER", now);
        return evs;
    }

    private void judgeTurn(List<RoundEvent> evs, boolean correct, String reason, long now) {
        RoundDefinition d = current();
        int team = play.turnTeam;
        int points;
        switch (d.roundKind()) {
            case WAGER -> {
                int stake = stakeOf(team) == null ? d.stakes().get(0) : stakeOf(team);
                points = correct ? stake : -stake;
                if (!correct && Boolean.TRUE.equals(d.floorZero())) {
                    points = (int) -Math.min(stake, Math.max(0, score(team)));
                }
            }
            case TIEBREAK -> points = 0;
            // wager and tie-break rounds take no multiplier (TeamPlanRules); a false start's penalty is the round's
            default -> points = Multiplier.apply(correct ? d.rightPoints() : -d.wrongPoints(),
                    multipliers.applyAsDouble(play.idx));
        }
        emit(evs, now, RoundEvent.JUDGED, round, play.idx, team, play.turnParticipant, points, null,
                (correct ? "right:" : "wrong:") + reason);
        if (d.roundKind() == RoundKind.TIEBREAK) {
            if (correct) {
                emit(evs, now, RoundEvent.WON, round, play.idx, team, null, null, null, null);
            } else {
                emit(evs, now, RoundEvent.OUT, round, play.idx, team, null, null, null, null);
                List<Integer> left = playing.stream().filter(t -> !out.contains(t)).toList();
                if (left.size() == 1) {
                    emit(evs, now, RoundEvent.WON, round, play.idx, left.get(0), null, null, null, "last");
                }
            }
        } else if (!correct && Boolean.TRUE.equals(d.rebound()) && !play.rebound
                && playing.stream().anyMatch(t -> !play.locked.contains(t))) {
            emit(evs, now, RoundEvent.BUZZ_OPEN, round, play.idx, null, null, null, now + d.buzzSeconds() * 1000L,
                    "rebound");
        }
    }

    /** What the timers make of now: stakes by default, the buzz opening, a turn or a buzz running out. */
    public List<RoundEvent> due(long now, long graceMs) {
        List<RoundEvent> evs = new ArrayList<>();
        RoundDefinition d = current();
        if (d == null) {
            return evs;
        }
        if (play == null) {
            if (d.roundKind() == RoundKind.WAGER && !stakesComplete() && stakeDeadline != null && now > stakeDeadline) {
                int lowest = d.stakes().get(0);
                Integer turn = stakeTurn();
                if (turn != null) {
                    pick(evs, turn, lowest, true, now);
                } else {
                    for (Integer t : playing) {
                        if (!picks.containsKey(t)) {
                            pick(evs, t, lowest, true, now);
                        }
                    }
                }
            }
            return evs;
        }
        switch (play.step) {
            case READING -> {
                if (now >= play.openedAt + d.readingSeconds() * 1000L) {
                    emit(evs, now, RoundEvent.BUZZ_OPEN, round, play.idx, null, null, null,
                            now + d.buzzSeconds() * 1000L, null);
                }
            }
            case BUZZING -> {
                if (now > play.buzzDeadline + graceMs) {
                    emit(evs, now, RoundEvent.JUDGED, round, play.idx, null, null, 0, null, "void:NO_BUZZ");
                }
            }
            case ANSWERING -> {
                if (!d.aloud() && play.turnDeadline != null && now > play.turnDeadline + graceMs) {
                    if (play.turnParticipant == null) {
                        // a team with nobody in it: its turn passes with nothing
                        emit(evs, now, RoundEvent.JUDGED, round, play.idx, play.turnTeam, null, 0, null, "wrong:TIMEOUT");
                    } else {
                        judgeTurn(evs, false, "TIMEOUT", now);
                    }
                }
            }
            default -> { }
        }
        return evs;
    }

    /** The timers move on by {@code ms} (a pause, or a restart's downtime). */
    public List<RoundEvent> shift(long ms, long now) {
        List<RoundEvent> evs = new ArrayList<>();
        if (ms > 0 && current() != null) {
            emit(evs, now, RoundEvent.SHIFT, round, play == null ? null : play.idx, null, null, null, ms, null);
        }
        return evs;
    }

    // ------------------------------------------------------------------ events

    private void emit(List<RoundEvent> evs, long at, String kind, int r, Integer q, Integer team, Long participant,
                      Integer points, Long until, String detail) {
        RoundEvent e = new RoundEvent(++seq, at, kind, r, q, team, participant, points, until, detail);
        apply(e);
        evs.add(e);
    }

    /** Applies one event: as it happens, or replayed from the store after a restart (in seq order). */
    public void apply(RoundEvent e) {
        seq = Math.max(seq, e.seq());
        switch (e.kind()) {
            case RoundEvent.ROUND -> {
                round = e.round();
                playing = e.detail() == null ? teams.stream().map(TeamDefinition::id).toList()
                        : Arrays.stream(e.detail().split(",")).map(Integer::valueOf).toList();
                picks.clear();
                stakeOrder = null;
                stakeDeadline = null;
                play = null;
                if (rounds.get(round).roundKind() == RoundKind.TIEBREAK) {
                    out.clear();
                    tiebreakWinner = null;
                }
            }
            case RoundEvent.STAKES -> {
                stakeDeadline = e.until();
                stakeOrder = e.detail() == null ? null
                        : Arrays.stream(e.detail().split(",")).map(Integer::valueOf).toList();
            }
            case RoundEvent.STAKE -> {
                picks.put(e.team(), new Pick(e.team(), e.points(), "auto".equals(e.detail())));
                if (e.until() != null) {
                    stakeDeadline = e.until();
                }
            }
            case RoundEvent.OPEN -> {
                RoundDefinition d = rounds.get(e.round());
                play = new Play(e.question(), e.at(), d.roundKind().buzzes() ? Step.READING : Step.READY);
            }
            case RoundEvent.TURN -> {
                play.turnTeam = e.team();
                play.turnParticipant = e.participant();
                play.turnAt = e.at();
                play.turnDeadline = e.until();
                play.step = e.until() == null ? Step.READY : Step.ANSWERING;
                if (e.participant() != null) {
                    lastAnswerer.put(e.team(), e.participant());
                }
            }
            case RoundEvent.GO -> {
                play.turnDeadline = e.until();
                play.step = Step.ANSWERING;
            }
            case RoundEvent.BUZZ_OPEN -> {
                play.step = Step.BUZZING;
                play.buzzOpenedAt = e.at();
                play.buzzDeadline = e.until();
                play.rebound = "rebound".equals(e.detail());
                play.winner = null;
                play.order.clear();
                play.turnTeam = null;
                play.turnParticipant = null;
                play.turnDeadline = null;
            }
            case RoundEvent.FALSE_START -> {
                play.locked.add(e.team());
                teamPoints.merge(e.team(), (long) e.points(), Long::sum);
            }
            case RoundEvent.BUZZ -> {
                play.winner = new Buzz(e.team(), e.participant(), Long.parseLong(e.detail()));
                play.order.putIfAbsent(e.team(), new long[] {e.participant(), play.winner.reactionMs()});
            }
            case RoundEvent.JUDGED -> {
                if (e.team() != null) {
                    teamPoints.merge(e.team(), (long) e.points(), Long::sum);
                    play.locked.add(e.team());
                }
                play.judgement = e.detail();
                play.step = Step.OVER;
                judgedSeq = e.seq();
            }
            case RoundEvent.OUT -> out.add(e.team());
            case RoundEvent.WON -> {
                tiebreakWinner = e.team();
                tiebreakWins.merge(e.team(), 1, Integer::sum);
            }
            case RoundEvent.SHIFT -> {
                long ms = e.until();
                if (stakeDeadline != null) {
                    stakeDeadline += ms;
                }
                if (play != null) {
                    play.openedAt += ms;
                    if (play.turnDeadline != null) {
                        play.turnDeadline += ms;
                    }
                    if (play.buzzOpenedAt != null) {
                        play.buzzOpenedAt += ms;
                    }
                    if (play.buzzDeadline != null) {
                        play.buzzDeadline += ms;
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown round event '" + e.kind() + "'");
        }
    }

    /**
     * After a replay: question {@code idx} is the one on show. A poll stores no event, so a replay leaves the play
     * of the team question before it in place; that play is over and must not take the poll's votes as answers.
     */
    public void showing(int idx) {
        if (play != null && play.idx != idx) {
            play = null;
        }
    }

    // ------------------------------------------------------------------ what the frames say

    /** A frame to announce and who gets it: everyone, or hosts only ({@code hostsOnly}). */
    public record Announcement(Object frame, boolean hostsOnly) {
    }

    /** The frames that announce these events (applied already), in order. */
    public List<Announcement> announce(List<RoundEvent> events) {
        List<Announcement> out = new ArrayList<>();
        for (RoundEvent e : events) {
            switch (e.kind()) {
                case RoundEvent.ROUND -> {
                    RoundDefinition d = rounds.get(e.round());
                    out.add(new Announcement(new RoundMessages.Round(d.index(), d.kind(), d.title(), d.count(),
                            d.from(), rounds.size(), d.answerMode(), playingEntries(), d.multiplierOrOne()), false));
                }
                case RoundEvent.STAKES -> out.add(new Announcement(wagerOpen(), false));
                case RoundEvent.STAKE -> {
                    boolean complete = stakesComplete();
                    RoundMessages.Wagers w = new RoundMessages.Wagers(round, pickList(), complete);
                    // in turn, every pick is public (later teams see earlier picks); at once, only the host sees
                    // them before all have picked
                    out.add(new Announcement(w, !complete && stakeOrder == null));
                    if (!complete && stakeOrder != null) {
                        out.add(new Announcement(wagerOpen(), false));
                    }
                }
                case RoundEvent.TURN, RoundEvent.GO -> out.add(new Announcement(turnMessage(), false));
                case RoundEvent.BUZZ_OPEN -> out.add(new Announcement(new RoundMessages.BuzzOpen(qid(e),
                        e.at(), e.until(), "rebound".equals(e.detail()), List.copyOf(play.locked)), false));
                case RoundEvent.FALSE_START -> out.add(new Announcement(new RoundMessages.FalseStart(qid(e), e.team(),
                        e.participant(), nicknames.apply(e.participant()), e.points()), false));
                case RoundEvent.BUZZ -> out.add(new Announcement(new RoundMessages.BuzzWinner(qid(e), e.team(),
                        e.participant(), nicknames.apply(e.participant()), Long.parseLong(e.detail())), false));
                case RoundEvent.JUDGED -> {
                    String[] v = e.detail().split(":", 2);
                    Boolean correct = v[0].equals("void") ? null : v[0].equals("right");
                    out.add(new Announcement(new RoundMessages.Judged(qid(e), e.team(), e.participant(), correct,
                            e.points(), v[1]), false));
                }
                case RoundEvent.OUT -> out.add(new Announcement(new RoundMessages.Tiebreak("out", e.team()), false));
                case RoundEvent.WON -> out.add(new Announcement(new RoundMessages.Tiebreak("won", e.team()), false));
                default -> { }
            }
        }
        return out;
    }

    /**
     * The host's buzz order of the current question: each team's first buzz since the buzz opened (the winner
     * first), with its reaction time, as a buzzer machine shows it. Buzzes after the winner's are not stored:
     * after a restart the order holds the winner only.
     */
    public RoundMessages.BuzzOrder buzzOrder() {
        if (play == null) {
            return null;
        }
        List<RoundMessages.BuzzEntry> entries = new ArrayList<>();
        play.order.forEach((team, v) -> entries.add(new RoundMessages.BuzzEntry(team, v[0], nicknames.apply(v[0]), v[1])));
        return new RoundMessages.BuzzOrder(questionIds.apply(play.idx), entries);
    }

    private String qid(RoundEvent e) {
        return e.question() == null ? null : questionIds.apply(e.question());
    }

    private RoundMessages.WagerOpen wagerOpen() {
        RoundDefinition d = current();
        return new RoundMessages.WagerOpen(round, d.stakes(), stakeDeadline == null ? 0 : stakeDeadline, stakeOrder,
                stakeTurn());
    }

    private List<RoundMessages.Pick> pickList() {
        return picks.values().stream().map(p -> new RoundMessages.Pick(p.team(), p.stake(), p.auto())).toList();
    }

    private RoundMessages.Turn turnMessage() {
        if (play == null || play.turnTeam == null) {
            return null;
        }
        RoundDefinition d = current();
        Long startBy = d.roundKind().buzzes() && play.turnAt != null ? play.turnAt + d.answerStartSeconds() * 1000L : null;
        return new RoundMessages.Turn(questionIds.apply(play.idx), play.turnTeam, play.turnParticipant,
                play.turnParticipant == null ? null : nicknames.apply(play.turnParticipant), play.turnDeadline, startBy);
    }

    /** The team part of the state a client gets on connect; picks hidden from non-hosts until complete. */
    public RoundMessages.Play state(boolean host) {
        RoundDefinition d = current();
        if (d == null) {
            return new RoundMessages.Play(null, null, null, null, null, hasTeams() ? standings() : null, null);
        }
        RoundMessages.RoundInfo info = new RoundMessages.RoundInfo(d.index(), d.kind(), d.title(), d.count(), d.from(),
                rounds.size(), d.answerMode(), d.multiplierOrOne());
        RoundMessages.BuzzInfo buzz = null;
        if (play != null && d.roundKind().buzzes()) {
            RoundMessages.BuzzWinner w = play.winner == null ? null : new RoundMessages.BuzzWinner(
                    questionIds.apply(play.idx), play.winner.team(), play.winner.participant(),
                    nicknames.apply(play.winner.participant()), play.winner.reactionMs());
            buzz = new RoundMessages.BuzzInfo(play.buzzOpenedAt, play.buzzDeadline, w, List.copyOf(play.locked),
                    play.rebound);
        }
        RoundMessages.WagersInfo wagers = null;
        if (d.roundKind() == RoundKind.WAGER) {
            boolean complete = stakesComplete();
            boolean showPicks = host || complete || stakeOrder != null;
            wagers = new RoundMessages.WagersInfo(round, d.stakes(), complete ? null : stakeDeadline, stakeOrder,
                    stakeTurn(), showPicks ? pickList() : null, complete);
        }
        String step = play != null ? play.step.wire() : d.roundKind() == RoundKind.WAGER && !stakesComplete()
                ? "staking" : null;
        return new RoundMessages.Play(info, step, turnMessage(), buzz, wagers, hasTeams() ? standings() : null,
                d.roundKind().teamsOnly() ? playing : null);
    }
}
