package io.jingda.contest;

import java.util.Collection;
import java.util.Map;

/**
 * What the contest side asks of the self-paced engine ({@code io.jingda.online} implements it): its rows,
 * counted and deleted, and what must happen when a contest is scheduled or closed.
 */
public interface OnlineContests {

    /** Registered participants per self-paced contest. */
    Map<Long, Integer> participantCounts(Collection<Long> contestIds);

    /** Whether a unit has registered participants (a unit list may not drop it). */
    boolean unitInUse(long contestId, long unitId);

    /** A contest was scheduled: its counters are made. */
    void scheduled(long contestId, int poolSize);

    /** A contest's window changed (closed now, or extended): forget cached copies; a closed one's attempts are finalised. */
    void windowChanged(long contestId);

    /** Deletes the participants, attempts, answers and counters of a contest. */
    void deleteAll(long contestId);
}
