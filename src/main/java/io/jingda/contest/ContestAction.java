package io.jingda.contest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The host's actions: POST /api/contests/{id}/actions/{action}. */
public enum ContestAction {
    OPEN, START, NEXT, CLOSE, REVEAL, LEADERBOARD, PAUSE, RESUME, FINISH,
    /** Team rounds: open the buzz now, or allow a turn's answer that waits for it. */
    GO,
    /** Team rounds answered aloud: the host judges the turn ({@code {"correct": true|false}}). */
    JUDGE,
    /** Team rounds: void the current question. */
    SKIP,
    /** Leave the current round for the next one's banner. */
    NEXT_ROUND,
    /** Start the tie-break among tied teams ({@code {"teams": [ids]}}). */
    TIEBREAK,
    /** A self-paced contest: move the end of its window ({@code {"closesAt": "…"}}). */
    EXTEND;

    public String wire() {
        return this == NEXT_ROUND ? "nextRound" : name().toLowerCase(Locale.ROOT);
    }

    /** The names, for messages that list them. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ContestAction::wire).toList());
    }

    /** The actions on a live contest that is not live on this node: a draft can be opened, nothing else. */
    public static java.util.List<String> whenNotLive(ContestStatus status) {
        return status == ContestStatus.DRAFT ? java.util.List.of(OPEN.wire()) : java.util.List.of();
    }

    public static Optional<ContestAction> parse(String s) {
        return Arrays.stream(values()).filter(a -> a.wire().equals(s)).findFirst();
    }
}
