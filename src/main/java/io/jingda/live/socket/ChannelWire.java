package io.jingda.live.socket;

import io.jingda.live.protocol.Utf8Frame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Writes a participant's frames straight to the connection's Netty channel, as WebSocket text
 * frames of bytes already encoded ({@link Utf8Frame}), and flushes once: no string is built or
 * encoded per participant, and no Mutiny {@code Uni}, context capture or Vert.x future is made per
 * frame. The frames pass through the whole pipeline (the socket guard, the WebSocket encoder, the
 * flush consolidation), as the frames Vert.x writes do.
 * <p>
 * Runs on the channel's event loop (the outbox's), where Vert.x also writes the connection's other
 * frames (acks, replies) at once, so the order of the two is the order they were sent in. A frame
 * longer than {@value #MAX_FRAME} bytes goes through {@link WebSocketConnection#sendText}, which
 * splits it into frames of {@code quarkus.websockets-next.server.max-frame-size}.
 */
final class ChannelWire implements Wire {
    private static final Logger LOG = Logger.getLogger(ChannelWire.class);
    /** The longest frame written here: {@code quarkus.websockets-next.server.max-frame-size} as application.properties sets it. */
    static final int MAX_FRAME = 8192;

    private final WebSocketConnection connection;
    private final Channel channel;

    ChannelWire(WebSocketConnection connection, Channel channel) {
        this.connection = connection;
        this.channel = channel;
    }

    /** True if frames can be written to the channel: it has a WebSocket encoder. */
    static boolean fits(Channel channel) {
        return channel.pipeline().get(WebSocketFrameEncoder.class) != null;
    }

    @Override
    public void send(List<Utf8Frame> frames) {
        if (!channel.eventLoop().inEventLoop()) {
            Wire.texts(connection).send(frames); // Vert.x orders writes from other threads
            return;
        }
        if (!connection.isOpen()) {
            return;
        }
        boolean written = false;
        for (Utf8Frame frame : frames) {
            if (!channel.isWritable() && SocketLimits.superseded(frame)) {
                FanoutCounts.Dropped.SUPERSEDED.count.increment();
                LOG.tracef("dropped a superseded frame to the unwritable %s", connection.id());
            } else if (frame.length() > MAX_FRAME) {
                if (written) {
                    channel.flush();
                    written = false;
                }
                LocalFanout.send(connection, frame.text());
                FanoutCounts.Written.CONNECTION.count.increment();
            } else {
                ByteBuf payload = channel.alloc().buffer(frame.length());
                payload.writeBytes(frame.shared()).writeBytes(frame.own());
                channel.write(new TextWebSocketFrame(payload));
                FanoutCounts.Written.CHANNEL.count.increment();
                written = true;
            }
        }
        if (written) {
            channel.flush();
        }
    }
}
