package io.jingda.live.socket;

import io.jingda.account.AuthConfig;
import io.jingda.system.SameOrigin;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The upgrade to {@code /ws/host/{contestId}} rides on the host's credentials (session cookie or
 * cached Basic), so a page of another site must not open it: an {@code Origin} that is not this
 * server's own (or a trusted origin) is refused with 403. Without {@code Origin} the client is not
 * a browser page, and {@link WatchUpgradeCheck} decides.
 */
@ApplicationScoped
public class HostOriginCheck implements HttpUpgradeCheck {
    private final List<String> trustedOrigins;

    public HostOriginCheck(AuthConfig config) {
        this.trustedOrigins = config.trustedOrigins().orElse(List.of());
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return HostEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext ctx) {
        HttpServerRequest req = ctx.httpRequest();
        String origin = req.getHeader("Origin");
        HostAndPort a = req.authority();
        String own = a == null ? "" : SameOrigin.own(req.scheme(), a.host(), a.port());
        return origin == null || SameOrigin.isOwn(own, trustedOrigins, origin) ? CheckResult.permitUpgrade()
                : CheckResult.rejectUpgrade(403);
    }
}
