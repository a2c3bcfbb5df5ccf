package io.jingda.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The live order of a contest: score descending, then total time of correct answers ascending,
 * then join order. Each update is O(log N) (remove and re-insert one entry); nothing is ever
 * rebuilt from all answers. Reading the whole order is one in-order walk, done once per reveal.
 * Not thread-safe: the owner serialises access.
 */
public final class RankingTable {
    public record Entry(long participantId, long score, long correctTimeMs, long joinOrder) {
    }

    /** A participant's place; rank starts at 1 and is unique (join order breaks every tie). */
    public record Standing(int rank, long participantId, long score, long correctTimeMs) {
    }

    static final Comparator<Entry> ORDER = Comparator.comparingLong((Entry e) -> -e.score())
            .thenComparingLong(Entry::correctTimeMs)
            .thenComparingLong(Entry::joinOrder)
            .thenComparingLong(Entry::participantId);

    private final TreeSet<Entry> order = new TreeSet<>(ORDER);
    private final Map<Long, Entry> byId = new HashMap<>();

    public void update(long participantId, long score, long correctTimeMs, long joinOrder) {
        Entry old = byId.get(participantId);
        if (old != null) {
            order.remove(old);
        }
        Entry e = new Entry(participantId, score, correctTimeMs, joinOrder);
        order.add(e);
        byId.put(participantId, e);
    }

    public void remove(long participantId) {
        Entry old = byId.remove(participantId);
        if (old != null) {
            order.remove(old);
        }
    }

    public int size() {
        return order.size();
    }

    public List<Standing> standings() {
        List<Standing> out = new ArrayList<>(order.size());
        int rank = 1;
        for (Entry e : order) {
            out.add(new Standing(rank++, e.participantId(), e.score(), e.correctTimeMs()));
        }
        return out;
    }

    public List<Standing> top(int n) {
        List<Standing> out = new ArrayList<>(Math.min(n, order.size()));
        Iterator<Entry> it = order.iterator();
        for (int rank = 1; rank <= n && it.hasNext(); rank++) {
            Entry e = it.next();
            out.add(new Standing(rank, e.participantId(), e.score(), e.correctTimeMs()));
        }
        return out;
    }
}
