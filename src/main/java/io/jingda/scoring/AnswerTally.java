package io.jingda.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Counts the answers to one question, for the live chart and for the results. One rule for both,
 * so a contest rebuilt after a restart, and its results, count exactly what the live chart counted.
 * Answers come in as their choice key (what the round stores: an option id, option ids joined with
 * {@code ","}, a normalised text or a number).
 * <ul>
 * <li>{@code single}, {@code true_false}: {@link #distribution} has every option id, in the question's
 * option order, with the answers that chose it.</li>
 * <li>{@code multiple}: {@link #distribution} counts each option id once per answer that chose it;
 * {@link #combinations} counts each distinct set of options. A set's key is its option ids in the question's
 * option order, joined with {@code ","}.</li>
 * <li>{@code ordering}: {@link #distribution} has the {@value #TOP} most frequent orders (the option ids in the
 * order given, joined with {@code ","}), and {@value #REST} for all other orders.</li>
 * <li>{@code poll}: as {@code single}.</li>
 * <li>{@code text}, {@code numeric}: {@link #distribution} has the {@value #TOP} most frequent answers (by
 * their normalised key), and {@value #REST} for the answers to all others.</li>
 * </ul>
 * Ranked maps ({@code text}, {@code numeric}, {@link #combinations}) hold at most {@value #TOP} keys plus
 * {@value #REST}, in rank order: count descending; ties by the key (a number's value for {@code numeric},
 * the text's UTF-16 order for {@code text}, the option positions for a set); {@value #REST} last and only when
 * it counts something. Every answer is counted; each one costs O(log n) for n distinct keys, and reading
 * the top costs O({@value #TOP}). Not thread-safe: the owner serialises access.
 */
public final class AnswerTally {
    /** How many distinct answers a ranked map names. */
    public static final int TOP = 10;
    /**
     * The key of everything outside the top. No answer has it: the normal form of a text strips a
     * trailing "…", numbers and option ids never contain it.
     */
    public static final String REST = "…";

    public enum Kind {
        CHOICE, MULTIPLE, TEXT, NUMERIC, ORDER
    }

    private final Kind kind;
    private final List<String> optionIds;
    private final Map<String, Integer> position = new HashMap<>();
    private final int[] optionCounts;
    private final Ranked ranked;
    private int answers;

    private AnswerTally(Kind kind, List<String> optionIds) {
        this.kind = kind;
        this.optionIds = List.copyOf(optionIds);
        for (int i = 0; i < this.optionIds.size(); i++) {
            position.put(this.optionIds.get(i), i);
        }
        this.optionCounts = new int[this.optionIds.size()];
        this.ranked = switch (kind) {
            case CHOICE -> null;
            case MULTIPLE -> new Ranked(Comparator.comparing(this::positions, AnswerTally::compareLists));
            case TEXT, ORDER -> new Ranked(Comparator.naturalOrder());
            case NUMERIC -> new Ranked(Comparator.comparingDouble(AnswerTally::number)
                    .thenComparing(Comparator.naturalOrder()));
        };
    }

    /** single and true_false: one option id per answer. */
    public static AnswerTally choice(List<String> optionIds) {
        return new AnswerTally(Kind.CHOICE, optionIds);
    }

    public static AnswerTally multiple(List<String> optionIds) {
        return new AnswerTally(Kind.MULTIPLE, optionIds);
    }

    /** ordering: each distinct order given (its option ids in the participant's order, joined with ","). */
    public static AnswerTally ordering() {
        return new AnswerTally(Kind.ORDER, List.of());
    }

    public static AnswerTally text() {
        return new AnswerTally(Kind.TEXT, List.of());
    }

    public static AnswerTally numeric() {
        return new AnswerTally(Kind.NUMERIC, List.of());
    }

    public Kind kind() {
        return kind;
    }

    /** Counts one answer. A null key, or option ids the question does not have, count as an answer only. */
    public void add(String choiceKey) {
        answers++;
        if (choiceKey == null) {
            return;
        }
        switch (kind) {
            case CHOICE -> {
                Integer i = position.get(choiceKey);
                if (i != null) {
                    optionCounts[i]++;
                }
            }
            case MULTIPLE -> {
                String set = combinationKey(choiceKey);
                if (set != null) {
                    for (String id : set.split(",")) {
                        optionCounts[position.get(id)]++;
                    }
                    ranked.add(set);
                }
            }
            case TEXT, NUMERIC, ORDER -> ranked.add(choiceKey);
        }
    }

    /** All answers counted, including those the maps cannot place. */
    public int answers() {
        return answers;
    }

    /** Per option (choice types), or the top answers plus {@value #REST} (text, numeric, ordering); a new map each call. */
    public Map<String, Integer> distribution() {
        if (kind == Kind.TEXT || kind == Kind.NUMERIC || kind == Kind.ORDER) {
            return ranked.top();
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < optionIds.size(); i++) {
            out.put(optionIds.get(i), optionCounts[i]);
        }
        return out;
    }

    /** multiple only (else null): the top sets of options chosen together, plus {@value #REST}. */
    public Map<String, Integer> combinations() {
        return kind == Kind.MULTIPLE ? ranked.top() : null;
    }

    /**
     * The canonical key of a set of option ids given in any order ({@code ","}-separated): the ids in the
     * question's option order, each once. Null when it names no option or one the question does not have.
     */
    public String combinationKey(String ids) {
        boolean[] chosen = new boolean[optionIds.size()];
        int n = 0;
        for (String id : ids.split(",", -1)) {
            Integer i = position.get(id);
            if (i == null) {
                return null;
            }
            if (!chosen[i]) {
                chosen[i] = true;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        List<String> inOrder = new ArrayList<>(n);
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i]) {
                inOrder.add(optionIds.get(i));
            }
        }
        return String.join(",", inOrder);
    }

    private List<Integer> positions(String canonicalSet) {
        List<Integer> out = new ArrayList<>();
        for (String id : canonicalSet.split(",")) {
            out.add(position.get(id));
        }
        return out;
    }

    private static int compareLists(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static double number(String key) {
        try {
            return Double.parseDouble(key);
        } catch (NumberFormatException e) {
            return Double.NaN; // sorts after every number; the key breaks the tie
        }
    }

    /** Exact counts of every key, and the keys kept in rank order, so the top is read without sorting. */
    private static final class Ranked {
        private record Entry(String key, int count) {
        }

        private final Map<String, Integer> counts = new HashMap<>();
        private final TreeSet<Entry> order;
        private int total;

        Ranked(Comparator<String> ties) {
            Comparator<Entry> byCount = Comparator.comparingInt(e -> -e.count());
            order = new TreeSet<>(byCount.thenComparing(Entry::key, ties));
        }

        void add(String key) {
            total++;
            Integer old = counts.get(key);
            int now = old == null ? 1 : old + 1;
            if (old != null) {
                order.remove(new Entry(key, old));
            }
            counts.put(key, now);
            order.add(new Entry(key, now));
        }

        Map<String, Integer> top() {
            Map<String, Integer> out = new LinkedHashMap<>();
            int shown = 0;
            Iterator<Entry> it = order.iterator();
            while (out.size() < TOP && it.hasNext()) {
                Entry e = it.next();
                out.put(e.key(), e.count());
                shown += e.count();
            }
            if (total > shown) {
                out.put(REST, total - shown);
            }
            return out;
        }
    }
}
