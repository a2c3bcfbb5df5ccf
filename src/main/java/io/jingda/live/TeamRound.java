package io.jingda.live;

import io.jingda.contest.ContestAction;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.QuestionPhase;
import io.jingda.live.team.Match;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The round policy of a question in a team round (mandatory, buzzer, wager, tie-break): who may answer
 * and when is the {@link Match}'s to say (the turn, the buzz winner); the answer is judged as in a standard
 * round but earns the person nothing: the team's points come from the match's judgement. The question
 * closes once the match says it is over and its judgement is stored (so {@code closed} follows {@code judged}).
 */
final class TeamRound implements RoundMode {
    private final Match match;

    TeamRound(Match match) {
        this.match = match;
    }

    @Override
    public String id() {
        return "team";
    }

    @Override
    public RoundState open(LiveQuestion q, long openedAt) {
        return new State(q, match);
    }

    private record State(LiveQuestion question, Match match) implements RoundState {
        @Override
        public Decision answer(Attempt a) {
            String refused = match.mayAnswer(a.participantId(), a.now(), a.window().graceMs());
            if (refused != null) {
                return new Refuse(refused);
            }
            Optional<Verdict> v = StandardRound.judge(question, a);
            return v.<Decision>map(verdict -> new Accept(new Verdict(verdict.choice(), verdict.choiceJson(),
                    verdict.choiceKey(), verdict.correct(), 0, 0), StandardRound.responseMs(a)))
                    .orElse(StandardRound.refusal(question));
        }

        @Override
        public List<ContestAction> hostActions(QuestionPhase phase) {
            List<ContestAction> a = new ArrayList<>();
            switch (phase) {
                case OPEN -> {
                    if (match.goAllowed()) {
                        a.add(ContestAction.GO);
                    }
                    if (match.judgeAllowed()) {
                        a.add(ContestAction.JUDGE);
                    }
                    if (match.skipAllowed()) {
                        a.add(ContestAction.SKIP);
                    }
                }
                case CLOSED -> a.addAll(List.of(ContestAction.REVEAL, ContestAction.LEADERBOARD));
                case REVEALED -> a.addAll(List.of(ContestAction.LEADERBOARD, ContestAction.NEXT));
                case LEADERBOARD -> a.add(ContestAction.NEXT);
                case ROUND -> { }
            }
            return a;
        }

        @Override
        public ContestAction due(QuestionPhase phase, long now, Window window) {
            return phase == QuestionPhase.OPEN && match.closable() ? ContestAction.CLOSE : null;
        }
    }
}
