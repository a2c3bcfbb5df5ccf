package io.jingda.online;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptClockTest {
    private final AttemptClock perQuestion = new AttemptClock(new long[]{10_000, 20_000, 30_000}, 0, 1_000);
    private final AttemptClock total = new AttemptClock(new long[]{10_000, 20_000, 30_000}, 60_000, 1_000);

    @Test
    void aQuestionIsAnsweredUntilItsDeadlinePlusTheGrace() {
        assertThat(perQuestion.deadline(0, 0, 0)).isEqualTo(10_000);
        assertThat(perQuestion.late(0, 0, 0, 11_000)).isFalse();
        assertThat(perQuestion.late(0, 0, 0, 11_001)).isTrue();
        assertThat(perQuestion.at(0, 0, 0, 11_000)).isEqualTo(new AttemptClock.Where(0, 0));
    }

    @Test
    void theDeadlinesKeepRunningWhileNobodyLooks() {
        // q0 closes at 11 s, q1 is served then and closes at 32 s, q2 at 63 s
        assertThat(perQuestion.at(0, 0, 0, 11_001)).isEqualTo(new AttemptClock.Where(1, 11_000));
        assertThat(perQuestion.at(0, 0, 0, 40_000)).isEqualTo(new AttemptClock.Where(2, 32_000));
        assertThat(perQuestion.at(0, 0, 0, 63_001)).isEqualTo(new AttemptClock.Where(3, 63_000));
        assertThat(perQuestion.expiresAt(0)).isEqualTo(63_000);
        // from where an answer left it: q1 served at 5 s
        assertThat(perQuestion.at(0, 1, 5_000, 20_000)).isEqualTo(new AttemptClock.Where(1, 5_000));
    }

    @Test
    void aTotalLimitIsOneDeadlineForEveryQuestion() {
        assertThat(total.deadline(1_000, 2, 50_000)).isEqualTo(61_000);
        assertThat(total.at(1_000, 1, 30_000, 62_000)).isEqualTo(new AttemptClock.Where(1, 30_000));
        assertThat(total.at(1_000, 1, 30_000, 62_001).position()).isEqualTo(3);
        assertThat(total.expiresAt(1_000)).isEqualTo(62_000);
        assertThat(total.scoringLimit(0)).isEqualTo(20_000);
        assertThat(perQuestion.scoringLimit(2)).isEqualTo(30_000);
    }
}
