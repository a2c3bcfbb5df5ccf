package io.jingda.account;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sign-ins whose password bcrypt has accepted, remembered for a short time: an API client sends its
 * user name and password with every request (HTTP Basic), and bcrypt costs about 80 ms of CPU each.
 * <p>
 * The key is an HMAC-SHA256 of the user name and password under a random key of this process, so the
 * cache holds neither the password nor a hash that could be tested against guesses outside the process
 * (the key never leaves it and changes at every start). The value is the identity bcrypt verified:
 * user name and roles. Only a verified sign-in is put; a wrong password never is.
 * <p>
 * {@link #forget} drops an account's entries (its password or roles changed, or it was deleted). A
 * check that was already running then (it read the old row) must not put its result afterwards: every
 * put carries the {@link #generation()} read before the check, and a forget in between refuses it.
 */
public final class CredentialCache {
    /** What a verified sign-in is: the account's user name (as stored) and roles. */
    public record Verified(String username, List<String> roles) {
        public Verified {
            roles = List.copyOf(roles);
        }
    }

    private record Entry(Verified account, long expiresAt) {
    }

    private static final int KEY_BYTES = 32;

    private final long ttlMillis;
    private final int maxSize;
    private final LongSupplier clock;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private long generation; // guarded by this

    /** A cache under a fresh random key (one per process). */
    public CredentialCache(Duration ttl, int maxSize, LongSupplier clock) {
        this(ttl, maxSize, clock, randomKey());
    }

    CredentialCache(Duration ttl, int maxSize, LongSupplier clock, byte[] key) {
        this.ttlMillis = Math.max(0, ttl.toMillis());
        this.maxSize = Math.max(0, maxSize);
        this.clock = clock;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** False when the ttl or the size is 0: every sign-in is checked with bcrypt. */
    public boolean enabled() {
        return ttlMillis > 0 && maxSize > 0;
    }

    /**
     * The cache key of a user name and password: HMAC-SHA256 under this process's key, base64. The user
     * name's length goes first, so that ("ab", "c") and ("a", "bc") differ.
     */
    public String key(String username, String password) {
        byte[] user = username.getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(4).putInt(user.length).array());
        mac.update(user);
        mac.update(password.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal());
    }

    /** The identity remembered under this key, unless it has expired. Cheap: no database, no bcrypt. */
    public Optional<Verified> get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return Optional.empty();
        }
        if (e.expiresAt() <= clock.getAsLong()) {
            entries.remove(key, e);
            return Optional.empty();
        }
        return Optional.of(e.account());
    }

    /** Read before a check whose result may be put; see {@link #put}. */
    public synchronized long generation() {
        return generation;
    }

    /**
     * Remembers a verified sign-in for the ttl, unless an account was forgotten since {@code generation}
     * was read or the cache is full (of entries that have not expired). True if it was put.
     */
    public synchronized boolean put(String key, Verified account, long generation) {
        if (!enabled() || generation != this.generation) {
            return false;
        }
        long now = clock.getAsLong();
        if (entries.size() >= maxSize && !entries.containsKey(key)) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= maxSize) {
                return false;
            }
        }
        entries.put(key, new Entry(account, now + ttlMillis));
        return true;
    }

    /** Drops every sign-in of the account, and refuses the puts of checks that started before. */
    public synchronized void forget(String username) {
        generation++;
        entries.values().removeIf(e -> e.account().username().equals(username));
    }

    /** Entries held, expired or not. */
    int size() {
        return entries.size();
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] randomKey() {
        byte[] k = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
