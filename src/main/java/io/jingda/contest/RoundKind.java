package io.jingda.contest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of round a contest plan may hold; every kind but {@code standard} is played by teams. */
public enum RoundKind {
    /** Everyone answers each question (the crowd contest); points go to the person, and through them to the team. */
    STANDARD,
    /** 必答: each team in turn answers its own question. */
    MANDATORY,
    /** 抢答: the first team to buzz answers. */
    BUZZER,
    /** 风险: each team stakes points, then answers its own question. */
    WAGER,
    /** 加时赛: sudden-death buzzer among tied teams, started by the host. */
    TIEBREAK;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean teamsOnly() {
        return this != STANDARD;
    }

    /** Whether its questions are answered after a buzz. */
    public boolean buzzes() {
        return this == BUZZER || this == TIEBREAK;
    }

    /** Whether each question belongs to one team, in turn. */
    public boolean turns() {
        return this == MANDATORY || this == WAGER;
    }

    public static Optional<RoundKind> parse(String s) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(s)).findFirst();
    }
}
