package io.jingda.live.cluster;

import io.jingda.live.ClusterConfig;
import io.jingda.live.LiveStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeDirectoryTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger queries = new AtomicInteger();

    private final LiveStore store = new LiveStore(null, new ClusterConfig() {
        public Optional<String> nodeId() {
            return Optional.of("test");
        }

        public int leaseSeconds() {
            return 5;
        }

        public boolean enabled() {
            return true;
        }

        public Duration resendAfter() {
            return Duration.ofSeconds(2);
        }

        public Duration callTimeout() {
            return Duration.ofSeconds(8);
        }
    }, 8080) {
        @Override
        public Optional<Long> participantByToken(long contestId, String tokenHash) {
            queries.incrementAndGet();
            return Optional.of(Long.parseLong(tokenHash));
        }
    };

    private final EdgeDirectory directory = new EdgeDirectory(store, Runnable::run, now::get);

    private long participant(String token) {
        return directory.participant(7, token).toCompletableFuture().join().orElseThrow();
    }

    @Test
    void aTokenIsLookedUpOnceWithinItsLifetimeAndAgainAfter() {
        assertEquals(42, participant("42"));
        assertEquals(42, participant("42"));
        assertEquals(1, queries.get());
        now.addAndGet(EdgeDirectory.TOKEN_TTL_MS);
        assertEquals(42, participant("42"));
        assertEquals(2, queries.get());
    }

    @Test
    void expiredTokensAreDroppedOnceTheCacheIsFullInsteadOfStayingForever() {
        for (int i = 0; i < EdgeDirectory.MAX_ENTRIES; i++) {
            participant(Integer.toString(i));
        }
        assertEquals(EdgeDirectory.MAX_ENTRIES, directory.cachedTokens());
        now.addAndGet(EdgeDirectory.TOKEN_TTL_MS + 1);
        participant("-1");
        assertEquals(1, directory.cachedTokens(), "only the fresh entry is left");
    }

    @Test
    void aFullCacheOfLiveTokensIsEmptiedRatherThanGrowingWithoutBound() {
        for (int i = 0; i <= EdgeDirectory.MAX_ENTRIES + 10; i++) {
            participant(Integer.toString(i));
        }
        assertTrue(directory.cachedTokens() <= EdgeDirectory.MAX_ENTRIES, "cache holds " + directory.cachedTokens());
    }
}
