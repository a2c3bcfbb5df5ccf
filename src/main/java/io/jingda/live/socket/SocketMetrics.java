package io.jingda.live.socket;

import io.jingda.live.LiveMetrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fan-out's meters (docs/operations.md#metrics): this node's connections per contest and audience
 * ({@code jingda.sockets}, refreshed every second from {@link LocalFanout}'s rooms), the participant frames
 * waiting in the event loops' outboxes, and the frames and connections dropped for clients that do not read.
 */
@ApplicationScoped
public class SocketMetrics {
    static final String[] AUDIENCES = {"players", "hosts", "screens"};

    private final LocalFanout fanout;
    private final LiveMetrics live;
    private final MultiGauge sockets;

    public SocketMetrics(LocalFanout fanout, LiveMetrics live) {
        this.fanout = fanout;
        this.live = live;
        MeterRegistry registry = live.registry();
        this.sockets = MultiGauge.builder("jingda.sockets")
                .description("open WebSocket connections on this node, per contest and audience").register(registry);
        Gauge.builder("jingda.fanout.queue.depth", FanoutCounts.QUEUED, LongAdder::sum)
                .description("participant frames posted to the event loops' outboxes and not yet written")
                .register(registry);
        for (FanoutCounts.Written path : FanoutCounts.Written.values()) {
            FunctionCounter.builder("jingda.fanout.written", path.count, LongAdder::sum)
                    .description("participant frames of broadcasts written, by how they reached the connection")
                    .tag("path", path.tag()).register(registry);
        }
        for (FanoutCounts.Dropped why : FanoutCounts.Dropped.values()) {
            FunctionCounter.builder("jingda.fanout.dropped", why.count, LongAdder::sum)
                    .description("frames dropped, or connections closed, for clients that do not read")
                    .tag("reason", why.tag()).register(registry);
        }
    }

    void onStart(@Observes StartupEvent ev) {
        live.everySecond(this::refresh);
    }

    void refresh() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        String node = live.node();
        fanout.connectionCounts().forEach((contest, counts) -> {
            String id = Long.toString(contest);
            for (int i = 0; i < AUDIENCES.length; i++) {
                rows.add(MultiGauge.Row.of(Tags.of("contest", id, "node", node, "audience", AUDIENCES[i]), counts[i]));
            }
        });
        sockets.register(rows, true);
    }
}
