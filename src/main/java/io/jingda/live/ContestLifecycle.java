package io.jingda.live;

import io.jingda.contest.Caller;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestAction;
import io.jingda.contest.ContestConfig;
import io.jingda.contest.ContestConflicts;
import io.jingda.contest.ContestDto;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;
import io.jingda.contest.ActionRequest;
import io.jingda.contest.ContestRecords;
import io.jingda.contest.RulingRequest;
import io.jingda.live.team.Match;
import io.jingda.live.team.RoundEvent;
import io.jingda.system.FieldError;

import io.jingda.system.ApiException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The contest state machine in motion: host actions, the timers (deadline, auto-advance) and
 * recovery after a restart. Every transition changes the in-memory state, stores it, then
 * announces it. This node runs only the contests it owns (a lease in the contest row, renewed at
 * each heartbeat; see {@link LiveStore#claim}): it takes a contest when it opens it, and at start
 * or at a heartbeat when the contest has no owner or its owner's lease has expired. Runs on worker
 * threads and on the ticker thread; it may block (the database, waiting for pending answers before
 * a reveal), so it never runs on an event loop.
 * <p>
 * Longer than most classes because every transition of a contest, from a host or from a timer, goes
 * through its one {@code apply} switch and the same store-then-announce steps; the rounds of a plan added
 * their transitions (round banners, go, judge, skip, tie-break) to that one place rather than a second one.
 */
@ApplicationScoped
public class ContestLifecycle {
    private static final Logger LOG = Logger.getLogger(ContestLifecycle.class);
    static final long FINISHED_RETENTION_MS = 10 * 60_000;

    private final LiveContests registry;
    private final ContestService contests;
    private final LiveStore store;
    private final LiveWriter writer;
    private final Broadcasts broadcasts;
    private final ContestClock clock;
    private final ContestConfig config;
    private final JoinRateLimiter joinLimiter;
    private ScheduledExecutorService ticker;
    private long lastHeartbeat;

    public ContestLifecycle(LiveContests registry, ContestService contests, LiveStore store, LiveWriter writer,
                            Broadcasts broadcasts, ContestClock clock, ContestConfig config, JoinRateLimiter joinLimiter) {
        this.registry = registry;
        this.contests = contests;
        this.store = store;
        this.writer = writer;
        this.broadcasts = broadcasts;
        this.clock = clock;
        this.config = config;
        this.joinLimiter = joinLimiter;
    }

    void onStart(@Observes StartupEvent ev) {
        recover();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "contest-ticker");
            t.setDaemon(true);
            return t;
        });
        long tick = Math.max(10, config.tick().toMillis());
        ticker.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ host actions

    public ContestDto act(long id, String actionName, Caller caller) {
        return act(id, actionName, null, caller);
    }

    public ContestDto act(long id, String actionName, ActionRequest body, Caller caller) {
        try (ContestMdc.Scope mdc = ContestMdc.on(id)) {
            return actOn(id, actionName, body, caller);
        }
    }

    private ContestDto actOn(long id, String actionName, ActionRequest body, Caller caller) {
        ContestAction action = ContestAction.parse(actionName).orElseThrow(() -> new ApiException(404, "NOT_FOUND",
                "unknown action '" + actionName + "' (" + ContestAction.names() + ")", List.of()));
        Contest row = contests.require(id, caller);
        ContestRuntime rt = registry.get(id).orElse(null);
        if (rt == null) {
            if (action != ContestAction.OPEN || row.status != ContestStatus.DRAFT) {
                List<String> allowed = ContestAction.whenNotLive(row.status);
                throw ContestConflicts.invalidAction(id, action, row.status, row.phase, row.questionIndex,
                        row.questionCount, allowed);
            }
            rt = open(id);
        } else {
            ContestRuntime live = rt;
            live.serialized(() -> {
                live.require(action);
                checkBody(live, action, body);
                apply(live, action, body);
                return null;
            });
        }
        return view(rt);
    }

    ContestDto view(ContestRuntime rt) {
        ContestRuntime.Snapshot s = rt.snapshot();
        return new ContestDto(rt.id(), rt.title(), rt.owner(), s.status(), s.phase(), rt.code(), s.index(), s.total(),
                s.participants(), rt.settings(), null, null, null, s.allowedActions(), null, null);
    }

    private synchronized ContestRuntime open(long id) {
        ContestRuntime existing = registry.get(id).orElse(null);
        if (existing != null) {
            return existing;
        }
        long now = clock.now();
        if (!store.claim(id, now, store.expiredBefore(now))) {
            throw notOwner(id);
        }
        Contest c = contests.openLobby(id, registry::codeInUse);
        ContestRuntime rt = registry.fresh(c, contests.questions(id));
        registry.register(rt);
        return rt;
    }

    /** The body an action needs: judge's verdict, tiebreak's teams (422 naming the field otherwise). */
    private static void checkBody(ContestRuntime rt, ContestAction action, ActionRequest body) {
        if (action == ContestAction.JUDGE && (body == null || body.correct() == null)) {
            throw ApiException.invalid(List.of(new FieldError("correct", "judge takes {\"correct\": true|false}")));
        }
        if (action == ContestAction.TIEBREAK) {
            String problem = rt.tiebreakProblem(body == null ? null : body.teams());
            if (problem != null) {
                throw ApiException.invalid(List.of(new FieldError("teams", problem)));
            }
        }
    }

    private void apply(ContestRuntime rt, ContestAction action) {
        apply(rt, action, null);
    }

    private void apply(ContestRuntime rt, ContestAction action, ActionRequest body) {
        long now = clock.now();
        switch (action) {
            case START -> {
                if (rt.hasPlan()) {
                    startRound(rt, 0, null, now);
                } else {
                    openQuestion(rt, 0, now);
                }
            }
            case NEXT -> {
                PlanSteps.Step step = rt.nextStep();
                if (step instanceof PlanSteps.ToQuestion q) {
                    openQuestion(rt, q.index(), now);
                } else if (step instanceof PlanSteps.ToRound r) {
                    startRound(rt, r.round(), null, now);
                } else {
                    finish(rt);
                }
            }
            case NEXT_ROUND -> startRound(rt, rt.nextRoundIndex(), null, now);
            case TIEBREAK -> startRound(rt, rt.tiebreakIndex(), List.copyOf(body.teams()), now);
            case GO, JUDGE, SKIP -> {
                Match.Result r = rt.hostTeamAction(action, body == null ? null : body.correct(), now);
                if (!r.accepted()) {
                    throw ContestConflicts.invalidAction(rt.id(), action, rt.status(), rt.phase(), rt.index(),
                            rt.questionCount(), rt.allowedActions());
                }
                persist(rt, r.events());
                broadcasts.announce(rt, r.events());
                if (rt.due(now, config.grace().toMillis()) == ContestAction.CLOSE) {
                    close(rt);
                }
            }
            case CLOSE -> close(rt);
            case REVEAL -> {
                if (rt.phase() == QuestionPhase.OPEN) {
                    close(rt);
                }
                if (rt.phase() == QuestionPhase.CLOSED) {
                    reveal(rt);
                }
            }
            case LEADERBOARD -> {
                // straight from an open or closed question: it reveals first (closing first if need be), and
                // the reveal and the leaderboard go out together, so each participant gets both in one write
                if (rt.phase() == QuestionPhase.OPEN || rt.phase() == QuestionPhase.CLOSED) {
                    apply(rt, ContestAction.REVEAL);
                }
                leaderboard(rt);
            }
            case PAUSE -> {
                rt.pause(now);
                save(rt);
                broadcasts.status(rt);
            }
            case RESUME -> {
                persist(rt, rt.resumeRounds(now));
                save(rt);
                broadcasts.status(rt);
            }
            case FINISH -> finish(rt);
            case OPEN -> throw new IllegalStateException("open is handled before a runtime exists");
        }
    }

    private void openQuestion(ContestRuntime rt, int idx, long now) {
        rt.openQuestion(idx, now);
        List<RoundEvent> events = rt.openTeamQuestion(now);
        persist(rt, events);
        save(rt);
        broadcasts.question(rt);
        broadcasts.announce(rt, events);
    }

    /** A round's banner (and a wager round's stakes): stored, then announced. */
    private void startRound(ContestRuntime rt, int round, List<Integer> tied, long now) {
        List<RoundEvent> events = rt.startRound(round, tied, now);
        persist(rt, events);
        save(rt);
        broadcasts.announce(rt, events);
    }

    /** Team round events are durable before anything announces them. */
    private void persist(ContestRuntime rt, List<RoundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            writer.append(rt.id(), events).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the round events of contest " + rt.id() + " could not be stored", e);
        }
    }

    private void close(ContestRuntime rt) {
        rt.close(clock.now());
        save(rt);
        broadcasts.closed(rt);
        if (rt.settings().autoAdvance() != null || rt.voided()) {
            reveal(rt); // a void team question (skipped, or nobody buzzed) is shown with its answer at once
        }
    }

    private void reveal(ContestRuntime rt) {
        awaitPendingAnswers(rt);
        var auto = rt.settings().autoAdvance();
        rt.reveal(auto == null ? null : clock.now() + auto.revealSeconds() * 1000L);
        broadcasts.revealing(rt);
        save(rt);
        broadcasts.reveal(rt);
    }

    private void leaderboard(ContestRuntime rt) {
        var auto = rt.settings().autoAdvance();
        rt.leaderboard(auto == null ? null : clock.now() + auto.leaderboardSeconds() * 1000L);
        save(rt);
        broadcasts.leaderboard(rt);
    }

    private void finish(ContestRuntime rt) {
        awaitPendingAnswers(rt);
        rt.finish(clock.now());
        save(rt);
        registry.releaseCode(rt);
        broadcasts.finished(rt);
    }

    /** Answers accepted before the close are scored before anything is revealed. */
    private void awaitPendingAnswers(ContestRuntime rt) {
        try {
            writer.flush().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("pending answers of contest " + rt.id() + " could not be stored", e);
        }
    }

    /** Stores the state; a node that finds another node owns the contest now lets it go, and nothing is announced. */
    private void save(ContestRuntime rt) {
        if (!store.save(LiveStore.stateOf(rt, clock.now()))) {
            letGo(rt);
            throw notOwner(rt.id());
        }
    }

    private static ApiException notOwner(long id) {
        return new ApiException(409, "NOT_OWNER", "contest " + id + " is run by another node", List.of());
    }

    /** Another node has taken the contest (this node's lease had expired): it is unloaded here, said once. */
    private void letGo(ContestRuntime rt) {
        if (registry.get(rt.id()).orElse(null) == rt) {
            registry.letGo(rt);
            LOG.warnf("contest %d is now run by another node (this node's lease on it expired): unloaded here", rt.id());
        }
    }

    // ------------------------------------------------------------------ timers

    /** Deadlines, auto-advance, throttled pushes and the heartbeat; every tick, on the ticker thread. */
    public void tick() {
        long now = clock.now();
        List<Long> running = new ArrayList<>();
        for (ContestRuntime rt : registry.all()) {
            try (ContestMdc.Scope mdc = ContestMdc.on(rt.id())) {
                rt.serialized(() -> {
                    List<RoundEvent> timed = rt.teamDue(now, config.grace().toMillis());
                    if (!timed.isEmpty()) {
                        persist(rt, timed);
                        broadcasts.announce(rt, timed);
                    }
                    ContestAction due = rt.due(now, config.grace().toMillis());
                    if (due != null) {
                        apply(rt, due);
                    }
                    return null;
                });
                // throttling is about load, not contest timing: real time
                broadcasts.pushIfDirty(rt, System.currentTimeMillis(), config.pushInterval().toMillis());
                ContestRuntime.Snapshot s = rt.snapshot();
                if (s.status() == ContestStatus.RUNNING) {
                    running.add(rt.id());
                }
                if (s.status() == ContestStatus.FINISHED && now - s.finishedAt() > FINISHED_RETENTION_MS) {
                    registry.unload(rt);
                }
            } catch (ApiException e) {
                if (!"NOT_OWNER".equals(e.code())) { // a lost lease was logged once, as a WARN, when it was let go
                    LOG.errorf(e, "timer of contest %d failed", rt.id());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "timer of contest %d failed", rt.id());
            }
        }
        if (now - lastHeartbeat >= config.heartbeat().toMillis()) {
            lastHeartbeat = now;
            try {
                renewLeases(running, now);
            } catch (RuntimeException e) {
                LOG.warn("heartbeat failed", e);
            }
            try {
                recover(false);
            } catch (RuntimeException e) {
                LOG.warn("taking over contests failed", e);
            }
            joinLimiter.forgetIdle();
        }
    }

    /**
     * Renews this node's lease on every open contest it has loaded (and records the heartbeat of the
     * running ones); a contest whose renewal finds another owner is unloaded.
     */
    private void renewLeases(List<Long> running, long now) {
        List<Long> open = new ArrayList<>();
        for (ContestRuntime rt : registry.all()) {
            if (rt.status().isOpen()) {
                open.add(rt.id());
            }
        }
        for (long id : store.renew(open, Set.copyOf(running), now)) {
            registry.get(id).ifPresent(rt -> rt.serialized(() -> {
                letGo(rt);
                return null;
            }));
        }
    }

    // ------------------------------------------------------------------ recovery

    /**
     * Loads the open contests this node may run from the database: state, participants and answers.
     * An open question gets back the time it had left when the server stopped (to within the heartbeat
     * interval), and so does an auto-advance wait. Runs at start, for the contests this node owns, has
     * no owner or whose owner's lease has expired; each is taken with one conditional UPDATE before it
     * is read, and one another node holds under a live lease is left alone.
     */
    public void recover() {
        recover(true);
    }

    /**
     * With {@code own} false (at each heartbeat: failover) only contests without an owner or whose
     * owner's lease has expired; a contest of this node's that is not loaded here stays for a restart.
     * At start on an embedded database no lease is waited for (it cannot be shared: any other owner
     * was an earlier run). Synchronized with {@link #open}, so a contest being opened is never loaded twice.
     */
    private synchronized void recover(boolean own) {
        long now = clock.now();
        long expiredBefore = own ? store.expiredBefore(now) : now;
        Set<Long> taken = new HashSet<>();
        for (long id : store.claimable(own, expiredBefore)) {
            if (registry.get(id).isEmpty() && store.claim(id, now, expiredBefore)) {
                taken.add(id);
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        for (ContestService.Loaded l : contests.openContests()) {
            Contest c = l.contest();
            if (!taken.contains(c.id) || registry.get(c.id).isPresent()) {
                continue;
            }
            List<LiveStore.StoredAnswer> answers = store.answers(c.id);
            ContestRuntime rt = registry.restore(c, l.questions(), store.participants(c.id), answers,
                    store.rulings(c.id), store.events(c.id));
            if (c.status == ContestStatus.RUNNING) {
                // the server was alive at least until its last heartbeat and its last stored answer
                long lastAlive = c.heartbeatAt != null ? c.heartbeatAt : c.openedAt != null ? c.openedAt : now;
                for (LiveStore.StoredAnswer a : answers) {
                    lastAlive = Math.max(lastAlive, a.receivedAt());
                }
                persist(rt, rt.shiftTimers(Math.max(0, now - lastAlive), now));
                persist(rt, rt.judgeStoredTurn(now));
            }
            save(rt);
            registry.register(rt);
            LOG.infof("contest %d resumed: %s, question %d %s, %d participants", c.id, rt.status(), rt.index(), rt.phase(),
                    rt.snapshot().participants());
        }
    }
}
