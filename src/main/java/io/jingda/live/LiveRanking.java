package io.jingda.live;

import io.jingda.scoring.RankingTable;

import java.util.List;

/**
 * The live order of one contest. {@link LocalLiveRanking} keeps it in memory (an O(log N)
 * ordered set); a multi-node deployment can swap in a Redis sorted set (ZADD per scored answer,
 * ZRANGE for the top, one ZRANGE pass at each reveal) without touching the engine.
 */
public interface LiveRanking {
    void update(long participantId, long score, long correctTimeMs, long joinOrder);

    void remove(long participantId);

    /** Everyone in order; called once per reveal. */
    List<RankingTable.Standing> standings();

    List<RankingTable.Standing> top(int n);

    int size();
}
