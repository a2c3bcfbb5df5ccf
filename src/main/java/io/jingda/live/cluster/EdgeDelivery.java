package io.jingda.live.cluster;

import io.jingda.live.protocol.Audience;
import io.jingda.live.socket.LocalFanout;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.function.LongPredicate;

/**
 * An edge's delivery: the owners' broadcasts, arriving on the contests' channels, replayed on this
 * node's own connections (each participant's frame rendered here, as on the owner); and after Redis
 * was away, the current state asked for again for every connection.
 */
final class EdgeDelivery {
    private static final Logger LOG = Logger.getLogger(EdgeDelivery.class);

    private final ClusterNode node;
    private final LocalFanout local;
    private final EdgeDirectory directory;
    private final LongPredicate runsHere;

    EdgeDelivery(ClusterNode node, LocalFanout local, EdgeDirectory directory, LongPredicate runsHere) {
        this.node = node;
        this.local = local;
        this.directory = directory;
        this.runsHere = runsHere;
    }

    /** The owner's broadcast on this node's channel: the personal parts of the participants this node holds. */
    void onNodeMessage(String payload) {
        BroadcastCodec.Addressed a;
        try {
            a = BroadcastCodec.readAddressed(payload);
        } catch (Exception e) {
            LOG.warnf("an unreadable broadcast on this node's channel: %s", e.getMessage());
            return;
        }
        deliver(a.contestId(), a.call());
    }

    /** The owner's broadcast, delivered to this node's connections of the contest. */
    void onContestMessage(long contestId, String payload) {
        BroadcastCodec.Call call;
        try {
            call = BroadcastCodec.read(payload);
        } catch (Exception e) {
            LOG.warnf("an unreadable broadcast of contest %d: %s", contestId, e.getMessage());
            return;
        }
        deliver(contestId, call);
    }

    private void deliver(long contestId, BroadcastCodec.Call call) {
        if (call.origin().equals(node.id())) {
            return; // delivered already, by this node's own fan-out
        }
        if (call instanceof BroadcastCodec.Broadcast b) {
            local.broadcast(contestId, b.audience(), b.frame());
        } else if (call instanceof BroadcastCodec.ToPlayers t) {
            local.toPlayers(contestId, t.frames());
        } else if (call instanceof BroadcastCodec.Supersede) {
            local.supersedeClosed(contestId);
        } else if (call instanceof BroadcastCodec.Disconnect d) {
            directory.forget(contestId, d.participantId());
            local.disconnectPlayer(contestId, d.participantId(), d.lastFrame(), d.reason());
        } else if (call instanceof BroadcastCodec.CloseContest c) {
            local.closeContest(contestId, c.reason());
            node.link().unsubscribe(ClusterNode.contestChannel(contestId));
        }
    }

    /**
     * Redis came back: what was broadcast meanwhile is lost (pub/sub keeps nothing), so every
     * connection of a contest run elsewhere gets the current state from its owner again.
     */
    void resync() {
        for (long contestId : local.contestIds()) {
            if (runsHere.test(contestId)) {
                continue;
            }
            local.playerConnections(contestId).forEach((pid, c) -> node.connectFrames(contestId, Audience.PLAYERS, pid,
                    frames -> frames.forEach(f -> LocalFanout.send(c, f))));
            for (Audience a : List.of(Audience.HOSTS, Audience.SCREENS)) {
                local.watchers(contestId, a).forEach(c -> node.connectFrames(contestId, a, null,
                        frames -> frames.forEach(f -> LocalFanout.send(c, f))));
            }
        }
    }

}
