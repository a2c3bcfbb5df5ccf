package io.jingda.live;

import io.jingda.live.protocol.Fanout;

import io.jingda.contest.Contest;
import io.jingda.contest.ContestQuestion;
import io.jingda.contest.ContestQuestionMapper;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contests this node runs, by id and by join code. A contest is loaded when it is opened,
 * or rebuilt from the database when the server starts (see {@link #restore}).
 */
@ApplicationScoped
public class LiveContests {
    private final Map<Long, ContestRuntime> byId = new ConcurrentHashMap<>();
    private final Map<String, ContestRuntime> byCode = new ConcurrentHashMap<>();
    /** Codes of contests that finished while this node ran, so a late join is told "closed" rather than "unknown". */
    private final Map<String, Long> closedCodes = new ConcurrentHashMap<>();
    private final Fanout fanout;

    public LiveContests(Fanout fanout) {
        this.fanout = fanout;
    }

    Optional<ContestRuntime> get(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Only contests that are open (LOBBY, RUNNING, PAUSED) are found by code. */
    Optional<ContestRuntime> byCode(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean codeInUse(String code) {
        return byCode.containsKey(code);
    }

    Collection<ContestRuntime> all() {
        return byId.values();
    }

    void register(ContestRuntime rt) {
        byId.put(rt.id, rt);
        if (rt.status.isOpen()) {
            byCode.put(rt.code, rt);
            closedCodes.remove(rt.code);
        }
    }

    /** The code is free again once a contest has finished. */
    void releaseCode(ContestRuntime rt) {
        if (byCode.remove(rt.code, rt)) {
            closedCodes.put(rt.code, rt.id);
        }
    }

    boolean recentlyClosed(String code) {
        return code != null && closedCodes.containsKey(code);
    }

    void unload(ContestRuntime rt) {
        byId.remove(rt.id, rt);
        byCode.remove(rt.code, rt);
        fanout.closeContest(rt.id, "contest closed");
    }

    /** Drops every contest from memory without writing anything, as a crash would. */
    public void unloadAll() {
        for (ContestRuntime rt : List.copyOf(byId.values())) {
            unload(rt);
        }
    }

    static ContestRuntime fresh(Contest c, List<ContestQuestion> questions) {
        ContestRuntime rt = new ContestRuntime(c.id, c.title, c.owner, c.code, ContestService.settings(c),
                questions.stream().map(ContestQuestionMapper::live).toList(), new LocalLiveRanking());
        rt.status = c.status;
        rt.phase = c.phase;
        rt.index = c.questionIndex;
        return rt;
    }

    /**
     * Rebuilds a contest from its rows: the persisted state, the participants, and every stored
     * answer replayed in question order (one pass; the ranking is updated answer by answer as it
     * was live). Participants are told the standings as of the last revealed question.
     */
    static ContestRuntime restore(Contest c, List<ContestQuestion> questions, List<LiveStore.ParticipantRow> people,
                                  List<LiveStore.StoredAnswer> answers) {
        ContestRuntime rt = fresh(c, questions);
        synchronized (rt) {
            rt.openedAt = c.openedAt == null ? 0 : c.openedAt;
            rt.deadline = c.deadlineAt == null ? 0 : c.deadlineAt;
            rt.closedAt = c.closedAt == null ? 0 : c.closedAt;
            rt.remainingMs = c.remainingMs;
            rt.phaseUntil = c.phaseUntil;
            for (LiveStore.ParticipantRow row : people) {
                ParticipantState p = new ParticipantState(row.id(), row.nickname(), row.nicknameKey(), row.tokenHash(),
                        row.joinedAt());
                rt.admit(p);
                if (row.kicked()) {
                    rt.kick(p);
                }
            }
            rt.joinedSince.clear();
            rt.leftSince.clear();
            if (rt.index >= 0) {
                rt.tally = rt.current().newTally();
            }
            boolean revealed = rt.phase == QuestionPhase.REVEALED || rt.phase == QuestionPhase.LEADERBOARD
                    || rt.status == ContestStatus.FINISHED;
            int upTo = revealed ? rt.index : rt.index - 1;
            boolean published = false;
            for (LiveStore.StoredAnswer a : answers) {
                if (!published && a.questionIdx() > upTo) {
                    rt.publish(upTo);
                    published = true;
                }
                ParticipantState p = rt.participants.get(a.participantId());
                if (p == null) {
                    continue;
                }
                ParticipantState.AnswerRecord r = new ParticipantState.AnswerRecord(a.questionIdx(), a.requestId(),
                        new RoundMode.Verdict(null, a.choice(), a.choiceKey(), a.correct(), a.points(), 0),
                        a.receivedAt(), a.responseMs());
                r.stored.complete(null);
                p.answers.put(a.questionIdx(), r);
                rt.stored(p, r);
            }
            if (!published) {
                rt.publish(upTo);
            }
            rt.progressDirty = true;
            rt.lobbyDirty = true;
        }
        return rt;
    }
}
