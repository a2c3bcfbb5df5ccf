package io.jingda.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The synthetic contest played at start: the whole answer, close, reveal and leaderboard path, in memory. */
class WarmupTest {

    @Test
    void everyParticipantsAnswerIsAcceptedAndEveryPersonalFrameRendered() {
        Warmup.Figures f = Warmup.play(300, 5);
        assertThat(f.answers()).isEqualTo(300 * 5);
        // per question and participant at least an ack, a reveal and a leaderboard; then the podium
        assertThat(f.frames()).isGreaterThanOrEqualTo(300L * 5 * 3 + 300);
        assertThat(f.bytes()).isGreaterThan(f.frames() * 20);
    }

    @Test
    void twoWarmUpsOfTheSameSizeGiveTheSameFigures() {
        Warmup.Figures first = Warmup.play(50, 4);
        Warmup.Figures second = Warmup.play(50, 4);
        assertThat(second.answers()).isEqualTo(first.answers());
        assertThat(second.frames()).isEqualTo(first.frames());
        assertThat(second.bytes()).isEqualTo(first.bytes());
    }
}
