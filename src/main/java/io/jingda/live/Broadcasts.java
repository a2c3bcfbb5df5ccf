package io.jingda.live;

import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;

import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;

import io.jingda.scoring.RankingTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds the frames of the live protocol from a contest's state and hands them to the
 * {@link Fanout}. Shared frames are serialised once; personal ones ({@code you}) append a few
 * numbers to the shared string, in one concatenation per recipient. Question frames with shuffled
 * options are rendered once per distinct option order, not once per participant.
 */
@ApplicationScoped
public class Broadcasts {
    private final Fanout fanout;
    private final ContestClock clock;

    public Broadcasts(Fanout fanout, ContestClock clock) {
        this.fanout = fanout;
        this.clock = clock;
    }

    // ---- question ----

    void question(ContestRuntime rt) {
        LiveQuestion q;
        long openedAt;
        long deadline;
        synchronized (rt) {
            q = rt.current();
            openedAt = rt.openedAt;
            deadline = rt.deadline;
        }
        long now = clock.now();
        String canonical = Frames.json(questionMessage(rt, q, q.options(), openedAt, deadline, now));
        fanout.broadcast(rt.id, Audience.HOSTS, canonical);
        fanout.broadcast(rt.id, Audience.SCREENS, canonical);
        if (!rt.settings.shuffleOptions() || q.options().size() < 2) {
            fanout.broadcast(rt.id, Audience.PLAYERS, canonical);
            return;
        }
        // rendered on the event loops, in parallel: once per distinct option order
        Map<List<LiveQuestion.OptionView>, String> byOrder = new ConcurrentHashMap<>();
        fanout.eachPlayer(rt.id, pid -> byOrder.computeIfAbsent(optionsFor(rt, q, pid),
                order -> Frames.json(questionMessage(rt, q, order, openedAt, deadline, now))));
    }

    static Messages.Question questionMessage(ContestRuntime rt, LiveQuestion q, List<LiveQuestion.OptionView> options,
                                             long openedAt, long deadline, long now) {
        return new Messages.Question("question", q.publicId(), q.index(), rt.questions.size(), q.type().wire(), q.stem(),
                options, q.timeLimitMs(), openedAt, deadline, now);
    }

    /** A participant's option order: fixed per participant and question, so a reconnect shows the same order. */
    static List<LiveQuestion.OptionView> optionsFor(ContestRuntime rt, LiveQuestion q, long participantId) {
        if (!rt.settings.shuffleOptions() || q.options().size() < 2) {
            return q.options();
        }
        List<LiveQuestion.OptionView> copy = new ArrayList<>(q.options());
        Collections.shuffle(copy, new Random(rt.id * 1_000_003L ^ participantId * 7919L ^ q.index() * 104_729L));
        return copy;
    }

    // ---- close, reveal, leaderboard, finished ----

    void closed(ContestRuntime rt) {
        String frame;
        int idx;
        synchronized (rt) {
            frame = Frames.json(new Messages.Closed(rt.current().publicId(), rt.closedAt));
            idx = rt.index;
        }
        fanout.broadcast(rt.id, Audience.HOSTS, frame);
        fanout.broadcast(rt.id, Audience.SCREENS, frame);
        // the reveal supersedes it: a participant whose 'closed' has not gone out when the reveal
        // starts (a host revealing at once, or auto-advance) gets only the reveal
        fanout.eachPlayer(rt.id, pid -> rt.stillClosed(idx) ? frame : null);
    }

    void reveal(ContestRuntime rt) {
        String shared;
        int idx;
        synchronized (rt) {
            LiveQuestion q = rt.current();
            idx = q.index();
            shared = Frames.json(new Messages.Reveal(q.publicId(), q.index(), q.type().wire(), q.correct(), q.tolerance(),
                    q.explanation(), q.source(), rt.closedAt, rt.answered, rt.tally.distribution(), rt.tally.combinations()));
            rt.lastShared = shared;
            rt.lastKind = ContestRuntime.LastKind.REVEAL;
        }
        fanout.broadcast(rt.id, Audience.HOSTS, shared);
        fanout.broadcast(rt.id, Audience.SCREENS, shared);
        String head = Frames.personalHead(shared);
        fanout.eachPlayer(rt.id, pid -> personal(rt, head, ContestRuntime.LastKind.REVEAL, idx, pid));
    }

    void leaderboard(ContestRuntime rt) {
        String shared;
        synchronized (rt) {
            LiveQuestion q = rt.current();
            shared = Frames.json(new Messages.Leaderboard(q.publicId(), rt.closedAt,
                    entries(rt, rt.ranking.top(rt.settings.leaderboardSize())), rt.participantCount()));
            rt.lastShared = shared;
            rt.lastKind = ContestRuntime.LastKind.LEADERBOARD;
        }
        fanout.broadcast(rt.id, Audience.HOSTS, shared);
        fanout.broadcast(rt.id, Audience.SCREENS, shared);
        String head = Frames.personalHead(shared);
        fanout.eachPlayer(rt.id, pid -> personal(rt, head, ContestRuntime.LastKind.LEADERBOARD, -1, pid));
    }

    void finished(ContestRuntime rt, List<RankingTable.Standing> standings) {
        String shared;
        synchronized (rt) {
            shared = Frames.json(new Messages.Finished(entries(rt, standings.subList(0, Math.min(3, standings.size()))),
                    rt.participantCount()));
            rt.lastShared = shared;
            rt.lastKind = ContestRuntime.LastKind.FINISHED;
        }
        fanout.broadcast(rt.id, Audience.HOSTS, shared);
        fanout.broadcast(rt.id, Audience.SCREENS, shared);
        String head = Frames.personalHead(shared);
        fanout.eachPlayer(rt.id, pid -> personal(rt, head, ContestRuntime.LastKind.FINISHED, -1, pid));
    }

    static List<Messages.Entry> entries(ContestRuntime rt, List<RankingTable.Standing> standings) {
        List<Messages.Entry> out = new ArrayList<>(standings.size());
        for (RankingTable.Standing s : standings) {
            ParticipantState p = rt.participants.get(s.participantId());
            out.add(new Messages.Entry(s.rank(), p == null ? "?" : p.nickname, s.score()));
        }
        return out;
    }

    /**
     * The shared frame (its {@link Frames#personalHead head}) plus this participant's "you", built from
     * numbers only (nothing to escape), in one concatenation. Called on the event loops, possibly after
     * the host has moved on: a reveal names its question.
     */
    static String personal(ContestRuntime rt, String head, ContestRuntime.LastKind kind, int idx, long pid) {
        ParticipantState p = rt.participants.get(pid);
        if (p == null) {
            return null;
        }
        long score;
        Integer rank;
        boolean answered = false;
        boolean correct = false;
        long points = 0;
        int streak;
        synchronized (rt) {
            if (kind == ContestRuntime.LastKind.REVEAL) {
                ParticipantState.AnswerRecord a = p.answers.get(idx);
                answered = a != null && a.stored.isDone();
                correct = answered && a.verdict.correct();
                points = answered ? a.verdict.points() : 0;
            }
            streak = p.shownStreak;
            score = p.shownScore;
            rank = p.shownRank;
        }
        String tail = rank == null ? "}}" : ",\"rank\":" + rank + "}}";
        if (kind == ContestRuntime.LastKind.REVEAL) {
            return head + "{\"answered\":" + answered + ",\"correct\":" + correct + ",\"points\":" + points
                    + ",\"streak\":" + streak + ",\"score\":" + score + tail;
        }
        return head + "{\"score\":" + score + tail;
    }

    // ---- pause / resume ----

    void status(ContestRuntime rt) {
        String frame;
        synchronized (rt) {
            LiveQuestion q = rt.current();
            boolean open = rt.phase == QuestionPhase.OPEN;
            frame = Frames.json(new Messages.Status(rt.status.name(), rt.phase == null ? null : rt.phase.name(),
                    q == null ? null : q.publicId(),
                    open && rt.status == ContestStatus.RUNNING ? rt.deadline : null,
                    rt.status == ContestStatus.PAUSED ? rt.remainingMs : null, clock.now()));
        }
        fanout.broadcast(rt.id, Audience.PLAYERS, frame);
        fanout.broadcast(rt.id, Audience.HOSTS, frame);
        fanout.broadcast(rt.id, Audience.SCREENS, frame);
    }

    // ---- throttled pushes: lobby count, host participants, progress ----

    void pushIfDirty(ContestRuntime rt, long now, long intervalMs) {
        String lobby = null;
        String screenLobby = null;
        String participants = null;
        String hostProgress = null;
        String screenProgress = null;
        synchronized (rt) {
            if (now - rt.lastPush < intervalMs) {
                return;
            }
            if (rt.lobbyDirty) {
                rt.lobbyDirty = false;
                lobby = Frames.json(new Messages.Lobby(rt.participantCount()));
                screenLobby = screenLobby(rt);
                participants = Frames.json(new Messages.Participants(rt.participantCount(),
                        List.copyOf(tail(rt.joinedSince)), List.copyOf(tail(rt.leftSince))));
                rt.joinedSince.clear();
                rt.leftSince.clear();
            }
            if (rt.progressDirty && rt.phase == QuestionPhase.OPEN && rt.status == ContestStatus.RUNNING) {
                rt.progressDirty = false;
                String qid = rt.current().publicId();
                hostProgress = Frames.json(new Messages.Progress(qid, rt.answered, rt.participantCount(),
                        rt.tally.distribution(), rt.tally.combinations()));
                // the screen is public: counts only, nothing that hints at the answer before the reveal
                screenProgress = Frames.json(new Messages.Progress(qid, rt.answered, rt.participantCount(), null, null));
            }
            if (lobby == null && hostProgress == null) {
                return;
            }
            rt.lastPush = now;
        }
        if (lobby != null) {
            fanout.broadcast(rt.id, Audience.PLAYERS, lobby);
            fanout.broadcast(rt.id, Audience.SCREENS, screenLobby);
            fanout.broadcast(rt.id, Audience.HOSTS, lobby);
            fanout.broadcast(rt.id, Audience.HOSTS, participants);
        }
        if (hostProgress != null) {
            fanout.broadcast(rt.id, Audience.HOSTS, hostProgress);
            fanout.broadcast(rt.id, Audience.SCREENS, screenProgress);
        }
    }

    /** The lobby frame of the projector: the count and the latest nicknames. */
    String screenLobby(ContestRuntime rt) {
        synchronized (rt) {
            return Frames.json(new Messages.Lobby(rt.participantCount(), rt.latestNames(Messages.Lobby.LOBBY_NAMES)));
        }
    }

    /** The latest 50 joins or leaves: a burst of thousands of joins is summarised by the count. */
    private static List<Messages.Person> tail(List<Messages.Person> l) {
        return l.size() <= 50 ? l : l.subList(l.size() - 50, l.size());
    }

    // ---- the snapshot a connecting client gets ----

    /** state for a participant (p != null) or for the host/screen (p == null). */
    String state(ContestRuntime rt, ParticipantState p, boolean canonicalOptions) {
        long now = clock.now();
        synchronized (rt) {
            LiveQuestion q = rt.current();
            Messages.Question question = null;
            Boolean answered = null;
            boolean running = rt.status == ContestStatus.RUNNING || rt.status == ContestStatus.PAUSED;
            if (q != null && running) {
                question = questionMessage(rt, q, p == null || canonicalOptions ? q.options() : optionsFor(rt, q, p.id),
                        rt.openedAt, rt.deadline, now);
                if (p != null) {
                    answered = p.answers.containsKey(q.index());
                }
            }
            Messages.You you = p == null ? null : new Messages.You(p.id, p.nickname, null, null, p.shownScore,
                    p.shownRank, p.shownStreak);
            return Frames.json(new Messages.State(rt.id, rt.title, rt.status.name(),
                    rt.phase == null || !running ? null : rt.phase.name(), rt.index < 0 ? null : rt.index,
                    rt.questions.size(), question, answered, you, rt.participantCount(),
                    rt.status == ContestStatus.PAUSED ? rt.remainingMs : null, now));
        }
    }

    /** After the state, a late client also gets the reveal, leaderboard or podium that is on show. */
    String replay(ContestRuntime rt, ParticipantState p) {
        String shared;
        ContestRuntime.LastKind kind;
        int idx;
        synchronized (rt) {
            shared = rt.lastShared;
            kind = rt.lastKind;
            idx = rt.index;
        }
        if (shared == null) {
            return null;
        }
        return p == null ? shared : personal(rt, Frames.personalHead(shared), kind, idx, p.id);
    }
}
