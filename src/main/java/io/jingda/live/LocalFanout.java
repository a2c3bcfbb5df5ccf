package io.jingda.live;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * This node's connections, kept per contest (never a walk over every connection of the
 * server). Frames are sent without awaiting: a slow or dead client never holds up the others
 * or the caller's thread.
 */
@ApplicationScoped
public class LocalFanout implements Fanout {
    private static final Logger LOG = Logger.getLogger(LocalFanout.class);

    static final class Room {
        final Map<Long, WebSocketConnection> players = new ConcurrentHashMap<>();
        final Set<WebSocketConnection> hosts = ConcurrentHashMap.newKeySet();
        final Set<WebSocketConnection> screens = ConcurrentHashMap.newKeySet();
    }

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();

    private Room room(long contestId) {
        return rooms.computeIfAbsent(contestId, id -> new Room());
    }

    /** Registers a participant's connection; a previous connection of the same participant is closed. */
    public void addPlayer(long contestId, long participantId, WebSocketConnection c) {
        WebSocketConnection old = room(contestId).players.put(participantId, c);
        if (old != null && old != c && old.isOpen()) {
            close(old, new CloseReason(4001, "replaced by a newer connection"));
        }
    }

    public void removePlayer(long contestId, long participantId, WebSocketConnection c) {
        Room r = rooms.get(contestId);
        if (r != null) {
            r.players.remove(participantId, c);
        }
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
            case PLAYERS -> r.players.values().forEach(c -> send(c, frame));
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
        r.players.forEach((pid, c) -> {
            String frame = frameFor.apply(pid);
            if (frame != null) {
                send(c, frame);
            }
        });
    }

    @Override
    public void toPlayer(long contestId, long participantId, String frame) {
        Room r = rooms.get(contestId);
        WebSocketConnection c = r == null ? null : r.players.get(participantId);
        if (c != null) {
            send(c, frame);
        }
    }

    @Override
    public void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason) {
        Room r = rooms.get(contestId);
        WebSocketConnection c = r == null ? null : r.players.remove(participantId);
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
            r.players.values().forEach(c -> close(c, why));
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
