package io.jingda.account;

import io.jingda.system.Hashing;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a staff session's cookie was issued. Quarkus' form authentication keeps the session in one
 * encrypted cookie (AES-GCM, the key a SHA-256 of {@code quarkus.http.auth.session.encryption-key},
 * which {@link SessionKeyDefault} makes random per process when it is unset) holding "expiry:user", with expiry =
 * issued + {@code quarkus.http.auth.form.timeout}; it is issued at sign-in and renewed every
 * {@code new-cookie-interval}. Comparing that instant with the account's session version (its last
 * revocation) tells a revoked session from a live one on every request. GCM authenticates the
 * contents, so a client cannot move the instant.
 */
@ApplicationScoped
public class SessionCookie {
    /** Quarkus' form-authentication cookie (quarkus.http.auth.form.cookie-name, the default). */
    public static final String NAME = "quarkus-credential";

    private final Optional<String> configuredKey;
    private final long timeoutMillis;
    private volatile SecretKeySpec key;

    public SessionCookie(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> configuredKey,
                         @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M") Duration timeout) {
        this.configuredKey = configuredKey.filter(k -> !k.isBlank());
        this.timeoutMillis = timeout.toMillis();
    }

    /** When the cookie was issued or last renewed (epoch ms); empty if it does not decrypt. */
    public OptionalLong issuedAt(String value) {
        if (value == null || value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(value.getBytes(StandardCharsets.UTF_8)));
            byte[] iv = new byte[b.get()];
            b.get(iv);
            byte[] encrypted = new byte[b.remaining()];
            b.get(encrypted);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(128, iv));
            String plain = new String(cipher.doFinal(encrypted), StandardCharsets.UTF_8);
            int sep = plain.indexOf(':');
            return sep < 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(plain.substring(0, sep)) - timeoutMillis);
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }

    /** Tells the browser to drop the session cookie (after sign-out or on a revoked session). */
    public static void clear(HttpServerRequest request, HttpServerResponse response) {
        response.addCookie(Cookie.cookie(NAME, "").setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(request.isSSL()).setMaxAge(0));
    }

    private SecretKeySpec key() throws Exception {
        SecretKeySpec k = key;
        if (k == null) {
            String material = configuredKey.orElseThrow(() -> new IllegalStateException(SessionKeyDefault.KEY + " is unset"));
            k = key = new SecretKeySpec(Hashing.sha256(material), "AES");
        }
        return k;
    }
}
