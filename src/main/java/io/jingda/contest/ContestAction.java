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

    /** The actions on a contest that is not live on this node: a draft can be opened, nothing else. */
    public static java.util.List<String> whenNotLive(ContestStatus status) {
        return status == ContestStatus.DRAFT ? java.util.List.of(OPEN.wire()) : java.util.List.of();
    }

    public static Optional<ContestAction> parse(String s) {
        return Arrays.stream(values()).filter(a -> a.wire().equals(s)).findFirst();
    }
}
