package io.jingda.live;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.jingda.live.LiveApi.join;
import static io.jingda.live.LiveApi.openLobby;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small live contest, read back from /q/metrics (Prometheus text): answers received, acknowledged and refused,
 * the ack histogram, the sockets and owner gauges with the contest's tag, and the live group commit. The app is
 * shared with the other tests, so counters are compared before and after.
 */
@QuarkusTest
class LiveMetricsTest {
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TestHTTPResource("/")
    URI base;
    @Inject
    LiveMetrics metrics;

    static String scrape() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the series of this name whose labels include all of these; NaN when there is none. */
    static double value(String text, String name, Map<String, String> labels) {
        for (String line : text.split("\n")) {
            Matcher m = SERIES.matcher(line);
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            Map<String, String> have = new HashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    have.put(l.group(1), l.group(2));
                }
            }
            if (have.entrySet().containsAll(labels.entrySet())) {
                return Double.parseDouble(m.group(3));
            }
        }
        return Double.NaN;
    }

    static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    @Test
    void aSmallContestShowsUpInTheMetrics() {
        String before = scrape();
        double received = orZero(value(before, "jingda_answers_received_total", Map.of()));
        double acked = orZero(value(before, "jingda_answers_acknowledged_total", Map.of()));
        double already = orZero(value(before, "jingda_answers_refused_total", Map.of("reason", "ALREADY_ANSWERED")));
        double ackCount = orZero(value(before, "jingda_answer_ack_seconds_count", Map.of()));
        double commits = orZero(value(before, "jingda_group_commit_size_count", Map.of("writer", "live")));
        double direct = orZero(value(before, "jingda_fanout_written_total", Map.of("path", "channel")));

        long id = create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 3))));
        LiveContestTest.Q q = LiveContestTest.hostView(id).get(0);
        String code = openLobby(admin(), id);
        LiveApi.Joined a = join(code, "gauge-a");
        LiveApi.Joined b = join(code, "gauge-b");
        String contest = Long.toString(id);
        String node = metrics.node();
        try (WsClient pa = WsClient.play(base, id, a.token());
             WsClient pb = WsClient.play(base, id, b.token());
             WsClient screen = WsClient.screen(base, code)) {
            pa.await("state");
            pb.await("state");
            screen.await("state");
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String now = scrape();
                assertEquals(2.0, value(now, "jingda_sockets", Map.of("contest", contest, "node", node, "audience", "players")));
                assertEquals(1.0, value(now, "jingda_sockets", Map.of("contest", contest, "node", node, "audience", "screens")));
                assertEquals(0.0, value(now, "jingda_sockets", Map.of("contest", contest, "node", node, "audience", "hosts")));
                assertEquals(1.0, value(now, "jingda_contest_owner", Map.of("contest", contest, "node", node)));
            });

            act(admin(), id, "start").statusCode(200);
            pa.await("question");
            pb.await("question");
            pa.answer(q.id(), q.correctIds().get(0), "m1");
            assertTrue(pa.await("ack").get("accepted").asBoolean());
            pb.answer(q.id(), q.correctIds().get(0), "m2");
            assertTrue(pb.await("ack").get("accepted").asBoolean());
            int mark = pa.mark();
            pa.answer(q.id(), q.correctIds().get(0), "m3"); // a second answer: refused
            assertEquals("ALREADY_ANSWERED", pa.awaitNext("ack", mark).get("reason").asText());

            String after = scrape();
            assertEquals(received + 3, value(after, "jingda_answers_received_total", Map.of()));
            assertEquals(acked + 2, value(after, "jingda_answers_acknowledged_total", Map.of()));
            assertEquals(already + 1, value(after, "jingda_answers_refused_total", Map.of("reason", "ALREADY_ANSWERED")));
            assertEquals(ackCount + 3, value(after, "jingda_answer_ack_seconds_count", Map.of()));
            // the percentile histogram's buckets, cumulative up to +Inf
            assertFalse(Double.isNaN(value(after, "jingda_answer_ack_seconds_bucket", Map.of("le", "0.001"))), after);
            assertEquals(ackCount + 3, value(after, "jingda_answer_ack_seconds_bucket", Map.of("le", "+Inf")));
            assertTrue(value(after, "jingda_answer_ack_seconds_bucket", Map.of("le", "10.0")) >= ackCount + 3);
            // two joins and two answers went through the live writer's group commit
            assertTrue(value(after, "jingda_group_commit_size_count", Map.of("writer", "live")) > commits, after);
            assertTrue(value(after, "jingda_group_commit_size_sum", Map.of("writer", "live")) >= 4);
            assertTrue(value(after, "jingda_group_commit_seconds_count", Map.of("writer", "live")) > commits);
            assertFalse(Double.isNaN(value(after, "jingda_group_commit_seconds_bucket", Map.of("writer", "live", "le", "+Inf"))));
            // the fan-out's meters are there (nothing is queued once the frames are out; no slow reader here)
            for (String reason : List.of("superseded", "queue_full", "unwritable")) {
                assertFalse(Double.isNaN(value(after, "jingda_fanout_dropped_total", Map.of("reason", reason))), reason);
            }
            assertFalse(Double.isNaN(value(after, "jingda_fanout_queue_depth", Map.of())));
            // the question frame went to both phones straight to their Netty channels
            assertTrue(value(after, "jingda_fanout_written_total", Map.of("path", "channel")) >= direct + 2, after);
            assertFalse(Double.isNaN(value(after, "jingda_fanout_written_total", Map.of("path", "connection"))));
            // the HTTP binder keeps path templates: no series per contest id, code or unknown path
            given().get("/ws/play/987654321").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            given().get("/nowhere/987654321").then().statusCode(404);
            given().get("/api/contests/987654321").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            for (String line : scrape().split("\n")) {
                assertFalse(line.startsWith("http_server") && (line.contains("/" + id + "/") || line.contains("/" + id + "\"")
                        || line.contains("/" + code) || line.contains("/987654321")), line);
            }

            act(admin(), id, "finish").statusCode(200);
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertTrue(Double.isNaN(value(scrape(), "jingda_contest_owner", Map.of("contest", contest))),
                            "a finished contest is no longer owned"));
        }
    }
}
