package io.jingda.live;

import io.jingda.contest.Contest;
import io.jingda.contest.ContestQuestion;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;
import io.jingda.live.protocol.Personal;
import io.jingda.question.QuestionType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.jingda.live.ContestRuntimeTest.CONTESTS;
import static io.jingda.live.ContestRuntimeTest.answer;
import static io.jingda.live.ContestRuntimeTest.question;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In one contest's memory, without Quarkus: a poll between two right answers keeps the streak (voted or not),
 * an ordering's partial credit adds to the score without counting as correct, and a rebuild from the stored
 * answers tells everyone the same.
 */
class PollAndOrderingRuntimeTest {
    private static final String AB = "[{\"id\":\"ya\",\"text\":\"A\"},{\"id\":\"nb\",\"text\":\"B\"}]";
    private static final String ABC = "[{\"id\":\"c3\",\"text\":\"C\"},{\"id\":\"a1\",\"text\":\"A\"},{\"id\":\"b2\",\"text\":\"B\"}]";

    static List<ContestQuestion> questions() {
        return List.of(question(0, QuestionType.SINGLE, AB, "[\"ya\"]"),
                question(1, QuestionType.POLL, AB, "null"),
                question(2, QuestionType.SINGLE, AB, "[\"ya\"]"),
                question(3, QuestionType.ORDERING, ABC, "[\"a1\",\"b2\",\"c3\"]"));
    }

    static Contest row(ContestStatus status, QuestionPhase phase, int index) {
        Contest c = ContestRuntimeTest.contestRow(status, phase, index);
        c.questionCount = 4;
        c.settings = "{\"scoring\":{\"mode\":\"accuracy\",\"streakBonus\":true,\"ordering\":\"partial\"},"
                + "\"shuffleOptions\":false,\"leaderboardSize\":10,\"maxParticipants\":20000,\"round\":\"standard\"}";
        return c;
    }

    private static void reveal(ContestRuntime rt, long at) {
        rt.close(at);
        rt.reveal(null);
    }

    @Test
    void aPollKeepsTheStreakAndAnOrderingGivesPartialCreditAlsoAfterARebuild() {
        ContestRuntime rt = CONTESTS.fresh(row(ContestStatus.LOBBY, null, -1), questions());
        for (int i = 1; i <= 2; i++) {
            rt.admit(new ContestRuntime.Reservation(i, "p" + i, "p" + i, "hash" + i, 0));
        }
        List<LiveStore.StoredAnswer> log = new ArrayList<>();
        rt.openQuestion(0, 1_000);
        assertThat(answer(rt, 1, "q0", "\"ya\"", 1_100, log)).isEqualTo("ACCEPTED");
        assertThat(answer(rt, 2, "q0", "\"ya\"", 1_100, log)).isEqualTo("ACCEPTED");
        reveal(rt, 2_000);
        rt.openQuestion(1, 3_000);
        assertThat(answer(rt, 1, "q1", "\"nb\"", 3_100, log)).isEqualTo("ACCEPTED"); // p2 does not vote
        assertThat(answer(rt, 2, "q1", "[\"ya\",\"nb\"]", 3_100, null)).as("one vote only").isEqualTo("INVALID");
        reveal(rt, 3_500);
        Map<Long, Personal> poll = rt.personal(ContestRuntime.LastKind.REVEAL);
        assertThat(poll.get(1L).correct()).as("a vote is neither right nor wrong").isNull();
        assertThat(poll.get(1L).points()).isZero();
        assertThat(poll.get(1L).streak()).isEqualTo(1);
        assertThat(poll.get(2L).streak()).isEqualTo(1);
        rt.openQuestion(2, 4_000);
        answer(rt, 1, "q2", "\"ya\"", 4_100, log);
        answer(rt, 2, "q2", "\"ya\"", 4_100, log);
        reveal(rt, 4_500);
        Map<Long, Personal> second = rt.personal(ContestRuntime.LastKind.REVEAL);
        assertThat(second.get(1L).streak()).isEqualTo(2);
        assertThat(second.get(2L).streak()).as("an unanswered poll does not break it").isEqualTo(2);
        assertThat(second.get(2L).points()).isEqualTo(1000 + 100);
        rt.openQuestion(3, 5_000);
        assertThat(answer(rt, 1, "q3", "[\"a1\",\"b2\",\"c3\"]", 5_100, log)).isEqualTo("ACCEPTED");
        assertThat(answer(rt, 2, "q3", "[\"a1\",\"b2\"]", 5_100, null)).isEqualTo("INVALID_ORDER");
        assertThat(answer(rt, 2, "q3", "[\"a1\",\"c3\",\"b2\"]", 5_200, log)).isEqualTo("ACCEPTED");
        reveal(rt, 5_500);
        Map<Long, Personal> last = rt.personal(ContestRuntime.LastKind.REVEAL);
        assertThat(last.get(1L).correct()).isTrue();
        assertThat(last.get(1L).points()).isEqualTo(1000 + 200);
        assertThat(last.get(2L).correct()).isFalse();
        assertThat(last.get(2L).points()).as("1 of 3 placed: 1000 / 3").isEqualTo(333);
        assertThat(last.get(2L).streak()).isZero();
        assertThat(last.get(1L).score()).isEqualTo(1000 + 1100 + 1200);
        assertThat(last.get(2L).score()).isEqualTo(1000 + 1100 + 333);
        assertThat(rt.revealMessage().correct().toString()).isEqualTo("[\"a1\",\"b2\",\"c3\"]");

        ContestRuntime rebuilt = CONTESTS.restore(row(ContestStatus.RUNNING, QuestionPhase.REVEALED, 3), questions(),
                List.of(new LiveStore.ParticipantRow(1, "p1", "p1", "hash1", 0, false),
                        new LiveStore.ParticipantRow(2, "p2", "p2", "hash2", 0, false)), log);
        Map<Long, Personal> again = rebuilt.personal(ContestRuntime.LastKind.REVEAL);
        assertThat(again.get(1L).score()).isEqualTo(last.get(1L).score());
        assertThat(again.get(2L).score()).isEqualTo(last.get(2L).score());
        assertThat(again.get(1L).streak()).isEqualTo(3);
        assertThat(rebuilt.revealMessage().distribution()).isEqualTo(rt.revealMessage().distribution());
    }
}
