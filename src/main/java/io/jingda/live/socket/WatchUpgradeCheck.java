package io.jingda.live.socket;

import io.jingda.contest.Caller;
import io.jingda.contest.ContestConfig;
import io.jingda.live.LiveSessions;
import io.jingda.system.RateLimitedLog;
import io.jingda.account.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The HTTP upgrade of the host and screen sockets. Host: 401 without credentials, 403 for a
 * participant-less account without the host or admin role or for the host of another contest,
 * 404 for a contest that is not open. Screen (public, no token): 429 with {@code Retry-After}
 * past {@code socket.screen-upgrades-per-minute} upgrades from one address or with
 * {@code socket.screens-per-contest} screens of the contest open, else 404 unless the code opens a
 * live contest.
 */
@ApplicationScoped
public class WatchUpgradeCheck implements HttpUpgradeCheck {
    /** What a refused screen is told to wait when the contest has all its screens open. */
    static final long FULL_RETRY_AFTER_SECONDS = 30;
    private static final RateLimitedLog REFUSED = new RateLimitedLog(Logger.getLogger(WatchUpgradeCheck.class),
            Duration.ofSeconds(10));

    private final LiveSessions sessions;
    private final LocalFanout fanout;
    private final int screensPerContest;
    private final UpgradeRate screenRate;

    public WatchUpgradeCheck(LiveSessions sessions, LocalFanout fanout, ContestConfig config) {
        this.sessions = sessions;
        this.fanout = fanout;
        this.screensPerContest = config.socket().screensPerContest();
        this.screenRate = new UpgradeRate(config.socket().screenUpgradesPerMinute(), System::currentTimeMillis);
    }

    @Override
    public boolean appliesTo(String endpointId) {
        return HostEndpoint.ID.equals(endpointId) || ScreenEndpoint.ID.equals(endpointId);
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext ctx) {
        if (ScreenEndpoint.ID.equals(ctx.endpointId())) {
            return screen(ctx);
        }
        var id = PlayUpgradeCheck.parse(ctx.pathParam("contestId"));
        if (id.isEmpty()) {
            return CheckResult.rejectUpgrade(404);
        }
        return ctx.securityIdentity().onFailure().recoverWithUni(e -> refusedCredentials(ctx)).flatMap(identity -> {
            if (identity == null || identity.isAnonymous()) {
                return CheckResult.rejectUpgrade(401, Map.of("WWW-Authenticate", List.of("Basic realm=\"jingda\"")));
            }
            if (!identity.hasRole(Roles.HOST) && !identity.hasRole(Roles.ADMIN)) {
                return CheckResult.rejectUpgrade(403);
            }
            return Uni.createFrom().completionStage(() -> sessions.hostAccess(id.get(), Caller.of(identity)))
                    .flatMap(status -> {
                        if (status != 200) {
                            return CheckResult.rejectUpgrade(status);
                        }
                        SocketLimits.remember(ctx);
                        return CheckResult.permitUpgrade();
                    });
        });
    }

    /**
     * Wrong credentials: one WARN line. The authentication layer has usually answered 401 with its
     * challenge already; then the check gives no result at all, because whatever the upgrade
     * handler did next (add headers, set a status, fail the request) would meet an answer that is
     * out and log a stack trace. Otherwise the caller answers 401 as for no credentials.
     */
    private Uni<SecurityIdentity> refusedCredentials(HttpUpgradeContext ctx) {
        REFUSED.warn("refused the host socket of %s to %s: wrong credentials", address(ctx), ctx.httpRequest().path());
        if (ctx.httpRequest().response().headWritten()) {
            return Uni.createFrom().nothing();
        }
        return Uni.createFrom().nullItem();
    }

    private static String address(HttpUpgradeContext ctx) {
        var remote = ctx.httpRequest().remoteAddress();
        return remote == null ? "unknown" : remote.hostAddress();
    }

    private Uni<CheckResult> screen(HttpUpgradeContext ctx) {
        long wait = screenRate.take(address(ctx));
        if (wait > 0) {
            return tooMany(wait);
        }
        return Uni.createFrom().completionStage(() -> sessions.contestByCode(ctx.pathParam("code"))).flatMap(found -> {
            Long id = found.orElse(null);
            if (id == null) {
                return CheckResult.rejectUpgrade(404);
            }
            if (fanout.screens(id) >= screensPerContest) {
                return tooMany(FULL_RETRY_AFTER_SECONDS);
            }
            ctx.userData().put(ScreenEndpoint.CONTEST, id);
            SocketLimits.remember(ctx);
            return CheckResult.permitUpgrade();
        });
    }

    private static Uni<CheckResult> tooMany(long retryAfterSeconds) {
        return CheckResult.rejectUpgrade(429, Map.of("Retry-After", List.of(Long.toString(retryAfterSeconds))));
    }
}
