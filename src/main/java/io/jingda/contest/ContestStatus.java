package io.jingda.contest;

/** DRAFT → LOBBY → RUNNING ⇄ PAUSED → FINISHED. */
public enum ContestStatus {
    DRAFT, LOBBY, RUNNING, PAUSED, FINISHED;

    public boolean isOpen() {
        return this == LOBBY || this == RUNNING || this == PAUSED;
    }
}
