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

import io.jingda.live.protocol.Audience;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

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
    private final Relay relay;

    public LiveSessions(LiveContests contests, ContestService service, LiveStore store, Broadcasts broadcasts,
                        Fanout fanout, Relay relay) {
        this.relay = relay;
        this.contests = contests;
        this.service = service;
        this.store = store;
        this.broadcasts = broadcasts;
        this.fanout = fanout;
    }

    /** A participant's connection. */
    public record Player(long contestId, long participantId) {
    }

    /** Who a token belongs to, without blocking: the contest in memory, or (an edge) the token cache. */
    public Optional<Player> authenticate(long contestId, String token) {
        if (token == null || token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        ContestRuntime rt = contests.get(contestId).orElse(null);
        Optional<Long> pid = rt != null ? rt.participantByToken(JoinService.hash(token))
                : relay.enabled() ? relay.cachedParticipant(contestId, JoinService.hash(token)) : Optional.empty();
        return pid.map(id -> new Player(contestId, id));
    }

    /** At the upgrade: as {@link #authenticate}, and on an edge the database when the token is not cached yet. */
    public CompletionStage<Optional<Player>> authenticateAtUpgrade(long contestId, String token) {
        Optional<Player> known = authenticate(contestId, token);
        if (known.isPresent() || !relay.enabled() || contests.get(contestId).isPresent()
                || token == null || token.isEmpty() || token.length() > 100) {
            return CompletableFuture.completedFuture(known);
        }
        return relay.participant(contestId, JoinService.hash(token))
                .thenApply(pid -> pid.map(id -> new Player(contestId, id)));
    }

    /** The live contest a join code opens, for the public screen (on an edge, from the database). */
    public CompletionStage<Optional<Long>> contestByCode(String code) {
        Optional<Long> here = contests.byCode(code).map(ContestRuntime::id);
        if (here.isPresent() || !relay.enabled() || code == null || !code.matches("[0-9]{6}")) {
            return CompletableFuture.completedFuture(here);
        }
        return relay.contestByCode(code).thenApply(c -> c.filter(Relay.OpenContest::open).map(Relay.OpenContest::id));
    }

    /** For the host socket: 200, 404 if the contest is not live (here, or on another node), 403 if the caller may not manage it. */
    public CompletionStage<Integer> hostAccess(long contestId, Caller caller) {
        ContestRuntime rt = contests.get(contestId).orElse(null);
        if (rt != null || !relay.enabled()) {
            return CompletableFuture.completedFuture(rt == null ? 404 : caller.mayManage(rt.owner()) ? 200 : 403);
        }
        return relay.contest(contestId).thenApply(c -> c.filter(Relay.OpenContest::open)
                .map(x -> caller.mayManage(x.owner()) ? 200 : 403).orElse(404));
    }


    /** The frames a new connection gets: from memory, or (on an edge) from the owner, once they arrive. */
    public void connectFrames(long contestId, Audience audience, Long participantId, Consumer<List<String>> frames) {
        if (relay.enabled() && contests.get(contestId).isEmpty()) {
            relay.connectFrames(contestId, audience, participantId, frames);
            return;
        }
        frames.accept(switch (audience) {
            case PLAYERS -> connectFrames(new Player(contestId, participantId));
            case SCREENS -> screenFrames(contestId);
            case HOSTS -> hostFrames(contestId);
        });
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
        relay.forget(contestId, participantId);
        fanout.disconnectPlayer(contestId, participantId,
                Frames.json(new Messages.Error("KICKED", "the host removed you from the contest")), "kicked");
    }

    /** The host's list: live scores (not only those shown), so hosts see the truth. */
    public Optional<List<ContestEngine.ParticipantView>> participants(long contestId) {
        return contests.get(contestId).map(ContestRuntime::participantViews);
    }
}
