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

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * User name and password, from HTTP Basic or the login form ({@code POST /j_security_check}),
 * checked under the sign-in lockout. It comes before the provider quarkus-security-jpa generates.
 * A sign-in verified within {@code jingda.auth.basic-cache.ttl} is answered from the cache on the
 * event loop; any other goes to a worker thread for bcrypt.
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
        Optional<CredentialCache.Verified> remembered = guard.rememberedSignIn(username, password, address);
        if (remembered.isPresent()) {
            return Uni.createFrom().item(identity(remembered.get().username(), remembered.get().roles()));
        }
        return context.runBlocking(() -> {
            CredentialCache.Verified account = guard.signIn(username, password, address)
                    .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password"));
            return identity(account.username(), account.roles());
        });
    }

    static SecurityIdentity identity(AccountCredentials account) {
        return identity(account.username(), account.roles());
    }

    private static SecurityIdentity identity(String username, List<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username))
                .addRoles(new HashSet<>(roles)).build();
    }
}
