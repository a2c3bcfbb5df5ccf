package io.jingda.live.cluster;

import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every Fanout call survives the trip through a contest's channel, frames byte for byte. */
class BroadcastCodecTest {

    @Test
    void aRevealWithEveryParticipantsPartComesBackTheSame() throws Exception {
        Map<Long, Personal> you = new HashMap<>();
        you.put(7L, Personal.reveal(true, true, 950, 3, 2850, 1));
        you.put(8L, Personal.reveal(false, false, 0, 0, 0, 2));
        you.put(9L, Personal.standing(120, null));
        String shared = "{\"type\":\"reveal\",\"questionId\":\"q1\",\"stem\":\"引号\\\"与换行\\n\"";
        String text = BroadcastCodec.toPlayers("node-1", new PlayerFrames.WithYou(shared, you, true));

        BroadcastCodec.ToPlayers back = (BroadcastCodec.ToPlayers) BroadcastCodec.read(text);
        assertThat(back.origin()).isEqualTo("node-1");
        PlayerFrames.WithYou w = (PlayerFrames.WithYou) back.frames();
        assertThat(w.shared()).isEqualTo(shared);
        assertThat(w.supersedesClosed()).isTrue();
        assertThat(w.you()).isEqualTo(you);
        assertThat(w.frameFor(shared + ",\"you\":", 7)).isEqualTo(shared + ",\"you\":" + you.get(7L).json() + "}");
    }

    @Test
    void aBroadcastOnANodesChannelNamesItsContest() throws Exception {
        Map<Long, Personal> you = Map.of(3L, Personal.standing(10, 1));
        String text = BroadcastCodec.toPlayersOn("node-1", 77, new PlayerFrames.WithYou("{\"type\":\"leaderboard\"", you, false));
        BroadcastCodec.Addressed a = BroadcastCodec.readAddressed(text);
        assertThat(a.contestId()).isEqualTo(77);
        assertThat(((PlayerFrames.WithYou) ((BroadcastCodec.ToPlayers) a.call()).frames()).you()).isEqualTo(you);
        assertThat(BroadcastCodec.readAddressed(BroadcastCodec.supersede("n")).contestId()).isEqualTo(-1);
    }

    @Test
    void aShuffledQuestionIsShuffledAlikeOnEveryNode() throws Exception {
        Messages.Question q = new Messages.Question("question", "q1", 0, 3, "single", "题干", List.of(
                new LiveQuestion.OptionView("a", "甲"), new LiveQuestion.OptionView("b", "乙"),
                new LiveQuestion.OptionView("c", "丙")), 20_000, 1000, 21_000, 1000, 1000, 2);
        PlayerFrames.ShuffledQuestion sent = new PlayerFrames.ShuffledQuestion(42, q);
        PlayerFrames.ShuffledQuestion got = (PlayerFrames.ShuffledQuestion) ((BroadcastCodec.ToPlayers)
                BroadcastCodec.read(BroadcastCodec.toPlayers("n", sent))).frames();
        for (long pid = 1; pid <= 20; pid++) {
            assertThat(got.forParticipant(pid)).isEqualTo(sent.forParticipant(pid));
        }
    }

    @Test
    void theOtherCallsComeBackTheSame() throws Exception {
        assertThat(BroadcastCodec.read(BroadcastCodec.broadcast("n", Audience.SCREENS, "{\"type\":\"lobby\"}")))
                .isEqualTo(new BroadcastCodec.Broadcast("n", Audience.SCREENS, "{\"type\":\"lobby\"}"));
        assertThat(BroadcastCodec.read(BroadcastCodec.supersede("n"))).isEqualTo(new BroadcastCodec.Supersede("n"));
        assertThat(BroadcastCodec.read(BroadcastCodec.disconnect("n", 5, "{\"type\":\"error\"}", "kicked")))
                .isEqualTo(new BroadcastCodec.Disconnect("n", 5, "{\"type\":\"error\"}", "kicked"));
        assertThat(BroadcastCodec.read(BroadcastCodec.disconnect("n", 5, null, "replaced")))
                .isEqualTo(new BroadcastCodec.Disconnect("n", 5, null, "replaced"));
        assertThat(BroadcastCodec.read(BroadcastCodec.closeContest("n", "contest closed")))
                .isEqualTo(new BroadcastCodec.CloseContest("n", "contest closed"));
        assertThat(((BroadcastCodec.ToPlayers) BroadcastCodec.read(BroadcastCodec.toPlayers("n",
                new PlayerFrames.Closed("{\"type\":\"closed\"}")))).frames())
                .isEqualTo(new PlayerFrames.Closed("{\"type\":\"closed\"}"));
        assertThat(((BroadcastCodec.ToPlayers) BroadcastCodec.read(BroadcastCodec.toPlayers("n",
                new PlayerFrames.Same("{\"type\":\"question\"}", true)))).frames())
                .isEqualTo(new PlayerFrames.Same("{\"type\":\"question\"}", true));
    }
}
