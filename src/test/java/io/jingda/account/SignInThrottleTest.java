package io.jingda.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockout rules, on a clock moved by hand. */
class SignInThrottleTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SignInThrottle throttle = new SignInThrottle(new SignInThrottle.Limits(3, 10, 20,
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), 1000), now::get);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(account, address);
        }
    }

    @Test
    void anAccountFromOneAddressIsLockedAfterItsFailuresForAGrowingTime() {
        fail("admin", "10.0.0.1", 2);
        assertThat(throttle.check("admin", "10.0.0.1")).isEmpty();
        assertThat(throttle.failed("admin", "10.0.0.1")).get().asString().contains("admin").contains("10.0.0.1")
                .contains("60 s");
        assertThat(throttle.check("admin", "10.0.0.1")).get().extracting(SignInThrottle.Lock::retryAfterSeconds)
                .isEqualTo(60L);
        now.addAndGet(30_000);
        assertThat(throttle.check("admin", "10.0.0.1")).get().extracting(SignInThrottle.Lock::retryAfterSeconds)
                .isEqualTo(30L);
        now.addAndGet(30_001);
        assertThat(throttle.check("admin", "10.0.0.1")).isEmpty();
        // the next failure locks again, twice as long; then 4 min; then the 5 min ceiling
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.check("admin", "10.0.0.1").orElseThrow().retryAfterSeconds()).isEqualTo(120);
        now.addAndGet(120_001);
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.check("admin", "10.0.0.1").orElseThrow().retryAfterSeconds()).isEqualTo(240);
        now.addAndGet(240_001);
        throttle.failed("admin", "10.0.0.1");
        assertThat(throttle.check("admin", "10.0.0.1").orElseThrow().retryAfterSeconds()).isEqualTo(300);
    }

    @Test
    void theOwnerAtAnotherAddressIsNotLockedOutByAnAttacker() {
        fail("admin", "6.6.6.6", 100);
        assertThat(throttle.check("admin", "6.6.6.6")).isPresent();
        assertThat(throttle.check("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAddressTryingManyAccountsIsLocked() {
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "6.6.6.6");
        }
        assertThat(throttle.check("someone-else", "6.6.6.6")).isPresent();
        assertThat(throttle.check("someone-else", "10.0.0.2")).isEmpty();
    }

    @Test
    void anAccountUnderAttackFromManyAddressesLocksEachAtItsFirstFailure() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("admin", "6.6.6." + i);
        }
        assertThat(throttle.check("admin", "7.7.7.7")).isEmpty();
        assertThat(throttle.failed("admin", "7.7.7.7")).isEmpty(); // one WARN line when the attack began, not one per address
        assertThat(throttle.check("admin", "7.7.7.7")).isPresent();
        assertThat(throttle.check("admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void aSuccessClearsItsPairButNotItsAddress() {
        fail("admin", "10.0.0.1", 2);
        throttle.succeeded("admin", "10.0.0.1");
        fail("admin", "10.0.0.1", 2);
        assertThat(throttle.check("admin", "10.0.0.1")).isEmpty();
        fail("other", "10.0.0.1", 6);
        assertThat(throttle.check("third", "10.0.0.1")).isPresent();
    }

    @Test
    void failuresAreForgottenAfterAQuietPeriod() {
        fail("admin", "10.0.0.1", 2);
        now.addAndGet(Duration.ofMinutes(16).toMillis());
        fail("admin", "10.0.0.1", 2);
        assertThat(throttle.check("admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfNames() {
        for (int i = 0; i < 5000; i++) {
            throttle.failed("name" + i, "10.1." + (i / 250) + "." + (i % 250));
            now.incrementAndGet();
        }
        assertThat(throttle.tracked()).isLessThanOrEqualTo(1000);
    }

    @Test
    void controlCharactersFromAClientNeverReachTheLog() {
        assertThat(throttle.failed("a\nFAKE LOG LINE", "1.1.1.1")).isEmpty();
        fail("a\nFAKE LOG LINE", "1.1.1.1", 1);
        assertThat(throttle.failed("a\nFAKE LOG LINE", "1.1.1.1")).get().asString().doesNotContain("\n");
    }
}
