package io.jingda.online.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.TestAuth;
import io.jingda.live.WsClient;
import io.jingda.online.OnlineFixture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code /ws/online/{id}}: the organizer's dashboard arrives on connect and again after an answer; strangers are refused. */
@QuarkusTest
class DashboardEndpointTest {
    @TestHTTPResource("/")
    URI base;

    private static BasicWebSocketConnector as(BasicWebSocketConnector c, String user, String password) {
        return c.addHeader("Authorization", basic(user, password));
    }

    private WsClient dashboard(long id, String user, String password) {
        return WsClient.connect(as(BasicWebSocketConnector.create().baseUri(base).path("/ws/online/" + id), user, password));
    }

    @Test
    void aFrameArrivesOnConnectAndAfterAnAnswer() {
        long id = OnlineFixture.create("看板", 3, 2, "\"free\"");
        String code = OnlineFixture.schedule(id);
        try (WsClient ws = dashboard(id, "admin", TestAuth.ADMIN_PASSWORD)) {
            JsonNode first = ws.await("dashboard");
            assertThat(first.path("participants").asInt()).isZero();
            assertThat(first.path("answers").asInt()).isZero();
            assertThat(first.has("questions")).isTrue();

            String token = OnlineFixture.register(code, "张三", "第一支部");
            JsonPath attempt = OnlineFixture.start(code, token);
            Map<String, Object> q = attempt.getMap("question");
            @SuppressWarnings("unchecked")
            var options = (List<Map<String, Object>>) q.get("options");
            OnlineFixture.answerFirstOption(token, attempt.getLong("attemptId"), (String) q.get("id"),
                    (String) options.get(0).get("id"), "r-1");

            JsonNode after = ws.await("dashboard", 0, n -> n.path("answers").asInt() >= 1);
            assertThat(after.path("participants").asInt()).isEqualTo(1);
            assertThat(after.path("attempts").asInt()).isEqualTo(1);
        }
    }

    @Test
    void anUnchangedDashboardIsNotSentAgain() throws InterruptedException {
        long id = OnlineFixture.create("安静的看板", 2, 1, null);
        OnlineFixture.schedule(id);
        try (WsClient ws = dashboard(id, "admin", TestAuth.ADMIN_PASSWORD)) {
            ws.await("dashboard");
            // a quiet contest: the ticks of the next 2.5 intervals find nothing new to send
            Thread.sleep(2500);
            assertThat(ws.ofType("dashboard")).hasSize(1);
        }
    }

    @Test
    void anAnonymousConnectionIsRefused() {
        long id = OnlineFixture.create("无名", 2, 1, null);
        OnlineFixture.schedule(id);
        assertThatThrownBy(() -> WsClient.connect(BasicWebSocketConnector.create().baseUri(base).path("/ws/online/" + id)))
                .isNotNull();
        assertThat(upgradeStatus(id)).isEqualTo(401);
    }

    @Test
    void anotherHostsContestAndAnotherSitesPageAreRefused() {
        long id = OnlineFixture.create("别人的", 2, 1, null);
        OnlineFixture.schedule(id);
        TestAuth.account("dash-host", "host");
        assertThat(upgradeStatus(id, "Authorization", basic("dash-host", "dash-host-password"))).isEqualTo(403);
        assertThat(upgradeStatus(id, "Authorization", basic("admin", TestAuth.ADMIN_PASSWORD),
                "Origin", "https://evil.example")).isEqualTo(403);
        assertThat(upgradeStatus(987654321L, "Authorization", basic("admin", TestAuth.ADMIN_PASSWORD))).isEqualTo(404);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** The HTTP status that refused the upgrade (the JDK client says it; 101 if it was accepted). */
    private int upgradeStatus(long id, String... headers) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            builder.buildAsync(URI.create("ws://localhost:" + base.getPort() + "/ws/online/" + id),
                    new WebSocket.Listener() { }).get(10, TimeUnit.SECONDS).abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
