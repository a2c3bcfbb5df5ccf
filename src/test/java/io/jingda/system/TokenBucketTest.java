package io.jingda.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {
    @Test
    void aFullBucketGivesItsRateAtOnceThenSaysHowLongUntilTheNext() {
        TokenBucket b = new TokenBucket(3, 0);
        assertThat(b.take(3, 0)).isZero();
        assertThat(b.take(3, 0)).isZero();
        assertThat(b.take(3, 0)).isZero();
        assertThat(b.take(3, 0)).isEqualTo(20); // 3 a minute: one every 20 s
        assertThat(b.take(3, 15_000)).isEqualTo(5);
        assertThat(b.take(3, 20_000)).isZero();
    }

    @Test
    void peekTakesNothingAndSpendNeverGoesBelowEmpty() {
        TokenBucket b = new TokenBucket(1, 0);
        assertThat(b.peek(1, 0)).isZero();
        assertThat(b.peek(1, 0)).isZero();
        b.spend(1, 0);
        b.spend(1, 0);
        assertThat(b.peek(1, 0)).isEqualTo(60);
        assertThat(b.peek(1, 60_000)).isZero();
    }

    @Test
    void itRefillsToItsRateAndNoFurtherAndAChangedRateAppliesAtOnce() {
        TokenBucket b = new TokenBucket(2, 0);
        b.take(2, 0);
        assertThat(b.full(2, 10_000)).isFalse();
        assertThat(b.full(2, 30_000)).isTrue();
        assertThat(b.full(2, 600_000)).isTrue();
        assertThat(b.lastSeen()).isEqualTo(600_000);
        b.take(2, 600_000);
        b.take(2, 600_000);
        assertThat(b.take(2, 600_000)).isEqualTo(30);
        assertThat(b.take(120, 600_500)).isZero(); // the host raised the rate to 2 a second
    }

    @Test
    void aClockThatGoesBackGivesNothingExtra() {
        TokenBucket b = new TokenBucket(1, 10_000);
        b.take(1, 10_000);
        assertThat(b.take(1, 5_000)).isEqualTo(60);
    }
}
