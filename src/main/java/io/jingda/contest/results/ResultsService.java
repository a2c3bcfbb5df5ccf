package io.jingda.contest.results;

import io.jingda.contest.Caller;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestQuestion;
import io.jingda.contest.ContestQuestionMapper;
import io.jingda.contest.ContestRecords;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jingda.scoring.AnswerTally;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standings and per-question statistics, computed from the stored answers (the durable truth), read
 * through {@link ContestRecords} (the engine owns those tables and their SQL).
 */
@ApplicationScoped
public class ResultsService {
    private final ContestService contests;
    private final ContestRecords records;

    public ResultsService(ContestService contests, ContestRecords records) {
        this.contests = contests;
        this.records = records;
    }

    public record Standing(int rank, long participantId, String nickname, long score, int correct, long correctTimeMs) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionStat(String id, String text, boolean correct, int count) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionStat(int index, String questionId, String bankId, String type, String stem, int answered,
                               double correctPercent, Long averageTimeMs, List<OptionStat> options,
                               Map<String, Integer> distribution, Map<String, Integer> combinations) {
    }

    public record Results(long contestId, String title, ContestStatus status, int participants,
                          List<Standing> standings, List<QuestionStat> questions) {
    }

    public Results results(long id, Caller caller) {
        Contest c = contests.require(id, caller);
        List<ContestQuestion> qs = contests.questions(id);
        Map<Long, long[]> totals = new HashMap<>(); // score, correct, correctTime
        Map<Long, String> names = new LinkedHashMap<>();
        int n = qs.size();
        int[] answered = new int[n];
        int[] correct = new int[n];
        long[] time = new long[n];
        // counted as the live chart counts them, so the results and the reveal agree
        List<LiveQuestion> live = qs.stream().map(ContestQuestionMapper::live).toList();
        List<AnswerTally> tallies = live.stream().map(LiveQuestion::newTally).toList();
        for (ContestRecords.Entrant e : records.entrants(id)) {
            names.put(e.id(), e.nickname());
            totals.put(e.id(), new long[3]);
        }
        for (ContestRecords.ScoredAnswer a : records.scoredAnswers(id)) {
            long[] t = totals.get(a.participantId());
            int idx = a.questionIdx();
            if (t == null || idx < 0 || idx >= n) {
                continue;
            }
            answered[idx]++;
            time[idx] += a.responseMs();
            if (a.correct()) {
                correct[idx]++;
                t[0] += a.points();
                t[1]++;
                t[2] += a.responseMs();
            }
            tallies.get(idx).add(a.choiceKey());
        }
        List<Long> order = new ArrayList<>(names.keySet());
        order.sort(Comparator.comparingLong((Long p) -> -totals.get(p)[0]).thenComparingLong(p -> totals.get(p)[2])
                .thenComparingLong(p -> p));
        List<Standing> standings = new ArrayList<>();
        int rank = 1;
        for (Long p : order) {
            long[] t = totals.get(p);
            standings.add(new Standing(rank++, p, names.get(p), t[0], (int) t[1], t[2]));
        }
        List<QuestionStat> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ContestQuestion q = qs.get(i);
            LiveQuestion l = live.get(i);
            List<OptionStat> options = null;
            Map<String, Integer> distribution = tallies.get(i).distribution();
            if (!l.options().isEmpty()) {
                java.util.Set<String> right = new java.util.HashSet<>();
                l.correct().forEach(x -> right.add(x.asText()));
                options = new ArrayList<>();
                for (LiveQuestion.OptionView o : l.options()) {
                    options.add(new OptionStat(o.id(), o.text(), right.contains(o.id()), distribution.getOrDefault(o.id(), 0)));
                }
            }
            double pct = answered[i] == 0 ? 0 : Math.round(1000.0 * correct[i] / answered[i]) / 10.0;
            stats.add(new QuestionStat(i, q.publicId, q.bankId, q.type.wire(), q.stem, answered[i], pct,
                    answered[i] == 0 ? null : time[i] / answered[i], options, distribution,
                    tallies.get(i).combinations()));
        }
        return new Results(id, c.title, c.status, names.size(), standings, stats);
    }
}
