package io.jingda.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.OptionalLong;

/**
 * A request on a staff session (Quarkus restores the user name from its session cookie): valid
 * only if the cookie was issued after the account's session version, its last revocation. A revoked
 * session (sign-out, a new password, a deleted account) fails, and the browser is told to drop the cookie.
 */
@ApplicationScoped
public class AccountSessionProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final AccountService accounts;
    private final SessionCookie cookies;

    public AccountSessionProvider(AccountService accounts, SessionCookie cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return AccountIdentityProvider.PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        String username = request.getPrincipal();
        Cookie cookie = rc == null ? null : rc.request().getCookie(SessionCookie.NAME);
        OptionalLong issued = cookies.issuedAt(cookie == null ? null : cookie.getValue());
        if (issued.isEmpty()) {
            return revoked(rc);
        }
        return context.runBlocking(() -> accounts.credentials(username)
                .filter(a -> issued.getAsLong() > a.sessionVersion())
                .map(AccountIdentityProvider::identity)
                .orElseThrow(() -> {
                    clearCookies(rc);
                    return new AuthenticationFailedException("the session has ended; sign in again");
                }));
    }

    private static Uni<SecurityIdentity> revoked(RoutingContext rc) {
        clearCookies(rc);
        return Uni.createFrom().failure(new AuthenticationFailedException("the session has ended; sign in again"));
    }

    private static void clearCookies(RoutingContext rc) {
        if (rc != null && !rc.response().headWritten()) {
            SessionCookie.clear(rc.request(), rc.response());
        }
    }
}
