package io.jingda.live.socket;

import io.jingda.live.protocol.Utf8Frame;
import io.netty.channel.Channel;
import io.quarkus.websockets.next.WebSocketConnection;

import java.util.List;

/**
 * How the frames waiting for one participant reach its connection: in order, back to back. The
 * outbox hands over all of a participant's pending frames at once (a reveal and the leaderboard
 * right behind it), so a writer that flushes once per participant fits here.
 */
@FunctionalInterface
interface Wire {

    /** Sends the frames, in order. Called on the connection's event loop, or on the caller's thread. */
    void send(List<Utf8Frame> frames);

    /**
     * The connection's Netty channel written directly ({@link ChannelWire}) when it has one with a
     * WebSocket encoder; otherwise one {@link WebSocketConnection#sendText} per frame.
     */
    static Wire of(WebSocketConnection c) {
        Channel channel = SocketLimits.channel(c);
        return channel != null && ChannelWire.fits(channel) ? new ChannelWire(c, channel) : texts(c);
    }

    /** One {@link WebSocketConnection#sendText} per frame (websockets-next flushes each on its own). */
    static Wire texts(WebSocketConnection c) {
        return frames -> {
            for (Utf8Frame frame : frames) {
                LocalFanout.send(c, frame.text());
                FanoutCounts.Written.CONNECTION.count.increment();
            }
        };
    }
}
