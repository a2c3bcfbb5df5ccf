package io.jingda.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Sign-in settings: {@code jingda.auth.*} in application.properties. */
@ConfigMapping(prefix = "jingda.auth")
public interface AuthConfig {

    Lockout lockout();

    BasicCache basicCache();

    /**
     * Origins (scheme://host[:port]) accepted as this server's own besides the request's own, for a
     * proxy that does not forward the original host and scheme.
     */
    Optional<List<String>> trustedOrigins();

    /**
     * Successful password checks (HTTP Basic and the login form) remembered for a while, so that an API
     * client sending its user name and password on every request pays bcrypt once per ttl, not per request.
     */
    interface BasicCache {
        /** How long a verified user name and password is trusted without bcrypt; 0 turns the cache off. */
        @WithDefault("60s")
        Duration ttl();

        /** Most verified sign-ins remembered at once (memory bound); when full, a new one is not remembered. */
        @WithDefault("10000")
        int maxSize();
    }

    /** Failed sign-ins (HTTP Basic and the login form) before a temporary lockout. */
    interface Lockout {
        /** Failures of one account from one address. */
        @WithDefault("5")
        int accountAddressFailures();

        /** Failures from one address, whatever the accounts. */
        @WithDefault("20")
        int addressFailures();

        /**
         * Failures of one account from all addresses. Past it the account is under attack: an address
         * that has failed on it once is locked; addresses without a failure on it are not.
         */
        @WithDefault("50")
        int accountFailures();

        /** The first lockout; each further one doubles, up to max-duration. */
        @WithDefault("1m")
        Duration duration();

        @WithDefault("15m")
        Duration maxDuration();

        /** Failures are forgotten once a key has had none for this long. */
        @WithDefault("15m")
        Duration forgetAfter();

        /** Most accounts, addresses and pairs tracked at once (memory bound); the oldest idle go first. */
        @WithDefault("100000")
        int maxTracked();
    }
}
