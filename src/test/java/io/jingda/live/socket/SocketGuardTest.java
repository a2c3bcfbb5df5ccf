package io.jingda.live.socket;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of one socket, on a Netty channel whose outbound buffer is never flushed (a client
 * that stopped reading) and whose clock is moved by hand.
 */
class SocketGuardTest {
    private static final int MAX_MESSAGE = 8192;
    private static final int HIGH = 16 * 1024;
    private static final long MAX_QUEUED = 64 * 1024;

    private static EmbeddedChannel channel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(HIGH / 2, HIGH));
        ch.pipeline().addLast(new SocketGuard(new SocketGuard.Limits(MAX_MESSAGE, MAX_QUEUED, Duration.ofSeconds(10),
                Duration.ofSeconds(60))));
        return ch;
    }

    private static TextWebSocketFrame text(boolean fin, byte[] bytes) {
        return new TextWebSocketFrame(fin, 0, Unpooled.wrappedBuffer(bytes));
    }

    private static byte[] ascii(int n) {
        return "x".repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static int closeCode(EmbeddedChannel ch) {
        Object out = ch.readOutbound();
        assertThat(out).isInstanceOf(CloseWebSocketFrame.class);
        CloseWebSocketFrame close = (CloseWebSocketFrame) out;
        try {
            return close.statusCode();
        } finally {
            close.release();
        }
    }

    @Test
    void aMessageOfEightKibibytesPassesAndOneByteMoreClosesWith1009() {
        EmbeddedChannel ok = channel();
        ok.writeInbound(text(true, ascii(MAX_MESSAGE)));
        WebSocketFrame passed = ok.readInbound();
        assertThat(passed.content().readableBytes()).isEqualTo(MAX_MESSAGE);
        passed.release();
        assertThat(ok.isOpen()).isTrue();

        EmbeddedChannel big = channel();
        big.writeInbound(text(true, ascii(MAX_MESSAGE + 1)));
        assertThat((Object) big.readInbound()).as("not passed on").isNull();
        assertThat(closeCode(big)).isEqualTo(1009);
        assertThat(big.isOpen()).isFalse();
    }

    @Test
    void theFramesOfOneMessageCountTogether() {
        EmbeddedChannel ch = channel();
        ch.writeInbound(text(false, ascii(5000)));
        ch.writeInbound(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(ascii(3192))));
        assertThat(ch.inboundMessages()).hasSize(2);
        ch.inboundMessages().forEach(m -> ((WebSocketFrame) m).release());
        ch.inboundMessages().clear();
        // the next message starts again from zero, and goes over in its second frame
        ch.writeInbound(text(false, ascii(5000)));
        ch.writeInbound(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(ascii(5000))));
        assertThat(closeCode(ch)).isEqualTo(1009);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void textThatIsNotUtf8ClosesWith1007() {
        byte[][] bad = {
                {'{', (byte) 0xC3, '(', '}'},              // a lead byte without its continuation
                {(byte) 0xC0, (byte) 0xAF},                // overlong '/'
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80},   // a UTF-16 surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {(byte) 0xE4, (byte) 0xB8},                // cut off at the end of the message
                {(byte) 0xFF},
        };
        for (byte[] b : bad) {
            EmbeddedChannel ch = channel();
            ch.writeInbound(text(true, b));
            assertThat((Object) ch.readInbound()).isNull();
            assertThat(closeCode(ch)).as("bytes %s", java.util.Arrays.toString(b)).isEqualTo(1007);
            assertThat(ch.isOpen()).isFalse();
        }
    }

    @Test
    void aCharacterSplitBetweenTwoFramesIsFine() {
        byte[] zhong = "中文".getBytes(StandardCharsets.UTF_8); // 6 bytes
        EmbeddedChannel ch = channel();
        ch.writeInbound(text(false, java.util.Arrays.copyOfRange(zhong, 0, 2)));
        ch.writeInbound(new ContinuationWebSocketFrame(true, 0, Unpooled.wrappedBuffer(java.util.Arrays.copyOfRange(zhong, 2, 6))));
        assertThat(ch.inboundMessages()).hasSize(2);
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
    }

    /** The queue of a client that stopped reading never holds more than max-queued; the frame that would pass it closes the connection. */
    @Test
    void theQueueOfAStalledReaderStaysBoundedAndFillingItCloses() {
        long closes = FanoutCounts.Dropped.QUEUE_FULL.count.sum();
        EmbeddedChannel ch = channel();
        ChannelOutboundBuffer out = ch.unsafe().outboundBuffer();
        long peak = 0;
        int written = 0;
        while (ch.isOpen() && written < 1000) {
            ch.write(text(true, ascii(4000))); // never flushed: the client does not read
            written++;
            if (ch.isOpen()) {
                peak = Math.max(peak, out.totalPendingWriteBytes());
            }
        }
        assertThat(ch.isOpen()).as("closed once the queue was full").isFalse();
        assertThat(written).isLessThan(20);
        assertThat(peak).isLessThanOrEqualTo(MAX_QUEUED);
        assertThat(FanoutCounts.Dropped.QUEUE_FULL.count.sum()).as("jingda.fanout.dropped{reason=queue_full}").isGreaterThan(closes);
    }

    @Test
    void aConnectionUnwritableForTheTimeoutIsClosedAndOneThatDrainsIsNot() {
        long closes = FanoutCounts.Dropped.UNWRITABLE.count.sum();
        EmbeddedChannel ch = channel();
        for (int i = 0; i < 5; i++) {
            ch.write(text(true, ascii(4000)));
        }
        assertThat(ch.isWritable()).isFalse();
        long queued = ch.unsafe().outboundBuffer().totalPendingWriteBytes();
        assertThat(ch.write(new PingWebSocketFrame()).isSuccess()).as("a ping is dropped, not queued").isTrue();
        assertThat(ch.unsafe().outboundBuffer().totalPendingWriteBytes()).isEqualTo(queued);
        ch.advanceTimeBy(9, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).isTrue();
        ch.advanceTimeBy(2, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("unwritable for 11 s").isFalse();
        assertThat(FanoutCounts.Dropped.UNWRITABLE.count.sum()).as("jingda.fanout.dropped{reason=unwritable}").isGreaterThan(closes);

        EmbeddedChannel reads = channel();
        for (int i = 0; i < 5; i++) {
            reads.write(text(true, ascii(4000)));
        }
        reads.advanceTimeBy(9, TimeUnit.SECONDS);
        reads.runScheduledPendingTasks();
        reads.flush(); // the client read it all
        assertThat(reads.isWritable()).isTrue();
        reads.advanceTimeBy(5, TimeUnit.SECONDS);
        reads.runScheduledPendingTasks();
        assertThat(reads.isOpen()).isTrue();
        reads.finishAndReleaseAll();
    }

    @Test
    void aSocketThatSendsNothingNotEvenAPongIsClosedWith1001() {
        EmbeddedChannel ch = channel();
        ch.advanceTimeBy(30, TimeUnit.SECONDS);
        ch.writeInbound(new PongWebSocketFrame()); // answers the server's ping
        ch.advanceTimeBy(31, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("it answered within the window").isTrue();
        ((WebSocketFrame) ch.readInbound()).release();
        ch.advanceTimeBy(60, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(closeCode(ch)).isEqualTo(1001);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void resetsAndFramesTheDecoderRefusedAreNotPassedOn() {
        EmbeddedChannel reset = channel();
        reset.pipeline().fireExceptionCaught(new IOException("Connection reset"));
        reset.checkException(); // nothing reached the end of the pipeline
        assertThat(reset.isOpen()).isFalse();

        EmbeddedChannel corrupt = channel();
        corrupt.pipeline().fireExceptionCaught(new CorruptedWebSocketFrameException(WebSocketCloseStatus.MESSAGE_TOO_BIG,
                "Max frame length of 8192 has been exceeded."));
        corrupt.checkException();
        assertThat(closeCode(corrupt)).isEqualTo(1009);
        assertThat(corrupt.isOpen()).isFalse();
    }
}
