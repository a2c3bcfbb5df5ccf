package io.jingda.live.cluster;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * This node's two long-lived Redis connections (GUIDE.md: one connection should not both publish and
 * subscribe): one that sends every command of this node (PUBLISH, XADD) in the order they are called,
 * so that the frames of one contest reach every node in the order the owner sent them, and one that
 * is subscribed to this node's channels. Either reconnects by itself after Redis went away; the
 * subscriptions are made again, and {@code resubscribed} runs (the edge then asks the owners for the
 * current state of its sockets, since pub/sub drops what was sent meanwhile).
 */
final class RedisLink {
    private static final Logger LOG = Logger.getLogger(RedisLink.class);
    private static final long RETRY_MS = 500;

    private final Redis client;
    private final Vertx vertx;
    private final BiConsumer<String, String> onMessage;
    private final Runnable resubscribed;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private volatile Future<RedisConnection> sender;
    private volatile RedisConnection subscriber;
    private volatile boolean subscribed;
    private volatile boolean stopped;
    private volatile boolean lostOnce;

    RedisLink(Redis client, Vertx vertx, BiConsumer<String, String> onMessage, Runnable resubscribed) {
        this.client = client;
        this.vertx = vertx;
        this.onMessage = onMessage;
        this.resubscribed = resubscribed;
    }

    void start() {
        connectSubscriber();
    }

    void stop() {
        stopped = true;
        RedisConnection s = subscriber;
        if (s != null) {
            s.close();
        }
        Future<RedisConnection> f = sender;
        if (f != null) {
            f.onSuccess(RedisConnection::close);
        }
    }

    /** Whether both connections are up. */
    boolean up() {
        Future<RedisConnection> f = sender;
        return subscribed && f != null && f.succeeded();
    }

    /** Whether the subscribing connection is up and subscribed. */
    boolean subscribed() {
        return subscribed;
    }

    /** Sends on the ordered connection; fails at once while Redis is away (the next call reconnects). */
    Future<Response> send(Request request) {
        return sender().compose(c -> c.send(request)).onFailure(e -> dropSender());
    }

    /** Subscribes (now, and again after every reconnect); completes once Redis confirmed it. */
    Future<Void> subscribe(String channel) {
        if (!channels.add(channel)) {
            return subscribed ? Future.succeededFuture() : Future.failedFuture("not subscribed yet");
        }
        RedisConnection s = subscriber;
        if (s == null || !subscribed) {
            return Future.failedFuture("Redis is not reachable: subscribed on reconnect");
        }
        return s.send(Request.cmd(Command.SUBSCRIBE).arg(channel)).mapEmpty();
    }

    void unsubscribe(String channel) {
        if (channels.remove(channel)) {
            RedisConnection s = subscriber;
            if (s != null && subscribed) {
                s.send(Request.cmd(Command.UNSUBSCRIBE).arg(channel));
            }
        }
    }

    private synchronized Future<RedisConnection> sender() {
        Future<RedisConnection> f = sender;
        if (f == null || f.failed()) {
            Promise<RedisConnection> p = Promise.promise();
            client.connect().onComplete(ar -> {
                if (ar.succeeded()) {
                    RedisConnection c = ar.result();
                    c.exceptionHandler(e -> dropSender());
                    c.endHandler(v -> dropSender());
                    p.complete(c);
                } else {
                    p.fail(ar.cause());
                }
            });
            f = p.future();
            sender = f;
        }
        return f;
    }

    private synchronized void dropSender() {
        Future<RedisConnection> f = sender;
        sender = null;
        if (f != null && f.succeeded()) {
            f.result().close();
        }
    }

    private void connectSubscriber() {
        if (stopped) {
            return;
        }
        client.connect().onComplete(ar -> {
            if (ar.failed()) {
                lost(ar.cause());
                return;
            }
            RedisConnection c = ar.result();
            subscriber = c;
            c.handler(this::pushed);
            c.exceptionHandler(e -> {
                if (subscriber == c) {
                    subscriber = null;
                    subscribed = false;
                    c.close();
                    lost(e);
                }
            });
            c.endHandler(v -> {
                if (subscriber == c) {
                    subscriber = null;
                    subscribed = false;
                    lost(null);
                }
            });
            List<String> all = List.copyOf(channels);
            Request sub = Request.cmd(all.isEmpty() ? Command.PING : Command.SUBSCRIBE);
            all.forEach(sub::arg);
            c.send(sub).onComplete(s -> {
                if (s.failed()) {
                    c.close();
                    return;
                }
                subscribed = true;
                if (lostOnce) {
                    LOG.infof("Redis reachable again: %d channels subscribed again", all.size());
                    resubscribed.run();
                }
            });
        });
    }

    private void lost(Throwable cause) {
        if (stopped) {
            return;
        }
        if (!lostOnce || subscribed) {
            LOG.warnf("Redis is not reachable (%s): retrying every %d ms", cause == null ? "connection closed" : cause.getMessage(), RETRY_MS);
        }
        lostOnce = true;
        vertx.setTimer(RETRY_MS, t -> connectSubscriber());
    }

    /** A message on a subscribed channel: {@code message, channel, payload} (RESP2 array or RESP3 push). */
    private void pushed(Response r) {
        if (r == null || (r.type() != ResponseType.PUSH && r.type() != ResponseType.MULTI) || r.size() < 3) {
            return;
        }
        if (!"message".equals(r.get(0).toString())) {
            return;
        }
        try {
            onMessage.accept(r.get(1).toString(), r.get(2).toString());
        } catch (RuntimeException e) {
            LOG.errorf(e, "a message on %s could not be handled", r.get(1));
        }
    }
}
