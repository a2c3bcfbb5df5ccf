package io.jingda.live.cluster;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Against the local Redis (127.0.0.1:6379; skipped where none runs): order, subscription, delivery. */
class RedisLinkTest {
    private Vertx vertx;
    private RedisLink a;
    private RedisLink b;

    @BeforeEach
    void redis() {
        boolean up;
        try (Socket s = new Socket("127.0.0.1", 6379)) {
            up = true;
        } catch (Exception e) {
            up = false;
        }
        assumeTrue(up, "no Redis at 127.0.0.1:6379");
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
        if (vertx != null) {
            vertx.close();
        }
    }

    @Test
    void messagesPublishedOnOneConnectionArriveInOrderAcrossTwoChannels() throws Exception {
        Redis client = Redis.createClient(vertx, "redis://127.0.0.1:6379");
        List<String> got = new CopyOnWriteArrayList<>();
        a = new RedisLink(client, vertx, (ch, msg) -> { }, () -> { });
        b = new RedisLink(client, vertx, (ch, msg) -> got.add(ch.substring(ch.length() - 1) + msg), () -> { });
        a.start();
        b.start();
        String prefix = "jingda:test:" + System.nanoTime() + ":";
        await().atMost(5, TimeUnit.SECONDS).until(b::subscribed);
        b.subscribe(prefix + "x").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        b.subscribe(prefix + "y").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        for (int i = 0; i < 200; i++) {
            a.send(Request.cmd(Command.PUBLISH).arg(prefix + (i % 3 == 0 ? "y" : "x")).arg(Integer.toString(i)));
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> got.size() == 200);
        for (int i = 0; i < 200; i++) {
            assertThat(got.get(i)).isEqualTo((i % 3 == 0 ? "y" : "x") + i);
        }
        assertThat(a.up()).isTrue();
        assertThat(b.up()).isFalse(); // b never sent a command: its sending connection is not open yet
    }
}
