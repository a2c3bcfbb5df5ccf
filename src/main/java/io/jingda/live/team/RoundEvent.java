package io.jingda.live.team;

/**
 * One thing that happened in a team contest's rounds, as stored ({@code round_event}) and replayed after
 * a restart. {@code until}: a deadline; {@code points}: what it gave a team, or a stake; {@code detail}: the
 * rest (see the kinds). Events are numbered by {@code seq} in the order they took effect.
 */
public record RoundEvent(long seq, long at, String kind, int round, Integer question, Integer team, Long participant,
                         Integer points, Long until, String detail) {
    /** A round began; detail: the teams playing it (a tie-break's), as ids joined by commas, or null for all. */
    public static final String ROUND = "round";
    /** Stakes opened (until: the deadline; detail: the picking order when teams pick in turn). */
    public static final String STAKES = "stakes";
    /** A team's stake (points); detail "auto" for the lowest stake given at the deadline; until: the next picker's deadline. */
    public static final String STAKE = "stake";
    /** A question of a team round opened. */
    public static final String OPEN = "open";
    /** A turn: the team and participant who answer; until: the deadline, null while waiting for the host's go. */
    public static final String TURN = "turn";
    /** The host's go for a turn that waited for it (until: its deadline). */
    public static final String GO = "go";
    /** The buzz opened (until: when it closes); detail "rebound" for a rebound. */
    public static final String BUZZ_OPEN = "buzzopen";
    /** A buzz before the buzz opened: the team is locked out; points: the penalty (0 or less). */
    public static final String FALSE_START = "falsestart";
    /** The buzz won; detail: the reaction time in milliseconds. */
    public static final String BUZZ = "buzz";
    /** A judgement; detail "right:REASON", "wrong:REASON" or "void:REASON"; points: what the team got. */
    public static final String JUDGED = "judged";
    /** A tie-break team is out (a wrong answer). */
    public static final String OUT = "out";
    /** A tie-break's winner. */
    public static final String WON = "won";
    /** The timers moved on by {@code until} milliseconds (a pause, or the downtime of a restart). */
    public static final String SHIFT = "shift";
}
