package io.jingda.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * Contest ownership between nodes that share one database: {@code jingda.cluster.*} in
 * application.properties. Each live contest is run by one owner node, which holds a lease on it
 * and renews it at every heartbeat ({@code jingda.contest.heartbeat}).
 */
@ConfigMapping(prefix = "jingda.cluster")
public interface ClusterConfig {

    /**
     * This node's name, written to {@code contest.owner_node}; each node on one database needs its own.
     * Unset: the host name plus the HTTP port ({@code host:8080}).
     */
    Optional<String> nodeId();

    /**
     * How long a lease holds without renewal: once it has passed, another node takes the contest over.
     * Keep it a few heartbeats long.
     */
    @WithDefault("5")
    int leaseSeconds();

    /**
     * Several nodes serving one contest over Redis ({@code quarkus.redis.hosts}): a node that does not own a
     * contest accepts its sockets, joins and host calls and forwards them to the owner. Off: Redis is never used.
     */
    @WithDefault("false")
    boolean enabled();

    /** How long an edge waits for the owner's acknowledgement of a forwarded answer before sending it again. */
    @WithDefault("2s")
    java.time.Duration resendAfter();

    /** How long a forwarded join or host call waits for the owner before it is answered 503 OWNER_UNAVAILABLE. */
    @WithDefault("8s")
    java.time.Duration callTimeout();
}
