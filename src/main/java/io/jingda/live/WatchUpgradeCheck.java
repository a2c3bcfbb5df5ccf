package io.jingda.live;

import io.jingda.contest.Caller;
import io.jingda.contest.LiveSessions;
import io.jingda.system.Roles;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

/**
 * The HTTP upgrade of the host and screen sockets. Host: 401 without credentials, 403 for a
 * participant-less account without the host or admin role or for the host of another contest,
 * 404 for a contest that is not open. Screen: 404 unless the code opens a live contest.
 */
@ApplicationScoped
public class WatchUpgradeCheck implements HttpUpgradeCheck {
    private final LiveSessions sessions;

    public WatchUpgradeCheck(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return HostEndpoint.ID.equals(endpointId) || ScreenEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext ctx) {
        if (ScreenEndpoint.ID.equals(ctx.endpointId())) {
            return sessions.contestByCode(ctx.pathParam("code")).isPresent() ? CheckResult.permitUpgrade()
                    : CheckResult.rejectUpgrade(404);
        }
        var id = PlayUpgradeCheck.parse(ctx.pathParam("contestId"));
        if (id.isEmpty()) {
            return CheckResult.rejectUpgrade(404);
        }
        return ctx.securityIdentity().onFailure().recoverWithNull().flatMap(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401, Map.of("WWW-Authenticate", List.of("Basic realm=\"jingda\"")));
            }
            if (!identity.hasRole(Roles.HOST) && !identity.hasRole(Roles.ADMIN)) {
                return CheckResult.rejectUpgrade(403);
            }
            int status = sessions.hostAccess(id.get(), Caller.of(identity));
            return status == 200 ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(status);
        });
    }
}
