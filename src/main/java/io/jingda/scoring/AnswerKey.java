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
