package io.jingda.online;

import io.jingda.contest.Caller;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestService;
import io.jingda.contest.LiveQuestion;
import io.jingda.online.OnlineCatalog.Loaded;
import io.jingda.online.OnlineRows.AttemptRow;
import io.jingda.online.OnlineRows.ParticipantRow;
import io.jingda.online.OnlineRows.UnitRow;
import io.jingda.online.OnlineViews.AttemptEntry;
import io.jingda.online.OnlineViews.Dashboard;
import io.jingda.online.OnlineViews.HourCount;
import io.jingda.online.OnlineViews.Page;
import io.jingda.online.OnlineViews.PersonEntry;
import io.jingda.online.OnlineViews.QuestionRate;
import io.jingda.online.OnlineViews.UnitEntry;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.Spreadsheets;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The organizer's and host's view of a self-paced contest: rankings by person and by unit, the dashboard, the
 * attempts (flagged ones first to look at), voiding, and the exports. Every figure is read from the counters
 * and indexes the writes keep; none scans the answers.
 */
@ApplicationScoped
public class OnlineReports {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OnlineReports.class);
    public static final int MAX_PAGE = 500;
    private static final Set<String> SORTS = Set.of("average", "participation", "participants");

    private final OnlineCatalog catalog;
    private final OnlineStore store;
    private final OnlineStandings standings;
    private final OnlineWriter writer;
    private final ContestService contests;

    public OnlineReports(OnlineCatalog catalog, OnlineStore store, OnlineStandings standings, OnlineWriter writer,
                         ContestService contests) {
        this.catalog = catalog;
        this.store = store;
        this.standings = standings;
        this.writer = writer;
        this.contests = contests;
    }

    /** An attempt with fast answers to at least half its questions is flagged. */
    public static boolean flagged(int fastAnswers, int questions) {
        return fastAnswers > 0 && fastAnswers * 2 >= questions;
    }

    /** The contest, if the caller may see its reports (404 or 403 otherwise; 409 for a contest that is not self-paced). */
    public Loaded mayView(long contestId, Caller caller) {
        Contest c = contests.require(contestId, caller);
        if (c.opensAt == null) {
            throw ApiException.conflict("NOT_SELF_PACED", "contest " + contestId + " is not a self-paced contest");
        }
        return catalog.byId(contestId);
    }

    /** The unit a query names, by id or by name (null: none named); 400 for one the contest does not have. */
    public Long unitId(Loaded k, String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String key = io.jingda.contest.UnitList.key(unit);
        return k.units().stream().filter(u -> String.valueOf(u.id()).equals(unit.strip())
                        || io.jingda.contest.UnitList.key(u.name()).equals(key)).map(UnitRow::id).findFirst()
                .orElseThrow(() -> ApiException.invalid(List.of(new FieldError("unit", "'" + unit
                        + "' is not a unit of this contest (give its id or its name)"))));
    }

    public Page<PersonEntry> persons(Loaded k, Long unitId, int page, int size) {
        checkPage(page, size);
        long id = k.row().id();
        List<ParticipantRow> rows = store.rankingPage(id, unitId, page * size, size);
        List<PersonEntry> items = new ArrayList<>();
        long rank = 0;
        ParticipantRow prev = null;
        for (int i = 0; i < rows.size(); i++) {
            ParticipantRow p = rows.get(i);
            if (prev != null && prev.bestScore().equals(p.bestScore()) && prev.bestTimeMs().equals(p.bestTimeMs())
                    && prev.bestFinishedAt().equals(p.bestFinishedAt())) {
                // the same result: the same rank
            } else if (i == 0) {
                rank = store.rankOf(id, unitId, p.bestScore(), p.bestTimeMs(), p.bestFinishedAt());
            } else {
                rank = (long) page * size + i + 1;
            }
            UnitRow u = k.unit(p.unitId());
            items.add(new PersonEntry(rank, p.id(), p.name(), u == null ? null : u.name(), p.unitId(), p.bestScore(),
                    p.bestTimeMs(), p.bestFinishedAt(), p.attempts()));
            prev = p;
        }
        return new Page<>(store.ranked(id, unitId), page, size, items);
    }

    public Page<UnitEntry> units(Loaded k, String sort, boolean rollUp, int page, int size) {
        checkPage(page, size);
        String s = sort == null || sort.isBlank() ? "average" : sort;
        if (!SORTS.contains(s)) {
            throw ApiException.invalid(List.of(new FieldError("sort", "must be average, participation or participants")));
        }
        List<UnitEntry> all = standings.ranking(k.row().id(), s, rollUp);
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.size(), page, size, all.subList(from, Math.min(all.size(), from + size)));
    }

    private static void checkPage(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE) {
            throw ApiException.invalid(List.of(new FieldError("size", "page must be 0 or more, size 1 to " + MAX_PAGE)));
        }
    }

    public Dashboard dashboard(long contestId) {
        Loaded k = catalog.byId(contestId);
        long now = System.currentTimeMillis();
        List<HourCount> hours = store.hours(contestId).stream().map(h -> new HourCount(h.hour(), h.attempts(), h.answers()))
                .toList();
        long attempts = hours.stream().mapToLong(HourCount::attempts).sum();
        long answers = hours.stream().mapToLong(HourCount::answers).sum();
        List<String> empty = store.units(contestId).stream().filter(u -> u.registered() == 0).map(UnitRow::name).toList();
        List<QuestionRate> questions = new ArrayList<>();
        for (OnlineStore.QuestionStat s : store.questionStats(contestId)) {
            LiveQuestion q = k.pool().get(s.questionIdx());
            questions.add(new QuestionRate(s.questionIdx(), q.publicId(), q.stem(), s.answered(), s.correct(),
                    s.answered() == 0 ? null : Math.round(s.correct() * 10_000.0 / s.answered()) / 10_000.0));
        }
        questions.sort(Comparator.comparing((QuestionRate q) -> q.correctRate() == null ? 2.0 : q.correctRate()));
        return new Dashboard(contestId, k.status(now).name(), store.countParticipants(contestId), attempts,
                store.countActive(contestId), answers, store.countFlagged(contestId, k.online().questionsPerAttempt()),
                hours, empty, questions, now);
    }

    public Page<AttemptEntry> attempts(Loaded k, boolean flaggedOnly, int page, int size) {
        checkPage(page, size);
        int n = k.online().questionsPerAttempt();
        List<AttemptEntry> items = store.attemptPage(k.row().id(), flaggedOnly, n, page * size, size).stream()
                .map(r -> entry(k, r.attempt(), r.name(), r.unitId())).toList();
        long total = flaggedOnly ? store.countFlagged(k.row().id(), n) : -1;
        return new Page<>(total, page, size, items);
    }

    private static AttemptEntry entry(Loaded k, AttemptRow a, String name, Long unitId) {
        UnitRow u = k.unit(unitId);
        return new AttemptEntry(a.id(), a.participantId(), name, u == null ? null : u.name(), a.num(), a.seed(),
                a.status(), a.score(), a.correctCount(), a.answered(), a.paper().length, a.startedAt(), a.finishedAt(),
                a.timeMs(), a.fastAnswers(), flagged(a.fastAnswers(), a.paper().length), a.voidReason(), a.voidedBy(),
                a.voidedAt());
    }

    /** Voids an attempt: it stops counting, the participant's result and the unit's figures are recomputed. */
    public CompletionStage<AttemptEntry> voidAttempt(Loaded k, long attemptId, String reason, Caller caller) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw ApiException.invalid(List.of(new FieldError("reason", "is required, at most 200 characters")));
        }
        AttemptRow a = store.attempt(attemptId);
        if (a == null || a.contestId() != k.row().id()) {
            throw ApiException.notFound("attempt", String.valueOf(attemptId));
        }
        if (OnlineRows.AttemptRow.VOID.equals(a.status())) {
            throw ApiException.conflict("ALREADY_VOID", "attempt " + attemptId + " was voided already");
        }
        long now = System.currentTimeMillis();
        return writer.submit(new OnlineWriter.Void(a, why, caller.name(), now, k.online().bestCounts()))
                .handle((w, e) -> {
                    if (e != null) {
                        throw OnlineService.failure(e);
                    }
                    if (!w.done()) {
                        throw ApiException.conflict("ALREADY_VOID", "attempt " + attemptId + " was voided already");
                    }
                    ParticipantRow p = store.participant(a.participantId());
                    LOG.infof("contest %d: attempt %d of participant %d voided by %s: %s", k.row().id(), attemptId,
                            a.participantId(), caller.name(), why);
                    return entry(k, store.attempt(attemptId), p.name(), p.unitId());
                });
    }

    // ------------------------------------------------------------------ exports

    /** The rankings and the per-question figures as a sheet: individuals, units or questions. */
    public Spreadsheets.Sheet sheet(Loaded k, String what) {
        return switch (what) {
            case "individuals" -> {
                List<List<?>> rows = new ArrayList<>();
                for (int page = 0; ; page++) {
                    Page<PersonEntry> p = persons(k, null, page, MAX_PAGE);
                    for (PersonEntry e : p.items()) {
                        rows.add(List.of(e.rank(), e.name(), e.unit() == null ? "" : e.unit(), e.score(),
                                Math.round(e.timeMs() / 100.0) / 10.0, Instant.ofEpochMilli(e.finishedAt()).toString(),
                                e.attempts()));
                    }
                    if (p.items().size() < MAX_PAGE) {
                        break;
                    }
                }
                yield Spreadsheets.Sheet.of("individuals", List.of("rank", "name", "unit", "score", "time (s)",
                        "finished at", "attempts"), rows);
            }
            case "units" -> {
                List<List<?>> rows = new ArrayList<>();
                for (UnitEntry e : standings.ranking(k.row().id(), "average", false)) {
                    rows.add(List.of(e.rank(), e.unit(), e.parent() == null ? "" : e.parent(), e.registered(),
                            e.participants(), e.headcount() == null ? "" : e.headcount(),
                            e.participationRate() == null ? "" : e.participationRate(),
                            e.averageScore() == null ? "" : e.averageScore(), e.medianScore() == null ? "" : e.medianScore(),
                            e.fullScoreShare() == null ? "" : e.fullScoreShare()));
                }
                yield Spreadsheets.Sheet.of("units", List.of("rank", "unit", "parent", "registered", "participants",
                        "headcount", "participation rate", "average score", "median score", "full score share"), rows);
            }
            case "questions" -> {
                List<List<?>> rows = new ArrayList<>();
                for (QuestionRate q : dashboard(k.row().id()).questions()) {
                    rows.add(List.of(q.poolIndex() + 1, q.questionId(), q.stem(), q.answered(), q.correct(),
                            q.correctRate() == null ? "" : q.correctRate()));
                }
                yield Spreadsheets.Sheet.of("questions", List.of("pool #", "question", "stem", "answered", "correct",
                        "correct rate"), rows);
            }
            default -> throw new ApiException(404, "NOT_FOUND", "no export '" + what
                    + "' (individuals, units or questions)", List.of());
        };
    }
}
