package io.jingda.online;

import io.jingda.online.OnlineCatalog.Loaded;
import io.jingda.online.OnlineRanking.UnitFigures;
import io.jingda.online.OnlineRows.UnitRow;
import io.jingda.online.OnlineViews.Rank;
import io.jingda.online.OnlineViews.UnitEntry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The unit ranking of a self-paced contest, from the units' counters and score histograms (never from the
 * answers), reused by a node for {@code jingda.online.ranking-cache}.
 */
@ApplicationScoped
public class OnlineStandings {
    private final OnlineStore store;
    private final long cacheMs;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(List<UnitEntry> entries, long at) {
    }

    public OnlineStandings(OnlineStore store, OnlineConfig config) {
        this.store = store;
        this.cacheMs = config.rankingCache().toMillis();
    }

    /** Every unit's figures, as stored now. */
    public List<UnitFigures> figures(long contestId) {
        List<UnitRow> units = store.units(contestId);
        Map<Long, Map<Integer, Integer>> hist = store.unitScores(contestId);
        Map<Long, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        List<UnitFigures> out = new ArrayList<>();
        for (UnitRow u : units) {
            out.add(new UnitFigures(u.id(), u.name(), u.parentId(), u.parentId() == null ? null : names.get(u.parentId()),
                    u.headcount(), u.registered(), u.participants(), u.scoreSum(), u.fullCount(),
                    hist.getOrDefault(u.id(), Map.of())));
        }
        return out;
    }

    /** The unit ranking: {@code sort} average, participation or participants; {@code rollUp} to the top-level units. */
    public List<UnitEntry> ranking(long contestId, String sort, boolean rollUp) {
        String key = contestId + "|" + sort + "|" + rollUp;
        Cached c = cache.get(key);
        long now = System.currentTimeMillis();
        if (c != null && now - c.at() < cacheMs) {
            return c.entries();
        }
        List<UnitFigures> figures = rollUp ? OnlineRanking.rollUp(figures(contestId)) : figures(contestId);
        Comparator<UnitFigures> order = OnlineRanking.unitOrder(sort);
        List<UnitFigures> sorted = new ArrayList<>(figures);
        sorted.sort(order);
        List<Integer> ranks = OnlineRanking.ranks(sorted, order);
        List<UnitEntry> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            UnitFigures u = sorted.get(i);
            entries.add(new UnitEntry(ranks.get(i), u.unitId(), u.unit(), u.parent(), u.registered(), u.participants(),
                    u.headcount(), u.participationRate(), u.averageScore(), u.medianScore(), u.fullScoreShare()));
        }
        List<UnitEntry> result = List.copyOf(entries);
        cache.put(key, new Cached(result, now));
        return result;
    }

    /** A unit's rank by average score among the units with participants. */
    public Rank unitRank(Loaded k, Long unitId) {
        if (unitId == null) {
            return null;
        }
        List<UnitEntry> ranked = ranking(k.row().id(), "average", false).stream().filter(e -> e.participants() > 0).toList();
        Optional<UnitEntry> mine = ranked.stream().filter(e -> e.unitId() == unitId).findFirst();
        return mine.map(e -> new Rank(e.rank(), ranked.size())).orElse(null);
    }
}
