package io.jingda.live;

import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongFunction;

/**
 * This node's connections, kept per contest (never a walk over every connection of the
 * server). Frames are sent without awaiting: a slow or dead client never holds up the others
 * or the caller's thread.
 * <p>
 * A participant's connection is kept with the event loop it lives on. A broadcast to the
 * participants hands each event loop its own connections, {@value #SLICE} per task (personal
 * frames are rendered there, in parallel), instead of one cross-thread hand-off and wake-up per
 * frame; between two slices the loop reads incoming answers and runs other tasks.
 */
@ApplicationScoped
public class LocalFanout implements Fanout {
    private static final Logger LOG = Logger.getLogger(LocalFanout.class);
    static final int SLICE = 256;

    /** A participant's connection and its event loop (null when it was not opened on one). */
    record Peer(long participantId, WebSocketConnection connection, EventLoop loop) {
    }

    static final class Room {
        final Map<Long, Peer> players = new ConcurrentHashMap<>();
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
        Peer old = room(contestId).players.put(participantId, new Peer(participantId, c, loop));
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
            case PLAYERS -> onLoops(r, peer -> frame);
            case HOSTS -> r.hosts.forEach(c -> send(c, frame));
            case SCREENS -> r.screens.forEach(c -> send(c, frame));
        }
    }

    @Override
    public void eachPlayer(long contestId, LongFunction<String> frameFor) {
        Room r = rooms.get(contestId);
        if (r == null) {
            return;
        }
        onLoops(r, peer -> frameFor.apply(peer.participantId()));
    }

    private interface FrameFor {
        String apply(Peer peer);
    }

    /** Groups the room's participants by event loop and sends each group from its own loop, a slice per task. */
    private static void onLoops(Room r, FrameFor frameFor) {
        Map<EventLoop, List<Peer>> byLoop = new HashMap<>();
        List<Peer> elsewhere = new ArrayList<>();
        for (Peer peer : r.players.values()) {
            if (peer.loop() == null) {
                elsewhere.add(peer);
            } else {
                byLoop.computeIfAbsent(peer.loop(), l -> new ArrayList<>()).add(peer);
            }
        }
        byLoop.forEach((loop, peers) -> new Chain(loop, peers, frameFor).schedule());
        sendAll(elsewhere, frameFor);
    }

    /**
     * One broadcast's share of one event loop: a slice per task, and the next slice queued behind
     * whatever arrived meanwhile (a host's HTTP response, acks, another broadcast), so that nothing
     * waits for the whole broadcast.
     */
    private record Chain(EventLoop loop, List<Peer> peers, FrameFor frameFor, int from) implements Runnable {
        Chain(EventLoop loop, List<Peer> peers, FrameFor frameFor) {
            this(loop, peers, frameFor, 0);
        }

        void schedule() {
            try {
                loop.execute(this);
            } catch (RejectedExecutionException e) {
                LOG.debugf("event loop shut down: %d frames not sent", peers.size() - from); // the server is stopping
            }
        }

        @Override
        public void run() {
            int to = Math.min(peers.size(), from + SLICE);
            sendAll(peers.subList(from, to), frameFor);
            if (to < peers.size()) {
                new Chain(loop, peers, frameFor, to).schedule();
            }
        }
    }

    private static void sendAll(List<Peer> peers, FrameFor frameFor) {
        for (Peer peer : peers) {
            try {
                String frame = frameFor.apply(peer);
                if (frame != null) {
                    send(peer.connection(), frame);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "no frame for participant %d", peer.participantId());
            }
        }
    }

    @Override
    public void toPlayer(long contestId, long participantId, String frame) {
        Room r = rooms.get(contestId);
        Peer peer = r == null ? null : r.players.get(participantId);
        if (peer != null) {
            send(peer.connection(), frame);
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

    @Override
    public int connectedPlayers(long contestId) {
        Room r = rooms.get(contestId);
        return r == null ? 0 : r.players.size();
    }

    static void send(WebSocketConnection c, String frame) {
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
