package io.jingda.online;

import io.jingda.online.OnlineRanking.UnitFigures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OnlineRankingTest {
    @Test
    void scoreThenTimeThenTheEarlierFinish() {
        assertThat(OnlineRanking.better(10, 500L, 9L, 9, 1L, 1L)).isTrue();
        assertThat(OnlineRanking.better(10, 400L, 9L, 10, 500L, 1L)).isTrue();
        assertThat(OnlineRanking.better(10, 500L, 1L, 10, 500L, 9L)).isTrue();
        assertThat(OnlineRanking.better(10, 500L, 1L, 10, 500L, 1L)).isFalse();
    }

    @Test
    void theMedianComesFromTheHistogram() {
        assertThat(OnlineRanking.median(Map.of(10, 1, 20, 1, 30, 1), 3)).isEqualTo(20.0);
        assertThat(OnlineRanking.median(Map.of(10, 2, 40, 2), 4)).isEqualTo(25.0);
        assertThat(OnlineRanking.median(Map.of(7, 5), 5)).isEqualTo(7.0);
        assertThat(OnlineRanking.median(Map.of(), 0)).isNull();
    }

    @Test
    void unitsRankByAverageAndRollUpToTheirTopUnit() {
        UnitFigures top = unit(1, "党委", null, 10, 1, 90, 1, Map.of(90, 1));
        UnitFigures a = unit(2, "一支部", 1L, 4, 2, 100, 1, Map.of(40, 1, 60, 1));
        UnitFigures b = unit(3, "二支部", 2L, null, 2, 160, 0, Map.of(80, 2));
        UnitFigures none = unit(4, "三支部", 1L, 5, 0, 0, 0, Map.of());
        assertThat(a.participationRate()).isEqualTo(0.5);
        assertThat(a.averageScore()).isEqualTo(50.0);
        assertThat(b.participationRate()).isNull();
        assertThat(none.averageScore()).isNull();

        List<UnitFigures> sorted = new ArrayList<>(List.of(a, none, top, b));
        sorted.sort(OnlineRanking.unitOrder("average"));
        assertThat(sorted).extracting(UnitFigures::unit).containsExactly("党委", "二支部", "一支部", "三支部");
        sorted.sort(OnlineRanking.unitOrder("participation"));
        assertThat(sorted).extracting(UnitFigures::unit).containsExactly("一支部", "党委", "三支部", "二支部");

        List<UnitFigures> rolled = OnlineRanking.rollUp(List.of(b, a, none, top));
        assertThat(rolled).hasSize(1);
        UnitFigures all = rolled.get(0);
        assertThat(all.unit()).isEqualTo("党委");
        assertThat(all.participants()).isEqualTo(5);
        assertThat(all.headcount()).isEqualTo(19);
        assertThat(all.averageScore()).isEqualTo(70.0);
        assertThat(all.medianScore()).isEqualTo(80.0);
        assertThat(all.fullScoreShare()).isEqualTo(0.4);
    }

    @Test
    void equalUnitsShareARank() {
        UnitFigures a = unit(1, "甲", null, null, 1, 10, 0, Map.of(10, 1));
        UnitFigures b = unit(2, "乙", null, null, 1, 10, 0, Map.of(10, 1));
        UnitFigures c = unit(3, "丙", null, null, 1, 5, 0, Map.of(5, 1));
        var order = java.util.Comparator.comparing((UnitFigures u) -> u.averageScore()).reversed();
        assertThat(OnlineRanking.ranks(List.of(a, b, c), order)).containsExactly(1, 1, 3);
    }

    private static UnitFigures unit(long id, String name, Long parent, Integer headcount, int participants, long sum,
                                    int full, Map<Integer, Integer> hist) {
        return new UnitFigures(id, name, parent, null, headcount, participants, participants, sum, full, hist);
    }
}
