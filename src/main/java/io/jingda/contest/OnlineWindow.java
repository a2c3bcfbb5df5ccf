package io.jingda.contest;

import java.util.List;

/**
 * The one rule of where a self-paced contest is in its life at a time: DRAFT until it is scheduled, then
 * SCHEDULED before {@code opensAt}, OPEN until {@code closesAt}, CLOSED after. A host's {@code close} moves
 * {@code closesAt} to now, {@code extend} moves it later. The stored status lags the clock by a sweep at most;
 * every decision goes through {@link #status}, so none lags.
 */
public final class OnlineWindow {
    private OnlineWindow() {
    }

    public static ContestStatus status(ContestStatus stored, Long opensAt, Long closesAt, long now) {
        if (stored == ContestStatus.DRAFT) {
            return stored;
        }
        if (closesAt != null && now >= closesAt) {
            return ContestStatus.CLOSED;
        }
        return opensAt != null && now >= opensAt ? ContestStatus.OPEN : ContestStatus.SCHEDULED;
    }

    public static ContestStatus status(Contest c, long now) {
        return status(c.status, c.opensAt, c.closesAt, now);
    }

    /** The status of any contest now: a live contest's is stored, a self-paced one's comes from its window. */
    public static ContestStatus statusNow(Contest c) {
        return c.opensAt == null ? c.status : status(c, System.currentTimeMillis());
    }

    /** The host actions of a self-paced contest in this state. */
    public static List<String> allowedActions(ContestStatus status) {
        return switch (status) {
            case DRAFT -> List.of(ContestAction.OPEN.wire());
            case SCHEDULED, OPEN -> List.of(ContestAction.CLOSE.wire(), ContestAction.EXTEND.wire());
            case CLOSED -> List.of(ContestAction.EXTEND.wire());
            default -> List.of();
        };
    }
}
