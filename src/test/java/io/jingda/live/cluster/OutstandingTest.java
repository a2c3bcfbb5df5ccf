package io.jingda.live.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An edge sends an unacknowledged answer again until the owner replies, and gives up in the end. */
class OutstandingTest {

    @Test
    void anAnswerIsSentAgainEveryIntervalUntilReplied() {
        Outstanding o = new Outstanding();
        List<JsonNode> replies = new ArrayList<>();
        Outstanding.Pending p = new Outstanding.Pending(1, "m", true, Long.MAX_VALUE, replies::add);
        o.put("c1", p);
        List<String> sent = new ArrayList<>();
        long t = p.lastSent;
        o.sweep(t + 1999, 2000, (c, m) -> sent.add(m));
        assertThat(sent).isEmpty();
        o.sweep(t + 2000, 2000, (c, m) -> sent.add(m));
        o.sweep(t + 2100, 2000, (c, m) -> sent.add(m));
        assertThat(sent).containsExactly("m");
        assertThat(o.take("c1")).isSameAs(p);
        assertThat(o.take("c1")).isNull(); // the reply to the second send finds nothing
        assertThat(replies).isEmpty();
    }

    @Test
    void anAnswerNeverRepliedToIsGivenUpAfterTheLastSend() {
        Outstanding o = new Outstanding();
        List<JsonNode> replies = new ArrayList<>();
        Outstanding.Pending p = new Outstanding.Pending(1, "m", true, Long.MAX_VALUE, replies::add);
        o.put("c", p);
        int[] sends = {1};
        long t = p.lastSent;
        for (int i = 1; i <= Outstanding.MAX_SENDS + 2; i++) {
            o.sweep(t + i * 2000L, 2000, (c, m) -> sends[0]++);
        }
        assertThat(sends[0]).isEqualTo(Outstanding.MAX_SENDS);
        assertThat(replies).hasSize(1).containsNull();
        assertThat(o.size()).isZero();
    }

    @Test
    void aCallIsNeverSentAgainAndExpires() {
        Outstanding o = new Outstanding();
        List<JsonNode> replies = new ArrayList<>();
        o.put("c", new Outstanding.Pending(1, "call", false, 10_000, replies::add));
        List<String> sent = new ArrayList<>();
        o.sweep(9_999, 1, (c, m) -> sent.add(m));
        assertThat(replies).isEmpty();
        o.sweep(10_001, 1, (c, m) -> sent.add(m));
        assertThat(sent).isEmpty();
        assertThat(replies).hasSize(1).containsNull();
    }
}
