package io.jingda.live.socket;

import io.jingda.contest.ContestConfig;
import io.jingda.live.protocol.Utf8Frame;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.quarkus.websockets.next.HttpUpgradeCheck.HttpUpgradeContext;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.net.impl.ConnectionBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Puts the limits of {@code jingda.contest.socket.*} on every WebSocket's Netty channel: the
 * write-buffer water marks that make a connection unwritable once its client stops reading, and a
 * {@link SocketGuard} behind the frame decoder and encoder. The upgrade checks {@linkplain #remember remember}
 * the channel under the upgrade request; the endpoints {@linkplain #install install} the guard
 * when the connection opens. While a connection is unwritable, frames that the next one of their
 * kind supersedes (lobby, progress) are not queued ({@link #skip}).
 */
@ApplicationScoped
public class SocketLimits {
    private static final Logger LOG = Logger.getLogger(SocketLimits.class);
    static final UserData.TypedKey<Channel> CHANNEL = new UserData.TypedKey<>("jingda-channel");
    private static final String[] SUPERSEDED = {"{\"type\":\"lobby\"", "{\"type\":\"progress\""};
    private static final byte[][] SUPERSEDED_UTF8 = Arrays.stream(SUPERSEDED)
            .map(p -> p.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

    private final SocketGuard.Limits limits;
    private final int highWaterMark;

    public SocketLimits(ContestConfig config,
                        @ConfigProperty(name = "quarkus.websockets-next.server.max-message-size", defaultValue = "8192")
                        int maxMessageSize) {
        ContestConfig.Socket s = config.socket();
        this.limits = new SocketGuard.Limits(maxMessageSize, s.maxQueued().asLongValue(), s.unwritableTimeout(),
                s.idleTimeout());
        this.highWaterMark = (int) Math.min(Integer.MAX_VALUE, s.highWaterMark().asLongValue());
    }

    /** Keeps the Netty channel of the request being upgraded with the connection's user data. */
    static void remember(HttpUpgradeContext ctx) {
        if (ctx.httpRequest().connection() instanceof ConnectionBase base) {
            ctx.userData().put(CHANNEL, base.channel());
        }
    }

    static Channel channel(WebSocketConnection c) {
        return c.userData().get(CHANNEL);
    }

    /** Sets the water marks and adds the guard behind the frame decoder; called when the connection opens. */
    void install(WebSocketConnection c) {
        Channel channel = channel(c);
        if (channel == null) {
            LOG.debugf("no Netty channel under %s: its socket has no limits", c.id());
            return;
        }
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(highWaterMark / 2, highWaterMark));
        ChannelPipeline pipeline = channel.pipeline();
        ChannelHandlerContext decoder = pipeline.context(WebSocketFrameDecoder.class);
        ChannelHandlerContext encoder = pipeline.context(WebSocketFrameEncoder.class);
        if (decoder == null || encoder == null || pipeline.get(SocketGuard.NAME) != null) {
            LOG.debugf("no WebSocket codec in the pipeline of %s: %s", c.id(), pipeline.names());
            return;
        }
        // behind both the decoder and the encoder: it reads decoded frames and writes frames to encode
        List<String> names = pipeline.names();
        String last = names.indexOf(encoder.name()) > names.indexOf(decoder.name()) ? encoder.name() : decoder.name();
        pipeline.addAfter(last, SocketGuard.NAME, new SocketGuard(limits));
    }

    /** True if the frame should not be queued: the connection is unwritable and the next frame of its kind supersedes it. */
    static boolean skip(WebSocketConnection c, String frame) {
        Channel channel = c.userData().get(CHANNEL);
        return channel != null && !channel.isWritable() && superseded(frame);
    }

    static boolean superseded(String frame) {
        for (String prefix : SUPERSEDED) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean superseded(Utf8Frame frame) {
        for (byte[] prefix : SUPERSEDED_UTF8) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
