package io.jingda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The buzzer scenario's figures and checks, from hand-made observations (no server). */
class BuzzerFiguresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Two teams of two: members 0, 1 in team 1, members 2, 3 in team 2; participant ids 10..13. */
    private static final long[] PIDS = {10, 11, 12, 13};
    private static final int[] TEAMS = {1, 1, 2, 2};

    private static JsonNode teams(long one, long two) throws Exception {
        return JSON.readTree("[{\"rank\":1,\"id\":1,\"score\":" + one + "},{\"rank\":2,\"id\":2,\"score\":" + two + "}]");
    }

    /** Member {@code first} sends at t0 + 0, the others 1, 2, 3 ms later; every member gets buzzWinner at t0 + arrive[i]. */
    private static BuzzTrack track(int order, int first, long winnerPid, long winnerTeam, long[] arriveMs) {
        BuzzTrack t = new BuzzTrack("q" + order, order, 4);
        long t0 = 1_000_000_000L;
        t.openedAt = 5_000;
        for (int i = 0, k = 1; i < 4; i++) {
            t.sentNanos.set(i, i == first ? t0 : t0 + 1_000_000L * k++);
            t.openEpochMs.set(i, 5_002);
        }
        for (int i = 0; i < 4; i++) {
            t.winner(i, winnerPid, winnerTeam, 7, t0 + arriveMs[i] * 1_000_000L, 5_000 + 7 + arriveMs[i]);
        }
        return t;
    }

    @Test
    void theFirstSenderWinsAndEveryClientIsTimedFromTheFirstSend() throws Exception {
        BuzzTrack t = track(0, 2, 12, 2, new long[]{4, 5, 6, 30});
        t.refusal.set(0, "ALREADY_WON");
        t.refusal.set(1, "ALREADY_WON");
        t.refusal.set(3, "TOO_LATE");
        t.judged(2, 10, true, "ANSWER");

        BuzzerFigures f = BuzzerFigures.of(List.of(t), PIDS, TEAMS, teams(100, 110), 100);

        assertThat(f.winnerIsFirstSender()).isEqualTo(1);
        assertThat(f.mismatches()).isEmpty();
        assertThat(f.buzzesSent()).isEqualTo(4);
        assertThat(f.winnerFrames()).isEqualTo(4);
        assertThat(f.winnerFramesMissing()).isZero();
        assertThat(f.fromFirstSendP50Us()).isEqualTo(5_000);
        assertThat(f.fromFirstSendMaxUs()).isEqualTo(30_000);
        assertThat(f.fromFirstSendP99ByQuestionUs()).containsExactly(30_000L);
        assertThat(f.fromReceiptP50Ms()).isEqualTo(5);
        assertThat(f.buzzOpenP50Ms()).isEqualTo(2);
        assertThat(f.refusals()).containsEntry("ALREADY_WON", 2L).containsEntry("TOO_LATE", 1L);
        assertThat(f.unexpectedRefusals()).isZero();
        assertThat(f.unansweredBuzzes()).isZero();
        assertThat(f.winnerRefused()).isZero();
        assertThat(f.teamScoresMatch()).isTrue();
        assertThat(f.meetsTarget()).isTrue();
    }

    @Test
    void aWinnerThatDidNotSendFirstIsReportedWithItsSendGap() throws Exception {
        // member 0 sent first; the server took member 3's buzz (sent 3 ms later) as the first it received
        BuzzTrack t = track(0, 0, 13, 2, new long[]{60, 4, 5, 6});
        t.refusal.set(0, "ALREADY_WON");
        t.refusal.set(1, "FALSE_START");
        t.refusal.set(3, "ALREADY_WON");
        t.judged(2, -10, false, "ANSWER");

        BuzzerFigures f = BuzzerFigures.of(List.of(t), PIDS, TEAMS, teams(100, 100), 100);

        assertThat(f.winnerIsFirstSender()).isZero();
        assertThat(f.mismatches()).containsExactly(
                "question 1: the winner (member 3) sent 3000 µs after the first sender (member 0)");
        assertThat(f.unexpectedRefusals()).as("FALSE_START after buzzOpen").isEqualTo(1);
        assertThat(f.winnerRefused()).isEqualTo(1);
        assertThat(f.unansweredBuzzes()).as("member 2 lost and got no buzzRefused").isEqualTo(1);
        assertThat(f.teamScoresMatch()).as("team 2 should be at 90").isFalse();
        assertThat(f.teamScores()).contains("team 2: pushed 100, base + judged points 90");
        assertThat(f.meetsTarget()).as("p99 60 ms").isFalse();
    }

    @Test
    void aClientWithoutBuzzWinnerOrNamingAnotherWinnerIsCounted() throws Exception {
        BuzzTrack t = new BuzzTrack("q", 0, 4);
        t.sentNanos.set(1, 100);
        t.winner(0, 11, 1, 3, 2_000_100, 10);
        t.winner(2, 12, 2, 3, 2_000_100, 10);

        BuzzerFigures f = BuzzerFigures.of(List.of(t), PIDS, TEAMS, null, 100);

        assertThat(f.winnerFramesMissing()).isEqualTo(2);
        assertThat(f.winnerDisagreements()).isEqualTo(1);
        assertThat(f.teamScoresMatch()).isNull();
        assertThat(f.meetsTarget()).isFalse();
    }
}
