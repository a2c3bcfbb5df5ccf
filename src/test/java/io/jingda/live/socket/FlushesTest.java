package io.jingda.live.socket;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.impl.ConnectionBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The frames written to a WebSocket in one event-loop task reach the socket in one flush. */
class FlushesTest {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRevealAndTheLeaderboardBehindItAreOneFlush() throws Exception {
        assertThat(flushesForTwoFrames(true)).isEqualTo(1);
    }

    @Test
    void withoutItEachFrameIsFlushedOnItsOwn() throws Exception {
        assertThat(flushesForTwoFrames(false)).isEqualTo(2);
    }

    /** Writes two frames in one task on the connection's loop; returns the flushes that reached the socket. */
    private int flushesForTwoFrames(boolean consolidate) throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        CompletableFuture<ServerWebSocket> upgraded = new CompletableFuture<>();
        CompletableFuture<Context> loop = new CompletableFuture<>();
        HttpServer server = vertx.createHttpServer().requestHandler(req -> {
            if (consolidate) {
                Flushes.consolidate(req);
                Flushes.consolidate(req); // a second call does not add a second handler
            }
            Channel channel = ((ConnectionBase) req.connection()).channel();
            assertThat(channel.pipeline().names().stream().filter(Flushes.HANDLER::equals)).hasSize(consolidate ? 1 : 0);
            // counts the flushes between the consolidation and the socket
            channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
                @Override
                public void flush(ChannelHandlerContext ctx) throws Exception {
                    flushes.incrementAndGet();
                    super.flush(ctx);
                }
            });
            loop.complete(Vertx.currentContext());
            req.toWebSocket().onSuccess(upgraded::complete).onFailure(upgraded::completeExceptionally);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        List<String> received = new CopyOnWriteArrayList<>();
        vertx.createHttpClient().webSocket(server.actualPort(), "127.0.0.1", "/")
                .onSuccess(ws -> ws.textMessageHandler(received::add))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS); // the handshake's response is out
        ServerWebSocket ws = upgraded.get(10, TimeUnit.SECONDS);
        int before = flushes.get();
        assertThat(before).isPositive();

        loop.get().runOnContext(v -> {
            ws.writeTextMessage("{\"type\":\"reveal\"}");
            ws.writeTextMessage("{\"type\":\"leaderboard\"}");
        });
        await().atMost(5, TimeUnit.SECONDS).until(() -> received.size() == 2);
        assertThat(received).containsExactly("{\"type\":\"reveal\"}", "{\"type\":\"leaderboard\"}");
        return flushes.get() - before;
    }
}
