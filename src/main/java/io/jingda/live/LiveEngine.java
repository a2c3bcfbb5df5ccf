package io.jingda.live;

import io.jingda.contest.Caller;
import io.jingda.contest.ContestDto;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestSettings;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The engine as the contest side sees it: host actions, the participants of a live contest, its join limits. */
@ApplicationScoped
public class LiveEngine implements ContestEngine {
    private final ContestLifecycle lifecycle;
    private final LiveSessions sessions;
    private final LiveContests registry;
    private final HostRulings rulings;
    private final Relay relay;

    public LiveEngine(ContestLifecycle lifecycle, LiveSessions sessions, LiveContests registry, HostRulings rulings,
                      Relay relay) {
        this.relay = relay;
        this.rulings = rulings;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.registry = registry;
    }

    // every call on an open contest another node runs goes to that node (several nodes: docs/cluster.md)

    @Override
    public ContestDto act(long id, String action, Caller caller) {
        return act(id, action, null, caller);
    }

    @Override
    public ContestDto act(long id, String action, io.jingda.contest.ActionRequest body, Caller caller) {
        if (elsewhere(id)) {
            return remote(id, Relay.Call.ACT, new Relay.ActCall(action, body), caller, new TypeReference<ContestDto>() { });
        }
        return lifecycle.act(id, action, body, caller);
    }

    @Override
    public io.jingda.contest.ContestRecords.Ruling rule(long contestId, io.jingda.contest.RulingRequest ruling,
                                                         Caller caller) {
        if (elsewhere(contestId)) {
            return remote(contestId, Relay.Call.RULE, ruling, caller,
                    new TypeReference<io.jingda.contest.ContestRecords.Ruling>() { });
        }
        return rulings.rule(contestId, ruling, caller);
    }

    @Override
    public void assignTeam(long contestId, long participantId, Integer teamId, Caller caller) {
        if (elsewhere(contestId)) {
            remote(contestId, Relay.Call.ASSIGN_TEAM, new Relay.AssignCall(participantId, teamId), caller,
                    new TypeReference<Object>() { });
            return;
        }
        rulings.assignTeam(contestId, participantId, teamId, caller);
    }

    @Override
    public Optional<List<ParticipantView>> participants(long contestId) {
        if (elsewhere(contestId)) {
            return Optional.ofNullable(remote(contestId, Relay.Call.PARTICIPANTS, null, null,
                    new TypeReference<List<ParticipantView>>() { }));
        }
        return sessions.participants(contestId);
    }

    @Override
    public void kick(long contestId, long participantId, Caller caller) {
        if (elsewhere(contestId)) {
            remote(contestId, Relay.Call.KICK, participantId, caller, new TypeReference<Object>() { });
            return;
        }
        sessions.kick(contestId, participantId, caller);
    }

    @Override
    public OptionalInt joined(long contestId) {
        if (elsewhere(contestId)) {
            Integer n = remote(contestId, Relay.Call.JOINED, null, null, new TypeReference<Integer>() { });
            return n == null ? OptionalInt.empty() : OptionalInt.of(n);
        }
        return registry.get(contestId).map(rt -> OptionalInt.of(rt.joined())).orElse(OptionalInt.empty());
    }

    @Override
    public void settingsChanged(long contestId, ContestSettings settings) {
        if (elsewhere(contestId)) {
            remote(contestId, Relay.Call.SETTINGS, settings, null, new TypeReference<Object>() { });
            return;
        }
        registry.get(contestId).ifPresent(rt -> rt.settings(settings));
    }

    @Override
    public Optional<List<String>> allowedActions(long contestId) {
        if (elsewhere(contestId)) {
            return Optional.ofNullable(remote(contestId, Relay.Call.ALLOWED_ACTIONS, null, null,
                    new TypeReference<List<String>>() { }));
        }
        return registry.get(contestId).map(ContestRuntime::allowedActions);
    }

    /** Whether this node runs the contest (it is loaded here). */
    public boolean runsHere(long contestId) {
        return registry.get(contestId).isPresent();
    }

    /** Blocking (worker threads): the contest is open and run by another node. */
    private boolean elsewhere(long contestId) {
        return relay.enabled() && registry.get(contestId).isEmpty() && relay.runsElsewhere(contestId);
    }

    private <T> T remote(long contestId, Relay.Call call, Object argument, Caller caller, TypeReference<T> type) {
        try {
            return relay.call(contestId, call, argument, caller, type).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public boolean codeInUse(String code) {
        return registry.codeInUse(code);
    }
}
