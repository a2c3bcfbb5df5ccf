package io.jingda.live;

import io.jingda.scoring.RankingTable;

import java.util.List;

/**
 * The live order of one contest's participants: called under the contest's lock, once per scored
 * answer and once per reveal. {@link LocalLiveRanking} keeps it in memory (an O(log N) ordered set).
 * Instances come from the injected {@link Factory}, so a deployment can provide another one.
 */
public interface LiveRanking {
    void update(long participantId, long score, long correctTimeMs, long joinOrder);

    void remove(long participantId);

    /** Everyone in order; called once per reveal. */
    List<RankingTable.Standing> standings();

    List<RankingTable.Standing> top(int n);

    int size();

    /** Makes the ranking of a contest that is being loaded. */
    interface Factory {
        LiveRanking create(long contestId);
    }
}
