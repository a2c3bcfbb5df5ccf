package io.jingda.live;

import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;

import io.jingda.contest.ContestSettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Frames a broadcast renders later, on the event loops, against the state they find then. */
class BroadcastsTest {

    /** Keeps each per-participant function, as the event loops would run it later. */
    static final class DeferredFanout implements Fanout {
        final List<LongFunction<String>> pending = new ArrayList<>();
        final List<String> shared = new ArrayList<>();

        @Override
        public void broadcast(long contestId, Audience audience, String frame) {
            shared.add(audience + " " + frame);
        }

        @Override
        public void eachPlayer(long contestId, LongFunction<String> frameFor) {
            pending.add(frameFor);
        }

        @Override
        public void toPlayer(long contestId, long participantId, String frame) {
        }

        @Override
        public void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason) {
        }

        @Override
        public void closeContest(long contestId, String reason) {
        }

        @Override
        public int connectedPlayers(long contestId) {
            return 1;
        }
    }

    private static ContestRuntime contest() {
        LiveQuestion q = new LiveQuestion(0, "q0", QuestionType.SINGLE, "1921 年中共一大在哪里召开？",
                List.of(new LiveQuestion.OptionView("a", "上海"), new LiveQuestion.OptionView("b", "北京")),
                new AnswerKey.Options(Set.of("a", "b"), Set.of("a"), false), JsonNodeFactory.instance.arrayNode().add("a"),
                null, "", null, 20_000, 1000);
        ContestSettings settings = new ContestSettings(20, new ContestSettings.Scoring("speed", false), false, 10, null,
                100, null, null);
        ContestRuntime rt = new ContestRuntime(7, "t", "admin", "123456", settings, List.of(q), new LocalLiveRanking());
        rt.participants.put(1L, new ParticipantState(1, "小明", "小明", "hash", 0));
        return rt;
    }

    /** A contest whose first question has just closed at 21,000. */
    private static ContestRuntime closedContest() {
        ContestRuntime rt = contest();
        rt.openQuestion(0, 1_000);
        rt.close(21_000);
        return rt;
    }

    @Test
    void closedGoesOutWhileTheQuestionIsStillClosed() {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = closedContest();
        new Broadcasts(fanout, new ContestClock()).closed(rt);
        assertThat(fanout.shared).hasSize(2).allMatch(f -> f.contains("\"type\":\"closed\""));
        assertThat(fanout.pending.get(0).apply(1)).contains("\"type\":\"closed\"").contains("\"questionId\":\"q0\"");
    }

    @Test
    void aRevealSupersedesAClosedFrameNotYetSent() {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = closedContest();
        Broadcasts broadcasts = new Broadcasts(fanout, new ContestClock());
        broadcasts.closed(rt);
        rt.reveal(null);
        broadcasts.reveal(rt);
        // the event loop gets to this participant only now: the reveal replaces the 'closed'
        assertThat(fanout.pending.get(0).apply(1)).isNull();
        String reveal = fanout.pending.get(1).apply(1);
        assertThat(reveal).contains("\"type\":\"reveal\"").contains("\"closedAt\":21000")
                .contains("\"you\":{\"answered\":false");
        // hosts and screens still get both
        assertThat(fanout.shared).filteredOn(f -> f.contains("\"type\":\"closed\"")).hasSize(2);
    }

    @Test
    void aPersonalFrameIsTheSharedFramePlusTheParticipantsOwnPart() throws Exception {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = closedContest();
        ParticipantState p = rt.participants.get(1L);
        ParticipantState.AnswerRecord a = new ParticipantState.AnswerRecord(0, "r1",
                new RoundMode.Verdict(null, "\"a\"", "a", true, 950, 1), 5_000, 4_000);
        a.stored.complete(null);
        p.answers.put(0, a);
        rt.reveal(null);
        p.shownScore = 950;
        p.shownRank = 1;
        p.shownStreak = 1;
        Broadcasts broadcasts = new Broadcasts(fanout, new ContestClock());
        broadcasts.reveal(rt);
        ObjectMapper json = new ObjectMapper();
        ObjectNode reveal = (ObjectNode) json.readTree(fanout.pending.get(0).apply(1));
        assertThat(reveal.remove("you")).isEqualTo(json.readTree(
                "{\"answered\":true,\"correct\":true,\"points\":950,\"streak\":1,\"score\":950,\"rank\":1}"));
        assertThat(reveal).isEqualTo(json.readTree(fanout.shared.get(0).substring("HOSTS ".length())));

        rt.leaderboard(null);
        p.shownRank = null; // not ranked yet: no rank
        broadcasts.leaderboard(rt);
        ObjectNode board = (ObjectNode) json.readTree(fanout.pending.get(1).apply(1));
        assertThat(board.remove("you")).isEqualTo(json.readTree("{\"score\":950}"));
        assertThat(board.get("type").asText()).isEqualTo("leaderboard");
        assertThat(fanout.pending.get(1).apply(2)).as("not a participant").isNull();
    }

    @Test
    void multipleChoiceProgressAndRevealCountOptionsAndSetsAndTheScreenGetsNeitherBeforeTheReveal() throws Exception {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = ContestRuntimeTest.lobby(3);
        rt.openQuestion(0, 1_000);
        ContestRuntimeTest.answer(rt, 1, "q0", "[\"ca\",\"mk\"]", 2_000, null); // D and B
        ContestRuntimeTest.answer(rt, 2, "q0", "[\"mk\",\"ca\"]", 2_001, null);
        ContestRuntimeTest.answer(rt, 3, "q0", "[\"zq\"]", 2_002, null);
        Broadcasts broadcasts = new Broadcasts(fanout, new ContestClock());
        broadcasts.pushIfDirty(rt, 10_000, 250);
        ObjectMapper json = new ObjectMapper();
        String hostFrame = fanout.shared.stream().filter(f -> f.startsWith("HOSTS ") && f.contains("\"progress\""))
                .findFirst().orElseThrow().substring("HOSTS ".length());
        assertThat(json.readTree(hostFrame)).isEqualTo(json.readTree("{\"type\":\"progress\",\"questionId\":\"q0\","
                + "\"answered\":3,\"participants\":3,\"distribution\":{\"zq\":1,\"mk\":2,\"xb\":0,\"ca\":2},"
                + "\"combinations\":{\"mk,ca\":2,\"zq\":1}}"));
        String screenFrame = fanout.shared.stream().filter(f -> f.startsWith("SCREENS ") && f.contains("\"progress\""))
                .findFirst().orElseThrow();
        assertThat(screenFrame).doesNotContain("distribution").doesNotContain("combinations").doesNotContain("mk");

        rt.close(21_000);
        rt.reveal(null);
        broadcasts.reveal(rt);
        String reveal = fanout.shared.stream().filter(f -> f.startsWith("SCREENS ") && f.contains("\"reveal\""))
                .findFirst().orElseThrow().substring("SCREENS ".length());
        assertThat(json.readTree(reveal).get("distribution")).isEqualTo(json.readTree("{\"zq\":1,\"mk\":2,\"xb\":0,\"ca\":2}"));
        assertThat(json.readTree(reveal).get("combinations")).isEqualTo(json.readTree("{\"mk,ca\":2,\"zq\":1}"));
        assertThat(json.readTree(fanout.pending.get(0).apply(1)).get("combinations")).isEqualTo(json.readTree(reveal).get("combinations"));
    }

    @Test
    void aTextRevealRanksTheAnswersAndHasNoCombinations() throws Exception {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = ContestRuntimeTest.lobby(3);
        rt.openQuestion(1, 1_000);
        ContestRuntimeTest.answer(rt, 1, "q1", "\"北京\"", 2_000, null);
        ContestRuntimeTest.answer(rt, 2, "q1", "\"上海\"", 2_001, null);
        ContestRuntimeTest.answer(rt, 3, "q1", "\"上海！\"", 2_002, null);
        rt.close(21_000);
        rt.reveal(null);
        new Broadcasts(fanout, new ContestClock()).reveal(rt);
        String reveal = fanout.shared.get(0).substring("HOSTS ".length());
        assertThat(reveal).contains("\"distribution\":{\"上海\":2,\"北京\":1}").doesNotContain("combinations");
    }

    @Test
    void aPersonalHeadNeedsAJsonObject() {
        assertThat(Frames.personalHead("{\"type\":\"x\",\"t\":\"上海\"}")).isEqualTo("{\"type\":\"x\",\"t\":\"上海\",\"you\":");
        assertThatThrownBy(() -> Frames.personalHead("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
