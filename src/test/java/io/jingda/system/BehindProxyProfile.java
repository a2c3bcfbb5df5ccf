package io.jingda.system;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The server behind a reverse proxy (X-Forwarded-For and -Proto trusted), so a test can sign in
 * from several addresses and over HTTPS; small lockout limits.
 */
public class BehindProxyProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.http.proxy.proxy-address-forwarding", "true",
                "quarkus.http.proxy.allow-x-forwarded", "true",
                "jingda.auth.lockout.account-address-failures", "3",
                "jingda.auth.lockout.address-failures", "8",
                "jingda.auth.lockout.account-failures", "12",
                "jingda.auth.lockout.duration", "1m",
                "jingda.auth.lockout.max-duration", "10m");
    }
}
