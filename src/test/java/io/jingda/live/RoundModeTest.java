package io.jingda.live;

import io.jingda.contest.ContestSettings;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rounds a contest may name (contest side) and the round policies the engine has agree. */
class RoundModeTest {

    @Test
    void everyRoundAContestMayNameHasAPolicy() {
        for (String id : ContestSettings.ROUNDS) {
            assertThat(RoundMode.of(id)).as("round '%s'", id).isPresent()
                    .hasValueSatisfying(mode -> assertThat(mode.id()).isEqualTo(id));
        }
        assertThat(RoundMode.of("no-such-round")).isEmpty();
    }
}
