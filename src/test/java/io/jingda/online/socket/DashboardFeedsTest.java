package io.jingda.online.socket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard feeds without Quarkus: one computation per tick for all subscribers, sent only when it changed. */
class DashboardFeedsTest {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger computed = new AtomicInteger();
    private final AtomicBoolean onEventLoop = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final DashboardFeeds feeds = new DashboardFeeds(vertx, id -> {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            computed.incrementAndGet();
            if (Context.isOnEventLoopThread()) {
                onEventLoop.set(true);
            }
            return Map.of("contestId", id, "answers", answers.get(), "serverTime", System.nanoTime());
        } finally {
            inFlight.decrementAndGet();
        }
    }, new ObjectMapper(), Duration.ofMillis(20));

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** A connection that records what it is sent. */
    private static WebSocketConnection recording(List<String> sent) {
        return (WebSocketConnection) Proxy.newProxyInstance(DashboardFeedsTest.class.getClassLoader(),
                new Class<?>[] {WebSocketConnection.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "isOpen" -> true;
                    case "sendText" -> {
                        sent.add((String) args[0]);
                        yield Uni.createFrom().voidItem();
                    }
                    case "close" -> Uni.createFrom().voidItem();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "recording connection";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    private void ticks(int n) {
        int from = computed.get();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> computed.get() >= from + n);
    }

    @Test
    void aSubscriberGetsAFrameAtOnceAndThenOnlyChanges() {
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        feeds.subscribe(7, recording(a));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> a.size() == 1);
        assertThat(a.get(0)).startsWith("{\"type\":\"dashboard\"").contains("\"answers\":0");
        // serverTime differs at every computation: it alone is no change
        feeds.subscribe(7, recording(b));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> b.size() == 1);
        assertThat(b.get(0)).isEqualTo(a.get(0));

        ticks(3);
        assertThat(a).hasSize(1);
        assertThat(b).hasSize(1);

        answers.set(1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> a.size() == 2 && b.size() == 2);
        assertThat(a.get(1)).contains("\"answers\":1").isEqualTo(b.get(1));
        ticks(3);
        assertThat(a).hasSize(2);
        assertThat(onEventLoop).isFalse();
    }

    @Test
    void eachChangeIsComputedAndSerializedOnceForAllSubscribers() {
        List<List<String>> sent = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
        sent.forEach(s -> feeds.subscribe(8, recording(s)));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> sent.stream().allMatch(s -> s.size() >= 1));
        for (int i = 1; i <= 5; i++) {
            answers.set(i);
            String want = "\"answers\":" + i;
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> sent.stream().allMatch(s -> s.get(s.size() - 1).contains(want)));
            // the same String to every subscriber: one computation and one serialization per tick
            String frame = sent.get(0).get(sent.get(0).size() - 1);
            assertThat(sent).allSatisfy(s -> assertThat(s.get(s.size() - 1)).isSameAs(frame));
        }
        assertThat(maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void theLastSubscriberStopsTheTimer() {
        List<String> a = new CopyOnWriteArrayList<>();
        WebSocketConnection c = recording(a);
        feeds.subscribe(9, c);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> a.size() == 1);
        assertThat(feeds.watching(9)).isTrue();
        feeds.unsubscribe(9, c);
        assertThat(feeds.watching(9)).isFalse();
        assertThat(feeds.subscribers(9)).isZero();
    }
}
