package io.jingda.contest;

import io.jingda.question.Question;
import io.jingda.question.QuestionType;
import io.jingda.question.RelatedQuestions;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The definition of a self-paced contest: its pool and settings checked, and its unit list stored. */
@ApplicationScoped
public class OnlineDefinition {
    private final QuestionPicks picks;
    private final ContestUnitRepository units;
    private final OnlineContests online;

    public OnlineDefinition(QuestionPicks picks, ContestUnitRepository units, OnlineContests online) {
        this.picks = picks;
        this.units = units;
        this.online = online;
    }

    /** The types a self-paced paper asks (ordering and poll are live only). */
    static final Set<QuestionType> ONLINE_TYPES = java.util.EnumSet.of(QuestionType.SINGLE, QuestionType.MULTIPLE,
            QuestionType.TRUE_FALSE, QuestionType.TEXT, QuestionType.NUMERIC);

    record Checked(List<Question> pool, ContestSettings settings, OnlineRules.Checked online) {
    }

    /** A self-paced contest: its pool (questionIds or draw) and the settings of {@link OnlineRules}. */
    Checked check(ContestRequest r, String title, String mode, List<FieldError> errors) {
        List<Question> pool = List.of();
        ContestSettings.Draw draw = null;
        boolean hasIds = r.questionIds() != null && !r.questionIds().isEmpty();
        if (hasIds == (r.draw() != null)) {
            errors.add(new FieldError("questionIds", "give either questionIds or draw (the pool)"));
        } else if (hasIds) {
            pool = picks.byIds(r.questionIds(), OnlineRules.MAX_POOL, errors);
        } else {
            draw = ContestService.seeded(r.draw());
            if (draw.types() == null || draw.types().isEmpty()) {
                // a draw without types takes only those a paper asks, so a set with polls can still be drawn from
                draw = new ContestSettings.Draw(draw.sets(), draw.tags(), ONLINE_TYPES.stream().map(QuestionType::wire)
                        .toList(), draw.difficulty(), draw.count(), draw.seed());
            }
            pool = picks.drawn(draw, OnlineRules.MAX_POOL, errors);
        }
        pool.stream().filter(q -> !ONLINE_TYPES.contains(q.type)).findFirst().ifPresent(q -> errors.add(new FieldError(
                hasIds ? "questionIds" : "draw", "'" + q.id + "' is an " + q.type.wire() + " question: a self-paced "
                + "paper has no " + q.type.wire() + " questions yet (use them in a live contest)")));
        if (r.scoring() != null && r.scoring().ordering() != null) {
            errors.add(new FieldError("scoring.ordering", "a self-paced contest has no ordering questions"));
        }
        if (r.scoring() != null && Boolean.TRUE.equals(r.scoring().streakBonus())) {
            errors.add(new FieldError("scoring.streakBonus", "a self-paced contest has no streak bonus"));
        }
        OnlineRules.Checked online = OnlineRules.check(r, pool.size(), 10_000_000, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (hasIds && !Boolean.TRUE.equals(r.confirmRelated())) {
            List<RelatedQuestions.Pair> pairs = RelatedQuestions.pairs(pool);
            if (!pairs.isEmpty()) {
                throw ContestConflicts.relatedQuestions(pairs);
            }
        }
        ContestSettings s = new ContestSettings(r.timeLimit(), new ContestSettings.Scoring(mode, false),
                true, 10, null, online.settings().maxParticipants() == null ? 0 : online.settings().maxParticipants(),
                null, draw, 0, null, null, null, null, null, null, ContestSettings.SELF_PACED, online.settings());
        return new Checked(List.copyOf(pool), s, online);
    }

    /**
     * Stores a unit list: units are matched by name (their key), so those with participants keep their ids;
     * one that has participants and is left out of the list is refused (400, nothing changed).
     */
    void storeUnits(long id, List<UnitList.Line> lines) {
        Map<String, ContestUnit> old = new HashMap<>();
        units.listByContest(id).forEach(u -> old.put(u.nameKey, u));
        Set<String> keep = new HashSet<>();
        lines.forEach(l -> keep.add(UnitList.key(l.name())));
        List<FieldError> errors = new java.util.ArrayList<>();
        for (ContestUnit u : old.values()) {
            if (!keep.contains(u.nameKey) && online.unitInUse(id, u.id)) {
                errors.add(new FieldError("units", "'" + u.name + "' has participants and cannot be removed"));
            }
        }
        UnitList.requireValid(errors);
        long next = old.values().stream().mapToLong(u -> u.id).max().orElse(0) + 1;
        Map<String, ContestUnit> byKey = new HashMap<>();
        for (UnitList.Line l : lines) {
            String key = UnitList.key(l.name());
            ContestUnit u = old.remove(key);
            if (u == null) {
                u = new ContestUnit();
                u.contestId = id;
                u.id = next++;
                u.nameKey = key;
                u.name = UnitList.display(l.name());
                u.headcount = l.headcount();
                units.persist(u);
            } else {
                u.name = UnitList.display(l.name());
                u.headcount = l.headcount();
            }
            byKey.put(key, u);
        }
        for (UnitList.Line l : lines) {
            byKey.get(UnitList.key(l.name())).parentId = l.parent() == null || UnitList.display(l.parent()).isEmpty()
                    ? null : byKey.get(UnitList.key(l.parent())).id;
        }
        old.values().forEach(units::delete);
        units.flush();
    }
}
