package io.jingda.live.cluster;

import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.socket.LocalFanout;

/**
 * The owner's delivery with several nodes: each call goes to this node's own connections at once
 * ({@link LocalFanout}) and is published once on the contest's channel for the other nodes, which
 * deliver it to theirs ({@link ClusterNode#onContestMessage}). A node ignores what it published itself.
 */
final class ClusterFanout implements Fanout {
    private final LocalFanout local;
    private final ClusterNode node;

    ClusterFanout(LocalFanout local, ClusterNode node) {
        this.local = local;
        this.node = node;
    }

    @Override
    public void broadcast(long contestId, Audience audience, String frame) {
        local.broadcast(contestId, audience, frame);
        node.publish(contestId, BroadcastCodec.broadcast(node.id(), audience, frame));
    }

    @Override
    public void toPlayers(long contestId, PlayerFrames frames) {
        local.toPlayers(contestId, frames);
        node.publish(contestId, BroadcastCodec.toPlayers(node.id(), frames));
    }

    @Override
    public void supersedeClosed(long contestId) {
        local.supersedeClosed(contestId);
        node.publish(contestId, BroadcastCodec.supersede(node.id()));
    }

    @Override
    public void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason) {
        local.disconnectPlayer(contestId, participantId, lastFrame, reason);
        node.publish(contestId, BroadcastCodec.disconnect(node.id(), participantId, lastFrame, reason));
    }

    @Override
    public void closeContest(long contestId, String reason) {
        local.closeContest(contestId, reason);
        node.publish(contestId, BroadcastCodec.closeContest(node.id(), reason));
        node.dropStream(contestId); // the contest is over here for good: nothing more is forwarded to it
    }
}
