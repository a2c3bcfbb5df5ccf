package io.jingda.live;

import io.jingda.contest.ContestConfig;

import io.jingda.system.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The two limits on joining. Per client address only <em>failures</em> are limited (unknown or
 * malformed codes, {@code join.failures-per-minute}), so brute-forcing the 10^6 codes stays
 * hopeless while a school hall behind one NAT address joins as fast as the server can. Once an
 * address has used up its failures, every attempt from it is refused, whatever the code (else a
 * 429 for wrong codes and a 200 for right ones would tell the guesser which is which), except an
 * attempt at a contest this address has already reached: it has shown that it knows that code,
 * so a classmate's typo does not lock the whole hall out. Per contest, joins are limited by the
 * contest's own {@code joinsPerMinute} (a token bucket of that many joins, refilled continuously).
 * Every refusal says how many seconds until an attempt can succeed ({@code Retry-After}).
 */
@ApplicationScoped
public class JoinRateLimiter {
    private static final long IDLE_MS = 5 * 60_000;
    /** Contests remembered per address as reached; more than a few from one address in 5 minutes is unusual. */
    private static final int KNOWN_PER_ADDRESS = 16;

    private static final class Address {
        final TokenBucket failures;
        final Set<Long> reached = ConcurrentHashMap.newKeySet();

        Address(double failuresPerMinute, long now) {
            failures = new TokenBucket(failuresPerMinute, now);
        }
    }

    private final Map<String, Address> byAddress = new ConcurrentHashMap<>();
    private final Map<Long, TokenBucket> byContest = new ConcurrentHashMap<>();
    private final double failuresPerMinute;
    private final LongSupplier clock;

    @Inject
    public JoinRateLimiter(ContestConfig config, ContestClock clock) {
        this(config.join().failuresPerMinute(), clock::now);
    }

    JoinRateLimiter(int failuresPerMinute, LongSupplier clock) {
        this.failuresPerMinute = failuresPerMinute;
        this.clock = clock;
    }

    /**
     * Whether this address may make an attempt at the contest it named ({@code contestId} null: the
     * code is unknown or malformed). 0: yes; otherwise the seconds to wait.
     */
    public long addressWait(String address, Long contestId) {
        Address a = address(address);
        long wait = a.failures.peek(failuresPerMinute, clock.getAsLong()); // also marks the address as active
        return contestId != null && a.reached.contains(contestId) ? 0 : wait;
    }

    /** An unknown or malformed code from this address. */
    public void failed(String address) {
        address(address).failures.spend(failuresPerMinute, clock.getAsLong());
    }

    /** This address named an open contest's code: later attempts at that contest are not refused for its failures. */
    public void reached(String address, long contestId) {
        Address a = address(address);
        a.failures.peek(failuresPerMinute, clock.getAsLong()); // marks the address as active
        if (a.reached.size() >= KNOWN_PER_ADDRESS && !a.reached.contains(contestId)) {
            a.reached.clear();
        }
        a.reached.add(contestId);
    }

    /**
     * Takes one join from the contest's bucket of {@code perMinute}; 0 when taken, else the seconds
     * until the next join fits. Called under the contest's lock, after every other check has passed.
     */
    public long tryJoin(long contestId, int perMinute) {
        long now = clock.getAsLong();
        return byContest.computeIfAbsent(contestId, id -> new TokenBucket(perMinute, now)).take(perMinute, now);
    }

    private Address address(String address) {
        return byAddress.computeIfAbsent(address, k -> new Address(failuresPerMinute, clock.getAsLong()));
    }

    void forgetIdle() {
        long now = clock.getAsLong();
        byAddress.entrySet().removeIf(e -> now - e.getValue().failures.lastSeen() > IDLE_MS);
        byContest.entrySet().removeIf(e -> now - e.getValue().lastSeen() > IDLE_MS);
    }
}
