package io.jingda.online;

import io.jingda.contest.ContestQuestionMapper;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestSettings;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.contest.OnlineSettings;
import io.jingda.contest.OnlineWindow;
import io.jingda.online.OnlineRows.ContestRow;
import io.jingda.online.OnlineRows.UnitRow;
import io.jingda.scoring.ScoringRules;
import io.jingda.system.ApiException;
import io.jingda.system.JsonText;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a node keeps of each self-paced contest it serves: a copy of its definition (the pool, the settings, the
 * token key), which never changes once it is scheduled, and its window and units, read again after a second.
 * A cache of the database, not state: any node builds the same from the same rows.
 */
@ApplicationScoped
public class OnlineCatalog {
    private static final long FRESH_MS = 1000;

    private final OnlineStore store;
    private final ContestService contests;
    private final Map<Long, Loaded> byId = new ConcurrentHashMap<>();
    private final Map<String, Long> byCode = new ConcurrentHashMap<>();
    private final long reviewMs;

    public OnlineCatalog(OnlineStore store, ContestService contests, OnlineConfig config) {
        this.store = store;
        this.contests = contests;
        this.reviewMs = config.reviewTime().toMillis();
    }

    /** A scheduled (or later) contest as this node serves it. */
    public record Loaded(ContestRow row, ContestSettings settings, OnlineSettings online, List<LiveQuestion> pool,
                         ScoringRules scoring, List<UnitRow> units, long loadedAt, long reviewMs) {

        public ContestStatus status(long now) {
            return OnlineWindow.status(ContestStatus.valueOf(row.status()), row.opensAt(), row.closesAt(), now);
        }

        public long limitMs(LiveQuestion q) {
            return settings.timeLimit() != null ? settings.timeLimit() * 1000L : q.timeLimitMs();
        }

        public AttemptClock clock(int[] paper, long graceMs) {
            long[] limits = new long[paper.length];
            for (int i = 0; i < paper.length; i++) {
                limits[i] = limitMs(pool.get(paper[i]));
            }
            long total = online.timeLimitTotal() == null ? 0 : online.timeLimitTotal() * 1000L;
            return new AttemptClock(limits, total, graceMs, reviewMs);
        }

        public UnitRow unit(Long id) {
            return id == null ? null : units.stream().filter(u -> u.id() == id).findFirst().orElse(null);
        }
    }

    public Loaded byCode(String code) {
        Long id = code == null ? null : byCode.get(code);
        if (id == null) {
            ContestRow row = code == null || !code.matches("\\d{6}") ? null : store.contestByCode(code);
            if (row == null || "DRAFT".equals(row.status())) {
                throw ApiException.notFound("contest", code);
            }
            byCode.put(code, row.id());
            return load(row);
        }
        try {
            return byId(id);
        } catch (ApiException gone) {
            byCode.remove(code); // deleted; the code may belong to another contest now
            return byCode(code);
        }
    }

    public Loaded byId(long id) {
        Loaded l = byId.get(id);
        if (l != null && System.currentTimeMillis() - l.loadedAt() < FRESH_MS) {
            return l;
        }
        ContestRow row = store.contest(id);
        if (row == null || "DRAFT".equals(row.status())) {
            byId.remove(id);
            throw ApiException.notFound("contest", String.valueOf(id));
        }
        return l != null ? refresh(l, row) : load(row);
    }

    /** The contest read again now (after a write found its window closed). */
    public Loaded fresh(long id) {
        byId.remove(id);
        return byId(id);
    }

    private Loaded load(ContestRow row) {
        ContestSettings s = settings(row);
        List<LiveQuestion> pool = contests.questions(row.id()).stream().map(ContestQuestionMapper::live).toList();
        ScoringRules scoring = new ScoringRules(s.scoring() != null && "speed".equals(s.scoring().mode())
                ? ScoringRules.Mode.SPEED : ScoringRules.Mode.ACCURACY, false);
        Loaded l = new Loaded(row, s, s.online(), pool, scoring, store.units(row.id()), System.currentTimeMillis(),
                review(s));
        byId.put(row.id(), l);
        return l;
    }

    private Loaded refresh(Loaded old, ContestRow row) {
        ContestSettings s = settings(row);
        Loaded l = new Loaded(row, s, s.online(), old.pool(), old.scoring(), store.units(row.id()), System.currentTimeMillis(),
                review(s));
        byId.put(row.id(), l);
        return l;
    }

    /** The pause before the next question, while an answer's explanation is read: only when they are shown after each. */
    private long review(ContestSettings s) {
        return OnlineSettings.AFTER_EACH.equals(s.online().showAnswers()) ? reviewMs : 0;
    }

    private static ContestSettings settings(ContestRow row) {
        try {
            return JsonText.read(row.settings(), ContestSettings.class);
        } catch (Exception e) {
            throw new IllegalStateException("corrupt settings of contest " + row.id(), e);
        }
    }

    /** Forgets a contest (deleted). */
    public void forget(long id) {
        byId.remove(id);
        byCode.values().removeIf(v -> v == id);
    }
}
