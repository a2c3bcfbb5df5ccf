package io.jingda.account;

import io.jingda.system.ApiError;
import io.quarkus.security.AuthenticationException;

/** A sign-in refused, before its password is checked, because of earlier failures: 429 with Retry-After. */
public class SignInLockedException extends RuntimeException implements AuthenticationException {
    private final long retryAfterSeconds;

    public SignInLockedException(long retryAfterSeconds) {
        super("too many failed sign-ins; try again in " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ApiError body() {
        return new ApiError("SIGN_IN_LOCKED", getMessage());
    }
}
