package io.jingda.scoring;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The correct answer of one contest question, in the form the matcher needs. {@link #judge}
 * returns empty when the choice does not fit the question at all (a forged option id, a text
 * for a choice question): the caller answers {@code INVALID} and the participant may try again.
 */
public sealed interface AnswerKey {

    Optional<Boolean> judge(Choice choice);

    /** single / true_false (exactly one id) and multiple (a non-empty set, all-or-nothing). */
    record Options(Set<String> allIds, Set<String> correctIds, boolean multiple) implements AnswerKey {
        public Options {
            allIds = Set.copyOf(allIds);
            correctIds = Set.copyOf(correctIds);
        }

        @Override
        public Optional<Boolean> judge(Choice choice) {
            if (!(choice instanceof Choice.Options o) || o.ids().isEmpty() || !allIds.containsAll(o.ids())
                    || (!multiple && o.ids().size() != 1)) {
                return Optional.empty();
            }
            return Optional.of(o.ids().equals(correctIds));
        }
    }

    /**
     * ordering: the option ids in the right order. A choice must name every option once (else empty); it is
     * correct only in exactly this order, and {@link #placed} counts the positions it has right (partial credit).
     */
    record Ordering(List<String> order) implements AnswerKey {
        public Ordering {
            order = List.copyOf(order);
        }

        @Override
        public Optional<Boolean> judge(Choice choice) {
            if (!(choice instanceof Choice.Order o) || !permutation(o.ids())) {
                return Optional.empty();
            }
            return Optional.of(o.ids().equals(order));
        }

        /** Whether {@code ids} names every option exactly once. */
        public boolean permutation(List<String> ids) {
            return ids.size() == order.size() && Set.copyOf(ids).equals(Set.copyOf(order));
        }

        /** The positions of {@code o} that hold the option the right order has there. */
        public int placed(Choice.Order o) {
            int n = 0;
            for (int i = 0; i < Math.min(order.size(), o.ids().size()); i++) {
                if (order.get(i).equals(o.ids().get(i))) {
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * poll: no correct answer. A choice is one of the options; it is never right ({@code false}), and
     * {@link ScoringRules#mark} neither scores it nor lets it touch a streak.
     */
    record Poll(Set<String> allIds) implements AnswerKey {
        public Poll {
            allIds = Set.copyOf(allIds);
        }

        @Override
        public Optional<Boolean> judge(Choice choice) {
            if (!(choice instanceof Choice.Options o) || o.ids().size() != 1 || !allIds.containsAll(o.ids())) {
                return Optional.empty();
            }
            return Optional.of(false);
        }
    }

    /** Accepted texts, compared in {@link TextNormalizer} form. */
    record Text(List<String> accepted) implements AnswerKey {
        public Text {
            accepted = accepted.stream().map(TextNormalizer::normalize).distinct().toList();
        }

        @Override
        public Optional<Boolean> judge(Choice choice) {
            if (!(choice instanceof Choice.Text t)) {
                return Optional.empty();
            }
            String n = TextNormalizer.normalize(t.value());
            if (n.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(accepted.contains(n));
        }
    }

    record Numeric(double value, double tolerance) implements AnswerKey {
        @Override
        public Optional<Boolean> judge(Choice choice) {
            if (!(choice instanceof Choice.Number n) || Double.isNaN(n.value()) || Double.isInfinite(n.value())) {
                return Optional.empty();
            }
            // a small epsilon so that 0.1 + 0.2 style representations do not miss an exact answer
            return Optional.of(Math.abs(n.value() - value) <= tolerance + 1e-9 * Math.max(1, Math.abs(value)));
        }
    }
}
