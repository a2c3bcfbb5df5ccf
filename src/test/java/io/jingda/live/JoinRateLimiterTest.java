package io.jingda.live;

import io.jingda.contest.ContestSettings;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limiter on a clock moved by hand: failures per address, joins per contest, and the waits it names. */
class JoinRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final JoinRateLimiter limiter = new JoinRateLimiter(30, now::get);

    @Test
    void successfulJoinsFromOneAddressAreNotLimitedPerAddress() {
        for (int i = 0; i < 5000; i++) {
            assertEquals(0, limiter.addressWait("10.0.0.1", 7L), "attempt " + i);
            limiter.reached("10.0.0.1", 7);
        }
    }

    @Test
    void thirtyUnknownCodesAMinuteThenEveryCodeIsRefusedWithAWait() {
        for (int i = 0; i < 30; i++) {
            assertEquals(0, limiter.addressWait("10.0.0.1", null));
            limiter.failed("10.0.0.1");
        }
        assertEquals(2, limiter.addressWait("10.0.0.1", null), "30 a minute: one more in 2 s");
        assertEquals(2, limiter.addressWait("10.0.0.1", 7L), "a right code is refused too: no oracle");
        assertEquals(0, limiter.addressWait("10.0.0.2", null), "another address is not affected");
        now.addAndGet(2_000);
        assertEquals(0, limiter.addressWait("10.0.0.1", null), "refilled at 30 a minute");
        limiter.failed("10.0.0.1");
        assertTrue(limiter.addressWait("10.0.0.1", null) > 0);
    }

    @Test
    void anAddressThatReachedAContestKeepsJoiningItAfterItsFailuresAreUsedUp() {
        limiter.reached("10.0.0.1", 7);
        for (int i = 0; i < 30; i++) {
            limiter.failed("10.0.0.1");
        }
        assertEquals(0, limiter.addressWait("10.0.0.1", 7L), "a typo in the hall does not lock out the hall");
        assertTrue(limiter.addressWait("10.0.0.1", 8L) > 0, "but another contest's code is refused");
        assertTrue(limiter.addressWait("10.0.0.1", null) > 0);
    }

    @Test
    void aContestAdmitsItsJoinsPerMinuteAtOnceThenRefillsAtThatRate() {
        for (int i = 0; i < 120; i++) {
            assertEquals(0, limiter.tryJoin(7, 120), "join " + i);
        }
        assertEquals(1, limiter.tryJoin(7, 120), "120 a minute: the next in 0.5 s, said as 1 s");
        assertEquals(0, limiter.tryJoin(8, 120), "another contest has its own bucket");
        now.addAndGet(500);
        assertEquals(0, limiter.tryJoin(7, 120));
        assertEquals(1, limiter.tryJoin(7, 120));
        assertEquals(0, limiter.tryJoin(9, 1));
        assertEquals(60, limiter.tryJoin(9, 1), "one a minute: a minute's wait");
    }

    @Test
    void theDefaultAdmitsTwoThousandJoinsAtOnce() {
        for (int i = 0; i < 2000; i++) {
            assertEquals(0, limiter.tryJoin(7, ContestSettings.DEFAULT_JOINS_PER_MINUTE), "join " + i);
        }
    }

    @Test
    void aRaisedLimitTakesEffectAtOnce() {
        assertEquals(0, limiter.tryJoin(7, 1));
        assertTrue(limiter.tryJoin(7, 1) > 0);
        now.addAndGet(1_000);
        assertEquals(0, limiter.tryJoin(7, 600), "10 a second: refilled in 1 s");
    }
}
