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
import java.util.concurrent.atomic.LongAdder;

/**
 * Checks a user name and password (HTTP Basic, the login form, a password change) under the
 * sign-in lockout: a locked attempt is refused before bcrypt runs, a wrong password is counted, and
 * each new lockout is one WARN line. A sign-in bcrypt accepted is remembered for a short time
 * ({@link CredentialCache}, {@code jingda.auth.basic-cache.*}); a password change always runs bcrypt.
 */
@ApplicationScoped
public class SignInGuard {
    private static final Logger LOG = Logger.getLogger(SignInGuard.class);

    private final AccountService accounts;
    private final SignInThrottle throttle;
    private final CredentialCache remembered;
    private final LongAdder passwordChecks = new LongAdder();
    private volatile String dummyHash;

    public SignInGuard(AccountService accounts, AuthConfig config, AuthClock clock, CredentialCache remembered) {
        this.accounts = accounts;
        this.throttle = new SignInThrottle(SignInThrottle.Limits.of(config.lockout()), clock::now);
        this.remembered = remembered;
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

    /**
     * A sign-in that bcrypt accepted within the cache's ttl, with the same user name and password: no
     * database, no bcrypt, so it may run on the event loop. Call {@link #refuseIfLocked} first, as for
     * any sign-in: a lockout refuses a remembered password too. It counts as the success it stands for.
     */
    Optional<CredentialCache.Verified> rememberedSignIn(String username, String password, String address) {
        if (!remembered.enabled()) {
            return Optional.empty();
        }
        Optional<CredentialCache.Verified> account = remembered.get(remembered.key(username, password));
        account.ifPresent(a -> throttle.succeeded(username, address));
        return account;
    }

    /**
     * Blocking (bcrypt): a sign-in not remembered. The account on the right password, then remembered;
     * empty on a wrong one or an unknown user (counted toward the lockout, never remembered).
     */
    Optional<CredentialCache.Verified> signIn(String username, String password, String address) {
        long generation = remembered.generation(); // before the account's row is read
        Optional<CredentialCache.Verified> account = verify(username, password, address)
                .map(a -> new CredentialCache.Verified(a.username(), a.roles()));
        if (account.isPresent() && remembered.enabled()) {
            remembered.put(remembered.key(username, password), account.get(), generation);
        }
        return account;
    }

    /** Blocking (bcrypt). The account on the right password; empty on a wrong one or an unknown user. */
    Optional<AccountCredentials> verify(String username, String password, String address) {
        refuseIfLocked(username, address);
        Optional<AccountCredentials> account = accounts.credentials(username);
        passwordChecks.increment();
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

    /** How many passwords bcrypt has checked since start (tests count them). */
    long passwordChecks() {
        return passwordChecks.sum();
    }

    private String dummyHash() {
        String h = dummyHash;
        if (h == null) {
            h = dummyHash = BcryptUtil.bcryptHash("jingda-no-such-account");
        }
        return h;
    }
}
