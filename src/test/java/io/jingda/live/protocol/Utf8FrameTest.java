package io.jingda.live.protocol;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Utf8FrameTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPersonalFrameInBytesIsTheSameTextAsTheStringOne() {
        PlayerFrames.WithYou w = new PlayerFrames.WithYou(
                "{\"type\":\"leaderboard\",\"top\":[{\"rank\":1,\"nickname\":\"嘉兴·红船\",\"score\":1200}]}",
                Map.of(3L, Personal.reveal(true, true, 1000, 2, 1200, 1), 4L, Personal.standing(0, 9)), true);
        byte[] head = w.headBytes();
        for (long pid : new long[] {3, 4}) {
            Utf8Frame f = w.utf8For(head, pid);
            String text = w.frameFor(Frames.personalHead(w.shared()), pid);
            assertThat(f.text()).isEqualTo(text);
            assertThat(f.length()).isEqualTo(utf8(text).length);
            assertThat(f.shared()).isSameAs(head);
        }
        assertThat(w.utf8For(head, 5)).as("no part, no frame").isNull();
    }

    @Test
    void aPrefixIsMatchedAcrossBothParts() {
        Utf8Frame f = new Utf8Frame(utf8("{\"type\""), utf8(":\"lobby\",\"n\":1}"));
        assertThat(f.startsWith(utf8("{\"type\":\"lobby\""))).isTrue();
        assertThat(f.startsWith(utf8("{\"ty"))).isTrue();
        assertThat(f.startsWith(utf8("{\"type\":\"progress\""))).isFalse();
        assertThat(f.startsWith(utf8(f.text() + "x"))).isFalse();
        assertThat(Utf8Frame.of("{\"type\":\"lobby\"}").startsWith(utf8("{\"type\":\"lobby\""))).isTrue();
        assertThat(Utf8Frame.of("题").text()).isEqualTo("题");
        assertThat(Utf8Frame.of("题")).isEqualTo(new Utf8Frame(utf8("题"), new byte[0]));
    }
}
