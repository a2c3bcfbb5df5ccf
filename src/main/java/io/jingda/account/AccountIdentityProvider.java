package io.jingda.account;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * User name and password, from HTTP Basic or the login form ({@code POST /j_security_check}),
 * checked under the sign-in lockout. It comes before the provider quarkus-security-jpa generates.
 */
@ApplicationScoped
public class AccountIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    static final int PRIORITY = 2000;

    private final SignInGuard guard;

    public AccountIdentityProvider(SignInGuard guard) {
        this.guard = guard;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        String username = request.getUsername();
        String address = SignInGuard.address(rc == null ? null : rc.request());
        try {
            guard.refuseIfLocked(username, address);
        } catch (SignInLockedException e) {
            return Uni.createFrom().failure(e);
        }
        String password = new String(request.getPassword().getPassword());
        return context.runBlocking(() -> {
            AccountCredentials account = guard.verify(username, password, address)
                    .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password"));
            return identity(account);
        });
    }

    static SecurityIdentity identity(AccountCredentials account) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(account.username()))
                .addRoles(new java.util.HashSet<>(account.roles())).build();
    }
}
