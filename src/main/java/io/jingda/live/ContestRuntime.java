package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.ContestAction;
import io.jingda.contest.ContestConflicts;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestSettings;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.QuestionPhase;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.OptionOrder;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.protocol.RoundMessages;
import io.jingda.contest.RoundDefinition;
import io.jingda.contest.RoundKind;
import io.jingda.live.team.Match;
import io.jingda.live.team.RoundEvent;
import io.jingda.scoring.AnswerTally;
import io.jingda.scoring.Multiplier;
import io.jingda.scoring.RankingTable;
import io.jingda.scoring.ScoringRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The live state of one open contest, in memory, and the only holder of its lock. Every field is
 * private; other classes call methods that carry out one transition or return an immutable snapshot
 * (records, and the protocol's message records). All methods are short and do no I/O: they run on
 * event-loop threads (answers, connects) as well as on worker threads (host actions, the ticker).
 * Persistence and delivery happen outside, in {@link ContestLifecycle}, {@link AnswerIntake},
 * {@link JoinService} and {@link Broadcasts}. What each question allows is its round's policy
 * ({@link RoundState}); what the contest allows around the questions (lobby, pause, finish) is here.
 * <p>
 * Longer than most classes because it is the whole live state machine of a contest in one place:
 * splitting it would hand its fields, and its lock, to other classes again.
 */
public final class ContestRuntime {
    private final long id;
    private final String title;
    private final String owner;
    private final String code;
    /** Replaced whole when the host changes the join limits of an open contest. */
    private volatile ContestSettings settings;
    private final ScoringRules rules;
    private final RoundMode round;
    /** The team rounds of a contest with a plan of rounds (null for a plain contest: one standard round). */
    private final Match match;
    private final RoundMode teamRound;
    private final List<LiveQuestion> questions;
    private final Map<String, LiveQuestion> questionsById = new HashMap<>();
    private final LiveRanking ranking;
    private final Standings standings;
    /** Serialises host actions and timer transitions of this contest (never taken on an event loop). */
    private final Object transitions = new Object();

    // ---- guarded by this ----
    private ContestStatus status;
    private QuestionPhase phase;
    private int index = -1;
    private RoundState roundState;
    private long openedAt;
    private long deadline;
    private long closedAt;
    /** While PAUSED: what was left of the answer window or of the auto-advance wait. */
    private Long remainingMs;
    /** Auto-advance: when the current reveal or leaderboard moves on. */
    private Long phaseUntil;
    private long finishedAt;
    private long pausedAt;
    private long nextParticipantId = 1;
    private final Set<String> nicknameKeys = new HashSet<>();
    private int answered;
    /** The answers to the current question, counted for the chart (empty before the first question). */
    private AnswerTally tally = AnswerTally.text();
    private boolean progressDirty;
    private boolean lobbyDirty;
    private final List<Messages.Person> joinedSince = new ArrayList<>();
    private final List<Messages.Person> leftSince = new ArrayList<>();
    private long lastPush;
    /** The last reveal/leaderboard/finished frame without "you", replayed to clients that connect late. */
    private String lastShared;
    private LastKind lastKind;

    /** What is on show after a question: a late client gets it after the state. */
    public enum LastKind {
        REVEAL, LEADERBOARD, FINISHED
    }

    private final Map<Long, ParticipantState> participants = new ConcurrentHashMap<>();
    private final Map<String, ParticipantState> byToken = new ConcurrentHashMap<>();

    /** What a contest row says of the contest: its identity, settings, questions and where it stands. */
    public record Definition(long id, String title, String owner, String code, ContestSettings settings,
                             List<LiveQuestion> questions, ContestStatus status, QuestionPhase phase, int index) {
    }

    /** The persisted timing of a contest row, for a rebuild. */
    public record Stored(Long openedAt, Long deadline, Long closedAt, Long remainingMs, Long phaseUntil) {
    }

    public ContestRuntime(Definition d, RoundMode round, LiveRanking ranking, Standings.Factory standings) {
        this.id = d.id();
        this.title = d.title();
        this.owner = d.owner();
        this.code = d.code();
        this.settings = d.settings();
        this.rules = new ScoringRules("accuracy".equals(settings.scoring().mode()) ? ScoringRules.Mode.ACCURACY
                : ScoringRules.Mode.SPEED, Boolean.TRUE.equals(settings.scoring().streakBonus()),
                settings.scoring().orderingPartial());
        this.round = round;
        this.questions = List.copyOf(d.questions());
        this.questions.forEach(q -> questionsById.put(q.publicId(), q));
        this.ranking = ranking;
        this.standings = standings.individual(ranking, this::nicknameOf);
        this.status = d.status();
        this.phase = d.phase();
        this.index = d.index();
        if (settings.rounds() != null) {
            this.match = new Match(settings.teams(), settings.rounds(),
                    settings.baseScore() == null ? 0 : settings.baseScore(),
                    settings.teamSize() == null ? 6 : settings.teamSize(), i -> questions.get(i).publicId(),
                    this::nicknameOf, this::memberPart, i -> questions.get(i).multiplier(),
                    i -> questions.get(i).type().scored());
            this.teamRound = new TeamRound(match);
        } else {
            this.match = null;
            this.teamRound = null;
        }
        if (current() != null) {
            roundState = modeFor(index).open(current(), 0);
        }
    }

    // ---------------------------------------------------------------- identity and snapshots

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String owner() {
        return owner;
    }

    public String code() {
        return code;
    }

    public ContestSettings settings() {
        return settings;
    }

    public void settings(ContestSettings updated) {
        this.settings = updated;
    }

    public int questionCount() {
        return questions.size();
    }

    /** The state of the contest at one instant. */
    public record Snapshot(ContestStatus status, QuestionPhase phase, int index, int total, LiveQuestion question,
                           long openedAt, long deadline, long closedAt, Long remainingMs, Long phaseUntil,
                           long finishedAt, int participants, List<String> allowedActions) {
        public boolean isOpen() {
            return status.isOpen();
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(status, phase, index, questions.size(), current(), openedAt, deadline, closedAt,
                remainingMs, phaseUntil, finishedAt, ranking.size(), allowedActions());
    }

    public synchronized ContestStatus status() {
        return status;
    }

    private LiveQuestion current() {
        return index >= 0 && index < questions.size() ? questions.get(index) : null;
    }

    /**
     * The policy of question {@code idx}: its round's (a team round's, or the standard one). A poll in a team round
     * is played as in a standard round: everyone votes, the host closes and reveals.
     */
    private RoundMode modeFor(int idx) {
        return match != null && match.teamQuestion(idx) ? teamRound : round;
    }

    /** What a team's members add to its score: the sum or the average of their own points. */
    private long memberPart(int team) {
        long sum = 0;
        int n = 0;
        for (long pid : match.members(team)) {
            ParticipantState p = participants.get(pid);
            if (p != null && !p.kicked) {
                sum += p.score;
                n++;
            }
        }
        return "average".equals(settings.teamScoring()) ? (n == 0 ? 0 : Math.round(sum / (double) n)) : sum;
    }

    private List<RoundMessages.TeamEntry> teamStandings() {
        return match != null && match.hasTeams() ? match.standings() : null;
    }

    private String nicknameOf(long participantId) {
        ParticipantState p = participants.get(participantId);
        return p == null ? "?" : p.nickname;
    }

    /** Runs a host action or a timer transition of this contest, one at a time (it may block: never on an event loop). */
    public <T> T serialized(Supplier<T> transition) {
        synchronized (transitions) {
            return transition.get();
        }
    }

    // ---------------------------------------------------------------- the state machine

    /** The host actions allowed now: the contest's around the questions, the round's within one. */
    public synchronized List<String> allowedActions() {
        List<String> a = new ArrayList<>();
        switch (status) {
            case DRAFT -> a.add(ContestAction.OPEN.wire());
            case LOBBY -> a.addAll(List.of(ContestAction.START.wire(), ContestAction.FINISH.wire()));
            case RUNNING -> {
                if (match == null) {
                    roundState.hostActions(phase).forEach(action -> a.add(action.wire()));
                } else {
                    planActions(a);
                }
                a.addAll(List.of(ContestAction.PAUSE.wire(), ContestAction.FINISH.wire()));
            }
            case PAUSED -> a.addAll(List.of(ContestAction.RESUME.wire(), ContestAction.FINISH.wire()));
            case FINISHED -> { }
        }
        return a;
    }

    /** The actions of a contest with rounds (see {@link PlanSteps#actions}). */
    private void planActions(List<String> a) {
        PlanSteps.actions(match, phase, index, roundState).forEach(action -> a.add(action.wire()));
    }

    /** Where {@code next} goes from here: a question, a round's banner, or the finish. */
    public synchronized PlanSteps.Step nextStep() {
        return match == null ? (index + 1 < questions.size() ? new PlanSteps.ToQuestion(index + 1) : new PlanSteps.ToFinish())
                : PlanSteps.next(match, phase, index);
    }

    /** The tie-break round's index. */
    public synchronized int tiebreakIndex() {
        return match.tiebreakRound().index();
    }

    /** The next regular round, for {@code nextRound}. */
    public synchronized int nextRoundIndex() {
        return match.nextRound().index();
    }

    /** Whether this contest is played in rounds (a plan), and whether by teams. */
    public boolean hasPlan() {
        return match != null;
    }

    /** Checks a tie-break's teams: at least two, known, distinct; null if fine, else what is wrong. */
    public synchronized String tiebreakProblem(List<Integer> teams) {
        if (teams == null || teams.size() < 2) {
            return "name at least two tied teams";
        }
        if (teams.stream().distinct().count() != teams.size() || !teams.stream().allMatch(match::isTeam)) {
            return "name each team once, by its id (" + match.teams().stream().map(t -> String.valueOf(t.id())).toList() + ")";
        }
        return null;
    }

    // ---------------------------------------------------------------- team rounds

    /** Begins round {@code r} (its banner; a wager round's stakes open); {@code tied}: a tie-break's teams. */
    public synchronized List<RoundEvent> startRound(int r, List<Integer> tied, long now) {
        status = ContestStatus.RUNNING;
        phase = QuestionPhase.ROUND;
        // a self-running plan (standard rounds only: team rounds take no autoAdvance) shows each banner as long as a reveal
        var auto = settings.autoAdvance();
        phaseUntil = auto == null ? null : now + auto.revealSeconds() * 1000L;
        remainingMs = null;
        lastShared = null;
        lastKind = null;
        return match.startRound(r, tied, now);
    }

    /** A host's go, judgement or skip on the current team question. */
    public synchronized Match.Result hostTeamAction(ContestAction action, Boolean correct, long now) {
        return switch (action) {
            case GO -> match.go(now);
            case JUDGE -> match.judge(Boolean.TRUE.equals(correct), now);
            case SKIP -> match.skip(now);
            default -> throw new IllegalArgumentException(action.wire());
        };
    }

    /** What the team rounds' timers do now (stakes by default, the buzz opening, a turn running out). */
    public synchronized List<RoundEvent> teamDue(long now, long graceMs) {
        if (match == null || status != ContestStatus.RUNNING) {
            return List.of();
        }
        return match.due(now, graceMs);
    }

    /** Whether the current question ended void (skipped, or nobody buzzed): it is revealed at once. */
    public synchronized boolean voided() {
        return match != null && match.voided();
    }

    /** A buzz on the current question, decided in the order buzzes take this lock (the server's receive order). */
    public synchronized Match.Result buzz(long participantId, String questionId, long now) {
        ParticipantState p = participants.get(participantId);
        LiveQuestion q = current();
        if (match == null || p == null || p.kicked || status != ContestStatus.RUNNING || phase != QuestionPhase.OPEN
                || q == null || !q.publicId().equals(questionId)) {
            return new Match.Result(List.of(), match != null && q != null && q.publicId().equals(questionId)
                    && phase != QuestionPhase.OPEN && status == ContestStatus.RUNNING ? "TOO_LATE" : "NOT_OPEN");
        }
        return match.buzz(participantId, now);
    }

    /**
     * After a restart: a turn whose answer is stored but whose judgement is not (the process died between the
     * two writes) is judged now from the stored answer, so an acknowledged answer is never lost to a timeout.
     */
    public synchronized List<RoundEvent> judgeStoredTurn(long now) {
        Long who = match == null || status != ContestStatus.RUNNING || phase != QuestionPhase.OPEN ? null
                : match.answering();
        ParticipantState p = who == null ? null : participants.get(who);
        ParticipantState.AnswerRecord a = p == null ? null : p.answers.get(index);
        return a == null ? List.of() : match.answered(a.verdict.correct(), now);
    }

    /** The host's buzz order of the current question (each team's first buzz, with its reaction time). */
    public synchronized RoundMessages.BuzzOrder buzzOrder() {
        return match == null ? null : match.buzzOrder();
    }

    /** A team's stake, picked by one of its members. */
    public synchronized Match.Result stake(long participantId, int roundIndex, int stake, long now) {
        ParticipantState p = participants.get(participantId);
        if (match == null || p == null || p.kicked || status != ContestStatus.RUNNING || phase != QuestionPhase.ROUND) {
            return new Match.Result(List.of(), "NOT_OPEN");
        }
        return match.stake(participantId, roundIndex, stake, now);
    }

    /** These events are durable (their judgements may now close a question). */
    public synchronized void eventsStored(List<RoundEvent> events) {
        if (match != null && !events.isEmpty()) {
            match.stored(events.get(events.size() - 1).seq());
        }
    }

    /** The frames that announce these events. */
    public synchronized List<Match.Announcement> announce(List<RoundEvent> events) {
        return match == null ? List.of() : match.announce(events);
    }

    /** Whether the team id is one of this contest's. */
    public boolean isTeam(Integer teamId) {
        return match != null && match.isTeam(teamId);
    }

    /** A host's ruling takes effect: points to a team, or to a participant (and through them to their team). */
    public synchronized void rule(Integer teamId, Long participantId, int points) {
        if (teamId != null) {
            match.rule(teamId, points);
        } else {
            ParticipantState p = participants.get(participantId);
            p.score += points;
            if (!p.kicked) {
                ranking.update(p.id, p.score, p.correctTimeMs, p.id);
            }
        }
    }

    /** The team standings now, or null for a contest without teams. */
    public synchronized List<RoundMessages.TeamEntry> teams() {
        return teamStandings();
    }

    /** Whether participant {@code id} is in this contest (removed ones included). */
    public boolean knows(long participantId) {
        return participants.containsKey(participantId);
    }

    /** The host puts a participant in a team (null: in none); false when the team is full. */
    public synchronized boolean assign(long participantId, Integer teamId) {
        ParticipantState p = participants.get(participantId);
        if (teamId != null && !teamId.equals(match.teamOf(participantId)) && match.full(teamId)) {
            return false;
        }
        match.place(participantId, teamId, p.nickname);
        return true;
    }

    public synchronized boolean teamFull(int teamId) {
        return match != null && match.full(teamId);
    }

    public synchronized Integer teamOf(long participantId) {
        return match == null ? null : match.teamOf(participantId);
    }

    public synchronized void require(ContestAction action) {
        List<String> allowed = allowedActions();
        if (!allowed.contains(action.wire())) {
            throw ContestConflicts.invalidAction(id, action, status, phase, index, questions.size(), allowed);
        }
    }

    /** The transition a timer makes now: the round's (closing an answer window), then auto-advance; or null. */
    public synchronized ContestAction due(long now, long graceMs) {
        if (status != ContestStatus.RUNNING) {
            return null;
        }
        ContestAction byRound = phase == QuestionPhase.ROUND || roundState == null ? null
                : roundState.due(phase, now, window(graceMs));
        if (byRound != null) {
            return byRound;
        }
        if (phaseUntil != null && now >= phaseUntil) {
            return phase == QuestionPhase.REVEALED ? ContestAction.LEADERBOARD
                    : phase == QuestionPhase.LEADERBOARD || phase == QuestionPhase.ROUND ? ContestAction.NEXT : null;
        }
        return null;
    }

    private RoundState.Window window(long graceMs) {
        return new RoundState.Window(openedAt, deadline, graceMs);
    }

    /** Whether there is a question after the current one. */
    public synchronized boolean hasNext() {
        return index + 1 < questions.size();
    }

    public synchronized int index() {
        return index;
    }

    public synchronized QuestionPhase phase() {
        return phase;
    }

    public synchronized void openQuestion(int idx, long now) {
        status = ContestStatus.RUNNING;
        phase = QuestionPhase.OPEN;
        index = idx;
        LiveQuestion q = questions.get(idx);
        roundState = modeFor(idx).open(q, now);
        openedAt = now;
        deadline = now + windowMs(idx, q);
        closedAt = 0;
        phaseUntil = null;
        remainingMs = null;
        answered = 0;
        tally = q.newTally();
        progressDirty = true;
        lastShared = null;
        lastKind = null;
    }

    /** The events a question of a team round opens with (its turn, or an immediate buzz), or none. */
    public synchronized List<RoundEvent> openTeamQuestion(long now) {
        return match == null ? List.of() : match.openQuestion(index, now);
    }

    /**
     * The longest a question stays open: its time limit, or in a team round the reading, buzz and answer
     * time (a team question closes when the match says it is over; this is for clients' countdowns).
     */
    private long windowMs(int idx, LiveQuestion q) {
        if (match == null || !match.teamQuestion(idx)) {
            return q.timeLimitMs();
        }
        RoundDefinition d = match.roundOf(idx);
        return d.roundKind().buzzes() ? (d.readingSeconds() + d.buzzSeconds() + d.answerSeconds()) * 1000L
                : d.answerSeconds() * 1000L;
    }

    public synchronized void close(long now) {
        phase = QuestionPhase.CLOSED;
        closedAt = now;
    }

    /** Publishes the standings after the current question: what each participant is told from now on. */
    public synchronized void reveal(Long until) {
        phase = QuestionPhase.REVEALED;
        phaseUntil = until;
        publish(index);
    }

    /** Every participant is told the standings as they are, and their streak as of question {@code upTo}. */
    private void publish(int upTo) {
        for (RankingTable.Standing s : ranking.standings()) {
            ParticipantState p = participants.get(s.participantId());
            p.shownScore = s.score();
            p.shownRank = upTo >= 0 ? s.rank() : null;
            int lastScored = upTo >= 0 && !questions.get(upTo).type().scored() ? previousScored(upTo) : upTo;
            p.shownStreak = p.lastCorrectIdx == lastScored ? p.streak : 0;
        }
    }

    public synchronized void leaderboard(Long until) {
        phase = QuestionPhase.LEADERBOARD;
        phaseUntil = until;
    }

    public synchronized void pause(long now) {
        if (phase == QuestionPhase.OPEN) {
            remainingMs = Math.max(0, deadline - now);
        } else if (phaseUntil != null) {
            remainingMs = Math.max(0, phaseUntil - now);
        } else {
            remainingMs = null;
        }
        status = ContestStatus.PAUSED;
        pausedAt = now;
    }

    /** Resumes; the team rounds' timers move on by the pause (the events to store). */
    public synchronized List<RoundEvent> resumeRounds(long now) {
        resume(now);
        return match == null ? List.of() : match.shift(now - pausedAt, now);
    }

    public synchronized void resume(long now) {
        if (phase == QuestionPhase.OPEN && remainingMs != null) {
            deadline = now + remainingMs;
            // the response time of an answer counts the question's own time only, not the pause
            openedAt = deadline - current().timeLimitMs();
        } else if (phaseUntil != null && remainingMs != null) {
            phaseUntil = now + remainingMs;
        }
        remainingMs = null;
        status = ContestStatus.RUNNING;
    }

    /** Ends the contest; everyone is told their final score and rank. */
    public synchronized void finish(long now) {
        status = ContestStatus.FINISHED;
        phaseUntil = null;
        finishedAt = now;
        for (RankingTable.Standing s : ranking.standings()) {
            ParticipantState p = participants.get(s.participantId());
            p.shownScore = s.score();
            p.shownRank = s.rank();
        }
    }

    /** After a restart: the downtime is not counted against an open question or an auto-advance wait. */
    public synchronized List<RoundEvent> shiftTimers(long downtimeMs, long now) {
        if (status == ContestStatus.RUNNING && phase == QuestionPhase.OPEN) {
            deadline += downtimeMs;
            openedAt += downtimeMs;
        }
        if (status == ContestStatus.RUNNING && phaseUntil != null) {
            phaseUntil += downtimeMs;
        }
        return match != null && status == ContestStatus.RUNNING ? match.shift(downtimeMs, now) : List.of();
    }

    // ---------------------------------------------------------------- what the frames say

    /** The question frame of the current question, and how participants get it (shuffled or not). */
    public synchronized Messages.Question questionMessage(long serverTime) {
        LiveQuestion q = current();
        return new Messages.Question("question", q.publicId(), q.index(), questions.size(), q.type().wire(), q.stem(),
                q.options(), q.timeLimitMs(), openedAt, deadline, serverTime, q.points(), q.multiplier(), q.image());
    }

    /** Whether participants see this question's options in an order of their own. */
    public boolean shuffles(Messages.Question q) {
        return settings.shuffleOptions() && q.options().size() >= 2;
    }

    public synchronized Messages.Closed closedMessage() {
        return new Messages.Closed(current().publicId(), closedAt);
    }

    public synchronized Messages.Reveal revealMessage() {
        LiveQuestion q = current();
        return new Messages.Reveal(q.publicId(), q.index(), q.type().wire(), q.correct(), q.tolerance(), q.explanation(),
                q.source(), closedAt, answered, tally.distribution(), tally.combinations(),
                match != null && PlanSteps.revealShowsTeams(match) ? teamStandings() : null, next());
    }

    public synchronized Messages.Leaderboard leaderboardMessage() {
        return new Messages.Leaderboard(current().publicId(), closedAt, standings.top(settings.leaderboardSize()),
                ranking.size(), teamStandings(), next());
    }

    /** The question after the current one (question 0 in the lobby), or null after the last. */
    private Messages.Next next() {
        return index + 1 < questions.size() ? Messages.Next.of(questions.get(index + 1)) : null;
    }

    public synchronized Messages.Finished finishedMessage() {
        return new Messages.Finished(standings.top(3), ranking.size(), teamStandings());
    }

    public synchronized Messages.Status statusMessage(long serverTime) {
        LiveQuestion q = current();
        boolean open = phase == QuestionPhase.OPEN;
        return new Messages.Status(status.name(), phase == null ? null : phase.name(), q == null ? null : q.publicId(),
                open && status == ContestStatus.RUNNING ? deadline : null,
                status == ContestStatus.PAUSED ? remainingMs : null, serverTime);
    }

    /** Every participant's part of the frame on show ({@code kind}), as they were told at the last reveal. */
    public synchronized Map<Long, Personal> personal(LastKind kind) {
        Map<Long, Personal> out = new HashMap<>(participants.size() * 4 / 3 + 1);
        for (ParticipantState p : participants.values()) {
            out.put(p.id, personalOf(p, kind));
        }
        return out;
    }

    private Personal personalOf(ParticipantState p, LastKind kind) {
        if (kind == LastKind.REVEAL) {
            ParticipantState.AnswerRecord a = p.answers.get(index);
            boolean answeredIt = a != null && a.stored.isDone();
            if (!current().type().scored()) {
                return Personal.poll(answeredIt, p.shownStreak, p.shownScore, p.shownRank);
            }
            return Personal.reveal(answeredIt, answeredIt && a.verdict.correct(), answeredIt ? a.verdict.points() : 0,
                    p.shownStreak, p.shownScore, p.shownRank);
        }
        return Personal.standing(p.shownScore, p.shownRank);
    }

    /** Keeps the frame on show (without "you") for clients that connect late. */
    public synchronized void onShow(LastKind kind, String shared) {
        lastKind = kind;
        lastShared = shared;
    }

    /** What a client that connects now gets after the state: the frame on show, with their part. */
    public synchronized Optional<PlayerFrames.WithYou> replayFor(Long participantId) {
        if (lastShared == null) {
            return Optional.empty();
        }
        ParticipantState p = participantId == null ? null : participants.get(participantId);
        Map<Long, Personal> you = p == null ? Map.of() : Map.of(p.id, personalOf(p, lastKind));
        return Optional.of(new PlayerFrames.WithYou(lastShared, you, false));
    }

    /** The snapshot a connecting client gets: a participant's (their options, their answer, "you") or a watcher's. */
    public synchronized Messages.State stateFor(Long participantId, boolean canonicalOptions, boolean host,
                                                long serverTime) {
        ParticipantState p = participantId == null ? null : participants.get(participantId);
        LiveQuestion q = current();
        Messages.Question question = null;
        Boolean answeredIt = null;
        boolean running = status == ContestStatus.RUNNING || status == ContestStatus.PAUSED;
        if (q != null && running && phase != QuestionPhase.ROUND) {
            question = questionMessage(serverTime);
            if (p != null && !canonicalOptions && shuffles(question)) {
                question = question.withOptions(OptionOrder.of(id, p.id, q.index(), q.options()));
            }
            if (p != null) {
                answeredIt = p.answers.containsKey(q.index());
            }
        }
        Messages.You you = p == null ? null : new Messages.You(p.id, p.nickname, null, null, p.shownScore,
                p.shownRank, p.shownStreak, teamOf(p.id));
        return new Messages.State(id, title, status.name(), phase == null || !running ? null : phase.name(),
                index < 0 ? null : index, questions.size(), question, answeredIt, you, ranking.size(),
                status == ContestStatus.PAUSED ? remainingMs : null, serverTime, host ? allowedActions() : null,
                match == null ? null : match.state(host),
                status == ContestStatus.LOBBY || (running && phase != QuestionPhase.OPEN) ? next() : null);
    }

    /** The throttled pushes that are due: the lobby (count, who joined or left) and the answer progress. */
    public record Pushes(Messages.Lobby lobby, Messages.Lobby screenLobby, Messages.Participants participants,
                         Messages.Progress hostProgress, Messages.Progress screenProgress) {
    }

    public synchronized Optional<Pushes> pushesDue(long now, long intervalMs) {
        if (now - lastPush < intervalMs) {
            return Optional.empty();
        }
        Messages.Lobby lobby = null;
        Messages.Lobby screenLobby = null;
        Messages.Participants people = null;
        Messages.Progress hostProgress = null;
        Messages.Progress screenProgress = null;
        if (lobbyDirty) {
            lobbyDirty = false;
            lobby = new Messages.Lobby(ranking.size());
            screenLobby = screenLobby();
            people = new Messages.Participants(ranking.size(), List.copyOf(tail(joinedSince)),
                    List.copyOf(tail(leftSince)));
            joinedSince.clear();
            leftSince.clear();
        }
        if (progressDirty && phase == QuestionPhase.OPEN && status == ContestStatus.RUNNING) {
            progressDirty = false;
            String qid = current().publicId();
            hostProgress = new Messages.Progress(qid, answered, ranking.size(), tally.distribution(),
                    tally.combinations());
            // the screen is public: counts only, nothing that hints at the answer before the reveal
            screenProgress = new Messages.Progress(qid, answered, ranking.size(), null, null);
        }
        if (lobby == null && hostProgress == null) {
            return Optional.empty();
        }
        lastPush = now;
        return Optional.of(new Pushes(lobby, screenLobby, people, hostProgress, screenProgress));
    }

    /** The lobby frame of the projector: the count and the latest nicknames. */
    public synchronized Messages.Lobby screenLobby() {
        return new Messages.Lobby(ranking.size(), latestNames(Messages.Lobby.LOBBY_NAMES));
    }

    /** The nicknames of the latest n participants not removed, oldest first (for the projector's lobby). */
    private List<String> latestNames(int n) {
        return participants.values().stream().filter(p -> !p.kicked)
                .sorted(Comparator.comparingLong((ParticipantState p) -> p.id).reversed()).limit(n)
                .sorted(Comparator.comparingLong(p -> p.id)).map(p -> p.nickname).toList();
    }

    /** The latest 50 joins or leaves: a burst of thousands of joins is summarised by the count. */
    private static List<Messages.Person> tail(List<Messages.Person> l) {
        return l.size() <= 50 ? l : l.subList(l.size() - 50, l.size());
    }

    // ---------------------------------------------------------------- answers

    public sealed interface Submission permits Rejected, Replay, Accepted {
    }

    /** Refused; {@code events}: what the refusal did in a team round (an answer before the go voids the turn). */
    public record Rejected(String reason, List<RoundEvent> events) implements Submission {
        public Rejected(String reason) {
            this(reason, List.of());
        }
    }

    /** The same answer again (same requestId): acknowledged once the first is stored. */
    public record Replay(ParticipantState.AnswerRecord record) implements Submission {
    }

    /** Claimed in memory: store it, then {@link #stored} or {@link #unclaim}. */
    public record Accepted(ParticipantState.AnswerRecord record, List<RoundEvent> events) implements Submission {
    }

    public synchronized Submission submit(long participantId, String questionId, JsonNode choice, String requestId,
                                          long now, long graceMs) {
        ParticipantState p = participants.get(participantId);
        LiveQuestion q = questionId == null ? null : questionsById.get(questionId);
        if (q == null || p == null || p.kicked) {
            return new Rejected("INVALID");
        }
        ParticipantState.AnswerRecord existing = p.answers.get(q.index());
        if (existing != null) {
            return requestId != null && requestId.equals(existing.requestId) ? new Replay(existing)
                    : new Rejected("ALREADY_ANSWERED");
        }
        if (closedFor(q)) {
            return new Rejected("LATE");
        }
        if (status != ContestStatus.RUNNING || phase != QuestionPhase.OPEN || q.index() != index) {
            return new Rejected("NOT_OPEN");
        }
        RoundState.Decision d = roundState.answer(new RoundState.Attempt(p.id, choice, now,
                p.streakBefore(previousScored(q.index())),
                rules, window(graceMs)));
        if (d instanceof RoundState.Accept a) {
            ParticipantState.AnswerRecord r = new ParticipantState.AnswerRecord(q.index(), requestId, a.verdict(), now,
                    a.responseMs());
            p.answers.put(q.index(), r);
            List<RoundEvent> events = match != null && match.playingQuestion()
                    ? match.answered(a.verdict().correct(), now) : List.of();
            return new Accepted(r, events);
        }
        String reason = d instanceof RoundState.Refuse refuse ? refuse.reason() : "INVALID";
        return new Rejected(reason, "BEFORE_GO".equals(reason) ? match.voidEarly(now) : List.of());
    }

    /**
     * Whether question {@code q} was open and has closed while the contest goes on (running or paused):
     * the current question once its time ran out or the host closed it, or an earlier one. An answer to it
     * is {@code LATE}; one to a question not open yet, in the lobby or after the finish is {@code NOT_OPEN}.
     */
    private boolean closedFor(LiveQuestion q) {
        if (status != ContestStatus.RUNNING && status != ContestStatus.PAUSED) {
            return false;
        }
        return q.index() < index || (q.index() == index && phase != QuestionPhase.OPEN);
    }

    /** The last question before {@code idx} that is scored (not a poll), or -1: where a streak must have reached. */
    private int previousScored(int idx) {
        int i = idx - 1;
        while (i >= 0 && !questions.get(i).type().scored()) {
            i--;
        }
        return i;
    }

    /** The answer is durable: score it, rank it, count it. */
    public synchronized void stored(long participantId, ParticipantState.AnswerRecord r) {
        ParticipantState p = participants.get(participantId);
        p.apply(r.idx, previousScored(r.idx), questions.get(r.idx).type().scored(), r.verdict.correct(),
                r.verdict.points(), r.responseMs, Multiplier.practice(questions.get(r.idx).multiplier()));
        if (!p.kicked) {
            ranking.update(p.id, p.score, p.correctTimeMs, p.id);
        }
        if (r.idx == index) {
            answered++;
            tally.add(r.verdict.choiceKey());
            progressDirty = true;
        }
    }

    /** Storing failed: free the slot so the participant can answer again. */
    public synchronized void unclaim(long participantId, ParticipantState.AnswerRecord r) {
        ParticipantState p = participants.get(participantId);
        if (p != null) {
            p.answers.remove(r.idx, r);
        }
    }

    // ---------------------------------------------------------------- participants

    /** The participant a token belongs to, unless removed. Lock-free: called on every connect. */
    public Optional<Long> participantByToken(String tokenHash) {
        ParticipantState p = byToken.get(tokenHash);
        return p == null || p.kicked ? Optional.empty() : Optional.of(p.id);
    }

    /** Whether this participant is in the contest and not removed. */
    public boolean isIn(long participantId) {
        ParticipantState p = participants.get(participantId);
        return p != null && !p.kicked;
    }

    /** What the contest makes of a join: a reservation, or a refusal. */
    public sealed interface JoinCheck permits Reservation, Refusal {
    }

    /** A join that passed every check: the nickname is held and the participant's id assigned, not yet stored. */
    public record Reservation(long participantId, String nickname, String nicknameKey, String tokenHash,
                              long joinedAt, Integer teamId) implements JoinCheck {
        public Reservation(long participantId, String nickname, String nicknameKey, String tokenHash, long joinedAt) {
            this(participantId, nickname, nicknameKey, tokenHash, joinedAt, null);
        }
    }

    /**
     * Why a join is refused: the contest has finished, is full, the nickname is taken, it joins too fast, the
     * team is full or unknown.
     */
    public sealed interface Refusal extends JoinCheck permits Closed, Full, Taken, TooFast, TeamFull, NoSuchTeam {
    }

    public record TeamFull(int teamId, int size) implements Refusal {
    }

    public record NoSuchTeam(int teamId) implements Refusal {
    }

    public record Closed() implements Refusal {
    }

    public record Full(int max) implements Refusal {
    }

    public record Taken(String suggestion) implements Refusal {
    }

    public record TooFast(long waitSeconds, int perMinute) implements Refusal {
    }

    /** What the join rate says once every other check has passed: 0 to go, else the seconds to wait. */
    public interface JoinRate {
        long tryJoin(long contestId, int perMinute);
    }

    /** Checks a join and holds the nickname; the caller stores the participant, then {@link #admit} or {@link #release}. */
    public synchronized JoinCheck reserve(String nickname, String key, String tokenHash, long now, JoinRate rate) {
        return reserve(nickname, key, tokenHash, now, rate, null);
    }

    /**
     * As above, in a team contest with the team the participant picked: a nickname the plan lists joins its
     * team whatever was picked; a pick counts only where participants pick ({@code teamPick: participants}).
     */
    public synchronized JoinCheck reserve(String nickname, String key, String tokenHash, long now, JoinRate rate,
                                          Integer teamId) {
        Integer team = null;
        if (match != null && match.hasTeams()) {
            Integer listed = match.listedTeam(key);
            team = listed != null ? listed : "participants".equals(settings.teamPick()) ? teamId : null;
            if (team != null && !match.isTeam(team)) {
                return new NoSuchTeam(team);
            }
            if (team != null && match.full(team) && status.isOpen()) {
                return new TeamFull(team, settings.teamSize());
            }
        }
        if (!status.isOpen()) {
            return new Closed();
        }
        int max = settings.maxParticipants();
        if (nicknameKeys.size() >= max) {
            return new Full(max);
        }
        if (nicknameKeys.contains(key)) {
            return new Taken(NicknameRules.suggest(nickname, nicknameKeys).orElse(null));
        }
        // last, so that only joins that would succeed use up the contest's rate
        long wait = rate.tryJoin(id, settings.joinsPerMinute());
        if (wait > 0) {
            return new TooFast(wait, settings.joinsPerMinute());
        }
        nicknameKeys.add(key);
        Reservation r = new Reservation(nextParticipantId++, nickname, key, tokenHash, now, team);
        if (team != null) {
            match.place(r.participantId(), team, nickname); // held now, so that two joins cannot overfill a team
        }
        return r;
    }

    /** Storing the join failed: the nickname and the place in the team are free again. */
    public synchronized void release(Reservation r) {
        nicknameKeys.remove(r.nicknameKey());
        if (r.teamId() != null) {
            match.place(r.participantId(), null, r.nickname());
        }
    }

    /** How many have joined (removed participants included: their nicknames stay taken). */
    public synchronized int joined() {
        return nicknameKeys.size();
    }

    public synchronized void admit(Reservation r) {
        admit(new ParticipantState(r.participantId(), r.nickname(), r.nicknameKey(), r.tokenHash(), r.joinedAt()));
    }

    private void admit(ParticipantState p) {
        participants.put(p.id, p);
        byToken.put(p.tokenHash, p);
        nicknameKeys.add(p.nicknameKey);
        nextParticipantId = Math.max(nextParticipantId, p.id + 1);
        ranking.update(p.id, p.score, p.correctTimeMs, p.id);
        joinedSince.add(new Messages.Person(p.id, p.nickname));
        lobbyDirty = true;
    }

    /** Removes a participant: false when there is no such participant in the contest. */
    public synchronized boolean kick(long participantId) {
        ParticipantState p = participants.get(participantId);
        if (p == null || p.kicked) {
            return false;
        }
        p.kicked = true;
        byToken.remove(p.tokenHash);
        if (match != null) {
            match.place(p.id, null, p.nickname);
        }
        ranking.remove(p.id);
        leftSince.add(new Messages.Person(p.id, p.nickname));
        lobbyDirty = true;
        return true;
    }

    /** The host's list: live scores (not only those shown), so hosts see the truth. */
    public synchronized List<ContestEngine.ParticipantView> participantViews() {
        return participants.values().stream()
                .sorted(Comparator.comparingLong(p -> p.id))
                .map(p -> new ContestEngine.ParticipantView(p.id, p.nickname, p.score, p.shownRank, p.kicked, p.joinedAt,
                        teamOf(p.id)))
                .toList();
    }

    // ---------------------------------------------------------------- rebuilding after a restart

    /** A participant row, as stored. */
    public record StoredParticipant(long id, String nickname, String nicknameKey, String tokenHash, long joinedAt,
                                    boolean kicked, Integer teamId) {
    }

    /** A ruling row, as stored. */
    public record StoredRuling(Integer teamId, Long participantId, int points) {
    }

    /** An answer row, as stored. */
    public record StoredAnswer(long participantId, int questionIdx, String choice, String choiceKey, String requestId,
                               long receivedAt, long responseMs, boolean correct, int points) {
    }

    /**
     * Rebuilds the contest from its rows: the persisted state, the participants, and every stored answer
     * replayed in question order (one pass; the ranking is updated answer by answer as it was live).
     * Participants are told the standings as of the last revealed question.
     */
    public synchronized void restore(Stored s, List<StoredParticipant> people, List<StoredAnswer> answers) {
        restore(s, people, answers, List.of(), List.of());
    }

    /** As above, for a contest in rounds: then the rulings, and the team rounds' events replayed in order. */
    public synchronized void restore(Stored s, List<StoredParticipant> people, List<StoredAnswer> answers,
                                     List<StoredRuling> rulings, List<RoundEvent> events) {
        openedAt = s.openedAt() == null ? 0 : s.openedAt();
        deadline = s.deadline() == null ? 0 : s.deadline();
        closedAt = s.closedAt() == null ? 0 : s.closedAt();
        remainingMs = s.remainingMs();
        phaseUntil = s.phaseUntil();
        for (StoredParticipant row : people) {
            ParticipantState p = new ParticipantState(row.id(), row.nickname(), row.nicknameKey(), row.tokenHash(),
                    row.joinedAt());
            admit(p);
            if (match != null && row.teamId() != null) {
                match.place(p.id, row.teamId(), p.nickname);
            }
            if (row.kicked()) {
                kick(p.id);
            }
        }
        joinedSince.clear();
        leftSince.clear();
        if (index >= 0) {
            tally = current().newTally();
            roundState = modeFor(index).open(current(), openedAt);
        }
        boolean revealed = phase == QuestionPhase.REVEALED || phase == QuestionPhase.LEADERBOARD
                || status == ContestStatus.FINISHED;
        int upTo = revealed ? index : index - 1;
        boolean published = false;
        for (StoredAnswer a : answers) {
            if (!published && a.questionIdx() > upTo) {
                publish(upTo);
                published = true;
            }
            ParticipantState p = participants.get(a.participantId());
            if (p == null) {
                continue;
            }
            ParticipantState.AnswerRecord r = new ParticipantState.AnswerRecord(a.questionIdx(), a.requestId(),
                    new RoundState.Verdict(null, a.choice(), a.choiceKey(), a.correct(), a.points(), 0),
                    a.receivedAt(), a.responseMs());
            r.stored.complete(null);
            p.answers.put(a.questionIdx(), r);
            stored(p.id, r);
        }
        for (StoredRuling r : rulings) {
            if (participants.containsKey(r.participantId() == null ? -1 : r.participantId()) || r.teamId() != null) {
                rule(r.teamId(), r.participantId(), r.points());
            }
        }
        if (match != null) {
            events.forEach(match::apply);
            if (!events.isEmpty()) {
                match.stored(events.get(events.size() - 1).seq());
            }
            if (index >= 0 && phase != QuestionPhase.ROUND) {
                match.showing(index);
            }
        }
        if (!published) {
            publish(upTo);
        }
        progressDirty = true;
        lobbyDirty = true;
    }
}
