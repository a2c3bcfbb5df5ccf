package io.jingda.live.socket;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradeRateTest {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void anAddressGetsItsUpgradesPerMinuteThenIsToldWhenToComeBack() {
        UpgradeRate rate = new UpgradeRate(30, now::get);
        for (int i = 0; i < 30; i++) {
            assertThat(rate.take("10.0.0.1")).isZero();
        }
        assertThat(rate.take("10.0.0.1")).as("seconds to wait").isEqualTo(2);
        assertThat(rate.take("10.0.0.2")).as("another address").isZero();
        now.addAndGet(2000);
        assertThat(rate.take("10.0.0.1")).isZero();
        assertThat(rate.take("10.0.0.1")).isPositive();
    }

    @Test
    void addressesWithAFullBucketAreForgottenWhenManyAreKept() {
        UpgradeRate rate = new UpgradeRate(30, now::get);
        for (int i = 0; i <= 10_001; i++) {
            rate.take("a" + i);
        }
        now.addAndGet(60_000);
        rate.take("b");
        assertThat(rate.addresses()).isEqualTo(1);
    }
}
