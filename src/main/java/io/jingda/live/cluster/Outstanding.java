package io.jingda.live.cluster;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * An edge's forwarded messages that the owner has not replied to yet, by correlation id. Those kept
 * for sending again ({@code resend}: answers, stakes, connections) are sent again every
 * {@code resend-after} until the owner replies, at most {@value #MAX_SENDS} times in all; the others
 * (calls, buzzes) expire. Either way, giving up calls {@code onReply} with null.
 */
final class Outstanding {
    static final int MAX_SENDS = 10;

    /** A forwarded message waiting for the owner's reply. */
    static final class Pending {
        final long contestId;
        final String message;
        final boolean resend;
        final long expiresAt;
        final Consumer<JsonNode> onReply;
        volatile long lastSent = System.currentTimeMillis();
        volatile int sends = 1;

        Pending(long contestId, String message, boolean resend, long expiresAt, Consumer<JsonNode> onReply) {
            this.contestId = contestId;
            this.message = message;
            this.resend = resend;
            this.expiresAt = expiresAt;
            this.onReply = onReply;
        }
    }

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    void put(String corr, Pending p) {
        pending.put(corr, p);
    }

    /** The message a reply answers; null when it was answered already (it was sent twice) or given up on. */
    Pending take(String corr) {
        return pending.remove(corr);
    }

    int size() {
        return pending.size();
    }

    /** Sends again ({@code send}: contest id, message) what is due, and gives up on what is too old. */
    void sweep(long now, long resendAfterMs, BiConsumer<Long, String> send) {
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (p.resend && now - p.lastSent >= resendAfterMs) {
                if (p.sends >= MAX_SENDS) {
                    if (pending.remove(e.getKey(), p)) {
                        p.onReply.accept(null);
                    }
                    continue;
                }
                p.sends++;
                p.lastSent = now;
                send.accept(p.contestId, p.message);
            } else if (!p.resend && now > p.expiresAt && pending.remove(e.getKey(), p)) {
                p.onReply.accept(null);
            }
        }
    }
}
