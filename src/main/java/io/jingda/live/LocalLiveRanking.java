package io.jingda.live;

import io.jingda.scoring.RankingTable;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The in-memory ranking of one contest; callers hold the contest's lock. */
public final class LocalLiveRanking implements LiveRanking {
    private final RankingTable table = new RankingTable();

    @Override
    public void update(long participantId, long score, long correctTimeMs, long joinOrder) {
        table.update(participantId, score, correctTimeMs, joinOrder);
    }

    @Override
    public void remove(long participantId) {
        table.remove(participantId);
    }

    @Override
    public List<RankingTable.Standing> standings() {
        return table.standings();
    }

    @Override
    public List<RankingTable.Standing> top(int n) {
        return table.top(n);
    }

    @Override
    public int size() {
        return table.size();
    }

    /** The rankings of this node: one in memory per contest. */
    @ApplicationScoped
    public static class InMemory implements LiveRanking.Factory {
        @Override
        public LiveRanking create(long contestId) {
            return new LocalLiveRanking();
        }
    }
}
