package io.jingda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The host of a benchmark contest over REST, signed in like the host console: one bcrypt check at
 * sign-in, then the session cookie (with the double-submit CSRF token), so that host actions during the
 * game do not pay a password hash each. Without a form sign-in it falls back to HTTP Basic.
 */
final class HostClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CSRF = "bench-csrf-token";

    /** A response: its status and its JSON body (null when empty or not JSON). */
    record Reply(int status, JsonNode body, String text) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String user;
    private final String password;
    private String session;

    HostClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
    }

    /** Signs in with the form; true when a session cookie was issued (false: HTTP Basic from now on). */
    boolean signIn() throws Exception {
        String form = "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "jingda-csrf=" + CSRF)
                        .header("X-CSRF-Token", CSRF).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        session = r.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("quarkus-credential="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElse(null);
        return session != null;
    }

    /** The request; any status is returned. */
    Reply call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (session != null) {
            b.header("Cookie", session + "; jingda-csrf=" + CSRF).header("X-CSRF-Token", CSRF);
        } else {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = null;
        if (!r.body().isBlank()) {
            try {
                json = JSON.readTree(r.body());
            } catch (Exception e) {
                json = null;
            }
        }
        return new Reply(r.statusCode(), json, r.body());
    }

    /** The request, which must answer {@code expected}; its JSON body. */
    JsonNode rest(String method, String path, String body, int expected) throws Exception {
        Reply r = call(method, path, body);
        if (r.status() != expected) {
            throw new IllegalStateException(method + " " + path + " → " + r.status() + ": " + r.text());
        }
        return r.body();
    }
}
