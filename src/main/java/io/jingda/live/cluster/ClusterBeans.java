package io.jingda.live.cluster;

import io.jingda.live.ClusterConfig;
import io.jingda.live.Relay;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.socket.LocalFanout;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/**
 * One node or several ({@code jingda.cluster.enabled}): the engine's {@link Fanout} and {@link Relay}.
 * On one node they are {@link LocalFanout} and {@link Relay#NONE}, and nothing of this package runs.
 */
@ApplicationScoped
public class ClusterBeans {

    @Produces
    @ApplicationScoped
    Relay relay(ClusterConfig config, Instance<ClusterNode> node) {
        return config.enabled() ? node.get() : Relay.NONE;
    }

    @Produces
    @ApplicationScoped
    Fanout fanout(ClusterConfig config, LocalFanout local, Instance<ClusterNode> node) {
        return config.enabled() ? new ClusterFanout(local, node.get()) : local;
    }

    // before the engine recovers its contests (default priority): their streams are read from the start
    void start(@Observes @jakarta.annotation.Priority(1) StartupEvent ev, ClusterConfig config, Instance<ClusterNode> node) {
        if (config.enabled()) {
            node.get().start();
        }
    }

    void stop(@Observes ShutdownEvent ev, ClusterConfig config, Instance<ClusterNode> node) {
        if (config.enabled()) {
            node.get().stop();
        }
    }
}
