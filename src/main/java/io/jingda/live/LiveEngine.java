package io.jingda.live;

import io.jingda.contest.Caller;
import io.jingda.contest.ContestDto;
import io.jingda.contest.ContestEngine;
import io.jingda.contest.ContestSettings;
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

    public LiveEngine(ContestLifecycle lifecycle, LiveSessions sessions, LiveContests registry, HostRulings rulings) {
        this.rulings = rulings;
        this.lifecycle = lifecycle;
        this.sessions = sessions;
        this.registry = registry;
    }

    @Override
    public ContestDto act(long id, String action, Caller caller) {
        return lifecycle.act(id, action, caller);
    }

    @Override
    public ContestDto act(long id, String action, io.jingda.contest.ActionRequest body, Caller caller) {
        return lifecycle.act(id, action, body, caller);
    }

    @Override
    public io.jingda.contest.ContestRecords.Ruling rule(long contestId, io.jingda.contest.RulingRequest ruling,
                                                         Caller caller) {
        return rulings.rule(contestId, ruling, caller);
    }

    @Override
    public void assignTeam(long contestId, long participantId, Integer teamId, Caller caller) {
        rulings.assignTeam(contestId, participantId, teamId, caller);
    }

    @Override
    public Optional<List<ParticipantView>> participants(long contestId) {
        return sessions.participants(contestId);
    }

    @Override
    public void kick(long contestId, long participantId, Caller caller) {
        sessions.kick(contestId, participantId, caller);
    }

    @Override
    public OptionalInt joined(long contestId) {
        return registry.get(contestId).map(rt -> OptionalInt.of(rt.joined())).orElse(OptionalInt.empty());
    }

    @Override
    public void settingsChanged(long contestId, ContestSettings settings) {
        registry.get(contestId).ifPresent(rt -> rt.settings(settings));
    }

    @Override
    public Optional<List<String>> allowedActions(long contestId) {
        return registry.get(contestId).map(ContestRuntime::allowedActions);
    }

    @Override
    public boolean codeInUse(String code) {
        return registry.codeInUse(code);
    }
}
