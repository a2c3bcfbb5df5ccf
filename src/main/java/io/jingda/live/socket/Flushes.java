package io.jingda.live.socket;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import org.jboss.logging.Logger;

/**
 * One write to the socket for the frames a participant gets in one go. Vert.x flushes every
 * WebSocket frame written outside a read on its own (one {@code write} system call each), so a
 * reveal and the leaderboard right behind it cost two system calls and two TCP segments. Netty's
 * {@link FlushConsolidationHandler} at the head of the connection's pipeline turns the flushes
 * of one event-loop task into one, made right after the task; flushes during a read (the ack of
 * an answer) are already held until the read completes.
 */
final class Flushes {
    private static final Logger LOG = Logger.getLogger(Flushes.class);
    static final String HANDLER = "jingda-flush-consolidation";

    private Flushes() {
    }

    /** Installs the consolidation on the request's connection, before the upgrade to a WebSocket. */
    static void consolidate(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channel().pipeline();
            if (pipeline.get(HANDLER) == null) {
                pipeline.addFirst(HANDLER, new FlushConsolidationHandler(
                        FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true));
            }
        } else {
            LOG.debugf("no Netty channel under %s: each frame is flushed on its own", connection);
        }
    }
}
