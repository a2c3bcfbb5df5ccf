package io.jingda.contest;

/**
 * A live contest: DRAFT → LOBBY → RUNNING ⇄ PAUSED → FINISHED. A self-paced online contest: DRAFT → SCHEDULED →
 * OPEN → CLOSED (its window decides; {@link OnlineWindow}).
 */
public enum ContestStatus {
    DRAFT, LOBBY, RUNNING, PAUSED, FINISHED, SCHEDULED, OPEN, CLOSED;

    /** Whether a live contest is running on the engine (the states the engine loads and owns). */
    public boolean isOpen() {
        return this == LOBBY || this == RUNNING || this == PAUSED;
    }

    /** Whether the contest must be finished or closed before it can be deleted. */
    public boolean isUnderway() {
        return isOpen() || this == SCHEDULED || this == OPEN;
    }
}
