package io.jingda.system;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SameOriginTest {
    private static final String OWN = SameOrigin.own("http", "localhost", 8080);

    @Test
    void originsCompareBySchemeHostAndPort() {
        assertThat(SameOrigin.own("https", "Example.org", -1)).isEqualTo("https://example.org:443");
        assertThat(SameOrigin.isOwn(OWN, List.of(), "http://localhost:8080")).isTrue();
        assertThat(SameOrigin.isOwn(OWN, List.of(), "http://LOCALHOST:8080/host?x=1")).isTrue();
        assertThat(SameOrigin.isOwn(OWN, List.of(), "https://localhost:8080")).isFalse();
        assertThat(SameOrigin.isOwn(OWN, List.of(), "http://localhost:8081")).isFalse();
        assertThat(SameOrigin.isOwn(OWN, List.of(), "http://localhost.evil.example:8080")).isFalse();
        assertThat(SameOrigin.isOwn(OWN, List.of(), "null")).isFalse();
        assertThat(SameOrigin.isOwn(OWN, List.of(), "not a url")).isFalse();
        assertThat(SameOrigin.isOwn(SameOrigin.own("https", "example.org", 443), List.of(), "https://example.org")).isTrue();
        assertThat(SameOrigin.isOwn(OWN, List.of("https://contest.example.org"), "https://contest.example.org")).isTrue();
        assertThat(SameOrigin.isOwn(SameOrigin.own("http", "[::1]", 8080), List.of(), "http://[::1]:8080")).isTrue();
    }

    @Test
    void aForeignPageIsRefusedOnlyWithBrowserCredentials() {
        assertThat(SameOrigin.refuses(OWN, List.of(), "https://evil.example", null, true)).isTrue();
        assertThat(SameOrigin.refuses(OWN, List.of(), null, "https://evil.example/page", true)).isTrue();
        assertThat(SameOrigin.refuses(OWN, List.of(), "null", null, true)).isTrue();
        // Origin wins over Referer
        assertThat(SameOrigin.refuses(OWN, List.of(), "http://localhost:8080", "https://evil.example/", true)).isFalse();
        assertThat(SameOrigin.refuses(OWN, List.of(), "https://evil.example", null, false)).isFalse();
        // an API client names no page
        assertThat(SameOrigin.refuses(OWN, List.of(), null, null, true)).isFalse();
    }
}
