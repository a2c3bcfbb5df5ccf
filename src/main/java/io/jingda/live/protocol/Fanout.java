package io.jingda.live.protocol;

/**
 * Delivery of frames to the connections of one contest: the engine's only way out. Every argument is
 * data (frames already serialised, {@link PlayerFrames} records), never a callback into live state,
 * so an implementation can publish a broadcast to other nodes, each delivering to its own connections.
 * {@code LocalFanout} delivers to this node's connections. Sends never wait for the write to finish.
 */
public interface Fanout {

    /** The same (already serialised) frame to every connection of the audience. */
    void broadcast(long contestId, Audience audience, String frame);

    /** A broadcast to every connected participant, each getting their own frame of it. */
    void toPlayers(long contestId, PlayerFrames frames);

    /**
     * The current question is being revealed: a {@code closed} frame not yet written to a participant
     * is dropped from now on (the reveal, which follows, supersedes it). Called as soon as the engine
     * moves on, before it stores and builds the reveal, so that no participant gets a stale frame in
     * between.
     */
    void supersedeClosed(long contestId);

    /** Closes a participant's connection (kicked, or replaced by a newer one), after an optional last frame. */
    void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason);

    /** Closes every connection of the contest (it was deleted, or the engine unloads it). */
    void closeContest(long contestId, String reason);
}
