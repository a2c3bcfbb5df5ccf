package io.jingda.contest;

import io.jingda.scoring.Multiplier;
import io.jingda.system.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The multiplier each question of a live contest is scored with: its own from the definition's
 * {@code multipliers} (question index from 0 to multiplier), else its round's {@code multiplier}, else 1. The
 * question's own overrides its round's; they do not multiply (docs/contests.md, "Points per question").
 */
final class QuestionMultipliers {
    private QuestionMultipliers() {
    }

    static List<Double> resolve(Map<String, Double> given, int count, List<RoundDefinition> rounds,
                                List<FieldError> errors) {
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            RoundDefinition d = roundOf(i, rounds);
            out.add(d == null ? Multiplier.DEFAULT : d.multiplierOrOne());
        }
        if (given == null || count == 0) {
            return out; // no questions: the definition has an error of its own already
        }
        for (Map.Entry<String, Double> e : given.entrySet()) {
            String f = "multipliers." + e.getKey();
            Integer idx = index(e.getKey());
            if (idx == null || idx >= count) {
                errors.add(new FieldError(f, "names no question: the keys are question indexes, from 0 to "
                        + (count - 1) + " in contest order"));
                continue;
            }
            if (e.getValue() == null) {
                errors.add(new FieldError(f, "is required (a number from 0 to " + (int) Multiplier.MAX + ")"));
                continue;
            }
            Multiplier.problem(e.getValue()).ifPresent(p -> errors.add(new FieldError(f, p)));
            RoundDefinition d = roundOf(idx, rounds);
            if (d != null && !TeamPlanRules.multiplies(d.roundKind()) && e.getValue() != Multiplier.DEFAULT) {
                errors.add(new FieldError(f, "question " + idx + " is in a " + d.kind()
                        + " round, which takes no multiplier"));
            }
            out.set(idx, e.getValue());
        }
        return out;
    }

    /** A self-paced contest scores each question at its points (docs/online.md): it takes no multipliers. */
    static void refuseSelfPaced(Map<String, Double> given, List<FieldError> errors) {
        if (given != null) {
            errors.add(new FieldError("multipliers", "are for live contests: a self-paced contest scores each "
                    + "question at its points"));
        }
    }

    /**
     * The per-question multipliers a plan writes to give these questions these multipliers: those that differ
     * from their round's (null when none does).
     */
    static Map<String, Double> overrides(List<Double> multipliers, List<RoundDefinition> rounds) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < multipliers.size(); i++) {
            RoundDefinition d = roundOf(i, rounds);
            double base = d == null ? Multiplier.DEFAULT : d.multiplierOrOne();
            if (multipliers.get(i) != base) {
                out.put(String.valueOf(i), multipliers.get(i));
            }
        }
        return out.isEmpty() ? null : out;
    }

    private static RoundDefinition roundOf(int idx, List<RoundDefinition> rounds) {
        if (rounds == null) {
            return null;
        }
        return rounds.stream().filter(d -> d.holds(idx)).findFirst().orElse(null);
    }

    private static Integer index(String key) {
        if (key == null || key.isEmpty() || key.length() > 4 || !key.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(key);
    }
}
