package io.jingda.live;

import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.contest.ContestSettings;
import io.jingda.contest.ContestStatus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The frames of a contest's transitions, as the data the fan-out gets, rendered for one participant. */
class BroadcastsTest {

    /** Keeps each broadcast to the participants, as the event loops would get it. */
    static final class DeferredFanout implements Fanout {
        final List<PlayerFrames> pending = new ArrayList<>();
        final List<String> shared = new ArrayList<>();

        @Override
        public void broadcast(long contestId, Audience audience, String frame) {
            shared.add(audience + " " + frame);
        }

        @Override
        public void toPlayers(long contestId, PlayerFrames frames) {
            pending.add(frames);
        }

        @Override
        public void supersedeClosed(long contestId) {
            shared.add("SUPERSEDE");
        }

        @Override
        public void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason) {
        }

        @Override
        public void closeContest(long contestId, String reason) {
        }

        /** Participant {@code pid}'s frame of the i-th broadcast to the participants (null: none for them). */
        String frameFor(int i, long pid) {
            PlayerFrames f = pending.get(i);
            if (f instanceof PlayerFrames.WithYou w) {
                return w.frameFor(Frames.personalHead(w.shared()), pid);
            }
            if (f instanceof PlayerFrames.Closed c) {
                return c.frame();
            }
            if (f instanceof PlayerFrames.Same same) {
                return same.frame();
            }
            return Frames.json(((PlayerFrames.ShuffledQuestion) f).forParticipant(pid));
        }
    }

    private static ContestRuntime contest() {
        LiveQuestion q = new LiveQuestion(0, "q0", QuestionType.SINGLE, "1921 年中共一大在哪里召开？",
                List.of(new LiveQuestion.OptionView("a", "上海"), new LiveQuestion.OptionView("b", "北京")),
                new AnswerKey.Options(Set.of("a", "b"), Set.of("a"), false), JsonNodeFactory.instance.arrayNode().add("a"),
                null, "", null, 20_000, 1000);
        ContestSettings settings = new ContestSettings(20, new ContestSettings.Scoring("speed", false), false, 10, null,
                100, null, null);
        ContestRuntime rt = new ContestRuntime(new ContestRuntime.Definition(7, "t", "admin", "123456", settings,
                List.of(q), ContestStatus.LOBBY, null, -1), RoundMode.STANDARD, new LocalLiveRanking(),
                new Standings.Default());
        rt.admit(new ContestRuntime.Reservation(1, "小明", "小明", "hash", 0));
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
    void closedGoesToEveryoneAndMayBeSupersededForParticipants() {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = closedContest();
        new Broadcasts(fanout, new ContestClock()).closed(rt);
        assertThat(fanout.shared).hasSize(2).allMatch(f -> f.contains("\"type\":\"closed\""));
        assertThat(fanout.pending.get(0)).isInstanceOf(PlayerFrames.Closed.class);
        assertThat(fanout.frameFor(0, 1)).contains("\"type\":\"closed\"").contains("\"questionId\":\"q0\"");
    }

    @Test
    void aRevealSupersedesAClosedFrameNotYetSent() {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = closedContest();
        Broadcasts broadcasts = new Broadcasts(fanout, new ContestClock());
        broadcasts.closed(rt);
        rt.reveal(null);
        broadcasts.reveal(rt);
        // the fan-out drops a 'closed' not yet written when a superseding broadcast follows (LocalFanoutTest)
        assertThat(fanout.pending.get(0).supersedesClosed()).isFalse();
        assertThat(fanout.pending.get(1).supersedesClosed()).isTrue();
        String reveal = fanout.frameFor(1, 1);
        assertThat(reveal).contains("\"type\":\"reveal\"").contains("\"closedAt\":21000")
                .contains("\"you\":{\"answered\":false");
        // hosts and screens still get both
        assertThat(fanout.shared).filteredOn(f -> f.contains("\"type\":\"closed\"")).hasSize(2);
    }

    @Test
    void aPersonalFrameIsTheSharedFramePlusTheParticipantsOwnPart() throws Exception {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = contest();
        rt.openQuestion(0, 1_000);
        assertThat(ContestRuntimeTest.answer(rt, 1, "q0", "\"a\"", 3_000, null)).isEqualTo("ACCEPTED");
        rt.close(21_000);
        rt.reveal(null);
        Broadcasts broadcasts = new Broadcasts(fanout, new ContestClock());
        broadcasts.reveal(rt);
        ObjectMapper json = new ObjectMapper();
        ObjectNode reveal = (ObjectNode) json.readTree(fanout.frameFor(0, 1));
        assertThat(reveal.remove("you")).isEqualTo(json.readTree(
                "{\"answered\":true,\"correct\":true,\"points\":950,\"streak\":1,\"score\":950,\"rank\":1}"));
        assertThat(reveal).isEqualTo(json.readTree(fanout.shared.get(0).substring("HOSTS ".length())));

        rt.leaderboard(null);
        broadcasts.leaderboard(rt);
        ObjectNode board = (ObjectNode) json.readTree(fanout.frameFor(1, 1));
        assertThat(board.remove("you")).isEqualTo(json.readTree("{\"score\":950,\"rank\":1}"));
        assertThat(board.get("type").asText()).isEqualTo("leaderboard");
        assertThat(board.get("top").get(0)).isEqualTo(json.readTree(
                "{\"rank\":1,\"nickname\":\"小明\",\"score\":950,\"id\":1}"));
        assertThat(fanout.frameFor(1, 2)).as("not a participant").isNull();
    }

    @Test
    void thePodiumTellsEveryParticipantTheirFinalRank() {
        DeferredFanout fanout = new DeferredFanout();
        ContestRuntime rt = contest();
        rt.finish(2_000);
        new Broadcasts(fanout, new ContestClock()).finished(rt);
        assertThat(fanout.frameFor(0, 1)).endsWith(",\"you\":{\"score\":0,\"rank\":1}}");
        assertThat(new Personal(null, null, null, null, 950, null).json()).isEqualTo("{\"score\":950}");
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
        assertThat(json.readTree(fanout.frameFor(0, 1)).get("combinations")).isEqualTo(json.readTree(reveal).get("combinations"));
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
