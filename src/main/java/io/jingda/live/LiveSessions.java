package io.jingda.live;

import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;

import io.jingda.contest.Caller;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestStatus;

import io.jingda.system.ApiException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * What the WebSocket endpoints ask the contest side: who a token belongs to, who may watch a
 * contest, and the frames a client gets when it connects (the state snapshot, then whatever
 * reveal, leaderboard or podium is on show).
 */
@ApplicationScoped
public class LiveSessions {
    private final LiveContests registry;
    private final ContestService contests;
    private final LiveStore store;
    private final Broadcasts broadcasts;
    private final Fanout fanout;

    public LiveSessions(LiveContests registry, ContestService contests, LiveStore store, Broadcasts broadcasts,
                        Fanout fanout) {
        this.registry = registry;
        this.contests = contests;
        this.store = store;
        this.broadcasts = broadcasts;
        this.fanout = fanout;
    }

    /** A participant's connection. */
    public record Player(long contestId, long participantId) {
    }

    public Optional<Player> authenticate(long contestId, String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        return registry.get(contestId)
                .map(rt -> rt.byToken.get(JoinService.hash(token)))
                .filter(p -> !p.kicked)
                .map(p -> new Player(contestId, p.id));
    }

    public boolean isActive(Player player) {
        return registry.get(player.contestId()).map(rt -> rt.participants.get(player.participantId()))
                .filter(p -> !p.kicked).isPresent();
    }

    /** The live contest a join code opens, for the public screen. */
    public Optional<Long> contestByCode(String code) {
        return registry.byCode(code).map(rt -> rt.id);
    }

    /** For the host socket, in memory: 200, 404 if the contest is not live here, 403 if the caller may not manage it. */
    public int hostAccess(long contestId, Caller caller) {
        return registry.get(contestId).map(rt -> caller.mayManage(rt.owner) ? 200 : 403).orElse(404);
    }

    public List<String> connectFrames(Player player) {
        ContestRuntime rt = registry.get(player.contestId()).orElse(null);
        ParticipantState p = rt == null ? null : rt.participants.get(player.participantId());
        if (p == null) {
            return List.of();
        }
        String replay = broadcasts.replay(rt, p);
        return replay == null ? List.of(broadcasts.state(rt, p, false)) : List.of(broadcasts.state(rt, p, false), replay);
    }

    /** What a projector gets on connect: the watcher's frames, and in the lobby the names already in. */
    public List<String> screenFrames(long contestId) {
        ContestRuntime rt = registry.get(contestId).orElse(null);
        if (rt != null && rt.status == ContestStatus.LOBBY) {
            return List.of(broadcasts.state(rt, null, true), broadcasts.screenLobby(rt));
        }
        return watcherFrames(contestId);
    }

    public List<String> watcherFrames(long contestId) {
        ContestRuntime rt = registry.get(contestId).orElse(null);
        if (rt == null) {
            return List.of();
        }
        String replay = broadcasts.replay(rt, null);
        return replay == null ? List.of(broadcasts.state(rt, null, true)) : List.of(broadcasts.state(rt, null, true), replay);
    }

    /** Host: removes a participant; their connection is closed and their token stops working. Blocking. */
    public void kick(long contestId, long participantId, Caller caller) {
        contests.require(contestId, caller);
        ContestRuntime rt = registry.get(contestId).orElseThrow(() -> new ApiException(409, "INVALID_STATE",
                "contest " + contestId + " is not open; only participants of an open contest can be removed", List.of()));
        ParticipantState p = rt.participants.get(participantId);
        if (p == null || p.kicked) {
            throw ApiException.notFound("participant", String.valueOf(participantId));
        }
        store.kick(contestId, participantId);
        rt.kick(p);
        fanout.disconnectPlayer(contestId, participantId,
                Frames.json(new Messages.Error("KICKED", "the host removed you from the contest")), "kicked");
    }

    /** The host's list: live scores (not only those shown), so hosts see the truth. */
    public Optional<List<ContestEngine.ParticipantView>> participants(long contestId) {
        return registry.get(contestId).map(rt -> {
            synchronized (rt) {
                return rt.participants.values().stream()
                        .sorted(java.util.Comparator.comparingLong(p -> p.id))
                        .map(p -> new ContestEngine.ParticipantView(p.id, p.nickname, p.score, p.shownRank, p.kicked, p.joinedAt))
                        .toList();
            }
        });
    }
}
