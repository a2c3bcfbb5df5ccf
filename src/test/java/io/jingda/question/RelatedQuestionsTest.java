package io.jingda.question;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RelatedQuestionsTest {
    private static Question q(String id, String report, String excerpt, String... related) {
        Question q = new Question();
        q.id = id;
        q.sourceReport = report;
        q.sourceExcerpt = excerpt;
        q.related = List.of(related);
        return q;
    }

    @Test
    void aListedIdRelatesBothWays() {
        Question a = q("a", "r", "甲乙丙丁戊", "b");
        Question b = q("b", "r", "子丑寅卯辰");
        assertThat(RelatedQuestions.related(a, b)).isTrue();
        assertThat(RelatedQuestions.related(b, a)).isTrue();
        assertThat(RelatedQuestions.related(a, a)).isFalse();
    }

    @Test
    void excerptsOfOneReportThatOverlapAreRelated() {
        Question whole = q("w", "r", "共受理工单71317件，办结71122件");
        Question part = q("p", "r", "办结71122件");
        Question chained = q("c", "r", "办结71122件，满意单69884件");
        Question shortTouch = q("s", "r", "满意单69884件。我区");
        assertThat(RelatedQuestions.related(whole, part)).as("containment").isTrue();
        assertThat(RelatedQuestions.related(whole, chained)).as("end of one starts the other").isTrue();
        assertThat(RelatedQuestions.related(chained, shortTouch)).as("9 shared characters").isTrue();
        assertThat(RelatedQuestions.related(q("x", "r", "甲乙丙丁"), q("y", "r", "丙丁戊己")))
                .as("two shared characters are not an overlap").isFalse();
        assertThat(RelatedQuestions.related(whole, q("o", "other", "办结71122件")))
                .as("another report").isFalse();
    }

    @Test
    void pickUnrelatedSkipsWhatWouldGiveAnotherAway() {
        Question a = q("a", "r", "一二三四五六", "c");
        Question b = q("b", "r", "二三四五六七八");
        Question c = q("c", "r", "天地玄黄宇宙");
        Question d = q("d", "r", "洪荒日月盈昃");
        assertThat(RelatedQuestions.pickUnrelated(List.of(a, b, c, d), 2)).extracting(x -> x.id)
                .containsExactly("a", "d");
        assertThat(RelatedQuestions.pickUnrelated(List.of(a, b, c, d), 4)).extracting(x -> x.id)
                .containsExactly("a", "d");
        assertThat(RelatedQuestions.pairs(List.of(a, b, c, d)))
                .containsExactly(new RelatedQuestions.Pair("a", "b"), new RelatedQuestions.Pair("a", "c"));
    }
}
