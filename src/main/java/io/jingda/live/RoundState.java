package io.jingda.live;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.ContestAction;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.QuestionPhase;
import io.jingda.scoring.Choice;
import io.jingda.scoring.ScoringRules;

import java.util.List;

/**
 * One question under its round's rules, from the moment it opens until the next one does. Every method
 * runs under the {@link ContestRuntime}'s lock, so an implementation may keep mutable state without a lock
 * of its own, and must not block. The runtime keeps what is the same for every round: the question window
 * (opened at, deadline, shifted by a pause), one answer per participant per question, idempotent resends,
 * LATE for a question that has closed and NOT_OPEN outside a running question.
 */
public interface RoundState {

    /** The question's window as the runtime holds it (a pause moves it); the grace is the server's tolerance. */
    record Window(long openedAt, long deadline, long graceMs) {
    }

    /** An answer that reached an open question: who sent what, when, and their streak before this question. */
    record Attempt(long participantId, JsonNode choice, long now, int streakBefore, ScoringRules rules, Window window) {
    }

    /** A judged answer: what to store and what it earned. {@code choiceKey} groups equal answers for statistics. */
    record Verdict(Choice choice, String choiceJson, String choiceKey, boolean correct, int points, int streak) {
    }

    /** What the round makes of an answer: accepted with its verdict, or refused. */
    sealed interface Decision permits Accept, Refuse {
    }

    record Accept(Verdict verdict, long responseMs) implements Decision {
    }

    /** Refused, with the reason the ack carries (INVALID, LATE, or a round's own, e.g. NOT_YOUR_TURN). */
    record Refuse(String reason) implements Decision {
    }

    LiveQuestion question();

    /** An answer to this question while it is open. */
    Decision answer(Attempt attempt);

    /**
     * The host actions of this round in this phase of a running contest, in the order the console shows
     * them; the contest adds pause and finish, which every running round allows.
     */
    List<ContestAction> hostActions(QuestionPhase phase);

    /** The transition a timer makes now (CLOSE when the answer window is over), or null. */
    ContestAction due(QuestionPhase phase, long now, Window window);
}
