package io.jingda.live;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.impl.WebSocketImplBase;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.util.List;

/**
 * How the frames queued for one participant reach the socket.
 * <p>
 * websockets-next flushes every message on its own: one {@code write} system call per frame on
 * the server and one wake-up of the client. When a participant has several frames waiting on its
 * event loop (the leaderboard that follows a reveal), {@link #onLoop} writes them to the Netty
 * channel and flushes once. It reaches the channel through the connection's Vert.x WebSocket, which
 * websockets-next does not expose; if that fails (another Quarkus version), every frame goes
 * through {@link WebSocketConnection#sendText}, as before, and a warning says so once.
 */
interface Wire {

    /** Sends the frames, in order. Called on the connection's event loop (or any thread for {@link #of}). */
    void send(List<String> frames);

    /** One {@link WebSocketConnection#sendText} per frame. */
    static Wire of(WebSocketConnection c) {
        return frames -> {
            for (String frame : frames) {
                LocalFanout.send(c, frame);
            }
        };
    }

    /** Writes to the connection's channel and flushes once, when the channel runs on {@code loop}. */
    static Wire onLoop(WebSocketConnection c, EventLoop loop) {
        ChannelHandlerContext ctx = Netty.context(c);
        if (ctx == null || ctx.executor() != loop) {
            return of(c);
        }
        return frames -> {
            if (!c.isOpen()) {
                return;
            }
            int last = frames.size() - 1;
            for (int i = 0; i <= last; i++) {
                String frame = frames.get(i);
                if (frame.length() > Netty.MAX_CHARS) {
                    // a message this long is split into several frames by Vert.x: send the rest that way, in order
                    ctx.flush();
                    of(c).send(frames.subList(i, frames.size()));
                    return;
                }
                TextWebSocketFrame f = new TextWebSocketFrame(ByteBufUtil.writeUtf8(ctx.alloc(), frame));
                if (i < last) {
                    ctx.write(f, ctx.newPromise()); // a failed write closes the channel; nothing to report here
                } else {
                    ctx.writeAndFlush(f, ctx.newPromise());
                }
            }
        };
    }

    /** Finds the Netty channel context under a websockets-next connection. */
    final class Netty {
        private static final Logger LOG = Logger.getLogger(Wire.class);
        /** Below Vert.x's default maximum frame size (65,536 bytes) even if every character takes 3 bytes. */
        static final int MAX_CHARS = 65_536 / 3;
        private static final Method WEB_SOCKET = webSocketAccessor();

        private Netty() {
        }

        private static Method webSocketAccessor() {
            try {
                Method m = Class.forName("io.quarkus.websockets.next.runtime.WebSocketConnectionBase")
                        .getDeclaredMethod("webSocket");
                m.setAccessible(true);
                return m;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warnf("frames to participants are flushed one by one (no access to the Vert.x WebSocket: %s)", e);
                return null;
            }
        }

        /** False when this Quarkus version hides the Vert.x WebSocket elsewhere (frames then go one by one). */
        static boolean available() {
            return WEB_SOCKET != null;
        }

        static ChannelHandlerContext context(WebSocketConnection c) {
            if (WEB_SOCKET == null || !WEB_SOCKET.getDeclaringClass().isInstance(c)) {
                return null;
            }
            try {
                return WEB_SOCKET.invoke(c) instanceof WebSocketImplBase<?> ws ? ws.channelHandlerContext() : null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debugf("no channel for connection %s: %s", c.id(), e);
                return null;
            }
        }
    }
}
