package io.jingda.live.cluster;

import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.socket.LocalFanout;

import java.util.HashMap;
import java.util.Map;

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

    /**
     * A frame with every participant's part goes to each node with only the parts of the participants
     * it holds, on its own channel (the node each one was last heard from, see docs/benchmarks.md for
     * why); the parts of participants this owner has not heard from through another node (its own,
     * and those whose sockets outlived an earlier owner) go once on the contest's channel.
     */
    @Override
    public void toPlayers(long contestId, PlayerFrames frames) {
        local.toPlayers(contestId, frames);
        Map<Long, String> where = node.locations().of(contestId);
        if (!(frames instanceof PlayerFrames.WithYou w) || where.isEmpty()) {
            node.publish(contestId, BroadcastCodec.toPlayers(node.id(), frames));
            return;
        }
        Map<String, Map<Long, Personal>> byNode = new HashMap<>();
        Map<Long, Personal> elsewhere = new HashMap<>();
        String self = node.id();
        for (Map.Entry<Long, Personal> e : w.you().entrySet()) {
            String at = where.get(e.getKey());
            if (at == null) {
                elsewhere.put(e.getKey(), e.getValue());
            } else if (!at.equals(self)) {
                byNode.computeIfAbsent(at, k -> new HashMap<>()).put(e.getKey(), e.getValue());
            }
        }
        byNode.forEach((at, rows) -> node.publishTo(at, BroadcastCodec.toPlayersOn(self, contestId,
                new PlayerFrames.WithYou(w.shared(), rows, w.supersedesClosed()))));
        if (!elsewhere.isEmpty()) {
            node.publish(contestId, BroadcastCodec.toPlayers(self, new PlayerFrames.WithYou(w.shared(), elsewhere,
                    w.supersedesClosed())));
        }
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
