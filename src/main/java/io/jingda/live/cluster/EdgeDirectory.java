package io.jingda.live.cluster;

import io.jingda.live.LiveStore;
import io.jingda.live.Relay;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What an edge looks up in the database instead of memory: the participant a token names (cached
 * for {@value #TOKEN_TTL_MS} ms once found; a kick removes it), and contests by id or code (cached for
 * {@value #CONTEST_TTL_MS} ms, so that a burst of connections costs one query). Lookups run on
 * {@code blocking}, never on the caller's thread, which may be an event loop.
 */
final class EdgeDirectory {
    static final long TOKEN_TTL_MS = 60_000;
    static final long CONTEST_TTL_MS = 1_000;
    /** Past this many entries a cache first drops its expired ones, and is emptied if that is not enough. */
    static final int MAX_ENTRIES = 200_000;

    private record Cached<T>(T value, long until) {
    }

    private final LiveStore store;
    private final Executor blocking;
    private final LongSupplier clock;
    private final Map<String, Cached<Long>> tokens = new ConcurrentHashMap<>();
    private final Map<Long, Cached<Optional<Relay.OpenContest>>> contests = new ConcurrentHashMap<>();
    private final Map<String, Cached<Optional<Relay.OpenContest>>> codes = new ConcurrentHashMap<>();

    EdgeDirectory(LiveStore store, Executor blocking, LongSupplier clock) {
        this.store = store;
        this.blocking = blocking;
        this.clock = clock;
    }

    Optional<Long> cachedParticipant(long contestId, String tokenHash) {
        Cached<Long> c = tokens.get(contestId + ":" + tokenHash);
        return c != null && c.until() > clock.getAsLong() ? Optional.of(c.value()) : Optional.empty();
    }

    CompletionStage<Optional<Long>> participant(long contestId, String tokenHash) {
        Optional<Long> cached = cachedParticipant(contestId, tokenHash);
        if (cached.isPresent()) {
            return CompletableFuture.completedFuture(cached);
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<Long> pid = store.participantByToken(contestId, tokenHash);
            pid.ifPresent(id -> putBounded(tokens, contestId + ":" + tokenHash, new Cached<>(id, clock.getAsLong() + TOKEN_TTL_MS)));
            return pid;
        }, blocking);
    }

    /** A kicked participant's token stops working on this node at once. */
    void forget(long contestId, long participantId) {
        String prefix = contestId + ":";
        tokens.entrySet().removeIf(e -> e.getKey().startsWith(prefix) && e.getValue().value() == participantId);
    }

    CompletionStage<Optional<Relay.OpenContest>> contest(long contestId) {
        return cached(contests, contestId, () -> store.contestSummary(contestId));
    }

    CompletionStage<Optional<Relay.OpenContest>> contestByCode(String code) {
        return cached(codes, code, () -> store.contestSummaryByCode(code));
    }

    private <K> CompletionStage<Optional<Relay.OpenContest>> cached(Map<K, Cached<Optional<Relay.OpenContest>>> map,
                                                                    K key, Supplier<Optional<Relay.OpenContest>> query) {
        Cached<Optional<Relay.OpenContest>> c = map.get(key);
        long now = clock.getAsLong();
        if (c != null && c.until() > now) {
            return CompletableFuture.completedFuture(c.value());
        }
        return CompletableFuture.supplyAsync(() -> {
            Optional<Relay.OpenContest> found = query.get();
            putBounded(map, key, new Cached<>(found, clock.getAsLong() + CONTEST_TTL_MS));
            return found;
        }, blocking);
    }

    /**
     * Entries are only replaced when looked up again, so an expired one would stay forever: past
     * {@link #MAX_ENTRIES} the expired ones go, and only a flood of distinct live keys (unknown codes
     * tried by a script) empties the cache.
     */
    private <K, V> void putBounded(Map<K, Cached<V>> map, K key, Cached<V> value) {
        if (map.size() >= MAX_ENTRIES) {
            long now = clock.getAsLong();
            map.values().removeIf(c -> c.until() <= now);
            if (map.size() >= MAX_ENTRIES) {
                map.clear();
            }
        }
        map.put(key, value);
    }

    /** Size of the token cache, for tests. */
    int cachedTokens() {
        return tokens.size();
    }

    /** Blocking: whether the contest is open (so another node runs it, when this one does not). */
    boolean open(long contestId) {
        return store.contestSummary(contestId).map(Relay.OpenContest::open).orElse(false);
    }
}
