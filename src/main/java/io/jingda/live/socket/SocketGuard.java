package io.jingda.live.socket;

import io.jingda.system.RateLimitedLog;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The limits of one WebSocket, on its Netty channel between the frame decoder and Vert.x, so they
 * hold before any frame is aggregated or decoded into a string:
 * <ul>
 * <li>a message (all its frames) over {@code maxMessageBytes} closes with 1009, a text message
 * that is not UTF-8 with 1007;</li>
 * <li>a frame that would queue more than {@code maxQueuedBytes} for the client closes the
 * connection at once, and so does staying unwritable (the client stopped reading) for
 * {@code unwritableTimeout}: closing drops what was queued, so memory stays bounded;</li>
 * <li>nothing read for a whole {@code idleTimeout} (not even the pong to the server's ping)
 * closes with 1001: the client is gone;</li>
 * <li>client resets and frames the decoder refuses are one rate-limited WARN line each, not an
 * ERROR with a stack trace.</li>
 * </ul>
 * Runs on the channel's event loop.
 */
final class SocketGuard extends ChannelDuplexHandler {
    static final String NAME = "jingda-socket-guard";
    static final int TOO_BIG = 1009;
    static final int NOT_UTF8 = 1007;
    static final int GONE = 1001;
    /** How long a close frame may take to go out before the connection is closed without it. */
    private static final long CLOSE_GRACE_MS = 1000;
    /**
     * What a frame adds to Netty's count of queued bytes besides its payload: its header (up to 14
     * bytes) and the per-buffer overhead of the outbound buffer (96 bytes; a large frame is written
     * as two buffers, header and payload).
     */
    static final int FRAME_OVERHEAD = 14 + 2 * 96;
    private static final RateLimitedLog LOG = new RateLimitedLog(Logger.getLogger(SocketGuard.class), Duration.ofSeconds(10));

    record Limits(int maxMessageBytes, long maxQueuedBytes, Duration unwritableTimeout, Duration idleTimeout) {
    }

    private final Limits limits;
    private final Utf8Check utf8 = new Utf8Check();
    private long messageBytes;
    private boolean text;
    private boolean heard;
    private boolean closing;
    private ScheduledFuture<?> unwritable;
    private ScheduledFuture<?> idle;

    SocketGuard(Limits limits) {
        this.limits = limits;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        long every = limits.idleTimeout().toNanos();
        if (every > 0) {
            idle = ctx.executor().scheduleAtFixedRate(() -> checkIdle(ctx), every, every, TimeUnit.NANOSECONDS);
        }
        if (!ctx.channel().isWritable()) {
            watchUnwritable(ctx);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimers();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimers();
        super.channelInactive(ctx);
    }

    private void cancelTimers() {
        if (idle != null) {
            idle.cancel(false);
            idle = null;
        }
        if (unwritable != null) {
            unwritable.cancel(false);
            unwritable = null;
        }
    }

    private void checkIdle(ChannelHandlerContext ctx) {
        if (!heard && !closing) {
            LOG.warn("closed the WebSocket of %s: nothing received for %s, not even a pong", ctx.channel().remoteAddress(),
                    limits.idleTimeout());
            refuse(ctx, GONE, "no answer to ping");
        }
        heard = false;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        heard = true;
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame) {
            text = msg instanceof TextWebSocketFrame;
            messageBytes = 0;
            utf8.finish();
        } else if (!(msg instanceof ContinuationWebSocketFrame)) {
            super.channelRead(ctx, msg); // control frames (the decoder caps them at 125 bytes), or not a frame
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) msg;
        messageBytes += frame.content().readableBytes();
        if (messageBytes > limits.maxMessageBytes()) {
            ReferenceCountUtil.release(msg);
            LOG.warn("closed the WebSocket of %s (1009): a message of more than %d bytes", ctx.channel().remoteAddress(),
                    limits.maxMessageBytes());
            refuse(ctx, TOO_BIG, "message too large: at most " + limits.maxMessageBytes() + " bytes");
            return;
        }
        if (text && (!utf8.feed(frame.content()) || frame.isFinalFragment() && !utf8.finish())) {
            ReferenceCountUtil.release(msg);
            LOG.warn("closed the WebSocket of %s (1007): a text message that is not UTF-8", ctx.channel().remoteAddress());
            refuse(ctx, NOT_UTF8, "text message is not valid UTF-8");
            return;
        }
        super.channelRead(ctx, msg);
    }

    /**
     * Sends a close frame with this code, then closes the connection; at once when the client does
     * not read (the frame would wait behind what is queued), else within a second at most.
     */
    private void refuse(ChannelHandlerContext ctx, int code, String reason) {
        closing = true;
        if (!ctx.channel().isWritable()) {
            ctx.close();
        } else if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
            ctx.executor().schedule(() -> {
                ctx.close();
            }, CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof CorruptedWebSocketFrameException e) {
            // the decoder refused a frame (over max-frame-size: 1009; a protocol error: 1002) and
            // discards the rest; Vert.x has it send no close frame, so this sends one
            LOG.warn("closed the WebSocket of %s (%d): %s", ctx.channel().remoteAddress(), e.closeStatus().code(),
                    e.getMessage());
            if (!closing) {
                refuse(ctx, e.closeStatus().code(), e.closeStatus().code() == TOO_BIG
                        ? "message too large: at most " + limits.maxMessageBytes() + " bytes" : "protocol error");
            }
        } else if (cause instanceof IOException) {
            LOG.warn("the WebSocket of %s failed: %s", ctx.channel().remoteAddress(), cause.getMessage());
            closing = true;
            ctx.close();
        } else {
            super.exceptionCaught(ctx, cause);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (closing && !(msg instanceof CloseWebSocketFrame)) {
            // dropped: the connection is being closed (a failed promise would only log a warning per ping)
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            return;
        }
        if (msg instanceof PingWebSocketFrame && !ctx.channel().isWritable()) {
            // a ping would wait behind what the client does not read, and fail loudly when it is closed
            ReferenceCountUtil.release(msg);
            promise.trySuccess();
            return;
        }
        ChannelOutboundBuffer out = ctx.channel().unsafe().outboundBuffer();
        long queued = out == null ? 0 : out.totalPendingWriteBytes();
        if (queued + size(msg) + FRAME_OVERHEAD > limits.maxQueuedBytes()) {
            ReferenceCountUtil.release(msg);
            promise.tryFailure(new ClosedChannelException());
            FanoutCounts.Dropped.QUEUE_FULL.count.increment();
            LOG.warn("closed the WebSocket of %s: %d bytes queued, the client does not read", ctx.channel().remoteAddress(),
                    queued);
            closing = true;
            ctx.close();
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBufHolder holder) {
            return holder.content().readableBytes();
        }
        return msg instanceof ByteBuf buf ? buf.readableBytes() : 0;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable()) {
            watchUnwritable(ctx);
        } else if (unwritable != null) {
            unwritable.cancel(false);
            unwritable = null;
        }
        super.channelWritabilityChanged(ctx);
    }

    private void watchUnwritable(ChannelHandlerContext ctx) {
        if (unwritable == null && !limits.unwritableTimeout().isZero()) {
            unwritable = ctx.executor().schedule(() -> {
                unwritable = null;
                if (!ctx.channel().isWritable() && !closing) {
                    FanoutCounts.Dropped.UNWRITABLE.count.increment();
                    LOG.warn("closed the WebSocket of %s: it did not read for %s", ctx.channel().remoteAddress(),
                            limits.unwritableTimeout());
                    closing = true;
                    ctx.close();
                }
            }, limits.unwritableTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
