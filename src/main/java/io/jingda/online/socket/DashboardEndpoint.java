package io.jingda.online.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.system.JsonText;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code /ws/online/{contestId}}: the organizer's live dashboard of a self-paced contest, pushed as
 * {@code {"type":"dashboard",…}} (the JSON of {@code GET /api/contests/{id}/dashboard}) on connect and then
 * at most once per {@code jingda.online.dashboard-interval} while it changes. Access is checked at the
 * upgrade ({@link DashboardUpgradeCheck}); the socket takes only {@code ping}.
 */
@WebSocket(path = "/ws/online/{contestId}", endpointId = DashboardEndpoint.ID)
public class DashboardEndpoint {
    static final String ID = "jingda-online-dashboard";
    /** A ping is a dozen bytes: anything much longer is not one of ours. */
    private static final int MAX_MESSAGE = 256;

    private final DashboardFeeds feeds;

    public DashboardEndpoint(DashboardFeeds feeds) {
        this.feeds = feeds;
    }

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection c) {
        feeds.subscribe(contestId(c), c);
    }

    @OnTextMessage
    @NonBlocking
    public void message(WebSocketConnection c, String text) {
        if (isPing(text)) {
            DashboardFeeds.send(c, "{\"type\":\"pong\",\"serverTime\":" + System.currentTimeMillis() + "}");
        } else {
            DashboardFeeds.send(c, "{\"type\":\"error\",\"code\":\"UNKNOWN_TYPE\","
                    + "\"message\":\"the dashboard socket only takes ping; actions go through the REST API\"}");
        }
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection c) {
        feeds.unsubscribe(contestId(c), c);
    }

    private static boolean isPing(String text) {
        if (text.length() > MAX_MESSAGE) {
            return false;
        }
        try {
            JsonNode node = JsonText.parse(text);
            return node != null && "ping".equals(node.path("type").asText());
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static long contestId(WebSocketConnection c) {
        return Long.parseLong(c.pathParam("contestId"));
    }
}
