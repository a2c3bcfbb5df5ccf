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
import io.jingda.scoring.AnswerTally;
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
                : ScoringRules.Mode.SPEED, Boolean.TRUE.equals(settings.scoring().streakBonus()));
        this.round = round;
        this.questions = List.copyOf(d.questions());
        this.questions.forEach(q -> questionsById.put(q.publicId(), q));
        this.ranking = ranking;
        this.standings = standings.individual(ranking, this::nicknameOf);
        this.status = d.status();
        this.phase = d.phase();
        this.index = d.index();
        if (current() != null) {
            roundState = round.open(current(), 0);
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
                roundState.hostActions(phase).forEach(action -> a.add(action.wire()));
                a.addAll(List.of(ContestAction.PAUSE.wire(), ContestAction.FINISH.wire()));
            }
            case PAUSED -> a.addAll(List.of(ContestAction.RESUME.wire(), ContestAction.FINISH.wire()));
            case FINISHED -> { }
        }
        return a;
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
        ContestAction byRound = roundState.due(phase, now, window(graceMs));
        if (byRound != null) {
            return byRound;
        }
        if (phaseUntil != null && now >= phaseUntil) {
            return phase == QuestionPhase.REVEALED ? ContestAction.LEADERBOARD
                    : phase == QuestionPhase.LEADERBOARD ? ContestAction.NEXT : null;
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
        roundState = round.open(q, now);
        openedAt = now;
        deadline = now + q.timeLimitMs();
        closedAt = 0;
        phaseUntil = null;
        remainingMs = null;
        answered = 0;
        tally = q.newTally();
        progressDirty = true;
        lastShared = null;
        lastKind = null;
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
            p.shownStreak = p.lastCorrectIdx == upTo ? p.streak : 0;
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
    public synchronized void shiftTimers(long downtimeMs) {
        if (status == ContestStatus.RUNNING && phase == QuestionPhase.OPEN) {
            deadline += downtimeMs;
            openedAt += downtimeMs;
        }
        if (status == ContestStatus.RUNNING && phaseUntil != null) {
            phaseUntil += downtimeMs;
        }
    }

    // ---------------------------------------------------------------- what the frames say

    /** The question frame of the current question, and how participants get it (shuffled or not). */
    public synchronized Messages.Question questionMessage(long serverTime) {
        LiveQuestion q = current();
        return new Messages.Question("question", q.publicId(), q.index(), questions.size(), q.type().wire(), q.stem(),
                q.options(), q.timeLimitMs(), openedAt, deadline, serverTime);
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
                q.source(), closedAt, answered, tally.distribution(), tally.combinations());
    }

    public synchronized Messages.Leaderboard leaderboardMessage() {
        return new Messages.Leaderboard(current().publicId(), closedAt, standings.top(settings.leaderboardSize()),
                ranking.size());
    }

    public synchronized Messages.Finished finishedMessage() {
        return new Messages.Finished(standings.top(3), ranking.size());
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
        if (q != null && running) {
            question = questionMessage(serverTime);
            if (p != null && !canonicalOptions && shuffles(question)) {
                question = question.withOptions(OptionOrder.of(id, p.id, q.index(), q.options()));
            }
            if (p != null) {
                answeredIt = p.answers.containsKey(q.index());
            }
        }
        Messages.You you = p == null ? null : new Messages.You(p.id, p.nickname, null, null, p.shownScore,
                p.shownRank, p.shownStreak);
        return new Messages.State(id, title, status.name(), phase == null || !running ? null : phase.name(),
                index < 0 ? null : index, questions.size(), question, answeredIt, you, ranking.size(),
                status == ContestStatus.PAUSED ? remainingMs : null, serverTime, host ? allowedActions() : null);
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

    public record Rejected(String reason) implements Submission {
    }

    /** The same answer again (same requestId): acknowledged once the first is stored. */
    public record Replay(ParticipantState.AnswerRecord record) implements Submission {
    }

    /** Claimed in memory: store it, then {@link #stored} or {@link #unclaim}. */
    public record Accepted(ParticipantState.AnswerRecord record) implements Submission {
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
        RoundState.Decision d = roundState.answer(new RoundState.Attempt(p.id, choice, now, p.streakBefore(q.index()),
                rules, window(graceMs)));
        if (d instanceof RoundState.Accept a) {
            ParticipantState.AnswerRecord r = new ParticipantState.AnswerRecord(q.index(), requestId, a.verdict(), now,
                    a.responseMs());
            p.answers.put(q.index(), r);
            return new Accepted(r);
        }
        return new Rejected(d instanceof RoundState.Refuse refuse ? refuse.reason() : "INVALID");
    }

    /** A claim other than an answer (a buzz), decided by the round; null when the participant is unknown. */
    public synchronized RoundState.Decision claim(long participantId, String claim, long now, long graceMs) {
        ParticipantState p = participants.get(participantId);
        if (p == null || p.kicked || status != ContestStatus.RUNNING || phase != QuestionPhase.OPEN) {
            return new RoundState.Refuse("NOT_OPEN");
        }
        return roundState.claim(claim, p.id, now, window(graceMs));
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

    /** The answer is durable: score it, rank it, count it. */
    public synchronized void stored(long participantId, ParticipantState.AnswerRecord r) {
        ParticipantState p = participants.get(participantId);
        p.apply(r.idx, r.verdict.correct(), r.verdict.points(), r.responseMs);
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
                              long joinedAt) implements JoinCheck {
    }

    /** Why a join is refused: the contest has finished, is full, the nickname is taken, or it joins too fast. */
    public sealed interface Refusal extends JoinCheck permits Closed, Full, Taken, TooFast {
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
        return new Reservation(nextParticipantId++, nickname, key, tokenHash, now);
    }

    /** Storing the join failed: the nickname is free again. */
    public synchronized void release(Reservation r) {
        nicknameKeys.remove(r.nicknameKey());
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
        ranking.remove(p.id);
        leftSince.add(new Messages.Person(p.id, p.nickname));
        lobbyDirty = true;
        return true;
    }

    /** The host's list: live scores (not only those shown), so hosts see the truth. */
    public synchronized List<ContestEngine.ParticipantView> participantViews() {
        return participants.values().stream()
                .sorted(Comparator.comparingLong(p -> p.id))
                .map(p -> new ContestEngine.ParticipantView(p.id, p.nickname, p.score, p.shownRank, p.kicked, p.joinedAt))
                .toList();
    }

    // ---------------------------------------------------------------- rebuilding after a restart

    /** A participant row, as stored. */
    public record StoredParticipant(long id, String nickname, String nicknameKey, String tokenHash, long joinedAt,
                                    boolean kicked) {
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
        openedAt = s.openedAt() == null ? 0 : s.openedAt();
        deadline = s.deadline() == null ? 0 : s.deadline();
        closedAt = s.closedAt() == null ? 0 : s.closedAt();
        remainingMs = s.remainingMs();
        phaseUntil = s.phaseUntil();
        for (StoredParticipant row : people) {
            ParticipantState p = new ParticipantState(row.id(), row.nickname(), row.nicknameKey(), row.tokenHash(),
                    row.joinedAt());
            admit(p);
            if (row.kicked()) {
                kick(p.id);
            }
        }
        joinedSince.clear();
        leftSince.clear();
        if (index >= 0) {
            tally = current().newTally();
            roundState = round.open(current(), openedAt);
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
        if (!published) {
            publish(upTo);
        }
        progressDirty = true;
        lobbyDirty = true;
    }
}
