package io.jingda.contest;

import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a host does with a self-paced contest beyond its definition ({@link ContestService}): schedule, close
 * and extend its window, and replace its unit list.
 */
@ApplicationScoped
@Transactional
public class OnlineContestService {
    private static final SecureRandom KEYS = new SecureRandom();

    private final ContestService contests;
    private final ContestRepository repository;
    private final ContestUnitRepository units;
    private final OnlineContests online;
    private final ContestEngine engine;
    private final OnlineDefinition definition;

    public OnlineContestService(ContestService contests, ContestRepository repository, ContestUnitRepository units,
                                OnlineContests online, ContestEngine engine, OnlineDefinition definition) {
        this.definition = definition;
        this.contests = contests;
        this.repository = repository;
        this.units = units;
        this.online = online;
        this.engine = engine;
    }

    /**
     * A self-paced contest's host action: {@code open} schedules a draft (it gets its code and its token key at
     * once), {@code close} ends the window now, {@code extend} moves its end ({@code closesAt}, not in the past).
     */
    public ContestDto actOnline(long id, ContestAction action, ActionRequest body, Caller caller) {
        Contest c = contests.require(id, caller);
        long now = System.currentTimeMillis();
        ContestStatus status = OnlineWindow.status(c, now);
        if (!OnlineWindow.allowedActions(status).contains(action.wire())) {
            throw ContestConflicts.invalidAction(id, action, status, null, 0, c.questionCount,
                    OnlineWindow.allowedActions(status));
        }
        ContestSettings s = ContestService.settings(c);
        boolean closedNow = false;
        boolean changed = true;
        switch (action) {
            case OPEN -> {
                contests.giveCode(c, engine::codeInUse);
                byte[] key = new byte[32];
                KEYS.nextBytes(key);
                c.tokenKey = java.util.HexFormat.of().formatHex(key);
                online.scheduled(id, c.questionCount);
                changed = false;
            }
            case CLOSE -> {
                c.closesAt = now;
                c.settings = JsonText.write(s.withOnline(s.online().withClosesAt(Instant.ofEpochMilli(now).toString())));
                closedNow = true;
            }
            case EXTEND -> {
                List<FieldError> errors = new ArrayList<>();
                Long closes = OnlineRules.instant(body == null ? null : body.closesAt(), "closesAt", errors);
                if (closes != null && closes <= now) {
                    errors.add(new FieldError("closesAt", "must be in the future"));
                } else if (closes != null && closes <= c.opensAt) {
                    errors.add(new FieldError("closesAt", "must be after opensAt"));
                }
                if (!errors.isEmpty()) {
                    throw ApiException.invalid(errors);
                }
                c.closesAt = closes;
                c.settings = JsonText.write(s.withOnline(s.online().withClosesAt(body.closesAt().strip())));
            }
            default -> throw new IllegalStateException(action.name());
        }
        if (!closedNow) {
            // a close leaves the stored status behind the window: the sweep sees it lag and finishes its attempts
            c.status = OnlineWindow.status(ContestStatus.SCHEDULED, c.opensAt, c.closesAt, now);
        }
        c.updatedAt = Instant.now();
        repository.flush();
        if (changed) {
            online.windowChanged(id);
        }
        repository.getEntityManager().flush();
        return contests.get(id, caller);
    }

    /** Whether the contest exists and is self-paced (its host actions are {@link #actOnline}'s, not the engine's). */
    public boolean isSelfPaced(long id) {
        Contest c = repository.findById(id);
        return c != null && c.opensAt != null;
    }

    /** The units of a self-paced contest. */
    public List<ContestUnit> units(long id) {
        return units.listByContest(id);
    }

    /**
     * Replaces the unit list of a self-paced contest (until it closes): units are matched by name, so those
     * with participants keep their ids; one that has participants and is left out of the list is refused.
     */
    public List<ContestUnit> replaceUnits(long id, List<UnitList.Line> lines, Caller caller) {
        Contest c = contests.require(id, caller);
        ContestSettings s = ContestService.settings(c);
        if (!s.selfPaced()) {
            throw ApiException.conflict("NOT_SELF_PACED", "contest " + id + " is not a self-paced contest");
        }
        if (OnlineWindow.statusNow(c) == ContestStatus.CLOSED) {
            throw ApiException.conflict("INVALID_STATE", "contest " + id + " is closed; its units can no longer change");
        }
        definition.storeUnits(id, lines);
        if (!OnlineSettings.UNITS_LIST.equals(s.online().units())) {
            OnlineSettings o = s.online();
            c.settings = JsonText.write(s.withOnline(new OnlineSettings(o.opensAt(), o.closesAt(),
                    o.questionsPerAttempt(), o.attemptsAllowed(), o.attemptScore(), o.timeLimitTotal(), o.showAnswers(),
                    OnlineSettings.UNITS_LIST, o.identity(), o.publicRanking(), o.antiCheat(), o.maxParticipants())));
        }
        c.updatedAt = Instant.now();
        online.windowChanged(id);
        return units.listByContest(id);
    }
}
