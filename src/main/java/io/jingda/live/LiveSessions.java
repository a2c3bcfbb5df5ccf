package io.jingda.live;

import io.jingda.contest.Caller;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestStatus;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
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
    private final LiveContests contests;
    private final ContestService service;
    private final LiveStore store;
    private final Broadcasts broadcasts;
    private final Fanout fanout;

    public LiveSessions(LiveContests contests, ContestService service, LiveStore store, Broadcasts broadcasts,
                        Fanout fanout) {
        this.contests = contests;
        this.service = service;
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
        return contests.get(contestId)
                .flatMap(rt -> rt.participantByToken(JoinService.hash(token)))
                .map(pid -> new Player(contestId, pid));
    }

    /** The live contest a join code opens, for the public screen. */
    public Optional<Long> contestByCode(String code) {
        return contests.byCode(code).map(ContestRuntime::id);
    }

    /** For the host socket, in memory: 200, 404 if the contest is not live here, 403 if the caller may not manage it. */
    public int hostAccess(long contestId, Caller caller) {
        return contests.get(contestId).map(rt -> caller.mayManage(rt.owner()) ? 200 : 403).orElse(404);
    }

    public List<String> connectFrames(Player player) {
        ContestRuntime rt = contests.get(player.contestId()).orElse(null);
        if (rt == null || !rt.isIn(player.participantId())) {
            return List.of();
        }
        return broadcasts.forParticipant(rt, player.participantId());
    }

    /** What a projector gets on connect: the watcher's frames, and in the lobby the names already in. */
    public List<String> screenFrames(long contestId) {
        ContestRuntime rt = contests.get(contestId).orElse(null);
        if (rt == null) {
            return List.of();
        }
        if (rt.status() == ContestStatus.LOBBY) {
            return List.of(broadcasts.forWatcher(rt, false).get(0), broadcasts.screenLobby(rt));
        }
        return broadcasts.forWatcher(rt, false);
    }

    /** What a host's console gets on connect: the state with the actions allowed now, then whatever is on show. */
    public List<String> hostFrames(long contestId) {
        return contests.get(contestId).map(rt -> broadcasts.forWatcher(rt, true)).orElse(List.of());
    }

    /** Host: removes a participant; their connection is closed and their token stops working. Blocking. */
    public void kick(long contestId, long participantId, Caller caller) {
        service.require(contestId, caller);
        ContestRuntime rt = contests.get(contestId).orElseThrow(() -> new ApiException(409, "INVALID_STATE",
                "contest " + contestId + " is not open; only participants of an open contest can be removed", List.of()));
        if (!rt.isIn(participantId)) {
            throw ApiException.notFound("participant", String.valueOf(participantId));
        }
        store.kick(contestId, participantId);
        rt.kick(participantId);
        fanout.disconnectPlayer(contestId, participantId,
                Frames.json(new Messages.Error("KICKED", "the host removed you from the contest")), "kicked");
    }

    /** The host's list: live scores (not only those shown), so hosts see the truth. */
    public Optional<List<ContestEngine.ParticipantView>> participants(long contestId) {
        return contests.get(contestId).map(ContestRuntime::participantViews);
    }
}
