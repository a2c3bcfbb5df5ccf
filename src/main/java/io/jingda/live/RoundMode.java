package io.jingda.live;

import io.jingda.contest.LiveQuestion;

import java.util.Optional;

/**
 * The kind of round a contest runs, as a policy for each question: when a question opens, the round
 * gives it a {@link RoundState} that decides who may act and with what, which host actions each phase
 * allows, which timer is due and how an answer is judged. The runtime asks the round and never branches
 * on its kind. {@link StandardRound} is the crowd round; {@link TeamRound} is the policy of a question in a
 * team round (mandatory, buzzer, wager, tie-break), whose rules live in {@code live.team.Match}; a poll in a team
 * round takes no turn and is played by the crowd, as in a standard round.
 */
public interface RoundMode {
    RoundMode STANDARD = new StandardRound();

    /** The name a contest's settings use ({@code round}); every name in {@code ContestSettings.ROUNDS} has a mode. */
    String id();

    /** The policy for question {@code q}, which opens at {@code openedAt}. */
    RoundState open(LiveQuestion q, long openedAt);

    static Optional<RoundMode> of(String id) {
        return STANDARD.id().equals(id) ? Optional.of(STANDARD) : Optional.empty();
    }
}
