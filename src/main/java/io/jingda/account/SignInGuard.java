package io.jingda.account;

import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a user name and password (HTTP Basic, the login form, a password change) under the
 * sign-in lockout: a locked attempt is refused before bcrypt runs, a wrong password is counted, and
 * each new lockout is one WARN line.
 */
@ApplicationScoped
public class SignInGuard {
    private static final Logger LOG = Logger.getLogger(SignInGuard.class);

    private final AccountService accounts;
    private final SignInThrottle throttle;
    private volatile String dummyHash;

    public SignInGuard(AccountService accounts, AuthConfig config, AuthClock clock) {
        this.accounts = accounts;
        this.throttle = new SignInThrottle(SignInThrottle.Limits.of(config.lockout()), clock::now);
    }

    /** The client's address (the proxy's forwarded one under quarkus.http.proxy.*). */
    public static String address(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** Refuses a locked attempt (cheap: no database, no bcrypt), so it may run on the event loop. */
    public void refuseIfLocked(String username, String address) {
        Optional<SignInThrottle.Lock> lock = throttle.check(username, address);
        if (lock.isPresent()) {
            LOG.debugf("sign-in of '%s' from %s refused: locked", username, address);
            throw new SignInLockedException(lock.get().retryAfterSeconds());
        }
    }

    /** Blocking (bcrypt). The account on the right password; empty on a wrong one or an unknown user. */
    Optional<AccountCredentials> verify(String username, String password, String address) {
        refuseIfLocked(username, address);
        Optional<AccountCredentials> account = accounts.credentials(username);
        // an unknown user costs the same bcrypt as a known one, so timing does not tell them apart
        boolean ok = BcryptUtil.matches(password, account.map(AccountCredentials::passwordHash).orElseGet(this::dummyHash))
                && account.isPresent();
        if (ok) {
            throttle.succeeded(username, address);
            return account;
        }
        throttle.failed(username, address).ifPresent(LOG::warn);
        return Optional.empty();
    }

    /**
     * The signed-in user changes their password: the current one is checked like a sign-in (locked
     * out, counted). Every session of the account ends, this one too.
     */
    public void changePassword(String username, PasswordChange body, String address) {
        if (body == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.currentPassword() == null || body.currentPassword().isEmpty()) {
            errors.add(new FieldError("currentPassword", "is required"));
        }
        AccountService.checkPassword("password", body.password(), errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (verify(username, body.currentPassword(), address).isEmpty()) {
            throw ApiException.invalid(List.of(new FieldError("currentPassword", "is not this account's password")));
        }
        accounts.resetPassword(username, body.password());
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = dummyHash = BcryptUtil.bcryptHash("jingda-no-such-account");
        }
        return h;
    }
}
