package io.jingda.online;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.OnlineSettings;
import io.jingda.contest.UnitList;
import io.jingda.online.OnlineCatalog.Loaded;
import io.jingda.online.OnlineRows.AnswerRow;
import io.jingda.online.OnlineRows.AttemptRow;
import io.jingda.online.OnlineRows.ParticipantRow;
import io.jingda.online.OnlineRows.UnitRow;
import io.jingda.online.OnlineViews.Ack;
import io.jingda.online.OnlineViews.AnswerRequest;
import io.jingda.online.OnlineViews.AnswerResponse;
import io.jingda.online.OnlineViews.Attempt;
import io.jingda.online.OnlineViews.AttemptSummary;
import io.jingda.online.OnlineViews.Best;
import io.jingda.online.OnlineViews.ContestInfo;
import io.jingda.online.OnlineViews.Me;
import io.jingda.online.OnlineViews.Question;
import io.jingda.online.OnlineViews.Rank;
import io.jingda.online.OnlineViews.RegisterRequest;
import io.jingda.online.OnlineViews.Registered;
import io.jingda.online.OnlineViews.Result;
import io.jingda.online.OnlineViews.ReviewItem;
import io.jingda.online.OnlineViews.UnitOption;
import io.jingda.scoring.Choice;
import io.jingda.scoring.ChoiceParser;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.GroupCommit;
import io.jingda.system.JsonText;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * The participant's side of a self-paced contest once registered ({@link OnlineRegistration}): attempts and answers
 * (docs/online.md). Stateless: each call reads the rows it needs, decides with the pure rules
 * ({@link AttemptClock}, {@link Paper}, the scoring), and writes through {@link OnlineWriter}, conditional on
 * what it read; a write that lost a race is decided again from a fresh read.
 */
@ApplicationScoped
public class OnlineService {
    private static final SecureRandom SEEDS = new SecureRandom();
    private static final Pattern MEMBER_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int MAX_NAME = 40;

    private final OnlineCatalog catalog;
    private final OnlineStore store;
    private final OnlineWriter writer;
    private final OnlineStandings standings;
    private final AttemptViews views;
    private final long graceMs;

    public OnlineService(OnlineCatalog catalog, OnlineStore store, OnlineWriter writer, OnlineStandings standings,
                         AttemptViews views, OnlineConfig config) {
        this.catalog = catalog;
        this.store = store;
        this.writer = writer;
        this.standings = standings;
        this.views = views;
        this.graceMs = config.grace().toMillis();
    }

    // ------------------------------------------------------------------ the participant

    /** The participant a token names in this contest, or 401. */
    public ParticipantRow participant(Loaded k, String token) {
        long id = Tokens.participant(k.row().tokenKey(), token).orElseThrow(OnlineService::badToken);
        ParticipantRow p = store.participant(id);
        if (p == null || p.contestId() != k.row().id()) {
            throw badToken();
        }
        return p;
    }

    static ApiException badToken() {
        return new ApiException(401, "TOKEN_INVALID", "the token is missing or is not one of this contest's"
                + " (register again: the same name and unit give the same participant)", List.of());
    }

    public Me me(String code, String token) {
        Loaded k = catalog.byCode(code);
        ParticipantRow p = participant(k, token);
        long now = System.currentTimeMillis();
        List<AttemptRow> attempts = store.attemptsOf(p.id());
        Long active = null;
        for (AttemptRow a : attempts) {
            if (a.active() && k.clock(a.paper(), graceMs).at(a.startedAt(), a.position(), a.servedAt(), now).position() < a.paper().length
                    && k.status(now) == ContestStatus.OPEN) {
                active = a.id();
            }
        }
        Best best = p.bestScore() == null ? null : new Best(p.bestScore(), p.bestTimeMs(),
                store.rankOf(k.row().id(), null, p.bestScore(), p.bestTimeMs(), p.bestFinishedAt()),
                store.ranked(k.row().id(), null));
        List<AttemptSummary> list = attempts.stream().map(a -> new AttemptSummary(a.id(), a.num(), a.status(),
                a.active() ? null : a.score(), AttemptViews.maxScore(k, a), a.active() ? null : a.correctCount(),
                a.paper().length, a.startedAt(),
                a.finishedAt(), p.bestAttempt() != null && p.bestAttempt() == a.id())).toList();
        UnitRow unit = k.unit(p.unitId());
        int used = attempts.size();
        return new Me(p.id(), p.name(), unit == null ? null : unit.name(), used,
                Math.max(0, k.online().attemptsAllowed() - used), active, best,
                p.bestScore() == null ? null : standings.unitRank(k, p.unitId()), list, now);
    }

    // ------------------------------------------------------------------ attempts

    /** Starts an attempt, or returns the one still running (then {@code created} is false). */
    public record Started(Attempt attempt, boolean created) {
    }

    public CompletionStage<Started> start(String code, String token) {
        Loaded k = catalog.byCode(code);
        ParticipantRow p = participant(k, token);
        long now = System.currentTimeMillis();
        requireOpen(k, now);
        CompletableFuture<Void> before = CompletableFuture.completedFuture(null);
        if (p.activeAttempt() != null) {
            AttemptRow a = store.attempt(p.activeAttempt());
            if (a != null && a.active()) {
                AttemptClock.Where w = k.clock(a.paper(), graceMs).at(a.startedAt(), a.position(), a.servedAt(), now);
                if (w.position() < a.paper().length) {
                    return CompletableFuture.completedFuture(new Started(views.view(k, a, w, now), false));
                }
                before = writer.submit(new OnlineWriter.Finish(a, w.servedAt(), k.online().bestCounts())).thenApply(x -> null);
            }
        }
        int allowed = k.online().attemptsAllowed();
        if (p.attempts() >= allowed && p.activeAttempt() == null) {
            throw noAttemptsLeft(allowed);
        }
        long seed = SEEDS.nextLong();
        int[] paper = Paper.draw(k.pool().size(), k.online().questionsPerAttempt(), seed);
        AttemptClock clock = k.clock(paper, graceMs);
        AttemptRow draft = new AttemptRow(0, k.row().id(), p.id(), 0, seed, paper, AttemptRow.ACTIVE, 0, now, now,
                clock.expiresAt(now), null, 0, 0, 0, 0, null, null, null);
        return before.thenCompose(v -> writer.submit(new OnlineWriter.Start(draft, allowed))).handleAsync((w, e) -> {
            if (e != null) {
                throw failure(e);
            }
            if (!w.done()) {
                ParticipantRow again = store.participant(p.id());
                AttemptRow running = again.activeAttempt() == null ? null : store.attempt(again.activeAttempt());
                if (running != null && running.active()) {
                    return new Started(views.view(k, running, now), false);
                }
                throw noAttemptsLeft(allowed);
            }
            AttemptRow a = store.attempt(w.attemptId);
            return new Started(views.view(k, a, now), true);
        }, Infrastructure.getDefaultWorkerPool());
    }

    private static ApiException noAttemptsLeft(int allowed) {
        return new ApiException(409, "NO_ATTEMPTS_LEFT", "all " + allowed + (allowed == 1 ? " attempt has" : " attempts have")
                + " been used", List.of());
    }

    /** An attempt as it is now: the question being served (with its original deadline), or the result. */
    public CompletionStage<Attempt> attempt(long attemptId, String token) {
        AttemptRow a = owned(attemptId, token);
        Loaded k = catalog.byId(a.contestId());
        long now = System.currentTimeMillis();
        if (a.active()) {
            AttemptClock.Where w = k.clock(a.paper(), graceMs).at(a.startedAt(), a.position(), a.servedAt(), now);
            boolean closed = k.status(now) == ContestStatus.CLOSED;
            if (!closed && w.position() < a.paper().length && w.servedAt() > now) {
                // asked for the question that waits after an answer (afterEach): it is served now, once
                return writer.submit(new OnlineWriter.Serve(a, now)).handleAsync((x, e) -> {
                    if (e != null) {
                        throw failure(e);
                    }
                    return views.view(k, store.attempt(attemptId), now);
                }, Infrastructure.getDefaultWorkerPool());
            }
            if (w.position() >= a.paper().length || closed) {
                long end = closed ? Math.min(k.row().closesAt(), w.servedAt()) : w.servedAt();
                return writer.submit(new OnlineWriter.Finish(a, Math.min(end, now), k.online().bestCounts()))
                        .handleAsync((x, e) -> {
                            if (e != null) {
                                throw failure(e);
                            }
                            return views.view(k, store.attempt(attemptId), now);
                        }, Infrastructure.getDefaultWorkerPool());
            }
        }
        return CompletableFuture.completedFuture(views.view(k, a, now));
    }

    private AttemptRow owned(long attemptId, String token) {
        AttemptRow a = store.attempt(attemptId);
        if (a == null) {
            throw ApiException.notFound("attempt", String.valueOf(attemptId));
        }
        Loaded k = catalog.byId(a.contestId());
        long pid = Tokens.participant(k.row().tokenKey(), token).orElseThrow(OnlineService::badToken);
        if (pid != a.participantId()) {
            throw new ApiException(403, "FORBIDDEN", "attempt " + attemptId + " is another participant's", List.of());
        }
        return a;
    }

    // ------------------------------------------------------------------ answers

    public CompletionStage<AnswerResponse> answer(long attemptId, String token, AnswerRequest r) {
        AttemptRow a = owned(attemptId, token);
        if (r == null || r.questionId() == null || r.questionId().isBlank()) {
            throw ApiException.invalid(List.of(new FieldError("questionId", "is required")));
        }
        if (r.requestId() != null && r.requestId().length() > 64) {
            throw ApiException.invalid(List.of(new FieldError("requestId", "at most 64 characters")));
        }
        return decide(catalog.byId(a.contestId()), a, r, System.currentTimeMillis(), true);
    }

    private CompletionStage<AnswerResponse> decide(Loaded k, AttemptRow a, AnswerRequest r, long now, boolean again) {
        int n = a.paper().length;
        if (!a.active()) {
            return replay(k, a, r, now).orElseThrow(() -> new ApiException(409, "ATTEMPT_OVER",
                    "attempt " + a.id() + " is over (" + a.status().toLowerCase(java.util.Locale.ROOT) + ")", List.of()));
        }
        if (k.status(now) == ContestStatus.CLOSED && now >= k.row().closesAt()) {
            return replay(k, a, r, now).orElseThrow(() -> closedError(k));
        }
        AttemptClock clock = k.clock(a.paper(), graceMs);
        AttemptClock.Where w = clock.at(a.startedAt(), a.position(), a.servedAt(), now);
        LiveQuestion current = w.position() < n ? k.pool().get(a.paper()[w.position()]) : null;
        LiveQuestion stored = a.position() < n ? k.pool().get(a.paper()[a.position()]) : null;
        OnlineWriter.Answer write;
        boolean best = k.online().bestCounts();
        if (current != null && current.publicId().equals(r.questionId())) {
            Choice choice = ChoiceParser.parse(current.key(), r.choice()).orElseThrow(() -> invalidChoice(current));
            Boolean correct = current.key().judge(choice).orElseThrow(() -> invalidChoice(current));
            long responseMs = Math.max(0, now - w.servedAt());
            int points = k.scoring().award(correct, responseMs, clock.scoringLimit(w.position()), current.points(), 0).points();
            int to = w.position() + 1;
            AnswerRow row = new AnswerRow(a.id(), w.position(), current.index(), JsonText.write(r.choice()),
                    r.requestId(), "ACCEPTED", now, responseMs, correct, points);
            // with afterEach, the next question waits while this answer is read (served when asked for, or at the latest then)
            long next = to < n ? now + k.reviewMs() : now;
            write = new OnlineWriter.Answer(a, row, to, next, responseMs < k.online().antiCheat().minResponseMs(),
                    to == n ? now : null, best);
        } else if (stored != null && w.position() > a.position() && stored.publicId().equals(r.questionId())) {
            AnswerRow row = new AnswerRow(a.id(), a.position(), stored.index(), JsonText.write(r.choice()),
                    r.requestId(), "LATE", now, Math.max(0, now - a.servedAt()), false, 0);
            write = new OnlineWriter.Answer(a, row, w.position(), w.servedAt(), false,
                    w.position() == n ? Math.min(now, w.servedAt()) : null, best);
        } else {
            return replay(k, a, r, now).orElseThrow(() -> new ApiException(409, "NOT_CURRENT", "question '"
                    + r.questionId() + "' is not the one being served" + (current == null ? " (the attempt's time is up)"
                    : " (that is '" + current.publicId() + "'): there is no going back and no skipping ahead"), List.of()));
        }
        return writer.submit(write).handleAsync((done, e) -> {
            if (e != null) {
                throw failure(e);
            }
            if (!done.done()) {
                if (!again) {
                    throw ApiException.conflict("CONFLICT", "attempt " + a.id() + " changed while answering; ask again");
                }
                Loaded fresh = catalog.fresh(a.contestId());
                AttemptRow reread = store.attempt(a.id());
                return decide(fresh, reread, r, now, false).toCompletableFuture().join();
            }
            AttemptRow after = after(a, write);
            return respond(k, after, write.row, now);
        }, Infrastructure.getDefaultWorkerPool()).exceptionally(e -> {
            throw failure(e);
        });
    }

    /** The attempt as the answer left it (what the conditional write stored), without reading it again. */
    private static AttemptRow after(AttemptRow a, OnlineWriter.Answer w) {
        return new AttemptRow(a.id(), a.contestId(), a.participantId(), a.num(), a.seed(), a.paper(),
                w.finishedAt == null ? AttemptRow.ACTIVE : AttemptRow.FINISHED, w.toPosition, w.servedAt, a.startedAt(),
                a.expiresAt(), w.finishedAt, a.score() + w.row.points(), a.correctCount() + (w.row.correct() ? 1 : 0),
                a.answered() + 1, a.fastAnswers() + (w.fast ? 1 : 0), null, null, null);
    }

    private Optional<CompletionStage<AnswerResponse>> replay(Loaded k, AttemptRow a, AnswerRequest r, long now) {
        if (r.requestId() == null) {
            return Optional.empty();
        }
        AnswerRow row = store.answerByRequest(a.id(), r.requestId());
        if (row == null || !k.pool().get(row.questionIdx()).publicId().equals(r.questionId())) {
            return Optional.empty();
        }
        AttemptRow fresh = store.attempt(a.id());
        return Optional.of(CompletableFuture.completedFuture(respond(k, fresh, row, now)));
    }

    private AnswerResponse respond(Loaded k, AttemptRow a, AnswerRow row, long now) {
        Attempt view = views.view(k, a, now);
        LiveQuestion q = k.pool().get(row.questionIdx());
        boolean each = OnlineSettings.AFTER_EACH.equals(k.online().showAnswers());
        Ack ack = new Ack(row.requestId(), q.publicId(), row.position(), row.status(), row.receivedAt(), row.responseMs(),
                each ? row.correct() : null, each ? row.points() : null, each ? a.score() : null,
                each ? q.correct() : null, each ? q.explanation() : null, each ? q.source() : null);
        return new AnswerResponse(ack, view.question(), view.result(), view.nextAt(), now);
    }

    // ------------------------------------------------------------------ errors

    static void requireOpen(Loaded k, long now) {
        ContestStatus s = k.status(now);
        if (s == ContestStatus.SCHEDULED) {
            throw new ApiException(403, "CONTEST_NOT_OPEN", "the contest opens at "
                    + java.time.Instant.ofEpochMilli(k.row().opensAt()), List.of());
        }
        if (s == ContestStatus.CLOSED) {
            throw closedError(k);
        }
    }

    static ApiException closedError(Loaded k) {
        return new ApiException(403, "CONTEST_CLOSED", "the contest closed at "
                + java.time.Instant.ofEpochMilli(k.row().closesAt()), List.of());
    }

    private static ApiException invalidChoice(LiveQuestion q) {
        return new ApiException(400, "INVALID_CHOICE", "the choice does not fit question '" + q.publicId() + "' ("
                + q.type().wire() + "); nothing was stored, send it again", List.of());
    }

    static RuntimeException failure(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof ApiException api) {
            return api;
        }
        if (t instanceof GroupCommit.QueueFull) {
            return new ApiException(503, "BUSY", "the server is too busy to store the answer now; send it again", List.of());
        }
        return t instanceof RuntimeException rt ? rt : new IllegalStateException(t);
    }
}
