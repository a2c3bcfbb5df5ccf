package io.jingda.live.socket;

import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.protocol.Utf8Frame;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.local.LocalChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames written straight to a WebSocket's channel: as a client reads them, in order, flushed once. */
class ChannelWireTest {
    private final List<String> sentText = new CopyOnWriteArrayList<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicInteger flushes = new AtomicInteger();

    /** A server-side channel: the WebSocket encoder, and a counter of flushes at the head. */
    private EmbeddedChannel channel() {
        return new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                flushes.incrementAndGet();
                ctx.flush();
            }
        }, new WebSocket08FrameEncoder(false));
    }

    private WebSocketConnection connection(Channel channel) {
        Map<String, Object> map = new ConcurrentHashMap<>();
        map.put(SocketLimits.CHANNEL.value(), channel);
        UserData data = (UserData) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{UserData.class},
                (proxy, method, args) -> map.get(((UserData.TypedKey<?>) args[0]).value()));
        return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{WebSocketConnection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "userData" -> data;
                    case "isOpen" -> open.get();
                    case "id" -> "c1";
                    case "sendText" -> {
                        sentText.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** What a client reads from the bytes the channel wrote: the text of each frame. */
    private static List<String> read(EmbeddedChannel server) {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket08FrameDecoder(false, false, 65536));
        for (Object out; (out = server.readOutbound()) != null; ) {
            client.writeInbound(out);
        }
        List<String> texts = new ArrayList<>();
        for (Object in; (in = client.readInbound()) != null; ) {
            assertThat(in).isInstanceOf(TextWebSocketFrame.class);
            assertThat(((WebSocketFrame) in).isFinalFragment()).isTrue();
            texts.add(((TextWebSocketFrame) in).text());
            ((WebSocketFrame) in).release();
        }
        client.finishAndReleaseAll();
        return texts;
    }

    @Test
    void aParticipantsFramesGoOutInOrderAsWholeTextMessagesFlushedOnce() {
        EmbeddedChannel channel = channel();
        Wire wire = Wire.of(connection(channel));
        assertThat(wire).isInstanceOf(ChannelWire.class);
        PlayerFrames.WithYou board = new PlayerFrames.WithYou("{\"type\":\"leaderboard\",\"top\":[{\"nickname\":\"红船精神\"}]}",
                Map.of(7L, Personal.standing(30, 2)), false);
        Utf8Frame reveal = Utf8Frame.of("{\"type\":\"reveal\",\"correct\":[\"严新细实\"]}");
        flushes.set(0);

        wire.send(List.of(reveal, board.utf8For(board.headBytes(), 7)));

        assertThat(read(channel)).containsExactly("{\"type\":\"reveal\",\"correct\":[\"严新细实\"]}",
                board.frameFor(Frames.personalHead(board.shared()), 7));
        assertThat(flushes.get()).isEqualTo(1);
        assertThat(sentText).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void aFrameLongerThanOneWebSocketFrameGoesThroughTheConnectionInItsPlace() {
        EmbeddedChannel channel = channel();
        Wire wire = Wire.of(connection(channel));
        String big = "{\"type\":\"finished\",\"x\":\"" + "题".repeat(ChannelWire.MAX_FRAME / 3) + "\"}";

        wire.send(List.of(Utf8Frame.of("{\"type\":\"a\"}"), Utf8Frame.of(big), Utf8Frame.of("{\"type\":\"b\"}")));

        assertThat(sentText).containsExactly(big);
        assertThat(read(channel)).containsExactly("{\"type\":\"a\"}", "{\"type\":\"b\"}");
        channel.finishAndReleaseAll();
    }

    @Test
    void whileTheChannelIsUnwritableLobbyAndProgressFramesAreDroppedOthersQueued() {
        EmbeddedChannel channel = channel();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        Wire wire = Wire.of(connection(channel));
        ByteBuf unread = Unpooled.wrappedBuffer(new byte[64]);
        channel.write(unread); // not flushed: the client does not read
        assertThat(channel.isWritable()).isFalse();
        String lobby = Frames.json(new Messages.Lobby(3));
        long before = FanoutCounts.Dropped.SUPERSEDED.count.sum();

        wire.send(List.of(Utf8Frame.of(lobby), Utf8Frame.of("{\"type\":\"question\"}")));

        assertThat(FanoutCounts.Dropped.SUPERSEDED.count.sum() - before).isEqualTo(1);
        ByteBuf first = channel.readOutbound();
        assertThat(first).isSameAs(unread);
        first.release();
        assertThat(read(channel)).containsExactly("{\"type\":\"question\"}");
        channel.finishAndReleaseAll();
    }

    @Test
    void nothingIsWrittenToAClosedConnection() {
        EmbeddedChannel channel = channel();
        Wire wire = Wire.of(connection(channel));
        open.set(false);
        wire.send(List.of(Utf8Frame.of("{\"type\":\"a\"}")));
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(sentText).isEmpty();
        channel.finishAndReleaseAll();
    }

    @Test
    void calledOffTheChannelsEventLoopItWritesThroughTheConnection() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            LocalChannel channel = new LocalChannel();
            channel.pipeline().addLast(new WebSocket08FrameEncoder(false));
            loop.register(channel).sync();
            Wire wire = Wire.of(connection(channel));
            assertThat(wire).isInstanceOf(ChannelWire.class);
            wire.send(List.of(Utf8Frame.of("{\"type\":\"a\"}"))); // from the test's thread, not the loop's
            assertThat(sentText).containsExactly("{\"type\":\"a\"}");
            channel.close().sync();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChannelWithoutAWebSocketEncoderIsWrittenThroughTheConnection() {
        EmbeddedChannel plain = new EmbeddedChannel();
        Wire wire = Wire.of(connection(plain));
        assertThat(wire).isNotInstanceOf(ChannelWire.class);
        wire.send(List.of(Utf8Frame.of("{\"type\":\"a\"}"), new Utf8Frame("{\"x\":".getBytes(StandardCharsets.UTF_8),
                "1}".getBytes(StandardCharsets.UTF_8))));
        assertThat(sentText).containsExactly("{\"type\":\"a\"}", "{\"x\":1}");
        plain.finishAndReleaseAll();
    }
}
