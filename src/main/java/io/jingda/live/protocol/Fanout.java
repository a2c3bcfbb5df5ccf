package io.jingda.live.protocol;

import io.jingda.live.LiveRanking;
import io.jingda.live.socket.LocalFanout;

import java.util.function.LongFunction;

/**
 * Delivery of frames to the connections of one contest. The engine only talks to this
 * interface. {@link LocalFanout} holds this node's connections; with several nodes, a
 * Redis-backed implementation publishes each frame on a per-contest channel and every node
 * delivers to its own connections (personal frames: the node holding the connection renders
 * them from the shared {@link LiveRanking}). Sends never wait for the write to finish.
 */
public interface Fanout {

    /** The same (already serialised) frame to every connection of the audience. */
    void broadcast(long contestId, Audience audience, String frame);

    /** A frame per connected participant; the function returns null to skip one. */
    void eachPlayer(long contestId, LongFunction<String> frameFor);

    void toPlayer(long contestId, long participantId, String frame);

    /** Closes a participant's connection (kicked, or replaced by a newer one), after an optional last frame. */
    void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason);

    /** Closes every connection of the contest (it was deleted, or the engine unloads it). */
    void closeContest(long contestId, String reason);

    int connectedPlayers(long contestId);
}
