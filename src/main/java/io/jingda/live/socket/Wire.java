package io.jingda.live.socket;

import io.quarkus.websockets.next.WebSocketConnection;

import java.util.List;

/**
 * How the frames waiting for one participant reach its connection: in order, back to back. The
 * outbox hands over all of a participant's pending frames at once (a reveal and the leaderboard
 * right behind it), so a writer that can flush once per participant fits here; websockets-next
 * flushes every {@link WebSocketConnection#sendText} on its own.
 */
@FunctionalInterface
interface Wire {

    /** Sends the frames, in order. Called on the connection's event loop, or on the caller's thread. */
    void send(List<String> frames);

    /** One {@link WebSocketConnection#sendText} per frame. */
    static Wire of(WebSocketConnection c) {
        return frames -> {
            for (String frame : frames) {
                LocalFanout.send(c, frame);
            }
        };
    }
}
