package io.jingda.live;

import io.jingda.contest.ContestAction;
import io.jingda.contest.QuestionPhase;
import io.jingda.contest.RoundDefinition;
import io.jingda.live.team.Match;

import java.util.ArrayList;
import java.util.List;

/**
 * How a contest with a plan of rounds moves on: which host actions each point allows (the round's own
 * within a question, then {@code nextRound} and {@code tiebreak} between questions), when the leaderboard
 * may be shown, and where {@code next} goes. Pure; the runtime calls it under its lock.
 */
final class PlanSteps {
    private PlanSteps() {
    }

    /** Where {@code next} goes: a question (its index), a round (its banner), or the finish. */
    sealed interface Step permits ToQuestion, ToRound, ToFinish {
    }

    record ToQuestion(int index) implements Step {
    }

    record ToRound(int round) implements Step {
    }

    record ToFinish() implements Step {
    }

    static List<ContestAction> actions(Match match, QuestionPhase phase, int index, RoundState question) {
        List<ContestAction> a = new ArrayList<>();
        RoundDefinition next = match.nextRound();
        if (phase == QuestionPhase.ROUND) {
            if (match.stakesComplete() && match.current().count() > 0) {
                a.add(ContestAction.NEXT);
            }
            if (next != null && !match.inTiebreak()) {
                a.add(ContestAction.NEXT_ROUND);
            }
            return a;
        }
        for (ContestAction action : question.hostActions(phase)) {
            if (action != ContestAction.LEADERBOARD || leaderboardVisible(match, index)) {
                a.add(action);
            }
        }
        if (phase != QuestionPhase.OPEN && !match.inTiebreak()) {
            if (next != null) {
                a.add(ContestAction.NEXT_ROUND);
            } else if (match.tiebreakRound() != null && match.hasTeams() && lastOfRound(match, index)
                    && phase != QuestionPhase.CLOSED) {
                a.add(ContestAction.TIEBREAK);
            }
        }
        return a;
    }

    static Step next(Match match, QuestionPhase phase, int index) {
        RoundDefinition d = match.current();
        if (d == null) {
            return new ToRound(0);
        }
        if (phase == QuestionPhase.ROUND) {
            return new ToQuestion(d.from());
        }
        if (index + 1 < d.from() + d.count() && !(match.inTiebreak() && match.tiebreakDecided())) {
            return new ToQuestion(index + 1);
        }
        RoundDefinition following = match.inTiebreak() ? null : match.nextRound();
        return following != null ? new ToRound(following.index()) : new ToFinish();
    }

    private static boolean lastOfRound(Match match, int index) {
        RoundDefinition d = match.current();
        return d != null && index == d.from() + d.count() - 1;
    }

    /** Whether the round shows the leaderboard now: after each question, at its end, or only at the finish. */
    static boolean leaderboardVisible(Match match, int index) {
        RoundDefinition d = match.current();
        return switch (d.leaderboard()) {
            case "question" -> true;
            case "round" -> lastOfRound(match, index) || (match.inTiebreak() && match.tiebreakDecided());
            default -> false;
        };
    }

    /** A reveal carries the team standings when its round shows them after each question. */
    static boolean revealShowsTeams(Match match) {
        return match.current() != null && "question".equals(match.current().leaderboard());
    }
}
