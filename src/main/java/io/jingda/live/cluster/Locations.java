package io.jingda.live.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * As an owner: the node each participant of a contest was last heard from (their connection's first
 * frames, answers, buzzes and stakes come through it), so that a broadcast's personal parts go to that
 * node alone ({@link ClusterFanout#toPlayers}). Forgotten when the contest leaves this node.
 */
final class Locations {
    private final Map<Long, Map<Long, String>> byContest = new ConcurrentHashMap<>();

    void locate(long contestId, long participantId, String node) {
        byContest.computeIfAbsent(contestId, k -> new ConcurrentHashMap<>()).put(participantId, node);
    }

    /** Participant id → node, for those heard from through another node. */
    Map<Long, String> of(long contestId) {
        return byContest.getOrDefault(contestId, Map.of());
    }

    void forget(long contestId) {
        byContest.remove(contestId);
    }
}
