package io.jingda.account;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of verified sign-ins on its own: keys, ttl, forgetting, the generation guard, the size bound. */
class CredentialCacheTest {
    private static final String PASSWORD = "correct-horse-battery";
    private static final CredentialCache.Verified HOST = new CredentialCache.Verified("host1", List.of("host"));

    private final AtomicLong now = new AtomicLong(1_000_000);

    private CredentialCache cache(Duration ttl, int maxSize) {
        return new CredentialCache(ttl, maxSize, now::get);
    }

    @Test
    void aKeyIsAnHmacThatContainsNeitherThePasswordNorTheUserName() {
        CredentialCache c = cache(Duration.ofSeconds(60), 10);
        String key = c.key("host1", PASSWORD);
        byte[] raw = Base64.getDecoder().decode(key);
        assertThat(raw).hasSize(32);
        String latin = new String(raw, StandardCharsets.ISO_8859_1);
        for (String secret : List.of(PASSWORD, "correct", "battery")) {
            assertThat(key).doesNotContain(secret);
            assertThat(latin).doesNotContain(secret);
            assertThat(key).doesNotContain(Base64.getEncoder().withoutPadding()
                    .encodeToString(secret.getBytes(StandardCharsets.UTF_8)).substring(0, 6));
            assertThat(HexFormat.of().formatHex(raw)).doesNotContain(HexFormat.of()
                    .formatHex(secret.getBytes(StandardCharsets.UTF_8)).substring(0, 8));
        }
        assertThat(key).doesNotContain("host1");
    }

    @Test
    void theSameCredentialsGiveTheSameKeyInOneProcessAndAnotherUnderAnotherKey() {
        CredentialCache c = cache(Duration.ofSeconds(60), 10);
        assertThat(c.key("host1", PASSWORD)).isEqualTo(c.key("host1", PASSWORD));
        assertThat(c.key("host1", PASSWORD)).isNotEqualTo(c.key("host1", PASSWORD + "x"));
        assertThat(c.key("host1", PASSWORD)).isNotEqualTo(c.key("host2", PASSWORD));
        // the user name's length is part of the input: moving the boundary changes the key
        assertThat(c.key("ab", "c")).isNotEqualTo(c.key("a", "bc"));
        // a fresh random key per instance (per process): a key means nothing elsewhere
        assertThat(cache(Duration.ofSeconds(60), 10).key("host1", PASSWORD)).isNotEqualTo(c.key("host1", PASSWORD));
        byte[] fixed = new byte[32];
        assertThat(new CredentialCache(Duration.ofSeconds(60), 10, now::get, fixed).key("host1", PASSWORD))
                .isEqualTo(new CredentialCache(Duration.ofSeconds(60), 10, now::get, fixed).key("host1", PASSWORD));
    }

    @Test
    void aVerifiedSignInIsRememberedForTheTtlOnly() {
        CredentialCache c = cache(Duration.ofSeconds(60), 10);
        String key = c.key("host1", PASSWORD);
        assertThat(c.get(key)).isEmpty();
        assertThat(c.put(key, HOST, c.generation())).isTrue();
        assertThat(c.get(key)).contains(HOST);
        assertThat(c.get(c.key("host1", "another-password"))).isEmpty();
        now.addAndGet(59_999);
        assertThat(c.get(key)).contains(HOST);
        now.addAndGet(1);
        assertThat(c.get(key)).isEmpty();
        assertThat(c.size()).isZero();
    }

    @Test
    void forgettingAnAccountDropsAllItsEntriesAndNoOther() {
        CredentialCache c = cache(Duration.ofSeconds(60), 10);
        CredentialCache.Verified other = new CredentialCache.Verified("host2", List.of("host"));
        c.put(c.key("host1", PASSWORD), HOST, c.generation());
        c.put(c.key("host1", "an-older-password"), HOST, c.generation());
        c.put(c.key("host2", PASSWORD), other, c.generation());
        c.forget("host1");
        assertThat(c.get(c.key("host1", PASSWORD))).isEmpty();
        assertThat(c.get(c.key("host1", "an-older-password"))).isEmpty();
        assertThat(c.get(c.key("host2", PASSWORD))).contains(other);
    }

    @Test
    void aCheckThatStartedBeforeAForgetIsNotRemembered() {
        CredentialCache c = cache(Duration.ofSeconds(60), 10);
        long before = c.generation();
        c.forget("host1"); // the password changed while bcrypt ran on the old row
        assertThat(c.put(c.key("host1", PASSWORD), HOST, before)).isFalse();
        assertThat(c.get(c.key("host1", PASSWORD))).isEmpty();
        assertThat(c.put(c.key("host1", PASSWORD), HOST, c.generation())).isTrue();
    }

    @Test
    void aFullCacheMakesRoomFromExpiredEntriesOnlyAndOtherwiseRemembersNothingNew() {
        CredentialCache c = cache(Duration.ofSeconds(60), 2);
        c.put(c.key("a", PASSWORD), HOST, c.generation());
        now.addAndGet(30_000);
        c.put(c.key("b", PASSWORD), HOST, c.generation());
        assertThat(c.put(c.key("c", PASSWORD), HOST, c.generation())).isFalse();
        assertThat(c.get(c.key("a", PASSWORD))).isPresent();
        now.addAndGet(30_000); // "a" expires
        assertThat(c.put(c.key("c", PASSWORD), HOST, c.generation())).isTrue();
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.get(c.key("b", PASSWORD))).isPresent();
    }

    @Test
    void aTtlOfZeroTurnsTheCacheOff() {
        CredentialCache c = cache(Duration.ZERO, 10);
        assertThat(c.enabled()).isFalse();
        assertThat(c.put(c.key("host1", PASSWORD), HOST, c.generation())).isFalse();
        assertThat(c.get(c.key("host1", PASSWORD))).isEmpty();
        assertThat(cache(Duration.ofSeconds(60), 0).enabled()).isFalse();
    }
}
