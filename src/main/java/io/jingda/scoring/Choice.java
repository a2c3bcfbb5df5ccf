package io.jingda.scoring;

import io.jingda.system.JsonText;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a participant chose, already shaped by the question type ({@link ChoiceParser} makes one from JSON). */
public sealed interface Choice {

    /** The choice as stored (JSON text): sorted option ids, the ids in order, the text as typed, or the number. */
    String json();

    /**
     * Groups equal answers for the statistics: sorted ids, the ids in order, the normalised text (100 characters at
     * most), the number.
     */
    String statsKey();

    /** One option id (single, true_false) or several (multiple). */
    record Options(Set<String> ids) implements Choice {
        public Options {
            ids = Set.copyOf(ids);
        }

        @Override
        public String json() {
            return JsonText.write(new TreeSet<>(ids));
        }

        @Override
        public String statsKey() {
            return String.join(",", new TreeSet<>(ids));
        }
    }

    /** Every option id once, in the order the participant put them (ordering); stored and counted in that order. */
    record Order(List<String> ids) implements Choice {
        public Order {
            ids = List.copyOf(ids);
        }

        @Override
        public String json() {
            return JsonText.write(ids);
        }

        @Override
        public String statsKey() {
            return String.join(",", ids);
        }
    }

    record Text(String value) implements Choice {
        @Override
        public String json() {
            return JsonText.write(value);
        }

        @Override
        public String statsKey() {
            String n = TextNormalizer.normalize(value);
            return n.length() > 100 ? n.substring(0, 100) : n;
        }
    }

    record Number(double value) implements Choice {
        @Override
        public String json() {
            return statsKey();
        }

        @Override
        public String statsKey() {
            return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                    : String.valueOf(value);
        }
    }
}
