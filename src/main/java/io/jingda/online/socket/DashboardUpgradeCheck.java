package io.jingda.online.socket;

import io.jingda.account.AuthConfig;
import io.jingda.account.Roles;
import io.jingda.contest.Caller;
import io.jingda.online.OnlineReports;
import io.jingda.system.ApiException;
import io.jingda.system.SameOrigin;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * The upgrade to {@code /ws/online/{contestId}}: 403 when the page that opens it is another site's
 * ({@code Origin}, as for the host socket: it rides on the host's cookie), 401 without credentials,
 * 403 for an account that is neither host nor admin, then what {@link OnlineReports#mayView} says of
 * this contest and caller (404 unknown or not self-paced, 403 another host's), asked on a worker
 * thread because it reads the database.
 */
@ApplicationScoped
public class DashboardUpgradeCheck implements HttpUpgradeCheck {
    private final List<String> trustedOrigins;
    private final OnlineReports reports;

    public DashboardUpgradeCheck(AuthConfig config, OnlineReports reports) {
        this.trustedOrigins = config.trustedOrigins().orElse(List.of());
        this.reports = reports;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return DashboardEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext ctx) {
        HttpServerRequest req = ctx.httpRequest();
        String origin = req.getHeader("Origin");
        HostAndPort a = req.authority();
        String own = a == null ? "" : SameOrigin.own(req.scheme(), a.host(), a.port());
        if (origin != null && !SameOrigin.isOwn(own, trustedOrigins, origin)) {
            return CheckResult.rejectUpgrade(403);
        }
        long contestId;
        try {
            contestId = Long.parseLong(ctx.pathParam("contestId"));
        } catch (NumberFormatException e) {
            return CheckResult.rejectUpgrade(404);
        }
        return ctx.securityIdentity().onFailure().recoverWithUni(e -> refused(ctx)).flatMap(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401, Map.of("WWW-Authenticate", List.of("Basic realm=\"jingda\"")));
            }
            if (!identity.hasRole(Roles.HOST) && !identity.hasRole(Roles.ADMIN)) {
                return CheckResult.rejectUpgrade(403);
            }
            Caller caller = Caller.of(identity);
            return Uni.createFrom().item(() -> status(contestId, caller))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .flatMap(status -> status == 200 ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(status));
        });
    }

    private int status(long contestId, Caller caller) {
        try {
            return DashboardFeeds.inRequestContext(() -> {
                reports.mayView(contestId, caller);
                return 200;
            });
        } catch (ApiException e) {
            return e.status();
        }
    }

    /**
     * Wrong credentials: the authentication layer has usually answered 401 already, and then the
     * check gives no result at all (anything it did next would meet an answer that is out).
     */
    private static Uni<SecurityIdentity> refused(HttpUpgradeContext ctx) {
        if (ctx.httpRequest().response().headWritten()) {
            return Uni.createFrom().nothing();
        }
        return Uni.createFrom().nullItem();
    }
}
