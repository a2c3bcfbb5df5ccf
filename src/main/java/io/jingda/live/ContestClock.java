package io.jingda.live;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one source of time for the live engine (epoch milliseconds). Tests replace it with a
 * clock they move by hand, so timing is tested without sleeping.
 */
@ApplicationScoped
public class ContestClock {
    public long now() {
        return System.currentTimeMillis();
    }
}
