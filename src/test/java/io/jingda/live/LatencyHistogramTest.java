package io.jingda.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyHistogramTest {

    @Test
    void percentilesAreNearestRankOverMillisecondBuckets() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        for (int ms = 1; ms <= 100; ms++) {
            h.add(ms);
        }
        assertThat(h.count()).isEqualTo(100);
        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.max()).isEqualTo(100);
    }

    @Test
    void outOfRangeValuesAreClamped() {
        LatencyHistogram h = new LatencyHistogram();
        h.add(-5);
        h.add(60_000);
        assertThat(h.percentile(1)).isZero();
        assertThat(h.max()).isEqualTo(LatencyHistogram.MAX_MS);
    }
}
