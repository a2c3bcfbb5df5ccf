package io.jingda.online;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order of a self-paced contest's results, pure: a person is ranked by score, then the shorter total time,
 * then the earlier finish (equal in all three: the same rank); a unit by the figures {@link UnitFigures} holds.
 */
public final class OnlineRanking {
    private OnlineRanking() {
    }

    /** Whether result a ranks above result b. */
    public static boolean better(int scoreA, Long timeA, Long finishedA, int scoreB, Long timeB, Long finishedB) {
        if (scoreA != scoreB) {
            return scoreA > scoreB;
        }
        long ta = timeA == null ? Long.MAX_VALUE : timeA;
        long tb = timeB == null ? Long.MAX_VALUE : timeB;
        if (ta != tb) {
            return ta < tb;
        }
        long fa = finishedA == null ? Long.MAX_VALUE : finishedA;
        long fb = finishedB == null ? Long.MAX_VALUE : finishedB;
        return fa < fb;
    }

    /**
     * A unit's figures. {@code participants}: those with a counted attempt; the scores are their counted scores.
     *
     * @param histogram how many participants have each score
     */
    public record UnitFigures(long unitId, String unit, Long parentId, String parent, Integer headcount, int registered,
                              int participants, long scoreSum, int fullCount, Map<Integer, Integer> histogram) {

        public Double participationRate() {
            return headcount == null || headcount == 0 ? null : round(participants / (double) headcount);
        }

        public Double averageScore() {
            return participants == 0 ? null : round(scoreSum / (double) participants);
        }

        public Double medianScore() {
            return median(histogram, participants);
        }

        public Double fullScoreShare() {
            return participants == 0 ? null : round(fullCount / (double) participants);
        }

        /** This unit's figures with those of other units added (a parent rolled up with its descendants). */
        public UnitFigures plus(UnitFigures o) {
            Map<Integer, Integer> h = new TreeMap<>(histogram);
            o.histogram.forEach((k, v) -> h.merge(k, v, Integer::sum));
            Integer hc = headcount == null && o.headcount == null ? null
                    : (headcount == null ? 0 : headcount) + (o.headcount == null ? 0 : o.headcount);
            return new UnitFigures(unitId, unit, parentId, parent, hc, registered + o.registered,
                    participants + o.participants, scoreSum + o.scoreSum, fullCount + o.fullCount, h);
        }
    }

    /** The median of {@code n} scores given as a histogram (the mean of the two middle ones for an even n). */
    static Double median(Map<Integer, Integer> histogram, int n) {
        if (n <= 0) {
            return null;
        }
        TreeMap<Integer, Integer> sorted = new TreeMap<>(histogram);
        long lo = (n - 1) / 2;
        long hi = n / 2;
        Integer a = null;
        Integer b = null;
        long seen = 0;
        for (Map.Entry<Integer, Integer> e : sorted.entrySet()) {
            long next = seen + e.getValue();
            if (a == null && lo < next) {
                a = e.getKey();
            }
            if (b == null && hi < next) {
                b = e.getKey();
                break;
            }
            seen = next;
        }
        return a == null || b == null ? null : (a + b) / 2.0;
    }

    private static double round(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }

    /** The sorts of the unit ranking. */
    public static Comparator<UnitFigures> unitOrder(String sort) {
        Comparator<UnitFigures> byName = Comparator.comparing(UnitFigures::unit);
        return switch (sort) {
            case "participation" -> Comparator.comparing((UnitFigures u) -> u.participationRate() == null ? -1
                    : u.participationRate()).reversed().thenComparing(Comparator.comparingInt(UnitFigures::participants)
                    .reversed()).thenComparing(byName);
            case "participants" -> Comparator.comparingInt(UnitFigures::participants).reversed()
                    .thenComparing((UnitFigures u) -> u.averageScore() == null ? -1 : u.averageScore(),
                            Comparator.reverseOrder()).thenComparing(byName);
            default -> Comparator.comparing((UnitFigures u) -> u.averageScore() == null ? -1 : u.averageScore())
                    .reversed().thenComparing(Comparator.comparingInt(UnitFigures::participants).reversed())
                    .thenComparing(byName);
        };
    }

    /** Ranks units in {@code order}: units equal under it share a rank. Returns the ranks, parallel to the sorted list. */
    public static List<Integer> ranks(List<UnitFigures> sorted, Comparator<UnitFigures> order) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            out.add(i > 0 && order.compare(sorted.get(i - 1), sorted.get(i)) == 0 ? out.get(i - 1) : i + 1);
        }
        return out;
    }

    /** The top-level units, each with all of its descendants' figures. */
    public static List<UnitFigures> rollUp(Collection<UnitFigures> units) {
        Map<Long, UnitFigures> byId = new TreeMap<>();
        units.forEach(u -> byId.put(u.unitId(), u));
        Map<Long, UnitFigures> tops = new TreeMap<>();
        for (UnitFigures u : units) {
            UnitFigures top = u;
            int guard = 0;
            while (top.parentId() != null && byId.containsKey(top.parentId()) && guard++ < 100) {
                top = byId.get(top.parentId());
            }
            UnitFigures base = tops.get(top.unitId());
            UnitFigures t = top;
            tops.put(top.unitId(), base == null ? (u == t ? u : blank(t).plus(u)) : base.plus(u));
        }
        return List.copyOf(tops.values());
    }

    private static UnitFigures blank(UnitFigures u) {
        return new UnitFigures(u.unitId(), u.unit(), null, null, null, 0, 0, 0, 0, Map.of());
    }
}
