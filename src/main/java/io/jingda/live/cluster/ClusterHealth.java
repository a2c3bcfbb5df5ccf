package io.jingda.live.cluster;

import io.jingda.live.ClusterConfig;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;

/**
 * Readiness in cluster mode: DOWN while Redis does not answer a PING within a second, or this node is
 * not subscribed to its channels; UP again once it does. On one node Redis is not used and this is UP.
 * (PostgreSQL has the datasource's own check.)
 */
@Readiness
@ApplicationScoped
public class ClusterHealth implements AsyncHealthCheck {
    private final ClusterConfig config;
    private final Instance<ClusterNode> node;

    public ClusterHealth(ClusterConfig config, Instance<ClusterNode> node) {
        this.config = config;
        this.node = node;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!config.enabled()) {
            return Uni.createFrom().item(HealthCheckResponse.named("Redis").up().withData("cluster", "off").build());
        }
        RedisLink link = node.get().link();
        if (link == null) {
            return Uni.createFrom().item(HealthCheckResponse.named("Redis").down().withData("error", "not started").build());
        }
        return Uni.createFrom().completionStage(() -> link.send(Request.cmd(Command.PING)).toCompletionStage())
                .ifNoItem().after(Duration.ofSeconds(1)).fail()
                .map(pong -> link.subscribed()
                        ? HealthCheckResponse.named("Redis").up().withData("node", node.get().id()).build()
                        : HealthCheckResponse.named("Redis").down().withData("error", "not subscribed yet").build())
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("Redis").down()
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
