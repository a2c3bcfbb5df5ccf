package io.jingda.live;

import io.jingda.contest.ContestAction;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.QuestionPhase;
import io.jingda.scoring.Choice;
import io.jingda.scoring.ChoiceParser;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sketch of a buzzer round (抢答), written only against {@link RoundMode} and {@link RoundState}, run
 * in the real {@link ContestRuntime}: the proof that the round seam carries who may answer and when,
 * claims, host actions and timers without a change to the runtime. Not the team-contest feature: no
 * teams, no host rulings, no rebound; fixed numbers (3 s reading, 10 s to buzz, 20 s to answer, ±10).
 */
class BuzzerRoundSketchTest {
    static final long READING_MS = 3_000;
    static final long BUZZ_WINDOW_MS = 10_000;
    static final long ANSWER_MS = 20_000;

    static final class BuzzerRound implements RoundMode {
        @Override
        public String id() {
            return "buzzer-sketch";
        }

        @Override
        public RoundState open(LiveQuestion q, long openedAt) {
            return new Buzz(q);
        }
    }

    /** One question: the buzz opens after the reading time; the first buzz wins; only the winner answers. */
    static final class Buzz implements RoundState {
        private final LiveQuestion question;
        private final Set<Long> lockedOut = new HashSet<>();
        private Long winner;
        private long buzzedAt;

        Buzz(LiveQuestion question) {
            this.question = question;
        }

        @Override
        public LiveQuestion question() {
            return question;
        }

        @Override
        public Decision claim(String claim, long participantId, long now, Window w) {
            if (!"buzz".equals(claim)) {
                return new Refuse("INVALID");
            }
            if (lockedOut.contains(participantId)) {
                return new Refuse("LOCKED_OUT");
            }
            if (now < w.openedAt() + READING_MS) {
                lockedOut.add(participantId); // a false start: no buzz on this question
                return new Refuse("FALSE_START");
            }
            if (winner != null) {
                return new Refuse("TAKEN");
            }
            winner = participantId;
            buzzedAt = now;
            return new Grant("buzz", participantId);
        }

        @Override
        public Decision answer(Attempt a) {
            if (winner == null || winner != a.participantId()) {
                return new Refuse("NOT_YOUR_TURN");
            }
            if (a.now() > buzzedAt + ANSWER_MS + a.window().graceMs()) {
                return new Refuse("LATE");
            }
            Optional<Choice> choice = ChoiceParser.parse(question.key(), a.choice());
            Optional<Boolean> correct = choice.flatMap(c -> question.key().judge(c));
            if (correct.isEmpty()) {
                return new Refuse("INVALID");
            }
            int points = correct.get() ? 10 : -10;
            return new Accept(new Verdict(choice.get(), choice.get().json(), choice.get().statsKey(), correct.get(),
                    points, 0), Math.max(0, a.now() - buzzedAt));
        }

        @Override
        public List<ContestAction> hostActions(QuestionPhase phase) {
            return switch (phase) {
                case OPEN -> winner == null ? List.of(ContestAction.CLOSE)
                        : List.of(ContestAction.CLOSE, ContestAction.REVEAL);
                case CLOSED -> List.of(ContestAction.REVEAL);
                case REVEALED -> List.of(ContestAction.LEADERBOARD, ContestAction.NEXT);
                case LEADERBOARD -> List.of(ContestAction.NEXT);
            };
        }

        @Override
        public ContestAction due(QuestionPhase phase, long now, Window w) {
            if (phase != QuestionPhase.OPEN) {
                return null;
            }
            boolean nobodyBuzzed = winner == null && now > w.openedAt() + READING_MS + BUZZ_WINDOW_MS;
            boolean answerTimeOver = winner != null && now > buzzedAt + ANSWER_MS + w.graceMs();
            return nobodyBuzzed || answerTimeOver ? ContestAction.CLOSE : null;
        }
    }

    private static ContestRuntime buzzerContest() {
        ContestRuntime lobby = ContestRuntimeTest.lobby(0);
        ContestRuntime rt = new ContestRuntime(new ContestRuntime.Definition(lobby.id(), lobby.title(), lobby.owner(),
                lobby.code(), lobby.settings(), ContestRuntimeTest.questions().stream()
                .map(io.jingda.contest.ContestQuestionMapper::live).toList(), ContestStatus.LOBBY, null, -1),
                new BuzzerRound(), new LocalLiveRanking(), new Standings.Default());
        for (int i = 1; i <= 3; i++) {
            rt.admit(new ContestRuntime.Reservation(i, "p" + i, "p" + i, "hash" + i, 0));
        }
        return rt;
    }

    private static String submit(ContestRuntime rt, long pid, String choice, long now) {
        ContestRuntime.Submission s = rt.submit(pid, "q0", ContestRuntimeTest.json(choice), "r" + pid + "@" + now, now, 250);
        if (s instanceof ContestRuntime.Rejected r) {
            return r.reason();
        }
        ParticipantState.AnswerRecord a = ((ContestRuntime.Accepted) s).record();
        rt.stored(pid, a);
        a.stored.complete(null);
        return "ACCEPTED " + a.verdict.points();
    }

    @Test
    void theFirstBuzzAfterTheReadingTimeWinsAndOnlyTheWinnerAnswers() {
        ContestRuntime rt = buzzerContest();
        rt.openQuestion(0, 1_000);
        assertThat(rt.allowedActions()).containsExactly("close", "pause", "finish");

        assertThat(rt.claim(1, "buzz", 2_000, 250)).isEqualTo(new RoundState.Refuse("FALSE_START"));
        assertThat(rt.claim(1, "buzz", 4_500, 250)).isEqualTo(new RoundState.Refuse("LOCKED_OUT"));
        assertThat(submit(rt, 2, "[\"mk\",\"ca\"]", 4_600)).isEqualTo("NOT_YOUR_TURN");
        assertThat(rt.claim(2, "buzz", 5_000, 250)).isEqualTo(new RoundState.Grant("buzz", 2));
        assertThat(rt.claim(3, "buzz", 5_001, 250)).isEqualTo(new RoundState.Refuse("TAKEN"));
        assertThat(rt.allowedActions()).containsExactly("close", "reveal", "pause", "finish");

        assertThat(submit(rt, 3, "[\"mk\",\"ca\"]", 6_000)).isEqualTo("NOT_YOUR_TURN");
        assertThat(submit(rt, 2, "[\"mk\",\"ca\"]", 6_000)).isEqualTo("ACCEPTED 10");
        assertThat(submit(rt, 2, "[\"mk\",\"ca\"]", 6_100)).as("one answer per question, as in every round")
                .isEqualTo("ALREADY_ANSWERED");
        assertThat(rt.participantViews().get(1).score()).isEqualTo(10);
    }

    @Test
    void theRoundsTimersCloseTheQuestionWhenNobodyBuzzesAndWhenTheWinnerRunsOutOfTime() {
        ContestRuntime rt = buzzerContest();
        rt.openQuestion(0, 1_000);
        assertThat(rt.due(1_000 + READING_MS + BUZZ_WINDOW_MS, 250)).isNull();
        assertThat(rt.due(1_001 + READING_MS + BUZZ_WINDOW_MS, 250)).isEqualTo(ContestAction.CLOSE);

        rt.openQuestion(1, 20_000);
        rt.claim(3, "buzz", 24_000, 250);
        assertThat(rt.due(24_000 + ANSWER_MS + 250, 250)).isNull();
        assertThat(rt.due(24_001 + ANSWER_MS + 250, 250)).isEqualTo(ContestAction.CLOSE);
        rt.close(44_300);
        assertThat(rt.allowedActions()).containsExactly("reveal", "pause", "finish");
    }
}
