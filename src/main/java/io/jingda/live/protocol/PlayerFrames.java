package io.jingda.live.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What every connected participant of a contest gets of one broadcast, as data: a frame for all, a
 * question whose options each participant sees in their own order, or a shared frame plus each
 * participant's {@link Personal} part. Nothing here refers to live state, so a broadcast can be
 * serialised and published to the nodes that hold the connections; each node renders the frames of
 * its own participants ({@code LocalFanout} does it on the event loops).
 */
public sealed interface PlayerFrames {

    /**
     * Whether this broadcast supersedes an earlier {@link Closed} not yet written to a participant: a
     * participant whose {@code closed} has not gone out when the reveal (or the next question, or the
     * podium) is posted gets only the newer frame.
     */
    boolean supersedesClosed();

    /** The same frame for every participant ({@code supersedesClosed}: true for a question frame). */
    record Same(String frame, boolean supersedesClosed) implements PlayerFrames {
    }

    /** The question is closed; dropped for a participant when a superseding broadcast is posted before it went out. */
    record Closed(String frame) implements PlayerFrames {
        @Override
        public boolean supersedesClosed() {
            return false;
        }
    }

    /** A question whose options each participant sees in their {@link OptionOrder}: rendered once per distinct order. */
    record ShuffledQuestion(long contestId, Messages.Question question) implements PlayerFrames {
        @Override
        public boolean supersedesClosed() {
            return true;
        }

        public Messages.Question forParticipant(long participantId) {
            return question.withOptions(OptionOrder.of(contestId, participantId, question.index(), question.options()));
        }
    }

    /**
     * A frame that carries {@code you}: the shared frame (without it) and each participant's part; a
     * participant without a part gets nothing. {@code supersedesClosed} is true for reveals and podiums.
     */
    record WithYou(String shared, Map<Long, Personal> you, boolean supersedesClosed) implements PlayerFrames {
        // the map is built for this broadcast and never changed after it is posted (no copy of 10,000 entries)

        /** The frame of one participant: the shared frame's head, their part and the closing brace. */
        public String frameFor(String head, long participantId) {
            Personal p = you.get(participantId);
            return p == null ? null : head + p.json() + "}";
        }

        /** The UTF-8 of the shared frame's head ({@link Frames#personalHead}): every participant's frame opens with it. */
        public byte[] headBytes() {
            return Frames.personalHead(shared).getBytes(StandardCharsets.UTF_8);
        }

        /**
         * One participant's frame as the head's bytes ({@link #headBytes}, encoded once per broadcast)
         * and their own: their part and the closing brace; null for a participant without a part.
         */
        public Utf8Frame utf8For(byte[] head, long participantId) {
            Personal p = you.get(participantId);
            return p == null ? null : new Utf8Frame(head, (p.json() + "}").getBytes(StandardCharsets.UTF_8));
        }
    }
}
