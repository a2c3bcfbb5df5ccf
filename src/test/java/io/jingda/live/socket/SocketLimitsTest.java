package io.jingda.live.socket;

import io.jingda.live.LiveApi;
import io.jingda.live.WsClient;
import io.jingda.live.protocol.Audience;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.util.internal.PlatformDependent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.join;
import static io.jingda.live.LiveApi.openLobby;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of every socket, over real TCP: message size and UTF-8, clients that stop reading
 * or answering, the public screen's upgrades, and what reaches the log. Short timers and small
 * buffers ({@link Limits}) make them show in seconds.
 */
@QuarkusTest
@TestProfile(SocketLimitsTest.Limits.class)
class SocketLimitsTest {
    static final long MAX_QUEUED = 128 * 1024;

    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "jingda.contest.socket.high-water-mark", "16K",
                    "jingda.contest.socket.max-queued", "128K",
                    "jingda.contest.socket.unwritable-timeout", "1s",
                    "jingda.contest.socket.idle-timeout", "5s",
                    "quarkus.websockets-next.server.auto-ping-interval", "1s",
                    "jingda.contest.socket.screen-upgrades-per-minute", "5",
                    "jingda.contest.socket.screens-per-contest", "2",
                    // a flood of messages is not what these tests send
                    "jingda.contest.socket.messages-per-second", "1000",
                    "jingda.contest.socket.burst", "1000");
        }
    }

    @TestHTTPResource("/")
    URI base;
    @Inject
    LocalFanout fanout;

    /** Every record of WARN or above, of any logger, while a test runs. */
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                logged.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        java.util.logging.Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        java.util.logging.Logger.getLogger("").removeHandler(capture);
    }

    private long contest() {
        long id = LiveApi.create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 1))));
        openLobby(admin(), id);
        return id;
    }

    private String code(long id) {
        return admin().get("/api/contests/" + id).then().statusCode(200).extract().path("code");
    }

    private RawSocket play(long id, String nickname, int receiveBuffer) throws Exception {
        LiveApi.Joined j = join(code(id), nickname);
        RawSocket s = RawSocket.connect(base, "/ws/play/" + id + "?token=" + j.token(), receiveBuffer);
        assertThat(s.status).isEqualTo(101);
        return s;
    }

    /** A text message of exactly {@code bytes} bytes: a JSON object of an unknown type. */
    private static String message(int bytes) {
        String m = "{\"type\":\"pad\",\"x\":\"" + "x".repeat(bytes - 21) + "\"}";
        assertThat(m.getBytes(StandardCharsets.UTF_8)).hasSize(bytes);
        return m;
    }

    /** Reads frames until one of this type, answering pings. */
    private static JsonNode next(RawSocket s, String type) throws Exception {
        while (true) {
            RawSocket.Frame f = s.read();
            if (f.opcode() == RawSocket.PING) {
                s.send(true, RawSocket.PONG, f.payload());
            } else if (f.opcode() == RawSocket.TEXT) {
                JsonNode n = WsClient.parse(f.text());
                if (type.equals(n.path("type").asText())) {
                    return n;
                }
            } else if (f.opcode() == RawSocket.CLOSE) {
                throw new AssertionError("closed with " + f.closeCode() + " while waiting for " + type);
            }
        }
    }

    private void assertNoErrorOrStackTrace() {
        for (LogRecord r : logged) {
            assertThat(r.getLevel().intValue()).as("%s: %s", r.getLoggerName(), r.getMessage())
                    .isLessThan(Level.SEVERE.intValue());
            assertThat(r.getThrown()).as("%s: %s", r.getLoggerName(), r.getMessage()).isNull();
        }
    }

    @Test
    void eightKibibytesPassOneByteMoreCloses1009AndBadUtf8Closes1007() throws Exception {
        long id = contest();
        try (RawSocket s = play(id, "exact", 0)) {
            next(s, "state");
            s.sendText(message(8192));
            assertThat(next(s, "error").get("code").asText()).as("read and answered").isEqualTo("UNKNOWN_TYPE");
            s.sendText(message(4097));
            assertThat(next(s, "error").get("code").asText()).isEqualTo("UNKNOWN_TYPE");
        }
        try (RawSocket s = play(id, "over", 0)) {
            next(s, "state");
            s.sendText(message(8193));
            assertThat(s.awaitClose()).isEqualTo(1009);
        }
        try (RawSocket s = play(id, "fragments", 0)) {
            next(s, "state");
            s.send(false, RawSocket.TEXT, "x".repeat(5000).getBytes(StandardCharsets.US_ASCII));
            s.send(true, RawSocket.CONTINUATION, "x".repeat(5000).getBytes(StandardCharsets.US_ASCII));
            assertThat(s.awaitClose()).isEqualTo(1009);
        }
        try (RawSocket s = play(id, "huge", 0)) {
            next(s, "state");
            try {
                s.sendText(message(70_000));
            } catch (java.io.IOException closedWhileSending) {
                // the server refused the frame from its header and closed before all of it was sent
            }
            assertThat(s.awaitClose()).as("a frame over max-frame-size").isIn(1009, -1);
        }
        try (RawSocket s = play(id, "latin1", 0)) {
            next(s, "state");
            s.send(true, RawSocket.TEXT, new byte[]{'{', (byte) 0xC3, '(', '}'});
            assertThat(s.awaitClose()).isEqualTo(1007);
        }
        // a client that resets its connection
        RawSocket reset = play(id, "reset", 0);
        next(reset, "state");
        reset.socket.setSoLinger(true, 0);
        reset.close();
        // a host socket with a wrong password
        try (RawSocket host = RawSocket.connect(base, "/ws/host/" + id, 0, "Authorization", "Basic bm9ib2R5Ondyb25n")) {
            assertThat(host.status).isEqualTo(401);
        }
        Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> logged.stream().anyMatch(r -> r.getLoggerName().endsWith("WatchUpgradeCheck")));
        assertNoErrorOrStackTrace();
    }

    @Test
    void theServerPingsAndClosesASocketThatNeverAnswers() throws Exception {
        long id = contest();
        try (RawSocket silent = play(id, "silent", 0);
             WsClient answers = WsClient.play(base, id, join(code(id), "answers").token())) {
            answers.await("state");
            int pings = 0;
            int code = -1;
            // reads everything, answers nothing; pings come every second, so 30 are far past the 5 s idle timeout
            while (code < 0 && pings < 30) {
                RawSocket.Frame f = silent.read();
                if (f.opcode() == RawSocket.PING) {
                    pings++;
                } else if (f.opcode() == RawSocket.CLOSE) {
                    code = f.closeCode();
                }
            }
            assertThat(pings).as("pinged before it was closed").isPositive();
            assertThat(code).isEqualTo(1001);
            // a client that answers the pings (the connector does) stays: it was opened with the silent one,
            // and it is still open a whole idle timeout (5 s) after the silent one was closed
            Awaitility.await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(answers::isOpen);
        }
    }

    @Test
    void screenUpgradesAreLimitedPerContestAndPerAddress() throws Exception {
        long id = contest();
        String code = code(id);
        try (WsClient one = WsClient.screen(base, code); WsClient two = WsClient.screen(base, code)) {
            one.await("state");
            two.await("state");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> fanout.screens(id) == 2);
            try (RawSocket third = RawSocket.connect(base, "/ws/screen/" + code, 0)) {
                assertThat(third.status).as("the contest has all its screens").isEqualTo(429);
                assertThat(third.headers.get("Retry-After")).isEqualTo("30");
            }
        }
        // 5 upgrades a minute from one address: 3 are used, 2 more get through (to 404: no such code)
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 3; i++) {
            try (RawSocket s = RawSocket.connect(base, "/ws/screen/000000", 0)) {
                statuses.add(s.status);
                retryAfter = s.headers.get("Retry-After");
            }
        }
        assertThat(statuses).containsExactly(404, 404, 429);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        assertNoErrorOrStackTrace();
    }

    /**
     * 30 participants whose sockets complete the upgrade and then never read, and one that reads,
     * while the server broadcasts 600 frames of 4 KB: the stalled connections' queues never pass
     * max-queued, they are closed, the direct memory stays bounded, and the reader gets every frame.
     */
    @Test
    void stalledReadersAreClosedAndTheirQueuesStayBounded() throws Exception {
        long id = contest();
        int stalledCount = 30;
        List<LiveApi.Joined> joined = new ArrayList<>();
        for (int i = 0; i < stalledCount; i++) {
            joined.add(join(code(id), "stalled" + i));
        }
        List<RawSocket> stalled = new ArrayList<>();
        try (WsClient reader = WsClient.play(base, id, join(code(id), "reader").token())) {
            reader.await("state");
            // opened right before the broadcast: they do not answer pings either, and the idle
            // timeout (5 s) is not what this test is about
            for (LiveApi.Joined j : joined) {
                RawSocket s = RawSocket.connect(base, "/ws/play/" + id + "?token=" + j.token(), 4096);
                assertThat(s.status).isEqualTo(101);
                stalled.add(s);
            }
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> fanout.playerConnections(id).size() == stalledCount + 1);
            List<Channel> channels = new ArrayList<>();
            for (LiveApi.Joined j : joined) {
                Channel ch = SocketLimits.channel(fanout.playerConnections(id).get(j.participantId()));
                // a small kernel buffer on the server's side too: on loopback it grows to megabytes,
                // which would take the frames before Netty's queue ever filled
                ch.config().setOption(ChannelOption.SO_SNDBUF, 8192);
                channels.add(ch);
            }
            long directBefore = directMemory();
            long peakQueued = 0;
            long peakDirect = directBefore;
            String pad = "y".repeat(4000);
            int frames = 600;
            for (int k = 1; k <= frames; k++) {
                fanout.broadcast(id, Audience.PLAYERS, "{\"type\":\"status\",\"n\":" + k + ",\"pad\":\"" + pad + "\"}");
                if (k % 3 == 0) { // the reader's queue stays under the high-water mark
                    int expected = k;
                    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                            .until(() -> statusFrames(reader) >= expected);
                }
                for (Channel ch : channels) {
                    ChannelOutboundBuffer out = ch.unsafe().outboundBuffer();
                    peakQueued = Math.max(peakQueued, out == null ? 0 : out.totalPendingWriteBytes());
                }
                peakDirect = Math.max(peakDirect, directMemory());
            }
            Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> channels.stream().noneMatch(Channel::isActive));
            assertThat(peakQueued).as("bytes queued for one connection").isLessThanOrEqualTo(MAX_QUEUED)
                    .as("the queue did fill past the high-water mark").isGreaterThan(16 * 1024);
            // unbounded, the stalled sockets would hold 30 x 600 x 4 KB = 72 MB
            assertThat(peakDirect - directBefore).as("direct memory growth").isLessThan(32L * 1024 * 1024);
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> statusFrames(reader) == frames);
            assertThat(reader.isOpen()).isTrue();
            for (RawSocket s : stalled) {
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(s::serverClosed);
            }
            System.out.printf("stalled readers: %d closed, peak queued %d bytes (bound %d), direct memory +%d KiB%n",
                    stalledCount, peakQueued, MAX_QUEUED, (peakDirect - directBefore) / 1024);
            // nothing is lost: a stalled participant that comes back gets the whole state
            try (WsClient back = WsClient.play(base, id, joined.get(0).token())) {
                JsonNode state = back.await("state");
                assertThat(state.at("/you/nickname").asText()).isEqualTo("stalled0");
                assertThat(state.get("status").asText()).isEqualTo("LOBBY");
            }
        } finally {
            for (RawSocket s : stalled) {
                s.close();
            }
        }
        assertNoErrorOrStackTrace();
    }

    private static long statusFrames(WsClient c) {
        return c.frames.stream().filter(f -> f.startsWith("{\"type\":\"status\"")).count();
    }

    /** Netty's direct memory: its own counter where it keeps one, else the JDK's direct buffer pool. */
    private static long directMemory() {
        long netty = PlatformDependent.usedDirectMemory();
        if (netty >= 0) {
            return netty;
        }
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(b -> b.getName().equals("direct")).mapToLong(BufferPoolMXBean::getMemoryUsed).sum();
    }
}
