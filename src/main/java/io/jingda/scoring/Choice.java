package io.jingda.scoring;

import java.util.Set;

/** What a participant chose, already shaped by the question type. */
public sealed interface Choice {
    /** One option id (single, true_false) or several (multiple). */
    record Options(Set<String> ids) implements Choice {
        public Options {
            ids = Set.copyOf(ids);
        }
    }

    record Text(String value) implements Choice {
    }

    record Number(double value) implements Choice {
    }
}
