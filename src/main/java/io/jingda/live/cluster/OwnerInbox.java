package io.jingda.live.cluster;

import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The owner's side of forwarding: one Redis connection of its own that blocks in {@code XREAD} on
 * the streams ({@code jingda:c:{id}:in}) of every contest this node runs, and hands each entry to
 * {@code handle} (contest id, the entry's JSON) on that connection's event loop. A stream is read
 * from the moment this node took the contest (Redis's clock): what an edge forwarded to an earlier
 * owner and was not acknowledged, the edge sends again. Reconnects by itself.
 */
final class OwnerInbox {
    private static final Logger LOG = Logger.getLogger(OwnerInbox.class);
    private static final int BLOCK_MS = 200;
    private static final int COUNT = 2000;

    private final Redis client;
    private final Vertx vertx;
    private final BiConsumer<Long, String> handle;
    /** The contests read, with the id of the last entry read of each. */
    private final Map<Long, String> streams = new ConcurrentHashMap<>();
    private RedisConnection connection;
    private volatile boolean stopped;
    private boolean reading;

    OwnerInbox(Redis client, Vertx vertx, BiConsumer<Long, String> handle) {
        this.client = client;
        this.vertx = vertx;
        this.handle = handle;
    }

    static String stream(long contestId) {
        return "jingda:c:" + contestId + ":in";
    }

    /** Reads the contest's stream from {@code fromMs} (Redis time, ms) on. */
    void add(long contestId, long fromMs) {
        streams.put(contestId, fromMs + "-0");
        kick();
    }

    void remove(long contestId) {
        streams.remove(contestId);
    }

    void stop() {
        stopped = true;
    }

    private synchronized void kick() {
        if (!reading && !stopped) {
            reading = true;
            vertx.runOnContext(v -> read());
        }
    }

    private void read() {
        if (stopped) {
            return;
        }
        List<Long> ids = new ArrayList<>(streams.keySet());
        if (ids.isEmpty()) {
            synchronized (this) {
                reading = false;
                if (streams.isEmpty()) {
                    return;
                }
                reading = true;
            }
            vertx.runOnContext(v -> read());
            return;
        }
        if (connection == null) {
            client.connect().onComplete(ar -> {
                if (ar.succeeded()) {
                    connection = ar.result();
                    connection.exceptionHandler(e -> connection = null);
                    read();
                } else {
                    vertx.setTimer(500, t -> read());
                }
            });
            return;
        }
        Request xread = Request.cmd(Command.XREAD).arg("COUNT").arg(COUNT).arg("BLOCK").arg(BLOCK_MS).arg("STREAMS");
        ids.forEach(id -> xread.arg(stream(id)));
        List<String> from = new ArrayList<>();
        for (Long id : ids) {
            String last = streams.get(id);
            from.add(last == null ? "$" : last);
        }
        from.forEach(xread::arg);
        RedisConnection c = connection;
        c.send(xread).onComplete(ar -> {
            if (ar.failed()) {
                LOG.debugf("XREAD failed (%s): reconnecting", ar.cause().getMessage());
                c.close();
                connection = null;
                vertx.setTimer(500, t -> read());
                return;
            }
            Response r = ar.result();
            if (r != null) {
                entries(r);
            }
            read();
        });
    }

    /** {@code {stream: [[id, [field, value, …]], …]}} (RESP3 map), or the RESP2 array of pairs. */
    private void entries(Response r) {
        List<Map.Entry<String, Response>> byStream = new ArrayList<>();
        try {
            for (String key : r.getKeys()) {
                byStream.add(Map.entry(key, r.get(key)));
            }
        } catch (RuntimeException resp2) {
            for (Response pair : r) {
                byStream.add(Map.entry(pair.get(0).toString(), pair.get(1)));
            }
        }
        for (Map.Entry<String, Response> e : byStream) {
            String key = e.getKey();
            long contestId = Long.parseLong(key.substring("jingda:c:".length(), key.length() - ":in".length()));
            for (Response entry : e.getValue()) {
                String id = entry.get(0).toString();
                streams.computeIfPresent(contestId, (k, v) -> id);
                Response fields = entry.get(1);
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    if ("m".equals(fields.get(i).toString())) {
                        try {
                            handle.accept(contestId, fields.get(i + 1).toString());
                        } catch (RuntimeException ex) {
                            LOG.errorf(ex, "a forwarded message of contest %d could not be handled", contestId);
                        }
                    }
                }
            }
        }
    }
}
