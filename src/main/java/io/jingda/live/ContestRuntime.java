package io.jingda.live;

import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Messages;

import io.jingda.contest.ContestAction;
import io.jingda.contest.ContestConflicts;
import io.jingda.contest.ContestSettings;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.scoring.AnswerTally;
import io.jingda.scoring.RankingTable;
import io.jingda.scoring.ScoringRules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live state of one open contest, in memory. All methods are short and do no I/O: they run
 * under this object's lock, on event-loop threads (answers, connects) as well as on worker
 * threads (host actions, the ticker). Persistence and delivery happen outside, in
 * {@link ContestLifecycle}, {@link AnswerIntake} and {@link JoinService}.
 */
final class ContestRuntime {
    final long id;
    final String title;
    final String owner;
    final String code;
    /** Replaced whole when the host changes the join limits of an open contest. */
    volatile ContestSettings settings;
    final ScoringRules rules;
    final RoundMode round;
    final List<LiveQuestion> questions;
    private final Map<String, LiveQuestion> questionsById = new HashMap<>();
    final LiveRanking ranking;
    /** Serialises host actions and timer transitions of this contest (never taken on an event loop). */
    final Object transitions = new Object();

    // ---- guarded by this ----
    ContestStatus status;
    QuestionPhase phase;
    int index = -1;
    long openedAt;
    long deadline;
    long closedAt;
    /** While PAUSED: what was left of the answer window or of the auto-advance wait. */
    Long remainingMs;
    /** Auto-advance: when the current reveal or leaderboard moves on. */
    Long phaseUntil;
    long finishedAt;
    long nextParticipantId = 1;
    final Set<String> nicknameKeys = new HashSet<>();
    int answered;
    /** The answers to the current question, counted for the chart (empty before the first question). */
    AnswerTally tally = AnswerTally.text();
    boolean progressDirty;
    boolean lobbyDirty;
    final List<Messages.Person> joinedSince = new ArrayList<>();
    final List<Messages.Person> leftSince = new ArrayList<>();
    long lastPush;
    long lastHeartbeat;

    /** The last reveal/leaderboard/finished frame without "you", replayed to clients that connect late. */
    volatile String lastShared;
    volatile LastKind lastKind;

    enum LastKind {
        REVEAL, LEADERBOARD, FINISHED
    }

    final Map<Long, ParticipantState> participants = new ConcurrentHashMap<>();
    final Map<String, ParticipantState> byToken = new ConcurrentHashMap<>();

    ContestRuntime(long id, String title, String owner, String code, ContestSettings settings,
                   List<LiveQuestion> questions, LiveRanking ranking) {
        this.id = id;
        this.title = title;
        this.owner = owner;
        this.code = code;
        this.settings = settings;
        this.rules = new ScoringRules("accuracy".equals(settings.scoring().mode()) ? ScoringRules.Mode.ACCURACY
                : ScoringRules.Mode.SPEED, Boolean.TRUE.equals(settings.scoring().streakBonus()));
        this.round = RoundMode.of(settings.round() == null ? "standard" : settings.round()).orElse(RoundMode.STANDARD);
        this.questions = List.copyOf(questions);
        this.questions.forEach(q -> questionsById.put(q.publicId(), q));
        this.ranking = ranking;
    }

    LiveQuestion current() {
        return index >= 0 && index < questions.size() ? questions.get(index) : null;
    }

    int participantCount() {
        return ranking.size();
    }

    /** The nicknames of the latest n participants not removed, oldest first (for the projector's lobby). */
    synchronized List<String> latestNames(int n) {
        return participants.values().stream().filter(p -> !p.kicked)
                .sorted(Comparator.comparingLong((ParticipantState p) -> p.id).reversed()).limit(n)
                .sorted(Comparator.comparingLong(p -> p.id)).map(p -> p.nickname).toList();
    }

    // ---------------------------------------------------------------- the state machine

    synchronized List<String> allowedActions() {
        List<String> a = new ArrayList<>();
        switch (status) {
            case DRAFT -> a.add("open");
            case LOBBY -> a.addAll(List.of("start", "finish"));
            case RUNNING -> {
                switch (phase) {
                    case OPEN -> a.addAll(List.of("close", "reveal", "leaderboard"));
                    case CLOSED -> a.addAll(List.of("reveal", "leaderboard"));
                    case REVEALED -> a.addAll(List.of("leaderboard", "next"));
                    case LEADERBOARD -> a.add("next");
                }
                a.addAll(List.of("pause", "finish"));
            }
            case PAUSED -> a.addAll(List.of("resume", "finish"));
            case FINISHED -> { }
        }
        return a;
    }

    synchronized void require(ContestAction action) {
        List<String> allowed = allowedActions();
        if (!allowed.contains(action.wire())) {
            throw ContestConflicts.invalidAction(id, action, status, phase, index, questions.size(), allowed);
        }
    }

    synchronized void openQuestion(int idx, long now) {
        status = ContestStatus.RUNNING;
        phase = QuestionPhase.OPEN;
        index = idx;
        LiveQuestion q = questions.get(idx);
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

    /** Whether question {@code idx} is closed and not yet revealed. */
    synchronized boolean stillClosed(int idx) {
        return index == idx && phase == QuestionPhase.CLOSED;
    }

    synchronized void close(long now) {
        phase = QuestionPhase.CLOSED;
        closedAt = now;
    }

    /** Publishes the standings after the current question; returns them in order. */
    synchronized List<RankingTable.Standing> reveal(Long until) {
        phase = QuestionPhase.REVEALED;
        phaseUntil = until;
        return publish(index);
    }

    /** What every participant is told: standings as they are, streaks as of question {@code upTo}. */
    synchronized List<RankingTable.Standing> publish(int upTo) {
        List<RankingTable.Standing> standings = ranking.standings();
        for (RankingTable.Standing s : standings) {
            ParticipantState p = participants.get(s.participantId());
            p.shownScore = s.score();
            p.shownRank = upTo >= 0 ? s.rank() : null;
            p.shownStreak = p.lastCorrectIdx == upTo ? p.streak : 0;
        }
        return standings;
    }

    synchronized void leaderboard(Long until) {
        phase = QuestionPhase.LEADERBOARD;
        phaseUntil = until;
    }

    synchronized void pause(long now) {
        if (phase == QuestionPhase.OPEN) {
            remainingMs = Math.max(0, deadline - now);
        } else if (phaseUntil != null) {
            remainingMs = Math.max(0, phaseUntil - now);
        } else {
            remainingMs = null;
        }
        status = ContestStatus.PAUSED;
    }

    synchronized void resume(long now) {
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

    synchronized List<RankingTable.Standing> finish(long now) {
        status = ContestStatus.FINISHED;
        phaseUntil = null;
        finishedAt = now;
        List<RankingTable.Standing> standings = ranking.standings();
        for (RankingTable.Standing s : standings) {
            ParticipantState p = participants.get(s.participantId());
            p.shownScore = s.score();
            p.shownRank = s.rank();
        }
        return standings;
    }

    /** After a restart: the downtime is not counted against an open question or an auto-advance wait. */
    synchronized void shiftTimers(long downtimeMs) {
        if (status == ContestStatus.RUNNING && phase == QuestionPhase.OPEN) {
            deadline += downtimeMs;
            openedAt += downtimeMs;
        }
        if (status == ContestStatus.RUNNING && phaseUntil != null) {
            phaseUntil += downtimeMs;
        }
    }

    // ---------------------------------------------------------------- answers

    sealed interface Submission permits Rejected, Replay, Accepted {
    }

    record Rejected(String reason) implements Submission {
    }

    record Replay(ParticipantState.AnswerRecord record) implements Submission {
    }

    record Accepted(ParticipantState.AnswerRecord record) implements Submission {
    }

    synchronized Submission submit(ParticipantState p, String questionId, JsonNode choice, String requestId, long now,
                                   long graceMs) {
        LiveQuestion q = questionId == null ? null : questionsById.get(questionId);
        if (q == null || p.kicked) {
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
        if (now > deadline + graceMs) {
            return new Rejected("LATE");
        }
        long responseMs = Math.max(0, now - openedAt);
        var verdict = round.judge(new RoundMode.Context(q, responseMs, p.streakBefore(q.index()), rules), choice);
        if (verdict.isEmpty()) {
            return new Rejected("INVALID");
        }
        ParticipantState.AnswerRecord r = new ParticipantState.AnswerRecord(q.index(), requestId, verdict.get(), now,
                responseMs);
        p.answers.put(q.index(), r);
        return new Accepted(r);
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
    synchronized void stored(ParticipantState p, ParticipantState.AnswerRecord r) {
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
    synchronized void unclaim(ParticipantState p, ParticipantState.AnswerRecord r) {
        p.answers.remove(r.idx, r);
    }

    // ---------------------------------------------------------------- participants

    synchronized void admit(ParticipantState p) {
        participants.put(p.id, p);
        byToken.put(p.tokenHash, p);
        nicknameKeys.add(p.nicknameKey);
        nextParticipantId = Math.max(nextParticipantId, p.id + 1);
        ranking.update(p.id, p.score, p.correctTimeMs, p.id);
        joinedSince.add(new Messages.Person(p.id, p.nickname));
        lobbyDirty = true;
    }

    synchronized void kick(ParticipantState p) {
        p.kicked = true;
        byToken.remove(p.tokenHash);
        ranking.remove(p.id);
        leftSince.add(new Messages.Person(p.id, p.nickname));
        lobbyDirty = true;
    }
}
