package io.jingda.live;

import io.jingda.contest.ContestAction;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.QuestionPhase;
import io.jingda.scoring.AnswerKey;
import io.jingda.scoring.Choice;
import io.jingda.scoring.ChoiceParser;
import io.jingda.scoring.ScoringRules;

import java.util.List;
import java.util.Optional;

/**
 * Everyone answers each question once within its time limit (plus the grace), scored by
 * {@link ScoringRules} times the question's multiplier; the host closes, reveals, shows the leaderboard and moves on.
 */
public final class StandardRound implements RoundMode {

    StandardRound() {
    }

    @Override
    public String id() {
        return "standard";
    }

    @Override
    public RoundState open(LiveQuestion q, long openedAt) {
        return new State(q);
    }

    private record State(LiveQuestion question) implements RoundState {
        private static final List<ContestAction> OPEN = List.of(ContestAction.CLOSE, ContestAction.REVEAL,
                ContestAction.LEADERBOARD);
        private static final List<ContestAction> CLOSED = List.of(ContestAction.REVEAL, ContestAction.LEADERBOARD);
        private static final List<ContestAction> REVEALED = List.of(ContestAction.LEADERBOARD, ContestAction.NEXT);
        private static final List<ContestAction> LEADERBOARD = List.of(ContestAction.NEXT);

        @Override
        public Decision answer(Attempt a) {
            if (a.now() > a.window().deadline() + a.window().graceMs()) {
                return new Refuse("LATE");
            }
            Optional<Verdict> v = judge(question, a);
            return v.<Decision>map(verdict -> new Accept(verdict, responseMs(a))).orElse(refusal(question));
        }

        @Override
        public List<ContestAction> hostActions(QuestionPhase phase) {
            return switch (phase) {
                case OPEN -> OPEN;
                case CLOSED -> CLOSED;
                case REVEALED -> REVEALED;
                case LEADERBOARD -> LEADERBOARD;
                case ROUND -> List.of();
            };
        }

        @Override
        public ContestAction due(QuestionPhase phase, long now, Window w) {
            return phase == QuestionPhase.OPEN && now > w.deadline() + w.graceMs() ? ContestAction.CLOSE : null;
        }
    }

    /** The time from the question's opening to the answer's receipt, never negative. */
    static long responseMs(RoundState.Attempt a) {
        return Math.max(0, a.now() - a.window().openedAt());
    }

    /** Parses the choice for the question's key and scores it; empty when it does not fit (see {@link #refusal}). */
    static Optional<RoundState.Verdict> judge(LiveQuestion q, RoundState.Attempt a) {
        Optional<Choice> parsed = ChoiceParser.parse(q.key(), a.choice());
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        Choice choice = parsed.get();
        return a.rules().mark(q.key(), choice, responseMs(a), q.timeLimitMs(), q.points(), a.streakBefore(),
                        q.multiplier())
                .map(m -> new RoundState.Verdict(choice, choice.json(), choice.statsKey(), m.correct(), m.points(),
                        m.streak()));
    }

    /** The ack's reason for a choice that does not fit: INVALID_ORDER for an ordering that is not a permutation. */
    static RoundState.Refuse refusal(LiveQuestion q) {
        return new RoundState.Refuse(q.key() instanceof AnswerKey.Ordering ? "INVALID_ORDER" : "INVALID");
    }
}
