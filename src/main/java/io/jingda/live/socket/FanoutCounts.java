package io.jingda.live.socket;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts of the fan-out kept in static adders, because the code that moves them runs outside CDI: the
 * {@link SocketGuard}s are per channel, and {@link LocalFanout}'s outboxes and {@code send} are static.
 * {@link SocketMetrics} reads them when /q/metrics is scraped; moving one is a striped add, cheap on any thread.
 */
final class FanoutCounts {
    /** Participant frames posted to an event loop's outbox and not yet rendered and written. */
    static final LongAdder QUEUED = new LongAdder();

    private FanoutCounts() {
    }

    /** How a participant's frame of a broadcast was written (the {@code path} tag of jingda.fanout.written). */
    enum Written {
        /** Straight to the connection's Netty channel, as bytes encoded once per broadcast ({@link ChannelWire}). */
        CHANNEL,
        /** Through websockets-next's {@code sendText}: a frame over 8 KiB, or a connection without a channel. */
        CONNECTION;

        final LongAdder count = new LongAdder();

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Why a frame was not delivered to a client that does not read (the {@code reason} tag of jingda.fanout.dropped). */
    enum Dropped {
        /** A lobby or progress frame skipped while the connection was unwritable (the next one supersedes it). */
        SUPERSEDED,
        /** The connection was closed: the frame would have queued more than jingda.contest.socket.max-queued. */
        QUEUE_FULL,
        /** The connection was closed: it stayed unwritable for jingda.contest.socket.unwritable-timeout. */
        UNWRITABLE;

        final LongAdder count = new LongAdder();

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
