package io.jingda.live;

import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.protocol.RoundMessages;
import io.jingda.contest.ContestRecords;
import io.jingda.live.team.Match;
import io.jingda.live.team.RoundEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a contest's transitions into frames of the live protocol and hands them to the {@link Fanout}
 * as data. Shared frames are serialised once; a personal frame is the shared frame plus each
 * participant's small {@code Personal} record, and a shuffled question is the question plus the
 * rule for each participant's order, both rendered where the connections are.
 */
@ApplicationScoped
public class Broadcasts {
    private final Fanout fanout;
    private final ContestClock clock;

    public Broadcasts(Fanout fanout, ContestClock clock) {
        this.fanout = fanout;
        this.clock = clock;
    }

    private void toWatchers(ContestRuntime rt, String frame) {
        fanout.broadcast(rt.id(), Audience.HOSTS, frame);
        fanout.broadcast(rt.id(), Audience.SCREENS, frame);
    }

    void question(ContestRuntime rt) {
        Messages.Question q = rt.questionMessage(clock.now());
        String canonical = Frames.json(q);
        toWatchers(rt, canonical);
        fanout.toPlayers(rt.id(), rt.shuffles(q) ? new PlayerFrames.ShuffledQuestion(rt.id(), q)
                : new PlayerFrames.Same(canonical, true));
    }

    void closed(ContestRuntime rt) {
        String frame = Frames.json(rt.closedMessage());
        toWatchers(rt, frame);
        // the reveal supersedes it: a participant whose 'closed' has not gone out when the reveal
        // starts (a host revealing at once, or auto-advance) gets only the reveal
        fanout.toPlayers(rt.id(), new PlayerFrames.Closed(frame));
    }

    /** The question moves on from CLOSED: participants who have not got its 'closed' yet get only the reveal. */
    void revealing(ContestRuntime rt) {
        fanout.supersedeClosed(rt.id());
    }

    void reveal(ContestRuntime rt) {
        withYou(rt, ContestRuntime.LastKind.REVEAL, Frames.json(rt.revealMessage()));
    }

    void leaderboard(ContestRuntime rt) {
        withYou(rt, ContestRuntime.LastKind.LEADERBOARD, Frames.json(rt.leaderboardMessage()));
    }

    void finished(ContestRuntime rt) {
        withYou(rt, ContestRuntime.LastKind.FINISHED, Frames.json(rt.finishedMessage()));
    }

    private void withYou(ContestRuntime rt, ContestRuntime.LastKind kind, String shared) {
        rt.onShow(kind, shared);
        toWatchers(rt, shared);
        fanout.toPlayers(rt.id(), new PlayerFrames.WithYou(shared, rt.personal(kind), true));
    }

    /** Team round events, once stored: each frame serialised once, to hosts only or to everyone. */
    void announce(ContestRuntime rt, List<RoundEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        rt.eventsStored(events); // announced only once stored: from now on a judged question may close
        for (Match.Announcement a : rt.announce(events)) {
            String frame = Frames.json(a.frame());
            fanout.broadcast(rt.id(), Audience.HOSTS, frame);
            if (!a.hostsOnly()) {
                fanout.broadcast(rt.id(), Audience.SCREENS, frame);
                fanout.broadcast(rt.id(), Audience.PLAYERS, frame);
            }
        }
        if (events.stream().anyMatch(e -> RoundEvent.BUZZ.equals(e.kind()))) {
            buzzOrder(rt);
        }
    }

    /** The buzz order changed (a team buzzed after the winner): to hosts. */
    void buzzOrder(ContestRuntime rt) {
        RoundMessages.BuzzOrder order = rt.buzzOrder();
        if (order != null) {
            fanout.broadcast(rt.id(), Audience.HOSTS, Frames.json(order));
        }
    }

    /** A host's ruling, with the team standings after it: to hosts and screens. */
    void ruling(ContestRuntime rt, ContestRecords.Ruling r) {
        toWatchers(rt, Frames.json(new RoundMessages.Ruling(r.id(), r.teamId(), r.participantId(), r.points(),
                r.reason(), r.undoes(), r.by(), r.at(), rt.teams())));
    }

    /** The host moved a participant to a team: everyone learns it (a phone sees its own id). */
    void teamAssigned(ContestRuntime rt, long participantId, Integer teamId) {
        String frame = Frames.json(new RoundMessages.TeamAssigned(participantId,
                rt.participantViews().stream().filter(p -> p.participantId() == participantId)
                        .map(p -> p.nickname()).findFirst().orElse(null), teamId));
        toWatchers(rt, frame);
        fanout.broadcast(rt.id(), Audience.PLAYERS, frame);
    }

    /** Pause and resume. */
    void status(ContestRuntime rt) {
        String frame = Frames.json(rt.statusMessage(clock.now()));
        fanout.broadcast(rt.id(), Audience.PLAYERS, frame);
        toWatchers(rt, frame);
    }

    /** The throttled pushes: lobby count, the host's list of who joined or left, answer progress. */
    void pushIfDirty(ContestRuntime rt, long now, long intervalMs) {
        Optional<ContestRuntime.Pushes> due = rt.pushesDue(now, intervalMs);
        if (due.isEmpty()) {
            return;
        }
        ContestRuntime.Pushes p = due.get();
        if (p.lobby() != null) {
            String lobby = Frames.json(p.lobby());
            fanout.broadcast(rt.id(), Audience.PLAYERS, lobby);
            fanout.broadcast(rt.id(), Audience.SCREENS, Frames.json(p.screenLobby()));
            fanout.broadcast(rt.id(), Audience.HOSTS, lobby);
            fanout.broadcast(rt.id(), Audience.HOSTS, Frames.json(p.participants()));
        }
        if (p.hostProgress() != null) {
            fanout.broadcast(rt.id(), Audience.HOSTS, Frames.json(p.hostProgress()));
            fanout.broadcast(rt.id(), Audience.SCREENS, Frames.json(p.screenProgress()));
        }
    }

    // ---- the frames a connecting client gets

    /** A participant's: the state, then the reveal, leaderboard or podium on show, with their part. */
    List<String> forParticipant(ContestRuntime rt, long participantId) {
        List<String> out = new ArrayList<>(2);
        out.add(Frames.json(rt.stateFor(participantId, false, false, clock.now())));
        rt.replayFor(participantId).ifPresent(w -> {
            String frame = w.frameFor(Frames.personalHead(w.shared()), participantId);
            if (frame != null) {
                out.add(frame);
            }
        });
        return out;
    }

    /** A host's or a screen's: the state (with the allowed actions for a host), then whatever is on show. */
    List<String> forWatcher(ContestRuntime rt, boolean host) {
        List<String> out = new ArrayList<>(2);
        out.add(Frames.json(rt.stateFor(null, true, host, clock.now())));
        rt.replayFor(null).ifPresent(w -> out.add(w.shared()));
        return out;
    }

    String screenLobby(ContestRuntime rt) {
        return Frames.json(rt.screenLobby());
    }
}
