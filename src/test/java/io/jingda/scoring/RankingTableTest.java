package io.jingda.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingTableTest {

    @Test
    void scoreThenCorrectTimeThenJoinOrder() {
        RankingTable t = new RankingTable();
        t.update(1, 1000, 5000, 1);
        t.update(2, 1000, 3000, 2);
        t.update(3, 2000, 9000, 3);
        t.update(4, 1000, 3000, 4);
        t.update(5, 0, 0, 5);
        List<Long> order = t.standings().stream().map(RankingTable.Standing::participantId).toList();
        assertEquals(List.of(3L, 2L, 4L, 1L, 5L), order);
        assertEquals(List.of(1, 2, 3, 4, 5), t.standings().stream().map(RankingTable.Standing::rank).toList());
    }

    @Test
    void updatesMoveEntriesWithoutDuplicates() {
        RankingTable t = new RankingTable();
        t.update(1, 0, 0, 1);
        t.update(2, 0, 0, 2);
        t.update(2, 900, 1200, 2);
        t.update(1, 1900, 2000, 1);
        t.update(2, 1800, 2400, 2);
        assertEquals(2, t.size());
        assertEquals(1L, t.top(1).get(0).participantId());
        t.remove(1);
        assertEquals(List.of(2L), t.standings().stream().map(RankingTable.Standing::participantId).toList());
    }

    @Test
    void incrementalEqualsFullSort() {
        Random r = new Random(7);
        RankingTable t = new RankingTable();
        long[][] s = new long[500][2];
        for (int step = 0; step < 5000; step++) {
            int p = r.nextInt(500);
            s[p][0] += r.nextInt(3) * 500;
            s[p][1] += r.nextInt(10_000);
            t.update(p, s[p][0], s[p][1], p);
        }
        List<Long> expected = java.util.stream.IntStream.range(0, 500).boxed()
                .filter(p -> true)
                .sorted(java.util.Comparator.comparingLong((Integer p) -> -s[p][0]).thenComparingLong(p -> s[p][1])
                        .thenComparingLong(p -> p))
                .map(Integer::longValue).toList();
        List<Long> touched = t.standings().stream().map(RankingTable.Standing::participantId).toList();
        assertEquals(expected.stream().filter(touched::contains).toList(), touched);
        assertEquals(3, t.top(3).size());
    }
}
