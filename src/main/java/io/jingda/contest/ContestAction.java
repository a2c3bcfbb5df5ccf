package io.jingda.contest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The host's actions: POST /api/contests/{id}/actions/{action}. */
public enum ContestAction {
    OPEN, START, NEXT, CLOSE, REVEAL, LEADERBOARD, PAUSE, RESUME, FINISH;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ContestAction> parse(String s) {
        return Arrays.stream(values()).filter(a -> a.wire().equals(s)).findFirst();
    }
}
