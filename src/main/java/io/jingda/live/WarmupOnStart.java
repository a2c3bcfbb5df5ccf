package io.jingda.live;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs the {@link Warmup} once the node has started, on a thread of its own: the node is ready (and
 * answers) at once, and the first real contest's closes run on compiled code. A failure is logged and
 * changes nothing else.
 */
@ApplicationScoped
public class WarmupOnStart {
    private static final Logger LOG = Logger.getLogger(WarmupOnStart.class);

    void onStart(@Observes StartupEvent ev, WarmupConfig config) {
        if (!config.enabled() || config.participants() <= 0 || config.questions() <= 0) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Warmup.Figures f = Warmup.play(config.participants(), config.questions());
                LOG.infof("warm-up: a synthetic contest of %d participants × %d questions in memory (%d answers, %d frames,"
                        + " %d KB) took %d ms", f.participants(), f.questions(), f.answers(), f.frames(), f.bytes() / 1024,
                        f.millis());
            } catch (RuntimeException e) {
                LOG.warn("the warm-up failed; the node runs without it", e);
            }
        }, "jingda-warmup");
        t.setDaemon(true);
        t.start();
    }
}
