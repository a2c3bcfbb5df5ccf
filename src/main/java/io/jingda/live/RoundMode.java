package io.jingda.live;

import io.jingda.contest.LiveQuestion;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.scoring.Choice;
import io.jingda.scoring.ScoringRules;

import java.util.Optional;

/**
 * How a round judges and scores answers. The engine asks the round and never branches on the
 * kind of round itself. Only the standard round exists; buzzer (抢答), wager (风险) and team
 * rounds will be further implementations (they may need more of the round's state, which is why
 * the whole {@link Context} is passed).
 */
public sealed interface RoundMode permits StandardRound {
    RoundMode STANDARD = new StandardRound();

    String id();

    /** What the engine knows when an answer arrives. */
    record Context(LiveQuestion question, long responseMs, int streakBefore, ScoringRules rules) {
    }

    /** A judged answer: what to store and what it earned. {@code choiceKey} groups equal answers for statistics. */
    record Verdict(Choice choice, String choiceJson, String choiceKey, boolean correct, int points, int streak) {
    }

    /** Empty when the choice does not fit the question (a forged option id, a wrong shape): INVALID. */
    Optional<Verdict> judge(Context ctx, JsonNode choice);

    static Optional<RoundMode> of(String id) {
        return STANDARD.id().equals(id) ? Optional.of(STANDARD) : Optional.empty();
    }
}
