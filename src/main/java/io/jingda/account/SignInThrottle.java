package io.jingda.account;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins, counted per (account, address) pair, per address and per account, and the
 * temporary lockouts they cause. An attempt is checked before its password is (bcrypt costs about
 * 80 ms of CPU), and a refused attempt is not counted. Each lockout of a key is twice as long as
 * the one before, up to a ceiling; a key with no failure for a while is forgotten.
 * <p>
 * An account is never locked as a whole: that would let anyone lock its owner out. Past the
 * per-account limit the account counts as under attack, and then an address is locked at its first
 * failure on it; an address with no failure on it (its owner elsewhere) still signs in.
 * A success clears its pair only, so one valid account cannot reset an address's failures.
 */
public final class SignInThrottle {
    private static final int MAX_KEY = 100;

    /** The thresholds and times, from {@link AuthConfig.Lockout}. */
    public record Limits(int accountAddressFailures, int addressFailures, int accountFailures,
                         Duration duration, Duration maxDuration, Duration forgetAfter, int maxTracked) {
        public static Limits of(AuthConfig.Lockout c) {
            return new Limits(c.accountAddressFailures(), c.addressFailures(), c.accountFailures(), c.duration(),
                    c.maxDuration(), c.forgetAfter(), c.maxTracked());
        }
    }

    /** A lockout in force: how long until the next attempt is taken. */
    public record Lock(long retryAfterMillis) {
        /** Whole seconds, rounded up, for {@code Retry-After}. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfterMillis + 999) / 1000);
        }
    }

    private static final class Entry {
        int failures;
        int lockouts;
        long lockedUntil;
        long last;
    }

    private final Limits limits;
    private final LongSupplier clock;
    private final Map<String, Entry> entries = new HashMap<>();

    public SignInThrottle(Limits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** The lockout that refuses this attempt, if any. */
    public synchronized Optional<Lock> check(String account, String address) {
        long now = clock.getAsLong();
        long until = Math.max(lockedUntil(pair(account, address), now), lockedUntil(addressKey(address), now));
        return until > now ? Optional.of(new Lock(until - now)) : Optional.empty();
    }

    /**
     * Counts a wrong password. Returns the line to log when this failure starts a lockout (one line
     * per lockout, not per refused attempt), else empty.
     */
    public synchronized Optional<String> failed(String account, String address) {
        long now = clock.getAsLong();
        if (entries.size() > limits.maxTracked() - 3) { // this failure adds up to three keys
            evict(now);
        }
        Entry byAccount = touch(accountKey(account), now);
        byAccount.failures++;
        boolean attackStarts = byAccount.failures == limits.accountFailures();
        boolean underAttack = byAccount.failures >= limits.accountFailures();
        Entry byPair = touch(pair(account, address), now);
        byPair.failures++;
        Entry byAddress = touch(addressKey(address), now);
        byAddress.failures++;
        StringBuilder log = new StringBuilder();
        if (attackStarts) {
            log.append("account '").append(key(account)).append("' has had ").append(byAccount.failures)
                    .append(" failed sign-ins: each address is now locked at its first failure on it. ");
        }
        int pairLimit = underAttack ? 1 : limits.accountAddressFailures();
        if (byPair.failures >= pairLimit && byPair.lockedUntil <= now) {
            long ms = lock(byPair, now);
            if (!underAttack || attackStarts) {
                log.append("sign-in of account '").append(key(account)).append("' from ").append(key(address))
                        .append(" locked for ").append(seconds(ms)).append(" s after ").append(byPair.failures)
                        .append(byPair.failures == 1 ? " failure. " : " failures. ");
            }
        }
        if (byAddress.failures >= limits.addressFailures() && byAddress.lockedUntil <= now) {
            long ms = lock(byAddress, now);
            log.append("sign-in from ").append(key(address)).append(" locked for ").append(seconds(ms))
                    .append(" s after ").append(byAddress.failures).append(" failures on any account. ");
        }
        return log.isEmpty() ? Optional.empty() : Optional.of(log.toString().strip());
    }

    /** The right password: its pair starts afresh. */
    public synchronized void succeeded(String account, String address) {
        entries.remove(pair(account, address));
    }

    synchronized int tracked() {
        return entries.size();
    }

    private long lock(Entry e, long now) {
        long base = limits.duration().toMillis();
        long ms = Math.min(limits.maxDuration().toMillis(), base << Math.min(e.lockouts, 30));
        e.lockouts++;
        e.lockedUntil = now + ms;
        return ms;
    }

    private long lockedUntil(String key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            return 0;
        }
        if (forgotten(e, now)) {
            entries.remove(key);
            return 0;
        }
        return e.lockedUntil;
    }

    private Entry touch(String key, long now) {
        Entry e = entries.get(key);
        if (e == null || forgotten(e, now)) {
            e = new Entry();
            entries.put(key, e);
        }
        e.last = now;
        return e;
    }

    private boolean forgotten(Entry e, long now) {
        return e.lockedUntil <= now && now - Math.max(e.last, e.lockedUntil) > limits.forgetAfter().toMillis();
    }

    /** Drops forgotten keys, then (still full) the longest idle of those not locked. */
    private void evict(long now) {
        entries.values().removeIf(e -> forgotten(e, now));
        int excess = entries.size() - limits.maxTracked() * 9 / 10;
        if (excess > 0) {
            entries.entrySet().stream().filter(x -> x.getValue().lockedUntil <= now)
                    .sorted(Comparator.comparingLong(x -> x.getValue().last)).limit(excess)
                    .map(Map.Entry::getKey).toList().forEach(entries::remove);
        }
    }

    private static long seconds(long ms) {
        return (ms + 999) / 1000;
    }

    private static String pair(String account, String address) {
        return "p\n" + key(account) + "\n" + key(address);
    }

    private static String accountKey(String account) {
        return "u\n" + key(account);
    }

    private static String addressKey(String address) {
        return "a\n" + key(address);
    }

    private static String key(String s) {
        String v = s == null ? "" : s;
        v = v.length() > MAX_KEY ? v.substring(0, MAX_KEY) : v;
        // the keys go into log lines: no line breaks or other control characters from a client
        return v.codePoints().anyMatch(Character::isISOControl) ? v.replaceAll("\\p{Cntrl}", "?") : v;
    }
}
