package io.jingda.live.socket;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.live.AnswerIntake;
import io.jingda.live.ContestClock;
import io.jingda.live.ContestMdc;
import io.jingda.contest.ContestConfig;
import io.jingda.live.LiveSessions;
import io.jingda.live.protocol.Audience;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code /ws/play/{contestId}?token=…}: one participant. The token is checked at the HTTP
 * upgrade ({@link PlayUpgradeCheck}); a newer connection with the same token replaces this one.
 * Everything here runs on the event loop and only adapts frames to {@link AnswerIntake}.
 */
@WebSocket(path = "/ws/play/{contestId}", endpointId = PlayEndpoint.ID)
public class PlayEndpoint {
    static final String ID = "jingda-play";
    static final UserData.TypedKey<LiveSessions.Player> PLAYER = new UserData.TypedKey<>("player");

    private final LiveSessions sessions;
    private final AnswerIntake desk;
    private final LocalFanout fanout;
    private final ContestClock clock;
    private final ContestConfig config;
    private final SocketLimits limits;

    public PlayEndpoint(LiveSessions sessions, AnswerIntake desk, LocalFanout fanout, ContestClock clock,
                        ContestConfig config, SocketLimits limits) {
        this.sessions = sessions;
        this.desk = desk;
        this.fanout = fanout;
        this.clock = clock;
        this.config = config;
        this.limits = limits;
    }

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection c) {
        limits.install(c);
        LiveSessions.Player player = PlayUpgradeCheck.player(c, sessions).orElse(null);
        if (player == null) {
            LocalFanout.close(c, new CloseReason(4003, "unknown or revoked token"));
            return;
        }
        c.userData().put(PLAYER, player);
        Inbound.init(c, config.socket().messagesPerSecond(), config.socket().burst());
        fanout.addPlayer(player.contestId(), player.participantId(), c);
        sessions.connectFrames(player.contestId(), Audience.PLAYERS, player.participantId(),
                frames -> frames.forEach(f -> LocalFanout.send(c, f)));
    }

    @OnTextMessage
    @NonBlocking
    public void message(WebSocketConnection c, String text) {
        LiveSessions.Player player = c.userData().get(PLAYER);
        if (player == null) {
            return;
        }
        try (ContestMdc.Scope mdc = ContestMdc.on(player.contestId())) {
            handle(c, player, text);
        }
    }

    private void handle(WebSocketConnection c, LiveSessions.Player player, String text) {
        JsonNode node = Inbound.accept(c, text).orElse(null);
        if (node == null || Inbound.common(c, node, clock.now())) {
            return;
        }
        String type = node.get("type").asText();
        JsonNode qid = node.get("questionId");
        JsonNode rid = node.get("requestId");
        String requestId = rid == null || rid.isNull() ? null : truncate(rid.asText());
        String questionId = qid != null && qid.isTextual() ? truncate(qid.asText()) : null;
        switch (type) {
            case "answer" -> desk.submit(player, questionId, node.get("choice"), requestId,
                    frame -> LocalFanout.send(c, frame));
            case "buzz" -> desk.buzz(player, questionId, requestId, frame -> LocalFanout.send(c, frame));
            case "wager" -> {
                JsonNode round = node.get("roundIndex");
                JsonNode stake = node.get("stake");
                if (round == null || !round.canConvertToInt() || !round.isIntegralNumber() || stake == null
                        || !stake.isIntegralNumber() || !stake.canConvertToInt()) {
                    Inbound.error(c, "MALFORMED", "a wager is {\"type\":\"wager\",\"roundIndex\":n,\"stake\":n}");
                    return;
                }
                desk.wager(player, round.asInt(), stake.asInt(), requestId, frame -> LocalFanout.send(c, frame));
            }
            default -> Inbound.error(c, "UNKNOWN_TYPE", "unknown message type '" + truncate(type)
                    + "' (answer, buzz, wager, ping)");
        }
    }

    @OnClose
    @NonBlocking
    public void close(WebSocketConnection c) {
        LiveSessions.Player player = c.userData().get(PLAYER);
        if (player != null) {
            fanout.removePlayer(player.contestId(), player.participantId(), c);
        }
    }

    private static String truncate(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }
}
