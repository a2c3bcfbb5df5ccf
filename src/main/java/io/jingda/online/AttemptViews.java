package io.jingda.online;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.OnlineSettings;
import io.jingda.online.OnlineCatalog.Loaded;
import io.jingda.online.OnlineRows.AnswerRow;
import io.jingda.online.OnlineRows.AttemptRow;
import io.jingda.online.OnlineRows.ParticipantRow;
import io.jingda.online.OnlineViews.Attempt;
import io.jingda.online.OnlineViews.Question;
import io.jingda.online.OnlineViews.Rank;
import io.jingda.online.OnlineViews.Result;
import io.jingda.online.OnlineViews.ReviewItem;
import io.jingda.system.JsonText;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An attempt as its participant sees it: the question being served (options in the attempt's order, never
 * the answer), or the result with the ranks and, as {@code showAnswers} allows, the review.
 */
@ApplicationScoped
public class AttemptViews {
    private final OnlineStore store;
    private final OnlineStandings standings;
    private final long graceMs;

    public AttemptViews(OnlineStore store, OnlineStandings standings, OnlineConfig config) {
        this.store = store;
        this.standings = standings;
        this.graceMs = config.grace().toMillis();
    }

    Attempt view(Loaded k, AttemptRow a, long now) {
        AttemptClock clock = k.clock(a.paper(), graceMs);
        int n = a.paper().length;
        if (a.active()) {
            return view(k, a, clock.at(a.startedAt(), a.position(), a.servedAt(), now), now);
        }
        return new Attempt(a.id(), a.num(), a.status(), n, n, a.startedAt(), a.expiresAt(), null, result(k, a, now), null,
                now);
    }

    Attempt view(Loaded k, AttemptRow a, AttemptClock.Where w, long now) {
        int n = a.paper().length;
        if (w.position() >= n) {
            return new Attempt(a.id(), a.num(), a.status(), n, n, a.startedAt(), a.expiresAt(), null, null, null, now);
        }
        if (w.servedAt() > now) {
            // the next question waits while the answer before it is read (afterEach): not served yet
            return new Attempt(a.id(), a.num(), a.status(), n, w.position(), a.startedAt(), a.expiresAt(), null, null,
                    w.servedAt(), now);
        }
        AttemptClock clock = k.clock(a.paper(), graceMs);
        LiveQuestion q = k.pool().get(a.paper()[w.position()]);
        Question view = new Question(q.publicId(), w.position(), q.type().wire(), q.stem(),
                Paper.options(a.seed(), w.position(), q), q.points(), clock.totalMs() > 0 ? clock.totalMs()
                : clock.limitsMs()[w.position()], w.servedAt(), clock.deadline(a.startedAt(), w.position(), w.servedAt()),
                q.image());
        return new Attempt(a.id(), a.num(), a.status(), n, w.position(), a.startedAt(), a.expiresAt(), view, null, null,
                now);
    }

    /** The result of an attempt that is over: its score and ranks, and its review when the contest allows it. */
    /** The most an attempt's paper can score (accuracy; speed scoring gives at most as much). */
    static int maxScore(Loaded k, AttemptRow a) {
        int max = 0;
        for (int idx : a.paper()) {
            max += k.pool().get(idx).points();
        }
        return max;
    }

    Result result(Loaded k, AttemptRow a, long now) {
        int n = a.paper().length;
        int max = maxScore(k, a);
        ParticipantRow p = store.participant(a.participantId());
        boolean counted = p.bestAttempt() != null && p.bestAttempt() == a.id();
        Rank rank = p.bestScore() == null ? null : new Rank(store.rankOf(k.row().id(), null, p.bestScore(),
                p.bestTimeMs(), p.bestFinishedAt()), store.ranked(k.row().id(), null));
        String show = k.online().showAnswers();
        boolean review = !OnlineSettings.AFTER_CLOSE.equals(show) || k.status(now) == ContestStatus.CLOSED;
        List<ReviewItem> items = null;
        if (review) {
            items = new ArrayList<>();
            Map<Integer, AnswerRow> byPos = new java.util.HashMap<>();
            store.answers(a.id()).forEach(x -> byPos.put(x.position(), x));
            for (int i = 0; i < n; i++) {
                LiveQuestion q = k.pool().get(a.paper()[i]);
                AnswerRow x = byPos.get(i);
                JsonNode choice = x == null ? null : JsonText.tree(x.choice());
                items.add(new ReviewItem(i, q.publicId(), q.type().wire(), q.stem(), Paper.options(a.seed(), i, q), choice,
                        x == null ? "MISSED" : x.status(), x != null && x.correct(), x == null ? 0 : x.points(), q.correct(),
                        q.explanation(), q.source()));
            }
        }
        boolean flagged = OnlineReports.flagged(a.fastAnswers(), n);
        return new Result(a.score(), max, a.correctCount(), a.answered(), n, a.timeMs() == null ? 0 : a.timeMs(),
                a.finishedAt() == null ? now : a.finishedAt(), counted, flagged, a.status(), rank,
                p.bestScore() == null ? null : standings.unitRank(k, p.unitId()), items,
                review ? null : OnlineSettings.AFTER_CLOSE);
    }
}
