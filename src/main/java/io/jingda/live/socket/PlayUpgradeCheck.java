package io.jingda.live.socket;

import io.jingda.live.LiveSessions;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Refuses the upgrade to /ws/play/{contestId} (403) unless the token belongs to a participant of that contest. */
@ApplicationScoped
public class PlayUpgradeCheck implements HttpUpgradeCheck {
    private final LiveSessions sessions;

    public PlayUpgradeCheck(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return PlayEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext ctx) {
        Optional<Long> id = parse(ctx.pathParam("contestId"));
        String token = ctx.httpRequest().getParam("token");
        if (id.isEmpty()) {
            return CheckResult.rejectUpgrade(403);
        }
        // an edge node (several nodes) looks an unknown token up in the database, off the event loop
        return Uni.createFrom().completionStage(() -> sessions.authenticateAtUpgrade(id.get(), token)).flatMap(player -> {
            if (player.isEmpty()) {
                return CheckResult.rejectUpgrade(403);
            }
            ctx.userData().put(PlayEndpoint.PLAYER, player.get());
            Flushes.consolidate(ctx.httpRequest());
            SocketLimits.remember(ctx);
            return CheckResult.permitUpgrade();
        });
    }

    /** The participant the upgrade check found, else the token looked up again (in memory). */
    static Optional<LiveSessions.Player> player(WebSocketConnection c, LiveSessions sessions) {
        LiveSessions.Player checked = c.userData().get(PlayEndpoint.PLAYER);
        if (checked != null) {
            return Optional.of(checked);
        }
        Optional<Long> id = parse(c.pathParam("contestId"));
        String token = query(c.handshakeRequest().query(), "token");
        return id.flatMap(i -> sessions.authenticate(i, token));
    }

    static Optional<Long> parse(String s) {
        try {
            return Optional.of(Long.parseLong(s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String query(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            if (k.equals(name)) {
                return java.net.URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
