package io.jingda.live.socket;

import io.jingda.live.protocol.Audience;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.live.ContestClock;
import io.jingda.contest.ContestConfig;
import io.jingda.live.LiveSessions;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/** {@code /ws/screen/{code}}: the public projector view of a live contest (no answers before the reveal). */
@WebSocket(path = "/ws/screen/{code}", endpointId = ScreenEndpoint.ID)
public class ScreenEndpoint {
    static final String ID = "jingda-screen";
    static final UserData.TypedKey<Long> CONTEST = new UserData.TypedKey<>("contest");

    private final LiveSessions sessions;
    private final LocalFanout fanout;
    private final ContestClock clock;
    private final ContestConfig config;
    private final SocketLimits limits;

    public ScreenEndpoint(LiveSessions sessions, LocalFanout fanout, ContestClock clock, ContestConfig config, SocketLimits limits) {
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
        Long id = c.userData().get(CONTEST); // found by the upgrade check (WatchUpgradeCheck)
        if (id == null) {
            LocalFanout.close(c, new io.quarkus.websockets.next.CloseReason(4004, "no open contest has this code"));
            return;
        }
        Inbound.init(c, config.socket().messagesPerSecond(), config.socket().burst());
        fanout.add(id, Audience.SCREENS, c);
        sessions.connectFrames(id, Audience.SCREENS, null, frames -> frames.forEach(f -> LocalFanout.send(c, f)));
    }

    @OnTextMessage
    @NonBlocking
    public void message(WebSocketConnection c, String text) {
        JsonNode node = Inbound.accept(c, text).orElse(null);
        if (node != null && !Inbound.common(c, node, clock.now())) {
            Inbound.error(c, "UNKNOWN_TYPE", "the screen socket only takes ping");
        }
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection c) {
        Long id = c.userData().get(CONTEST);
        if (id != null) {
            fanout.remove(id, Audience.SCREENS, c);
        }
    }
}
