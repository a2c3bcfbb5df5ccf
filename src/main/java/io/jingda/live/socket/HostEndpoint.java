package io.jingda.live.socket;

import io.jingda.live.protocol.Audience;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.live.ContestClock;
import io.jingda.contest.ContestConfig;
import io.jingda.live.LiveSessions;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code /ws/host/{contestId}}: the host's live view (everything the screen gets, plus
 * participants and the answer distribution). Access is checked at the upgrade by
 * {@link WatchUpgradeCheck}. Actions go through the REST API.
 */
@WebSocket(path = "/ws/host/{contestId}", endpointId = HostEndpoint.ID)
public class HostEndpoint {
    static final String ID = "jingda-host";

    private final LiveSessions sessions;
    private final LocalFanout fanout;
    private final ContestClock clock;
    private final ContestConfig config;
    private final SocketLimits limits;

    public HostEndpoint(LiveSessions sessions, LocalFanout fanout, ContestClock clock, ContestConfig config, SocketLimits limits) {
        this.sessions = sessions;
        this.fanout = fanout;
        this.clock = clock;
        this.config = config;
        this.limits = limits;
    }

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection c) {
        limits.install(c);
        long id = Long.parseLong(c.pathParam("contestId"));
        Inbound.init(c, config.socket().messagesPerSecond(), config.socket().burst());
        fanout.add(id, Audience.HOSTS, c);
        sessions.connectFrames(id, Audience.HOSTS, null, frames -> frames.forEach(f -> LocalFanout.send(c, f)));
    }

    @OnTextMessage
    @NonBlocking
    public void message(WebSocketConnection c, String text) {
        JsonNode node = Inbound.accept(c, text).orElse(null);
        if (node != null && !Inbound.common(c, node, clock.now())) {
            Inbound.error(c, "UNKNOWN_TYPE", "the host socket only takes ping; actions go through the REST API");
        }
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection c) {
        fanout.remove(Long.parseLong(c.pathParam("contestId")), Audience.HOSTS, c);
    }
}
