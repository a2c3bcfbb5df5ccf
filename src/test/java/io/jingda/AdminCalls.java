package io.jingda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** REST calls to a packaged server as the admin (HTTP Basic), asserting the status, for the ITs. */
public final class AdminCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final String authorization;

    public AdminCalls(HttpClient http, String adminPassword) {
        this.http = http;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(String baseUrl, String method, String path, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }

    public void status(String baseUrl, String method, String path, int expected) throws Exception {
        HttpResponse<String> resp = send(baseUrl, method, path, null);
        assertThat(resp.statusCode()).as(method + " " + path + ": " + resp.body()).isEqualTo(expected);
    }

    public JsonNode rest(String baseUrl, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> resp = send(baseUrl, method, path, body);
        assertThat(resp.statusCode()).as(method + " " + baseUrl + path + ": " + resp.body()).isEqualTo(expected);
        return JSON.readTree(resp.body());
    }

    /** The status of an unauthenticated GET (health checks), or -1 when nothing answers. */
    public int statusOf(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
