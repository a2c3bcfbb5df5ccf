package io.jingda.online.socket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.online.OnlineReports;
import io.jingda.system.ApiException;
import io.jingda.system.RateLimitedLog;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;

/**
 * The dashboards being watched on this node: per contest, its subscribers, one periodic timer and the
 * last frame sent. Each tick computes the contest's dashboard once, on a worker thread (it reads the
 * database), for all of its subscribers, and sends it only when its JSON differs from the last one, so
 * a quiet contest costs one query a second and no traffic. A subscriber that joins gets the last frame
 * at once, or the first one as soon as it is computed. The timer stops with the last subscriber.
 */
@Singleton
class DashboardFeeds {
    private static final Logger LOG = Logger.getLogger(DashboardFeeds.class);
    private static final RateLimitedLog FAILED = new RateLimitedLog(LOG, Duration.ofSeconds(30));
    static final CloseReason GONE = new CloseReason(4404, "the contest is gone");

    private final Vertx vertx;
    private final LongFunction<Object> dashboards;
    private final ObjectMapper mapper;
    private final long intervalMs;
    private final Map<Long, Feed> feeds = new ConcurrentHashMap<>();

    @Inject
    DashboardFeeds(Vertx vertx, OnlineReports reports, ObjectMapper mapper,
                   @ConfigProperty(name = "jingda.online.dashboard-interval", defaultValue = "1s") Duration interval) {
        this(vertx, id -> inRequestContext(() -> reports.dashboard(id)), mapper, interval);
    }

    /** The reports read the database: on a worker thread they need a request context of their own. */
    static <T> T inRequestContext(java.util.function.Supplier<T> work) {
        ManagedContext rc = Arc.container().requestContext();
        boolean activated = !rc.isActive();
        if (activated) {
            rc.activate();
        }
        try {
            return work.get();
        } finally {
            if (activated) {
                rc.terminate();
            }
        }
    }

    /** dashboards: a contest's dashboard (a record the mapper serializes); it may block, and throw the API's 404. */
    DashboardFeeds(Vertx vertx, LongFunction<Object> dashboards, ObjectMapper mapper, Duration interval) {
        this.vertx = vertx;
        this.dashboards = dashboards;
        this.mapper = mapper;
        this.intervalMs = Math.max(20, interval.toMillis());
    }

    /** One contest's subscribers, those still waiting for their first frame, its timer and its last frame. */
    private static final class Feed {
        final Set<WebSocketConnection> connections = new CopyOnWriteArraySet<>();
        final Set<WebSocketConnection> waiting = new CopyOnWriteArraySet<>();
        final AtomicBoolean computing = new AtomicBoolean();
        volatile long timer = -1;
        volatile String last;
        /** The last frame without its {@code serverTime}, which differs at every computation. */
        volatile String lastFigures;
    }

    void subscribe(long contestId, WebSocketConnection c) {
        Feed feed = feeds.compute(contestId, (id, f) -> {
            Feed x = f != null ? f : new Feed();
            x.connections.add(c);
            if (x.timer < 0) {
                x.timer = vertx.setPeriodic(intervalMs, t -> compute(id));
            }
            return x;
        });
        String last = feed.last;
        if (last != null) {
            send(c, last);
        } else {
            // the first frame now, not at the next tick (or from the computation already running)
            feed.waiting.add(c);
            compute(contestId);
        }
    }

    void unsubscribe(long contestId, WebSocketConnection c) {
        feeds.computeIfPresent(contestId, (id, f) -> {
            f.connections.remove(c);
            f.waiting.remove(c);
            if (!f.connections.isEmpty()) {
                return f;
            }
            vertx.cancelTimer(f.timer);
            return null;
        });
    }

    /** Subscribers of the contest on this node (tests). */
    int subscribers(long contestId) {
        Feed f = feeds.get(contestId);
        return f == null ? 0 : f.connections.size();
    }

    /** Whether the contest has a timer on this node (tests). */
    boolean watching(long contestId) {
        return feeds.containsKey(contestId);
    }

    /**
     * One computation for all of the contest's subscribers, on a worker thread: a changed frame goes to all of
     * them, an unchanged one only to those still waiting for their first. A tick that finds the previous
     * computation still running (a slow database) skips its turn.
     */
    private void compute(long contestId) {
        Feed feed = feeds.get(contestId);
        if (feed == null || !feed.computing.compareAndSet(false, true)) {
            return;
        }
        vertx.<Frame>executeBlocking(() -> frame(contestId), false).onComplete(r -> {
            feed.computing.set(false);
            if (r.failed()) {
                failed(contestId, r.cause());
                return;
            }
            String json = r.result().json();
            Set<WebSocketConnection> to = feed.waiting;
            if (!r.result().figures().equals(feed.lastFigures)) {
                feed.last = json;
                feed.lastFigures = r.result().figures();
                to = feed.connections;
            }
            for (WebSocketConnection c : to) {
                feed.waiting.remove(c);
                send(c, json);
            }
        });
    }

    /** A frame as sent, and what is compared to tell whether it changed. */
    private record Frame(String json, String figures) {
    }

    /** The frame, computed on a worker thread. */
    private Frame frame(long contestId) throws JsonProcessingException {
        Object dashboard = dashboards.apply(contestId);
        ObjectNode node = mapper.createObjectNode().put("type", "dashboard");
        node.setAll((ObjectNode) mapper.valueToTree(dashboard));
        String json = mapper.writeValueAsString(node);
        if (node.remove("serverTime") == null) {
            return new Frame(json, json);
        }
        return new Frame(json, mapper.writeValueAsString(node));
    }

    /** A contest deleted while watched closes its sockets; anything else is one WARN line now and then. */
    private void failed(long contestId, Throwable e) {
        if (e instanceof ApiException api && api.status() == 404) {
            Feed f = feeds.remove(contestId);
            if (f != null) {
                vertx.cancelTimer(f.timer);
                f.connections.forEach(c -> c.close(GONE).subscribe().with(x -> { }, x -> { }));
            }
            return;
        }
        if (e instanceof java.util.concurrent.RejectedExecutionException) {
            return; // shutting down
        }
        FAILED.warn("the dashboard of contest %d failed: %s", contestId, e.toString());
    }

    /** Sends without waiting: a slow organizer's browser never holds up a tick. */
    static void send(WebSocketConnection c, String json) {
        if (c.isOpen()) {
            c.sendText(json).subscribe().with(x -> { }, x -> { });
        }
    }
}
