package io.jingda.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The engine's meters (docs/operations.md#metrics): answers received, acknowledged and refused by reason, the
 * receipt-to-ack timer, and the contests this node owns. Hot-path recording is one pre-registered counter or timer
 * call, never a tag lookup; the per-contest gauges are {@link MultiGauge}s refreshed every second on one daemon
 * thread, which other packages (the sockets) use through {@link #everySecond}.
 */
@ApplicationScoped
public class LiveMetrics {
    private static final Logger LOG = Logger.getLogger(LiveMetrics.class);
    private static final Duration REFRESH = Duration.ofSeconds(1);

    private final MeterRegistry registry;
    private final LiveContests contests;
    private final String node;
    private final Counter received;
    private final Counter acknowledged;
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();
    private final Timer ack;
    private final MultiGauge owner;
    private final List<Runnable> refreshers = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService refresher;

    public LiveMetrics(MeterRegistry registry, LiveContests contests, LiveStore store) {
        this.registry = registry;
        this.contests = contests;
        this.node = store.node();
        this.received = Counter.builder("jingda.answers.received").description("answers received from participants")
                .register(registry);
        this.acknowledged = Counter.builder("jingda.answers.acknowledged")
                .description("answers acknowledged as accepted (after they are durable)").register(registry);
        this.ack = Timer.builder("jingda.answer.ack").description("receipt of an answer to its reply on this node")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        this.owner = MultiGauge.builder("jingda.contest.owner")
                .description("1 for each open contest this node has loaded and holds the lease of").register(registry);
        refreshers.add(this::refreshOwner);
    }

    void onStart(@Observes StartupEvent ev) {
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metrics-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** This node's id, as in {@code contest.owner_node}: the {@code node} tag of the per-contest gauges. */
    public String node() {
        return node;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Runs the task every second (and once at once), to refresh a gauge of live state. */
    public void everySecond(Runnable task) {
        refreshers.add(task);
    }

    void received() {
        received.increment();
    }

    /** An answer's reply: an ack (accepted), or a refusal with its reason code. */
    void answered(boolean accepted, String reason) {
        if (accepted) {
            acknowledged.increment();
        } else {
            refused(reason == null ? "UNKNOWN" : reason).increment();
        }
    }

    /** The time from an answer's receipt to its reply (ack, refusal or NOT_STORED) handed to the connection. */
    void replied(long nanos) {
        ack.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Counter refused(String reason) {
        Counter c = refused.get(reason);
        return c != null ? c : refused.computeIfAbsent(reason, r -> Counter.builder("jingda.answers.refused")
                .description("answers refused, by reason code").tag("reason", r).register(registry));
    }

    private void refresh() {
        for (Runnable task : refreshers) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.debug("a gauge could not be refreshed", e);
            }
        }
    }

    private void refreshOwner() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (ContestRuntime rt : contests.all()) {
            if (rt.status().isOpen()) {
                rows.add(MultiGauge.Row.of(Tags.of("contest", Long.toString(rt.id()), "node", node), 1));
            }
        }
        owner.register(rows, true);
    }
}
