package io.jingda.account;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The staff session cookie's key when none is configured: a random key made once per process, at the
 * lowest ordinal, so any configured {@code quarkus.http.auth.session.encryption-key} wins. Quarkus would
 * otherwise make its own random key, print it in a WARN line, and keep it where nothing else can read
 * it; {@link SessionCookie} needs the same key to tell when a session was issued. Sessions end on restart
 * and do not cross nodes unless the key is set (docs/operations.md).
 */
public class SessionKeyDefault implements ConfigSource {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private static final String RANDOM = randomKey();

    private static String randomKey() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(KEY, RANDOM);
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(KEY);
    }

    @Override
    public String getValue(String propertyName) {
        return KEY.equals(propertyName) ? RANDOM : null;
    }

    @Override
    public String getName() {
        return "jingda-random-session-key";
    }

    @Override
    public int getOrdinal() {
        return 1;
    }
}
