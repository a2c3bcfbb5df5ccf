package io.jingda.bench;

import io.jingda.bench.OnlineFigures.Ranked;
import io.jingda.bench.OnlineFigures.StoredAttempt;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The self-paced benchmark's pure figures: arrivals, the sustained rate, the recomputed ranking (no server). */
class OnlineFiguresTest {

    @Test
    void theRankingCountsEachParticipantsBestFinishedAttemptByScoreThenTimeThenFinish() {
        List<Ranked> r = OnlineFigures.recompute(List.of(
                new StoredAttempt(1, "FINISHED", 70, 0, 50_000L),
                new StoredAttempt(1, "FINISHED", 80, 100_000, 190_000L), // 1's best: 80 in 90 s
                new StoredAttempt(2, "FINISHED", 80, 0, 60_000L),        // 80 in 60 s: above 1
                new StoredAttempt(3, "VOID", 100, 0, 10_000L),           // void: does not count
                new StoredAttempt(3, "FINISHED", 80, 10_000, 100_000L),  // 80 in 90 s, finished earlier than 1
                new StoredAttempt(4, "ACTIVE", 0, 0, null),              // running: not ranked
                new StoredAttempt(5, "FINISHED", 80, 0, 60_000L)));      // the same result as 2: the same rank
        assertThat(r).containsExactly(
                new Ranked(1, 2, 80, 60_000, 60_000),
                new Ranked(1, 5, 80, 60_000, 60_000),
                new Ranked(3, 3, 80, 90_000, 100_000),
                new Ranked(4, 1, 80, 90_000, 190_000));
    }

    @Test
    void aServedRankingThatDiffersIsReportedLineByLine() {
        List<Ranked> recomputed = List.of(new Ranked(1, 2, 80, 60_000, 60_000), new Ranked(2, 1, 70, 50_000, 50_000));
        assertThat(OnlineFigures.differences(recomputed, recomputed, 10)).isEmpty();
        List<Ranked> served = List.of(new Ranked(1, 1, 70, 50_000, 50_000), new Ranked(2, 2, 80, 60_000, 60_000));
        assertThat(OnlineFigures.differences(recomputed, served, 10)).hasSize(2).first().asString().startsWith("line 1:");
        assertThat(OnlineFigures.differences(recomputed, served.subList(0, 1), 10)).first().asString()
                .isEqualTo("recomputed 2 ranked participants, served 1");
    }

    @Test
    void arrivalsRampUpLinearlyThenHoldTheirPeak() {
        long day = 100_000;
        long[] a = OnlineFigures.arrivals(100_000, day, 0.4, 7);
        assertThat(a[0]).isGreaterThanOrEqualTo(0);
        assertThat(a[a.length - 1]).isLessThanOrEqualTo(day);
        for (int i = 1; i < a.length; i++) {
            assertThat(a[i]).isGreaterThanOrEqualTo(a[i - 1]);
        }
        // the rate's integral: the ramp (0.4 of the day, rising to the peak) holds 0.2 / 0.8 of all arrivals
        long inRamp = java.util.Arrays.stream(a).filter(t -> t < 40_000).count();
        assertThat(inRamp / 100_000.0).isCloseTo(0.25, within(0.01));
        // the first half of the ramp holds a quarter of the ramp's arrivals (t² growth)
        long firstHalf = java.util.Arrays.stream(a).filter(t -> t < 20_000).count();
        assertThat(firstHalf / (double) inRamp).isCloseTo(0.25, within(0.02));
        // on the plateau the rate is flat: two equal stretches receive the same share
        long p1 = java.util.Arrays.stream(a).filter(t -> t >= 40_000 && t < 70_000).count();
        long p2 = java.util.Arrays.stream(a).filter(t -> t >= 70_000).count();
        assertThat(p1 / (double) p2).isCloseTo(1.0, within(0.05));
        assertThat(OnlineFigures.arrivalQuantile(0, day, 0)).isZero();
        assertThat(OnlineFigures.arrivalQuantile(1, day, 0)).isEqualTo(day);
    }

    @Test
    void theSustainedRateIsTheMeanOverTheWholeSecondsOfTheSteadyPart() {
        long[] perSecond = {10, 100, 3000, 3100, 2900, 50};
        assertThat(OnlineFigures.sustained(perSecond, 2000, 5000)).isEqualTo(3000.0);
        assertThat(OnlineFigures.sustained(perSecond, 1500, 5999)).isEqualTo(3000.0); // whole seconds only
        assertThat(OnlineFigures.sustained(perSecond, 4200, 4900)).isEqualTo(-1);
    }

    @Test
    void theServerReportKeepsTheGroupCommitSummaryAndCountsItsSlowCommits() {
        String report = OnlineScenario.serverReport(List.of(
                "08:00:01 WARN  [io.jin.sys.GroupCommit] (online-ledger) online-ledger: slow group commit, 46 writes in 104 ms (24 queued)",
                "08:00:02 WARN  [io.jin.sys.GroupCommit] (online-ledger) online-ledger: slow group commit, 91 writes in 151 ms (51 queued)",
                "08:00:03 WARN  [io.jin.sys.GroupCommit] (answer-ledger) answer-ledger: slow group commit, 9 writes in 900 ms (0 queued)",
                "08:00:09 INFO  [io.jin.sys.GroupCommit] (main) online-ledger: 84000 writes in 1727 commits (48.6 a commit on average)"));
        assertThat(report).isEqualTo("online-ledger: 84000 writes in 1727 commits (48.6 a commit on average); "
                + "2 slow group commits (over 100 ms), the slowest 151 ms");
    }
}
