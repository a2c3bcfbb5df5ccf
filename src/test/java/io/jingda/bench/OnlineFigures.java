package io.jingda.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The pure parts of the self-paced benchmark ({@link OnlineScenario}): when participants arrive over the
 * simulated day, the sustained rate over the steady part, and the person ranking recomputed from the stored
 * attempts, compared with the one the server serves. No server, no database: tested in milliseconds.
 */
final class OnlineFigures {
    private OnlineFigures() {
    }

    // ------------------------------------------------------------------ arrivals

    /**
     * The arrival times (ms from the start, ascending) of {@code n} participants over a day compressed into
     * {@code dayMs}: a Poisson process whose rate grows linearly from 0 over the first {@code ramp} of the day,
     * then stays at its peak. Conditioned on n arrivals, these are n independent draws from the rate's density,
     * sorted; each is drawn by inverting its distribution function.
     */
    static long[] arrivals(int n, long dayMs, double ramp, long seed) {
        if (ramp < 0 || ramp > 1) {
            throw new IllegalArgumentException("ramp must be between 0 and 1, not " + ramp);
        }
        Random r = new Random(seed);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.round(arrivalQuantile(r.nextDouble(), dayMs, ramp));
        }
        Arrays.sort(out);
        return out;
    }

    /** The time t (ms) by which a fraction u of the day's arrivals have come, for the ramp-then-plateau rate. */
    static double arrivalQuantile(double u, long dayMs, double ramp) {
        double d = dayMs;
        double rampMs = ramp * d;
        double total = d - rampMs / 2; // the integral of the rate (peak 1) over the day
        double inRamp = rampMs / 2; // the part of it over the ramp
        double mass = u * total;
        if (mass <= inRamp && rampMs > 0) {
            return Math.sqrt(2 * mass * rampMs); // ∫0^t s/rampMs ds = t²/(2 rampMs)
        }
        return rampMs + (mass - inRamp);
    }

    // ------------------------------------------------------------------ the sustained rate

    /**
     * The mean rate (per second) of the events counted in one-second buckets, over the whole buckets from
     * {@code fromMs} to {@code toMs} (ms from the start): the steady part of the run. -1 if it holds no whole bucket.
     */
    static double sustained(long[] perSecond, long fromMs, long toMs) {
        int from = (int) ((fromMs + 999) / 1000);
        int to = (int) Math.min(perSecond.length, toMs / 1000);
        if (to <= from) {
            return -1;
        }
        long sum = 0;
        for (int s = from; s < to; s++) {
            sum += perSecond[s];
        }
        return sum / (double) (to - from);
    }

    // ------------------------------------------------------------------ the ranking from the database

    /** An attempt as stored (online_attempt): its participant, status, score and times. */
    record StoredAttempt(long participantId, String status, int score, long startedAt, Long finishedAt) {
        Long timeMs() {
            return finishedAt == null ? null : finishedAt - startedAt;
        }
    }

    /** A line of the person ranking: recomputed here, or as served by GET …/rankings?by=person. */
    record Ranked(long rank, long participantId, int score, long timeMs, long finishedAt) {
    }

    /** Score desc, then total time asc, then finish asc (docs/online.md); the participant id orders equal results. */
    static final Comparator<Ranked> ORDER = Comparator.comparingInt((Ranked r) -> -r.score())
            .thenComparingLong(Ranked::timeMs).thenComparingLong(Ranked::finishedAt)
            .thenComparingLong(Ranked::participantId);

    /**
     * The person ranking recomputed from the stored attempts: each participant's best finished attempt (score,
     * then time, then finish; void and running attempts do not count), sorted by {@link #ORDER}; equal score,
     * time and finish share a rank (the rank of the first of them).
     */
    static List<Ranked> recompute(List<StoredAttempt> attempts) {
        Map<Long, Ranked> best = new HashMap<>();
        for (StoredAttempt a : attempts) {
            if (!"FINISHED".equals(a.status()) || a.finishedAt() == null) {
                continue;
            }
            Ranked r = new Ranked(0, a.participantId(), a.score(), a.timeMs(), a.finishedAt());
            best.merge(a.participantId(), r, (x, y) -> ORDER.compare(x, y) <= 0 ? x : y);
        }
        List<Ranked> sorted = new ArrayList<>(best.values());
        sorted.sort(ORDER);
        List<Ranked> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            Ranked r = sorted.get(i);
            long rank = i + 1;
            if (i > 0 && sameResult(out.get(i - 1), r)) {
                rank = out.get(i - 1).rank();
            }
            out.add(new Ranked(rank, r.participantId(), r.score(), r.timeMs(), r.finishedAt()));
        }
        return out;
    }

    private static boolean sameResult(Ranked a, Ranked b) {
        return a.score() == b.score() && a.timeMs() == b.timeMs() && a.finishedAt() == b.finishedAt();
    }

    /**
     * How the served ranking differs from the recomputed one: empty when they are equal line by line (rank,
     * participant, score, time, finish); otherwise the first differences (at most {@code limit}), readable.
     */
    static List<String> differences(List<Ranked> recomputed, List<Ranked> served, int limit) {
        List<String> out = new ArrayList<>();
        if (recomputed.size() != served.size()) {
            out.add("recomputed " + recomputed.size() + " ranked participants, served " + served.size());
        }
        int n = Math.min(recomputed.size(), served.size());
        for (int i = 0; i < n && out.size() < limit; i++) {
            if (!recomputed.get(i).equals(served.get(i))) {
                out.add("line " + (i + 1) + ": recomputed " + recomputed.get(i) + ", served " + served.get(i));
            }
        }
        return out;
    }
}
