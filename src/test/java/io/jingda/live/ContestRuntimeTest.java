package io.jingda.live;

import io.jingda.contest.Contest;
import io.jingda.contest.ContestQuestion;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerTally;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers into one contest's memory, without Quarkus: what each is told, how they are counted, and a rebuild. */
class ContestRuntimeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long GRACE = 250;
    /** The multiple-choice question's options, in the contest's (canonical) order: A B C D. */
    static final List<String> ABCD = List.of("zq", "mk", "xb", "ca");

    static ContestQuestion question(int idx, QuestionType type, String options, String answer) {
        ContestQuestion q = new ContestQuestion();
        q.contestId = 7L;
        q.idx = idx;
        q.publicId = "q" + idx;
        q.type = type;
        q.stem = "stem " + idx;
        q.options = options;
        q.answer = answer;
        q.timeLimit = 20;
        q.points = 1000;
        return q;
    }

    static List<ContestQuestion> questions() {
        StringBuilder opts = new StringBuilder("[");
        for (int i = 0; i < ABCD.size(); i++) {
            opts.append(i == 0 ? "" : ",").append("{\"id\":\"").append(ABCD.get(i)).append("\",\"text\":\"")
                    .append((char) ('A' + i)).append("\"}");
        }
        opts.append(']');
        return List.of(question(0, QuestionType.MULTIPLE, opts.toString(), "[\"mk\",\"ca\"]"),
                question(1, QuestionType.TEXT, null, "[\"上海\"]"),
                question(2, QuestionType.NUMERIC, null, "42"));
    }

    static Contest contestRow(ContestStatus status, QuestionPhase phase, int index) {
        Contest c = new Contest();
        c.id = 7L;
        c.title = "t";
        c.owner = "admin";
        c.code = "123456";
        c.status = status;
        c.phase = phase;
        c.questionIndex = index;
        c.questionCount = 3;
        c.settings = "{\"scoring\":{\"mode\":\"speed\",\"streakBonus\":false},\"shuffleOptions\":false,"
                + "\"leaderboardSize\":10,\"maxParticipants\":20000,\"round\":\"standard\"}";
        return c;
    }

    /** A contest in the lobby with {@code n} participants (ids 1..n). */
    /** Makes runtimes as the engine does (an in-memory ranking, individual standings); no connections. */
    static final LiveContests CONTESTS = new LiveContests(null, new LocalLiveRanking.InMemory(), new Standings.Default(), Relay.NONE);

    static ContestRuntime lobby(int n) {
        ContestRuntime rt = CONTESTS.fresh(contestRow(ContestStatus.LOBBY, null, -1), questions());
        for (int i = 1; i <= n; i++) {
            rt.admit(new ContestRuntime.Reservation(i, "p" + i, "p" + i, "hash" + i, 0));
        }
        return rt;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Submits and, if accepted, stores at once (as the ledger would after its commit). */
    static String answer(ContestRuntime rt, long pid, String questionId, String choice, long now,
                         List<LiveStore.StoredAnswer> log) {
        ContestRuntime.Submission s = rt.submit(pid, questionId, json(choice), "r" + pid + "@" + now, now, GRACE);
        if (s instanceof ContestRuntime.Rejected r) {
            return r.reason();
        }
        if (s instanceof ContestRuntime.Replay) {
            return "REPLAY";
        }
        ParticipantState.AnswerRecord a = ((ContestRuntime.Accepted) s).record();
        rt.stored(pid, a);
        a.stored.complete(null);
        if (log != null) {
            log.add(new LiveStore.StoredAnswer(pid, a.idx, a.verdict.choiceJson(), a.verdict.choiceKey(),
                    a.requestId, a.receivedAt, a.responseMs, a.verdict.correct(), a.verdict.points()));
        }
        return "ACCEPTED";
    }

    // ---------------------------------------------------------------- LATE and NOT_OPEN

    @Test
    void anAnswerAfterTheServerClosedTheQuestionIsLate() {
        ContestRuntime rt = lobby(3);
        rt.openQuestion(0, 1_000);
        long deadline = rt.snapshot().deadline();
        assertThat(answer(rt, 1, "q0", "[\"mk\"]", deadline + GRACE, null)).isEqualTo("ACCEPTED");
        // past deadline + grace, before the ticker closed it
        assertThat(answer(rt, 2, "q0", "[\"mk\"]", deadline + GRACE + 1, null)).isEqualTo("LATE");
        rt.close(deadline + GRACE + 5);
        // the ticker has closed it: still LATE (it was NOT_OPEN)
        assertThat(answer(rt, 2, "q0", "[\"mk\"]", deadline + GRACE + 10, null)).isEqualTo("LATE");
        rt.reveal(null);
        assertThat(answer(rt, 3, "q0", "[\"mk\"]", deadline + 5_000, null)).isEqualTo("LATE");
        rt.leaderboard(null);
        assertThat(answer(rt, 3, "q0", "[\"mk\"]", deadline + 6_000, null)).isEqualTo("LATE");
        rt.pause(deadline + 7_000);
        assertThat(answer(rt, 3, "q0", "[\"mk\"]", deadline + 8_000, null)).isEqualTo("LATE");
        rt.resume(deadline + 9_000);
        // an earlier question once the next is open: LATE; the one after: not open yet
        rt.openQuestion(1, deadline + 10_000);
        assertThat(answer(rt, 3, "q0", "[\"mk\"]", deadline + 10_001, null)).isEqualTo("LATE");
        assertThat(answer(rt, 3, "q2", "42", deadline + 10_001, null)).isEqualTo("NOT_OPEN");
        // the one who answered gets ALREADY_ANSWERED, not LATE
        assertThat(answer(rt, 1, "q0", "[\"ca\"]", deadline + 10_002, null)).isEqualTo("ALREADY_ANSWERED");
    }

    @Test
    void aQuestionTheHostClosedEarlyIsLateToo() {
        ContestRuntime rt = lobby(1);
        rt.openQuestion(0, 1_000);
        rt.close(2_000);
        assertThat(answer(rt, 1, "q0", "[\"mk\"]", 2_001, null)).isEqualTo("LATE");
    }

    @Test
    void notOpenYetInTheLobbyWhilePausedAndAfterTheFinishStayNotOpen() {
        ContestRuntime rt = lobby(1);
        assertThat(answer(rt, 1, "q0", "[\"mk\"]", 500, null)).isEqualTo("NOT_OPEN");
        rt.openQuestion(0, 1_000);
        assertThat(answer(rt, 1, "q1", "\"上海\"", 1_001, null)).isEqualTo("NOT_OPEN");
        rt.pause(2_000);
        assertThat(answer(rt, 1, "q0", "[\"mk\"]", 2_001, null)).isEqualTo("NOT_OPEN");
        rt.finish(3_000);
        assertThat(answer(rt, 1, "q0", "[\"mk\"]", 3_001, null)).isEqualTo("NOT_OPEN");
        assertThat(answer(rt, 1, "nope", "[\"mk\"]", 3_001, null)).isEqualTo("INVALID");
    }

    // ---------------------------------------------------------------- counting, live and rebuilt

    @Test
    void multipleCountsEachChosenOptionAndEachSetAndARebuildCountsTheSame() {
        ContestRuntime rt = lobby(5);
        rt.openQuestion(0, 1_000);
        List<LiveStore.StoredAnswer> log = new ArrayList<>();
        // B and D (in either order), B and D, A, D B A, B
        String[] choices = {"[\"mk\",\"ca\"]", "[\"ca\",\"mk\"]", "[\"zq\"]", "[\"ca\",\"mk\",\"zq\"]", "\"mk\""};
        for (int i = 0; i < choices.length; i++) {
            assertThat(answer(rt, i + 1, "q0", choices[i], 2_000 + i, log)).isEqualTo("ACCEPTED");
        }
        Map<String, Integer> distribution = rt.revealMessage().distribution();
        assertThat(new ArrayList<>(distribution.entrySet())).containsExactly(Map.entry("zq", 2), Map.entry("mk", 4),
                Map.entry("xb", 0), Map.entry("ca", 3));
        Map<String, Integer> combinations = rt.revealMessage().combinations();
        assertThat(new ArrayList<>(combinations.entrySet())).containsExactly(Map.entry("mk,ca", 2), Map.entry("zq", 1),
                Map.entry("zq,mk,ca", 1), Map.entry("mk", 1));
        assertThat(rt.revealMessage().answered()).isEqualTo(5);

        ContestRuntime rebuilt = CONTESTS.restore(contestRow(ContestStatus.RUNNING, QuestionPhase.OPEN, 0),
                questions(), people(5), log);
        assertThat(new ArrayList<>(rebuilt.revealMessage().distribution().entrySet())).isEqualTo(new ArrayList<>(distribution.entrySet()));
        assertThat(new ArrayList<>(rebuilt.revealMessage().combinations().entrySet())).isEqualTo(new ArrayList<>(combinations.entrySet()));
        assertThat(rebuilt.revealMessage().answered()).isEqualTo(5);
    }

    @Test
    void textAndNumericCountTheTopTenNormalisedAnswersAndARebuildCountsTheSame() {
        int n = 40;
        ContestRuntime rt = lobby(n);
        rt.openQuestion(0, 1_000);
        rt.close(2_000);
        rt.reveal(null);
        rt.openQuestion(1, 3_000);
        List<LiveStore.StoredAnswer> log = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            // 上海 in three spellings (12 in all), then 28 answers over 14 other texts, two each
            String text = i <= 4 ? "上海" : i <= 8 ? "上海。" : i <= 12 ? " 上海 " : "答" + (char) ('a' + (i - 13) / 2);
            assertThat(answer(rt, i, "q1", JSON.valueToTree(text).toString(), 3_000 + i, log)).isEqualTo("ACCEPTED");
        }
        Map<String, Integer> d = rt.revealMessage().distribution();
        assertThat(d).hasSize(AnswerTally.TOP + 1).containsEntry("上海", 12).containsEntry(AnswerTally.REST, 10);
        assertThat(new ArrayList<>(d.keySet()).subList(0, 3)).containsExactly("上海", "答a", "答b");
        assertThat(rt.revealMessage().combinations()).isNull();

        ContestRuntime rebuilt = CONTESTS.restore(contestRow(ContestStatus.RUNNING, QuestionPhase.OPEN, 1),
                questions(), people(n), log);
        assertThat(new ArrayList<>(rebuilt.revealMessage().distribution().entrySet())).isEqualTo(new ArrayList<>(d.entrySet()));

        rt.close(10_000);
        rt.reveal(null);
        rt.openQuestion(2, 11_000);
        for (int i = 1; i <= 3; i++) {
            answer(rt, i, "q2", i == 3 ? "\"42.0\"" : "42", 11_000 + i, null);
        }
        assertThat(rt.revealMessage().distribution()).containsExactly(Map.entry("42", 3));
    }

    private static List<LiveStore.ParticipantRow> people(int n) {
        List<LiveStore.ParticipantRow> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            out.add(new LiveStore.ParticipantRow(i, "p" + i, "p" + i, "hash" + i, 0, false));
        }
        return out;
    }
}
