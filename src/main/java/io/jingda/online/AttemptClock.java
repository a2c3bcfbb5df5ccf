package io.jingda.online;

/**
 * The server's timing of one attempt. A question is served at {@code servedAt}; its deadline is
 * {@code servedAt + limit} (or, with a limit for the whole attempt, {@code startedAt + total} for every
 * question); an answer counts until the deadline plus the grace. A question left unanswered past that is
 * missed and the next is served at that moment, whether or not anyone is looking: the deadlines keep
 * running while the page is closed. Pure: {@link #at} says where an attempt is at any time, from what is stored.
 *
 * @param limitsMs the time limit of each position of the paper (ignored when {@code totalMs > 0})
 */
public record AttemptClock(long[] limitsMs, long totalMs, long graceMs, long reviewMs) {

    public AttemptClock(long[] limitsMs, long totalMs, long graceMs) {
        this(limitsMs, totalMs, graceMs, 0);
    }

    /** Where the attempt is: the position being served (or {@code n}: over) and since when. */
    public record Where(int position, long servedAt) {
    }

    public int questions() {
        return limitsMs.length;
    }

    public long deadline(long startedAt, int position, long servedAt) {
        return totalMs > 0 ? startedAt + totalMs : servedAt + limitsMs[position];
    }

    /**
     * The latest an attempt can last: every question served in turn and missed, with the longest pause for reading
     * an answer ({@code reviewMs}, when the answers are shown after each question) between two.
     */
    public long expiresAt(long startedAt) {
        if (totalMs > 0) {
            return startedAt + totalMs + graceMs;
        }
        long t = startedAt + reviewMs * Math.max(0, limitsMs.length - 1);
        for (long l : limitsMs) {
            t += l + graceMs;
        }
        return t;
    }

    /** From the stored position and servedAt, the position being served at {@code now}, past missed questions. */
    public Where at(long startedAt, int position, long servedAt, long now) {
        int p = position;
        long s = servedAt;
        while (p < limitsMs.length) {
            long closes = deadline(startedAt, p, s) + graceMs;
            if (now <= closes) {
                break;
            }
            if (totalMs > 0) {
                return new Where(limitsMs.length, closes);
            }
            p++;
            s = closes;
        }
        return new Where(p, s);
    }

    /** Whether an answer received at {@code at} to the question served since {@code servedAt} is late. */
    public boolean late(long startedAt, int position, long servedAt, long at) {
        return at > deadline(startedAt, position, servedAt) + graceMs;
    }

    /** The time limit the speed scoring measures a response against. */
    public long scoringLimit(int position) {
        return totalMs > 0 ? Math.max(1, totalMs / limitsMs.length) : limitsMs[position];
    }
}
