package io.jingda.live;

import io.jingda.contest.LiveQuestion;

import java.util.Optional;

/**
 * The kind of round a contest runs, as a policy for each question: when a question opens, the round
 * gives it a {@link RoundState} that decides who may act and with what, which host actions each phase
 * allows, which timer is due and how an answer is judged. The runtime asks the round and never branches
 * on its kind. {@link StandardRound} is the only one the contest API offers yet; a buzzer (抢答) round fits
 * the same interface (see the sketch in the tests, {@code BuzzerRoundSketchTest}), and so do wager (风险) and
 * team rounds.
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
