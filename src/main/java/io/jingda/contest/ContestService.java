package io.jingda.contest;


import com.fasterxml.jackson.core.JsonProcessingException;
import io.jingda.question.Question;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSet;
import io.jingda.question.QuestionSetRepository;
import io.jingda.question.RelatedQuestions;
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

/** Contest definitions: create (with the question snapshot), read, edit while DRAFT, delete. */
@ApplicationScoped
@Transactional
public class ContestService {
    public static final int MAX_QUESTIONS = 200;
    private static final SecureRandom CODES = new SecureRandom();

    private final ContestRepository contests;
    private final ContestQuestionRepository contestQuestions;
    private final QuestionSetRepository sets;
    private final ContestConfig config;
    private final ContestEngine engine;
    private final ContestRecords records;
    private final QuestionPicks picks;
    private final ContestUnitRepository units;
    private final OnlineContests online;
    private final OnlineDefinition onlineDefinition;

    public ContestService(ContestRepository contests, ContestQuestionRepository contestQuestions,
                          QuestionSetRepository sets, ContestConfig config,
                          ContestEngine engine, ContestRecords records, QuestionPicks picks,
                          ContestUnitRepository units, OnlineContests online, OnlineDefinition onlineDefinition) {
        this.onlineDefinition = onlineDefinition;
        this.picks = picks;
        this.units = units;
        this.online = online;
        this.contests = contests;
        this.contestQuestions = contestQuestions;
        this.sets = sets;
        this.config = config;
        this.engine = engine;
        this.records = records;
    }

    /** The contests the caller may see, newest first, each with its number of participants (removed ones left out). */
    public List<ContestDto> list(Caller caller) {
        List<Contest> visible = contests.listVisibleTo(caller.name(), caller.admin());
        Map<Long, Integer> counts = new HashMap<>(records.participantCounts(visible.stream().map(c -> c.id).toList()));
        counts.putAll(online.participantCounts(visible.stream().filter(c -> c.opensAt != null).map(c -> c.id).toList()));
        return visible.stream().map(c -> toDto(c, null, counts.getOrDefault(c.id, 0))).toList();
    }

    public ContestDto get(long id, Caller caller) {
        Contest c = require(id, caller);
        return toDto(c, contestQuestions.listByContest(id));
    }

    public ContestDto create(ContestRequest r, Caller caller) {
        Checked checked = check(r);
        Contest c = new Contest();
        c.title = checked.title;
        c.owner = caller.name();
        c.status = ContestStatus.DRAFT;
        c.questionCount = checked.questions.size();
        c.settings = JsonText.write(checked.settings);
        window(c, checked);
        c.createdAt = Instant.now();
        c.updatedAt = c.createdAt;
        contests.persist(c);
        snapshot(c, checked);
        return toDto(c, contestQuestions.listByContest(c.id)).withWarnings(checked.warnings);
    }

    public ContestDto update(long id, ContestRequest r, Caller caller) {
        Contest c = require(id, caller);
        if (c.status != ContestStatus.DRAFT) {
            throw ContestConflicts.notEditable(c);
        }
        Checked checked = check(r);
        c.title = checked.title;
        c.questionCount = checked.questions.size();
        c.settings = JsonText.write(checked.settings);
        window(c, checked);
        c.updatedAt = Instant.now();
        contestQuestions.deleteByContest(id);
        units.delete("contestId", id);
        contestQuestions.flush();
        snapshot(c, checked);
        return toDto(c, contestQuestions.listByContest(id)).withWarnings(checked.warnings);
    }

    /** A DRAFT, FINISHED or CLOSED contest can be deleted; a live one must be finished, an online one closed. */
    public void delete(long id, Caller caller) {
        Contest c = require(id, caller);
        if (OnlineWindow.statusNow(c).isUnderway()) {
            throw ContestConflicts.notDeletable(c);
        }
        records.deleteAll(id);
        online.deleteAll(id);
        units.delete("contestId", id);
        contestQuestions.deleteByContest(id);
        contests.delete(c);
    }

    /** DRAFT → LOBBY with a fresh join code, unique among open contests (memory and database agree). */
    public Contest openLobby(long id, java.util.function.Predicate<String> codeInUse) {
        Contest c = contests.findById(id);
        if (c == null) {
            throw ApiException.notFound("contest", String.valueOf(id));
        }
        if (c.status != ContestStatus.DRAFT) {
            throw ContestConflicts.invalidAction(id, ContestAction.OPEN, c.status, c.phase, c.questionIndex,
                    c.questionCount, List.of());
        }
        if (c.opensAt != null) {
            throw ContestConflicts.invalidAction(id, ContestAction.OPEN, c.status, c.phase, c.questionIndex,
                    c.questionCount, List.of());
        }
        giveCode(c, codeInUse);
        c.status = ContestStatus.LOBBY;
        c.updatedAt = Instant.now();
        contests.flush();
        return c;
    }

    void giveCode(Contest c, java.util.function.Predicate<String> codeInUse) {
        String code;
        do {
            code = String.format("%06d", CODES.nextInt(1_000_000));
        } while (codeInUse.test(code) || contests.codeInUse(code));
        c.code = code;
        c.openCode = code;
    }

    public List<ContestQuestion> questions(long id) {
        return contestQuestions.listByContest(id);
    }

    public record Loaded(Contest contest, List<ContestQuestion> questions) {
    }

    public List<Loaded> openContests() {
        return contests.listOpen().stream().map(c -> new Loaded(c, contestQuestions.listByContest(c.id))).toList();
    }

    public Contest require(long id, Caller caller) {
        Contest c = contests.findById(id);
        if (c == null) {
            throw ApiException.notFound("contest", String.valueOf(id));
        }
        if (!caller.mayManage(c.owner)) {
            throw new ApiException(403, "FORBIDDEN", "contest " + id + " belongs to another host", List.of());
        }
        return c;
    }

    public static ContestSettings settings(Contest c) {
        try {
            return JsonText.read(c.settings, ContestSettings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt settings of contest " + c.id, e);
        }
    }

    private ContestDto toDto(Contest c, List<ContestQuestion> questions) {
        return toDto(c, questions, null);
    }

    private ContestDto toDto(Contest c, List<ContestQuestion> questions, Integer participants) {
        ContestStatus status = OnlineWindow.statusNow(c);
        List<String> allowed = c.opensAt != null ? OnlineWindow.allowedActions(status)
                : c.status.isOpen() ? engine.allowedActions(c.id).orElse(List.of())
                : ContestAction.whenNotLive(c.status);
        List<ContestDto.QuestionView> views = questions == null ? null : questions.stream().map(q -> {
            LiveQuestion l = ContestQuestionMapper.live(q);
            return new ContestDto.QuestionView(q.idx, q.publicId, q.bankId, q.type.wire(), q.stem, l.options(),
                    l.correct(), q.tolerance, q.explanation, l.source(), q.timeLimit, q.points, q.multiplier);
        }).toList();
        return new ContestDto(c.id, c.title, c.owner, status, c.phase, c.code, c.questionIndex, c.questionCount,
                participants, settings(c), c.createdAt, c.updatedAt, views, allowed, null, null);
    }

    private void snapshot(Contest c, Checked checked) {
        int idx = 0;
        Map<String, Map<String, String>> titles = new HashMap<>();
        for (Question q : checked.questions) {
            double multiplier = checked.multipliers == null ? 1 : checked.multipliers.get(idx); // null: all 1
            Map<String, String> reports = titles.computeIfAbsent(q.setId, id -> {
                QuestionSet s = sets.findById(id);
                return s == null || s.reports == null ? Map.of() : s.reports;
            });
            String title = q.sourceReport == null ? null : reports.get(q.sourceReport);
            contestQuestions.persist(ContestQuestionMapper.snapshot(c.id, idx++, q, checked.settings.timeLimit(), title,
                    multiplier));
        }
        if (checked.online != null && !checked.online.units().isEmpty()) {
            contestQuestions.flush();
            onlineDefinition.storeUnits(c.id, checked.online.units());
        }
    }

    private static void window(Contest c, Checked checked) {
        c.opensAt = checked.online == null ? null : (Long) checked.online.opensAt();
        c.closesAt = checked.online == null ? null : (Long) checked.online.closesAt();
    }

    private record Checked(String title, List<Question> questions, ContestSettings settings, List<String> warnings,
                           OnlineRules.Checked online, List<Double> multipliers) {
    }

    private Checked check(ContestRequest r) {
        if (r == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String title = r.title() == null ? "" : r.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("title", "is required, at most 200 characters"));
        }
        if (r.timeLimit() != null && (r.timeLimit() < QuestionRules.MIN_TIME_LIMIT || r.timeLimit() > QuestionRules.MAX_TIME_LIMIT)) {
            errors.add(new FieldError("timeLimit", "must be between " + QuestionRules.MIN_TIME_LIMIT + " and "
                    + QuestionRules.MAX_TIME_LIMIT + " seconds"));
        }
        String mode = ContestSettings.Scoring.mode(r.scoring(), errors);
        boolean streak = r.scoring() != null && Boolean.TRUE.equals(r.scoring().streakBonus());
        String ordering = ContestSettings.Scoring.ordering(r.scoring(), errors);
        if (r.mode() != null && !r.mode().equals("live") && !r.mode().equals(ContestSettings.SELF_PACED)) {
            errors.add(new FieldError("mode", "must be live or self-paced"));
        }
        if (ContestSettings.SELF_PACED.equals(r.mode())) {
            QuestionMultipliers.refuseSelfPaced(r.multipliers(), errors);
            OnlineDefinition.Checked o = onlineDefinition.check(r, title, r.scoring() == null || r.scoring().mode() == null
                    ? "accuracy" : mode, errors);
            return new Checked(title, o.pool(), o.settings(), List.of(), o.online(), null);
        }
        int leaderboardSize = r.leaderboardSize() == null ? 10 : r.leaderboardSize();
        if (leaderboardSize < 1 || leaderboardSize > 100) {
            errors.add(new FieldError("leaderboardSize", "must be between 1 and 100"));
        }
        ContestSettings.AutoAdvance auto = r.autoAdvance();
        if (auto != null) {
            if (auto.revealSeconds() == null || auto.revealSeconds() < 1 || auto.revealSeconds() > 120) {
                errors.add(new FieldError("autoAdvance.revealSeconds", "must be between 1 and 120"));
            }
            if (auto.leaderboardSeconds() == null || auto.leaderboardSeconds() < 1 || auto.leaderboardSeconds() > 120) {
                errors.add(new FieldError("autoAdvance.leaderboardSeconds", "must be between 1 and 120"));
            }
        }
        int max = r.maxParticipants() == null ? config.maxParticipants() : r.maxParticipants();
        if (max < 1 || max > config.maxParticipants()) {
            errors.add(new FieldError("maxParticipants", "must be between 1 and " + config.maxParticipants()));
        }
        int joinsPerMinute = r.joinsPerMinute() == null ? ContestSettings.DEFAULT_JOINS_PER_MINUTE : r.joinsPerMinute();
        checkJoinsPerMinute(joinsPerMinute, errors);
        String round = r.round() == null ? ContestSettings.ROUNDS.get(0) : r.round();
        if (!ContestSettings.ROUNDS.contains(round)) {
            errors.add(new FieldError("round", "unknown round mode '" + round + "' (available: "
                    + String.join(", ", ContestSettings.ROUNDS) + ")"));
        }
        TeamPlanRules.Teams teams = TeamPlanRules.teams(r, errors);
        int teamCount = teams.teams() == null ? 0 : teams.teams().size();
        List<Question> questions = new ArrayList<>();
        ContestSettings.Draw draw = null;
        List<RoundDefinition> rounds = null;
        List<String> warnings = new ArrayList<>();
        boolean hasIds = r.questionIds() != null && !r.questionIds().isEmpty();
        if (r.rounds() != null && !r.rounds().isEmpty()) {
            if (hasIds || r.draw() != null) {
                errors.add(new FieldError("questionIds", "with rounds, each round names its own questions"));
            }
            if (auto != null && r.rounds().stream().anyMatch(x -> x != null
                    && RoundKind.parse(x.kind()).map(RoundKind::teamsOnly).orElse(false))) {
                errors.add(new FieldError("autoAdvance", "team rounds are run by a host: no autoAdvance"));
            }
            rounds = new ArrayList<>();
            for (int i = 0; i < r.rounds().size(); i++) {
                RoundRequest rr = r.rounds().get(i);
                String f = "rounds[" + i + "]";
                if (rr == null) {
                    errors.add(new FieldError(f, "is required"));
                    continue;
                }
                List<FieldError> own = new ArrayList<>();
                ContestSettings.Draw roundDraw = null;
                List<Question> picked = List.of();
                boolean ids = rr.questionIds() != null && !rr.questionIds().isEmpty();
                if (ids == (rr.draw() != null)) {
                    own.add(new FieldError("questionIds", "give either questionIds or draw"));
                } else if (ids) {
                    picked = picks.byIds(rr.questionIds(), own);
                } else {
                    roundDraw = seeded(rr.draw());
                    picked = picks.drawn(roundDraw, own);
                }
                own.forEach(e -> errors.add(new FieldError(f + "." + e.field(), e.message())));
                int turns = (int) picked.stream().filter(q -> q.type.scored()).count();
                RoundDefinition d = TeamPlanRules.round(i, rr, questions.size(), picked.size(), turns, roundDraw, teamCount,
                        i == r.rounds().size() - 1, errors, warnings);
                questions.addAll(picked);
                if (d != null) {
                    rounds.add(d);
                }
            }
            if (questions.size() > MAX_QUESTIONS) {
                errors.add(new FieldError("rounds", "at most " + MAX_QUESTIONS + " questions in all"));
            }
            if (new HashSet<>(questions.stream().map(q -> q.id).toList()).size() != questions.size()) {
                errors.add(new FieldError("rounds", "a question is in two rounds (or twice in one)"));
            }
        } else if (hasIds == (r.draw() != null)) {
            errors.add(new FieldError("questionIds", "give either questionIds or draw"));
        } else if (hasIds) {
            questions = picks.byIds(r.questionIds(), errors);
        } else {
            draw = seeded(r.draw());
            questions = picks.drawn(draw, errors);
        }
        List<Double> multipliers = QuestionMultipliers.resolve(r.multipliers(), questions.size(), rounds, errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if ((hasIds || rounds != null) && !Boolean.TRUE.equals(r.confirmRelated())) {
            List<RelatedQuestions.Pair> pairs = RelatedQuestions.pairs(questions);
            if (!pairs.isEmpty()) {
                throw ContestConflicts.relatedQuestions(pairs);
            }
        }
        ContestSettings s = new ContestSettings(r.timeLimit(), new ContestSettings.Scoring(mode, streak, ordering),
                Boolean.TRUE.equals(r.shuffleOptions()), leaderboardSize, auto, max, round, draw, joinsPerMinute,
                teams.teams(), teams.teamPick(), teams.teamSize(), teams.teamScoring(), teams.baseScore(), rounds);
        return new Checked(title, List.copyOf(questions), s, List.copyOf(warnings), null, multipliers);
    }

    static ContestSettings.Draw seeded(ContestSettings.Draw d) {
        return d.seed() != null ? d : new ContestSettings.Draw(d.sets(), d.tags(), d.types(), d.difficulty(), d.count(),
                new SecureRandom().nextLong());
    }

    private static void checkJoinsPerMinute(int perMinute, List<FieldError> errors) {
        if (perMinute < 1 || perMinute > ContestSettings.MAX_JOINS_PER_MINUTE) {
            errors.add(new FieldError("joinsPerMinute", "must be between 1 and " + ContestSettings.MAX_JOINS_PER_MINUTE));
        }
    }

    /**
     * Changes how many may join, and how fast, in any state but FINISHED (a host who sees the lobby
     * fill up raises them without recreating the contest). Only the settings column is written: the
     * engine writes the state columns of the same row on its own.
     */
    public ContestDto joinLimits(long id, JoinLimitsRequest r, Caller caller) {
        Contest c = require(id, caller);
        if (c.status == ContestStatus.FINISHED) {
            String msg = "contest " + id + " has finished; its join limits can no longer change";
            throw new ApiException(409, "INVALID_STATE", msg, List.of(), new ContestConflicts.StateConflict(
                    "INVALID_STATE", msg, c.id, c.status, c.phase, c.questionIndex, c.questionCount, null));
        }
        if (r == null || (r.maxParticipants() == null && r.joinsPerMinute() == null)) {
            throw ApiException.invalid(List.of(new FieldError("body", "give maxParticipants, joinsPerMinute or both")));
        }
        ContestSettings old = settings(c);
        int max = r.maxParticipants() == null ? old.maxParticipants() : r.maxParticipants();
        int perMinute = r.joinsPerMinute() == null ? old.joinsPerMinute() : r.joinsPerMinute();
        List<FieldError> errors = new ArrayList<>();
        if (max < 1 || max > config.maxParticipants()) {
            errors.add(new FieldError("maxParticipants", "must be between 1 and " + config.maxParticipants()));
        }
        checkJoinsPerMinute(perMinute, errors);
        int joined = engine.joined(id).orElse(0);
        if (errors.isEmpty() && max < joined) {
            errors.add(new FieldError("maxParticipants", "must be at least " + joined
                    + ", the participants who have joined"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        ContestSettings updated = old.withJoinLimits(max, perMinute);
        String json = JsonText.write(updated);
        Instant now = Instant.now();
        contests.update("settings = ?1, updatedAt = ?2 where id = ?3", json, now, id);
        engine.settingsChanged(id, updated);
        contests.getEntityManager().detach(c);
        c.settings = json;
        c.updatedAt = now;
        return toDto(c, contestQuestions.listByContest(id));
    }
}
