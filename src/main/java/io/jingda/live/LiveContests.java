package io.jingda.live;

import io.jingda.live.protocol.Fanout;

import io.jingda.contest.Contest;
import io.jingda.contest.ContestQuestion;
import io.jingda.contest.ContestQuestionMapper;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestSettings;

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
    private final LiveRanking.Factory rankings;
    private final Standings.Factory standings;
    private final Relay relay;

    public LiveContests(Fanout fanout, LiveRanking.Factory rankings, Standings.Factory standings, Relay relay) {
        this.fanout = fanout;
        this.relay = relay;
        this.rankings = rankings;
        this.standings = standings;
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
        byId.put(rt.id(), rt);
        if (rt.status().isOpen()) {
            byCode.put(rt.code(), rt);
            closedCodes.remove(rt.code());
        }
        relay.owned(rt.id());
    }

    /** The code is free again once a contest has finished. */
    void releaseCode(ContestRuntime rt) {
        if (byCode.remove(rt.code(), rt)) {
            closedCodes.put(rt.code(), rt.id());
        }
    }

    boolean recentlyClosed(String code) {
        return code != null && closedCodes.containsKey(code);
    }

    void unload(ContestRuntime rt) {
        if (byId.remove(rt.id(), rt)) {
            relay.released(rt.id());
        }
        byCode.remove(rt.code(), rt);
        fanout.closeContest(rt.id(), "contest closed");
    }

    /**
     * Another node runs the contest now. On one node its sockets are closed (nothing here could serve
     * them); with several nodes they stay open and are served as an edge's.
     */
    void letGo(ContestRuntime rt) {
        if (!relay.enabled()) {
            unload(rt);
            return;
        }
        if (byId.remove(rt.id(), rt)) {
            relay.released(rt.id());
        }
        byCode.remove(rt.code(), rt);
    }

    /** Drops every contest from memory without writing anything, as a crash would. */
    public void unloadAll() {
        for (ContestRuntime rt : List.copyOf(byId.values())) {
            unload(rt);
        }
    }

    /** The runtime of a contest row as it stands (a contest being opened). */
    ContestRuntime fresh(Contest c, List<ContestQuestion> questions) {
        ContestSettings settings = ContestService.settings(c);
        String round = settings.round() == null ? RoundMode.STANDARD.id() : settings.round();
        return new ContestRuntime(new ContestRuntime.Definition(c.id, c.title, c.owner, c.code, settings,
                questions.stream().map(ContestQuestionMapper::live).toList(), c.status, c.phase, c.questionIndex),
                RoundMode.of(round).orElse(RoundMode.STANDARD), rankings.create(c.id), standings);
    }

    /**
     * Rebuilds a contest from its rows: the persisted state, the participants, and every stored
     * answer replayed in question order (see {@link ContestRuntime#restore}).
     */
    ContestRuntime restore(Contest c, List<ContestQuestion> questions, List<LiveStore.ParticipantRow> people,
                           List<LiveStore.StoredAnswer> answers) {
        return restore(c, questions, people, answers, List.of(), List.of());
    }

    ContestRuntime restore(Contest c, List<ContestQuestion> questions, List<LiveStore.ParticipantRow> people,
                           List<LiveStore.StoredAnswer> answers, List<io.jingda.contest.ContestRecords.Ruling> rulings,
                           List<io.jingda.live.team.RoundEvent> events) {
        ContestRuntime rt = fresh(c, questions);
        rt.restore(new ContestRuntime.Stored(c.openedAt, c.deadlineAt, c.closedAt, c.remainingMs, c.phaseUntil),
                people.stream().map(p -> new ContestRuntime.StoredParticipant(p.id(), p.nickname(), p.nicknameKey(),
                        p.tokenHash(), p.joinedAt(), p.kicked(), p.teamId())).toList(),
                answers.stream().map(a -> new ContestRuntime.StoredAnswer(a.participantId(), a.questionIdx(), a.choice(),
                        a.choiceKey(), a.requestId(), a.receivedAt(), a.responseMs(), a.correct(), a.points())).toList(),
                rulings.stream().map(x -> new ContestRuntime.StoredRuling(x.teamId(), x.participantId(), x.points())).toList(),
                events);
        return rt;
    }
}
