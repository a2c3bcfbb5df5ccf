package io.jingda.live;

import io.jingda.contest.Caller;
import io.jingda.contest.ContestRecords;
import io.jingda.contest.ContestService;
import io.jingda.contest.RulingRequest;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * What a host decides by hand in a live contest: rulings (points to a team or a participant, with a
 * reason, and their undo) and who plays for which team. Each is checked, stored, applied to the runtime
 * under its transition lock, then announced.
 */
@ApplicationScoped
public class HostRulings {
    private static final Logger LOG = Logger.getLogger(HostRulings.class);
    private final LiveContests registry;
    private final ContestService contests;
    private final LiveStore store;
    private final Broadcasts broadcasts;
    private final ContestClock clock;

    public HostRulings(LiveContests registry, ContestService contests, LiveStore store, Broadcasts broadcasts,
                       ContestClock clock) {
        this.registry = registry;
        this.contests = contests;
        this.store = store;
        this.broadcasts = broadcasts;
        this.clock = clock;
    }

    /** A host's ruling (or the undo of one) on a live contest: stored, applied, then announced. */
    public ContestRecords.Ruling rule(long id, RulingRequest r, Caller caller) {
        contests.require(id, caller);
        ContestRuntime rt = live(id);
        if (r == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "is required")));
        }
        return rt.serialized(() -> {
            List<ContestRecords.Ruling> all = store.rulings(id);
            Integer team;
            Long participant;
            int points;
            String reason = r.reason() == null ? "" : r.reason().strip();
            if (r.undoes() != null) {
                ContestRecords.Ruling original = all.stream().filter(x -> x.id() == r.undoes()).findFirst()
                        .orElseThrow(() -> ApiException.notFound("ruling", String.valueOf(r.undoes())));
                if (original.undoes() != null) {
                    throw new ApiException(409, "INVALID_STATE", "ruling " + original.id() + " is an undo; "
                            + "it cannot be undone (give a new ruling instead)", List.of());
                }
                team = original.teamId();
                participant = original.participantId();
                points = -original.points();
                reason = reason.isEmpty() ? "undo of #" + original.id() : reason;
            } else {
                List<FieldError> errors = new ArrayList<>();
                if ((r.teamId() == null) == (r.participantId() == null)) {
                    errors.add(new FieldError("teamId", "give either teamId or participantId"));
                } else if (r.teamId() != null && !rt.isTeam(r.teamId())) {
                    errors.add(new FieldError("teamId", "this contest has no team " + r.teamId()));
                } else if (r.participantId() != null && !rt.knows(r.participantId())) {
                    errors.add(new FieldError("participantId", "no participant " + r.participantId() + " in this contest"));
                }
                if (r.points() == null || r.points() == 0 || Math.abs(r.points()) > 1000) {
                    errors.add(new FieldError("points", "must be between -1000 and 1000, not 0"));
                }
                if (reason.isEmpty()) {
                    errors.add(new FieldError("reason", "is required: every ruling says why"));
                }
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
                team = r.teamId();
                participant = r.participantId();
                points = r.points();
            }
            if (reason.length() > 200) {
                throw ApiException.invalid(List.of(new FieldError("reason", "at most 200 characters")));
            }
            long next = all.stream().mapToLong(ContestRecords.Ruling::id).max().orElse(0) + 1;
            ContestRecords.Ruling ruling = new ContestRecords.Ruling(next, team, participant, points, reason,
                    r.undoes(), caller.name(), clock.now());
            if (!store.insertRuling(id, ruling)) {
                throw new ApiException(409, "ALREADY_UNDONE", "ruling " + r.undoes() + " has been undone already",
                        List.of());
            }
            rt.rule(team, participant, points);
            LOG.infof("contest %d: ruling %d by %s, %+d to %s %d: %s%s", id, ruling.id(), ruling.by(), points,
                    team != null ? "team" : "participant", team != null ? (long) team : participant, reason,
                    r.undoes() == null ? "" : " (undoes " + r.undoes() + ")");
            broadcasts.ruling(rt, ruling);
            return ruling;
        });
    }

    /** The host puts a participant in a team, or in none. */
    public void assignTeam(long id, long participantId, Integer teamId, Caller caller) {
        contests.require(id, caller);
        ContestRuntime rt = live(id);
        if (!rt.hasPlan() || rt.settings().teams() == null) {
            throw new ApiException(409, "INVALID_STATE", "contest " + id + " has no teams", List.of());
        }
        if (teamId != null && !rt.isTeam(teamId)) {
            throw ApiException.invalid(List.of(new FieldError("teamId", "this contest has no team " + teamId)));
        }
        if (!rt.knows(participantId)) {
            throw ApiException.notFound("participant", String.valueOf(participantId));
        }
        rt.serialized(() -> {
            if (!rt.assign(participantId, teamId)) {
                throw new ApiException(409, "TEAM_FULL", "team " + teamId + " is full", List.of());
            }
            store.assignTeam(id, participantId, teamId);
            broadcasts.teamAssigned(rt, participantId, teamId);
            return null;
        });
    }

    private ContestRuntime live(long id) {
        return registry.get(id).orElseThrow(() -> new ApiException(409, "INVALID_STATE",
                "contest " + id + " is not live on this node (open it first; a finished contest takes no rulings)",
                List.of()));
    }
}
