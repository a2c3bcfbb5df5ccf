package io.jingda.live.socket;


import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.protocol.Utf8Frame;
import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's connections, kept per contest (never a walk over every connection of the
 * server). Frames are sent without awaiting: a slow or dead client never holds up the others
 * or the caller's thread.
 * <p>
 * A participant's connection is kept with the event loop it lives on. A broadcast to the
 * participants posts to each event loop's {@link Outbox} the loop's own connections; the loop
 * renders personal frames and writes them {@value #SLICE} participants per task, instead of one
 * cross-thread hand-off and wake-up per frame. Frames that pile up for one participant (a reveal
 * and the leaderboard right behind it) are handed to its {@link Wire} together.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(LocalFanout.class) // the engine's Fanout is chosen by live/cluster/ClusterBeans
public class LocalFanout implements Fanout {
    private static final Logger LOG = Logger.getLogger(LocalFanout.class);
    static final int SLICE = 256;

    /**
     * A participant's connection, its event loop (null when it was not opened on one) and how
     * frames are written to it. A reconnect is a new peer (another connection).
     */
    record Peer(long participantId, WebSocketConnection connection, EventLoop loop, Wire wire) {
    }

    static final class Room {
        final Map<Long, Peer> players = new ConcurrentHashMap<>();
        /** Counts the broadcasts posted that supersede a {@code closed} frame not yet written. */
        final AtomicLong superseding = new AtomicLong();
        final Set<WebSocketConnection> hosts = ConcurrentHashMap.newKeySet();
        final Set<WebSocketConnection> screens = ConcurrentHashMap.newKeySet();
    }

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

    private Room room(long contestId) {
        return rooms.computeIfAbsent(contestId, id -> new Room());
    }

    /** Registers a participant's connection; a previous connection of the same participant is closed. */
    public void addPlayer(long contestId, long participantId, WebSocketConnection c) {
        addPlayer(contestId, participantId, c, currentLoop());
    }

    void addPlayer(long contestId, long participantId, WebSocketConnection c, EventLoop loop) {
        addPlayer(contestId, participantId, c, loop, Wire.of(c));
    }

    void addPlayer(long contestId, long participantId, WebSocketConnection c, EventLoop loop, Wire wire) {
        Peer old = room(contestId).players.put(participantId, new Peer(participantId, c, loop, wire));
        if (old != null && old.connection() != c && old.connection().isOpen()) {
            close(old.connection(), new CloseReason(4001, "replaced by a newer connection"));
        }
    }

    public void removePlayer(long contestId, long participantId, WebSocketConnection c) {
        Room r = rooms.get(contestId);
        if (r != null) {
            r.players.computeIfPresent(participantId, (id, peer) -> peer.connection() == c ? null : peer);
        }
    }

    /** The event loop running the caller (endpoints' callbacks run on their connection's loop), or null. */
    private static EventLoop currentLoop() {
        Context ctx = Vertx.currentContext();
        if (ctx instanceof ContextInternal internal && ctx.isEventLoopContext()) {
            EventLoop loop = internal.nettyEventLoop();
            return loop != null && loop.inEventLoop() ? loop : null;
        }
        return null;
    }

    public void add(long contestId, Audience audience, WebSocketConnection c) {
        (audience == Audience.HOSTS ? room(contestId).hosts : room(contestId).screens).add(c);
    }

    public void remove(long contestId, Audience audience, WebSocketConnection c) {
        Room r = rooms.get(contestId);
        if (r != null) {
            (audience == Audience.HOSTS ? r.hosts : r.screens).remove(c);
        }
    }

    @Override
    public void broadcast(long contestId, Audience audience, String frame) {
        Room r = rooms.get(contestId);
        if (r == null) {
            return;
        }
        switch (audience) {
            case PLAYERS -> {
                Utf8Frame utf8 = Utf8Frame.of(frame);
                onLoops(r, peer -> utf8);
            }
            case HOSTS -> r.hosts.forEach(c -> send(c, frame));
            case SCREENS -> r.screens.forEach(c -> send(c, frame));
        }
    }

    @Override
    public void toPlayers(long contestId, PlayerFrames frames) {
        Room r = rooms.get(contestId);
        if (r == null) {
            return;
        }
        if (frames.supersedesClosed()) {
            r.superseding.incrementAndGet();
        }
        onLoops(r, renderer(r, frames));
    }

    @Override
    public void supersedeClosed(long contestId) {
        Room r = rooms.get(contestId);
        if (r != null) {
            r.superseding.incrementAndGet();
        }
    }

    /** How each participant's frame of a broadcast is rendered, on the loop that writes it. */
    private static FrameFor renderer(Room r, PlayerFrames frames) {
        if (frames instanceof PlayerFrames.Same same) {
            Utf8Frame frame = Utf8Frame.of(same.frame());
            return peer -> frame;
        }
        if (frames instanceof PlayerFrames.Closed closed) {
            long seen = r.superseding.get();
            Utf8Frame frame = Utf8Frame.of(closed.frame());
            return peer -> r.superseding.get() == seen ? frame : null;
        }
        if (frames instanceof PlayerFrames.ShuffledQuestion q) {
            // rendered on the event loops, in parallel: once per distinct option order
            Map<List<LiveQuestion.OptionView>, Utf8Frame> byOrder = new ConcurrentHashMap<>();
            return peer -> {
                Messages.Question mine = q.forParticipant(peer.participantId());
                return byOrder.computeIfAbsent(mine.options(), order -> Utf8Frame.of(Frames.json(mine)));
            };
        }
        PlayerFrames.WithYou w = (PlayerFrames.WithYou) frames;
        byte[] head = w.headBytes(); // encoded once: each participant's own part is a few ASCII bytes
        return peer -> w.utf8For(head, peer.participantId());
    }

    private interface FrameFor {
        Utf8Frame apply(Peer peer);
    }

    /** Groups the room's participants by event loop and queues the frames in each loop's outbox. */
    private void onLoops(Room r, FrameFor frameFor) {
        Map<EventLoop, List<Peer>> byLoop = new HashMap<>();
        List<Peer> elsewhere = new ArrayList<>();
        for (Peer peer : r.players.values()) {
            if (peer.loop() == null) {
                elsewhere.add(peer);
            } else {
                byLoop.computeIfAbsent(peer.loop(), l -> new ArrayList<>()).add(peer);
            }
        }
        byLoop.forEach((loop, peers) -> outboxes.computeIfAbsent(loop, Outbox::new).post(peers, frameFor));
        for (Peer peer : elsewhere) {
            Utf8Frame frame = render(peer, frameFor);
            if (frame != null) {
                send(peer.connection(), frame.text());
                FanoutCounts.Written.CONNECTION.count.increment();
            }
        }
    }

    private final Map<EventLoop, Outbox> outboxes = new ConcurrentHashMap<>();

    /**
     * The frames waiting on one event loop, per participant, in the order they were posted. A
     * task serves {@value #SLICE} participants, and the loop reads its sockets and runs its other
     * tasks (answers, acks, the host's HTTP requests) before the next slice, so nothing waits for
     * a whole broadcast. Frames posted for a participant that has not been served yet (a
     * leaderboard right after a reveal) go out together, back to back, so the client usually reads
     * them in one wake-up. Everything but {@link #post} runs on the loop.
     */
    static final class Outbox implements Runnable {
        private final EventLoop loop;
        private final ArrayDeque<Peer> waiting = new ArrayDeque<>();
        /** By identity: a peer is one connection, and a record's hash would hash the connection and the loop. */
        private final Map<Peer, List<FrameFor>> pending = new IdentityHashMap<>();
        private boolean scheduled;

        Outbox(EventLoop loop) {
            this.loop = loop;
        }

        void post(List<Peer> peers, FrameFor frameFor) {
            FanoutCounts.QUEUED.add(peers.size());
            execute(() -> {
                for (Peer peer : peers) {
                    pending.computeIfAbsent(peer, p -> {
                        waiting.add(p);
                        return new ArrayList<>(2);
                    }).add(frameFor);
                }
                if (!scheduled && !waiting.isEmpty()) {
                    scheduled = true;
                    execute(this);
                }
            });
        }

        @Override
        public void run() {
            List<Utf8Frame> frames = new ArrayList<>(4);
            for (int n = 0; n < SLICE && !waiting.isEmpty(); n++) {
                Peer peer = waiting.poll();
                List<FrameFor> fors = pending.remove(peer);
                FanoutCounts.QUEUED.add(-fors.size());
                frames.clear();
                for (FrameFor f : fors) {
                    Utf8Frame frame = render(peer, f);
                    if (frame != null) {
                        frames.add(frame);
                    }
                }
                if (!frames.isEmpty()) {
                    try {
                        peer.wire().send(frames);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "could not write to participant %d", peer.participantId());
                    }
                }
            }
            scheduled = !waiting.isEmpty();
            if (scheduled) {
                // not execute(): Netty runs up to 64 queued tasks before it reads its sockets again, so
                // a slice that re-queued itself would send the whole broadcast while answers and the
                // host's requests wait unread. A task scheduled now runs after the next round of I/O.
                submit(() -> loop.schedule(this, 0, TimeUnit.NANOSECONDS));
            }
        }

        private void execute(Runnable task) {
            submit(() -> loop.execute(task));
        }

        private static void submit(Runnable handOver) {
            try {
                handOver.run();
            } catch (RejectedExecutionException e) {
                LOG.debug("event loop shut down: a broadcast was not sent"); // the server is stopping
            }
        }
    }

    private static Utf8Frame render(Peer peer, FrameFor frameFor) {
        try {
            return frameFor.apply(peer);
        } catch (RuntimeException e) {
            LOG.warnf(e, "no frame for participant %d", peer.participantId());
            return null;
        }
    }

    @Override
    public void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason) {
        Room r = rooms.get(contestId);
        Peer peer = r == null ? null : r.players.remove(participantId);
        WebSocketConnection c = peer == null ? null : peer.connection();
        if (c != null && c.isOpen()) {
            if (lastFrame != null) {
                c.sendText(lastFrame).subscribe().with(v -> close(c, new CloseReason(4003, reason)),
                        e -> close(c, new CloseReason(4003, reason)));
            } else {
                close(c, new CloseReason(4003, reason));
            }
        }
    }

    @Override
    public void closeContest(long contestId, String reason) {
        Room r = rooms.remove(contestId);
        if (r != null) {
            CloseReason why = new CloseReason(CloseReason.NORMAL.getCode(), reason);
            r.players.values().forEach(peer -> close(peer.connection(), why));
            r.hosts.forEach(c -> close(c, why));
            r.screens.forEach(c -> close(c, why));
        }
    }

    /** The contests with connections on this node. */
    public Set<Long> contestIds() {
        return Set.copyOf(rooms.keySet());
    }

    /** The host or screen connections of the contest on this node. */
    public List<WebSocketConnection> watchers(long contestId, Audience audience) {
        Room r = rooms.get(contestId);
        return r == null ? List.of() : List.copyOf(audience == Audience.HOSTS ? r.hosts : r.screens);
    }

    /** The participants' connections of the contest on this node, by participant id. */
    public Map<Long, WebSocketConnection> playerConnections(long contestId) {
        Room r = rooms.get(contestId);
        Map<Long, WebSocketConnection> out = new HashMap<>();
        if (r != null) {
            r.players.forEach((pid, peer) -> out.put(pid, peer.connection()));
        }
        return out;
    }

    /** Open connections on this node per contest: participants, hosts and screens (the jingda.sockets gauge). */
    Map<Long, int[]> connectionCounts() {
        Map<Long, int[]> out = new HashMap<>();
        rooms.forEach((id, r) -> out.put(id, new int[] {r.players.size(), r.hosts.size(), r.screens.size()}));
        return out;
    }

    /** Open screen connections of the contest on this node. */
    int screens(long contestId) {
        Room r = rooms.get(contestId);
        return r == null ? 0 : r.screens.size();
    }

    /**
     * Sends without waiting. While the connection is unwritable (its client is not reading), a frame
     * that the next one of its kind supersedes is dropped instead of queued; {@link SocketGuard}
     * closes a connection that stays so.
     */
    public static void send(WebSocketConnection c, String frame) {
        if (SocketLimits.skip(c, frame)) {
            FanoutCounts.Dropped.SUPERSEDED.count.increment();
            LOG.tracef("dropped a superseded frame to the unwritable %s", c.id());
            return;
        }
        if (c.isOpen()) {
            c.sendText(frame).subscribe().with(v -> { }, e -> LOG.debugf("dropped a frame to %s: %s", c.id(), e));
        }
    }

    static void close(WebSocketConnection c, CloseReason reason) {
        if (c.isOpen()) {
            c.close(reason).subscribe().with(v -> { }, e -> { });
        }
    }
}
