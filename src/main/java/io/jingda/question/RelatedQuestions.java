package io.jingda.question;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which questions must not appear in the same contest, because one would give the other away.
 * Two questions are related when either lists the other in {@code related}, or when they cite the
 * same report with excerpts that overlap: one excerpt contains the other, or the end of one is the
 * start of the other over at least {@value #MIN_OVERLAP} characters. The report texts are not needed
 * at run time; that rule finds every overlap of the seeded bank of at least that length (checked
 * against the texts by {@code SeededBankTest}), and shorter ones are listed in {@code related}.
 */
public final class RelatedQuestions {
    /** Shortest shared run of characters that relates two excerpts of one report. */
    public static final int MIN_OVERLAP = 5;

    /** Two related questions, in the order they were given. */
    public record Pair(String first, String second) {
    }

    private RelatedQuestions() {
    }

    public static boolean related(Question a, Question b) {
        if (a == b || Objects.equals(a.id, b.id)) {
            return false;
        }
        return a.relatedIds().contains(b.id) || b.relatedIds().contains(a.id) || excerptsOverlap(a, b);
    }

    public static boolean excerptsOverlap(Question a, Question b) {
        if (a.sourceReport == null || !a.sourceReport.equals(b.sourceReport)) {
            return false;
        }
        return overlap(a.sourceExcerpt, b.sourceExcerpt);
    }

    /** One contains the other, or a suffix of one of at least {@link #MIN_OVERLAP} chars starts the other. */
    static boolean overlap(String x, String y) {
        if (x == null || y == null || x.isBlank() || y.isBlank()) {
            return false;
        }
        if (x.contains(y) || y.contains(x)) {
            return true;
        }
        for (int n = Math.min(x.length(), y.length()) - 1; n >= MIN_OVERLAP; n--) {
            if (x.regionMatches(x.length() - n, y, 0, n) || y.regionMatches(y.length() - n, x, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** Every related pair among {@code questions}, in their order. */
    public static List<Pair> pairs(List<Question> questions) {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            for (int j = i + 1; j < questions.size(); j++) {
                if (related(questions.get(i), questions.get(j))) {
                    out.add(new Pair(questions.get(i).id, questions.get(j).id));
                }
            }
        }
        return out;
    }

    /**
     * The first {@code count} questions of {@code ordered} that are related to none picked before them,
     * or fewer when the list runs out.
     */
    public static List<Question> pickUnrelated(List<Question> ordered, int count) {
        List<Question> picked = new ArrayList<>();
        for (Question q : ordered) {
            if (picked.size() == count) {
                break;
            }
            if (picked.stream().noneMatch(p -> related(p, q))) {
                picked.add(q);
            }
        }
        return picked;
    }
}
