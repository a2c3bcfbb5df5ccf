package io.jingda.contest.results;

import io.jingda.contest.Caller;
import io.jingda.contest.Contest;
import io.jingda.contest.ContestQuestion;
import io.jingda.contest.ContestQuestionMapper;
import io.jingda.contest.ContestRecords;
import io.jingda.contest.ContestService;
import io.jingda.contest.ContestSettings;
import io.jingda.contest.TeamDefinition;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerKey;
import io.jingda.scoring.AnswerTally;
import io.jingda.scoring.Multiplier;
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

    /** {@code score}: the points of the participant's answers plus the rulings on them; {@code teamId} null: no team. */
    public record Standing(int rank, long participantId, String nickname, long score, int correct, long correctTimeMs,
                           Integer teamId) {
    }

    /**
     * A team's place: {@code score} = {@code baseScore} + {@code roundPoints} (its team rounds: judgements,
     * false starts, stakes) + {@code rulings} (on the team) + {@code memberPoints} (the sum or the average, as
     * the contest's {@code teamScoring} says, of its members' own scores). Equal teams share a rank unless
     * tie-breaks won part them.
     */
    public record TeamStanding(int rank, int id, String name, String color, long score, long baseScore,
                               long roundPoints, long rulings, long memberPoints) {
    }

    /**
     * An option's count: the answers that chose it; for an ordering, those that put it in its right place,
     * {@code position} (1 = first), with the options listed in the right order and {@code correct} true for all.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OptionStat(String id, String text, boolean correct, int count, Integer position) {
        public OptionStat(String id, String text, boolean correct, int count) {
            this(id, text, correct, count, null);
        }
    }

    /**
     * {@code correctPercent} is null for a poll, which is neither right nor wrong (and counts in no accuracy);
     * {@code points} and {@code multiplier}: what the question was scored with (0 = practice).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionStat(int index, String questionId, String bankId, String type, String stem, int answered,
                               Double correctPercent, Long averageTimeMs, List<OptionStat> options,
                               Map<String, Integer> distribution, Map<String, Integer> combinations, int points,
                               double multiplier) {
    }

    /** {@code teams}: null for a contest without teams; {@code rulings}: the host's, in order (undos included). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Results(long contestId, String title, ContestStatus status, int participants,
                          List<Standing> standings, List<QuestionStat> questions, List<TeamStanding> teams,
                          List<ContestRecords.Ruling> rulings) {

        public Results(long contestId, String title, ContestStatus status, int participants, List<Standing> standings,
                       List<QuestionStat> questions) {
            this(contestId, title, status, participants, standings, questions, null, List.of());
        }
    }

    public Results results(long id, Caller caller) {
        Contest c = contests.require(id, caller);
        List<ContestQuestion> qs = contests.questions(id);
        Map<Long, long[]> totals = new HashMap<>(); // score, correct, correctTime
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, Integer> teamOf = new HashMap<>();
        int n = qs.size();
        int[] answered = new int[n];
        int[] correct = new int[n];
        long[] time = new long[n];
        // counted as the live chart counts them, so the results and the reveal agree
        List<LiveQuestion> live = qs.stream().map(ContestQuestionMapper::live).toList();
        List<AnswerTally> tallies = live.stream().map(LiveQuestion::newTally).toList();
        // ordering: the right order, and per position the answers that have its option there
        List<List<String>> orders = live.stream().map(l -> l.type() == QuestionType.ORDERING
                ? ((AnswerKey.Ordering) l.key()).order() : List.<String>of()).toList();
        List<int[]> placed = orders.stream().map(o -> o.isEmpty() ? null : new int[o.size()]).toList();
        for (ContestRecords.Entrant e : records.entrants(id)) {
            names.put(e.id(), e.nickname());
            totals.put(e.id(), new long[3]);
            if (e.teamId() != null) {
                teamOf.put(e.id(), e.teamId());
            }
        }
        for (ContestRecords.ScoredAnswer a : records.scoredAnswers(id)) {
            long[] t = totals.get(a.participantId());
            int idx = a.questionIdx();
            if (t == null || idx < 0 || idx >= n) {
                continue;
            }
            answered[idx]++;
            time[idx] += a.responseMs();
            t[0] += a.points(); // a wrong answer has none, a partly right ordering may have some
            if (a.correct()) {
                correct[idx]++;
                // a practice question is in its own statistics, not in a participant's accuracy or tie-break time
                if (!Multiplier.practice(qs.get(idx).multiplier)) {
                    t[1]++;
                    t[2] += a.responseMs();
                }
            }
            tallies.get(idx).add(a.choiceKey());
            if (placed.get(idx) != null && a.choiceKey() != null) {
                String[] given = a.choiceKey().split(",");
                List<String> right = orders.get(idx);
                for (int k = 0; k < Math.min(given.length, right.size()); k++) {
                    if (given[k].equals(right.get(k))) {
                        placed.get(idx)[k]++;
                    }
                }
            }
        }
        List<ContestRecords.Ruling> rulings = records.rulings(id);
        for (ContestRecords.Ruling r : rulings) {
            long[] t = r.participantId() == null ? null : totals.get(r.participantId());
            if (t != null) {
                t[0] += r.points();
            }
        }
        List<Long> order = new ArrayList<>(names.keySet());
        order.sort(Comparator.comparingLong((Long p) -> -totals.get(p)[0]).thenComparingLong(p -> totals.get(p)[2])
                .thenComparingLong(p -> p));
        List<Standing> standings = new ArrayList<>();
        int rank = 1;
        for (Long p : order) {
            long[] t = totals.get(p);
            standings.add(new Standing(rank++, p, names.get(p), t[0], (int) t[1], t[2], teamOf.get(p)));
        }
        List<QuestionStat> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ContestQuestion q = qs.get(i);
            LiveQuestion l = live.get(i);
            List<OptionStat> options = null;
            Map<String, Integer> distribution = tallies.get(i).distribution();
            if (l.type() == QuestionType.ORDERING) {
                Map<String, String> texts = new HashMap<>();
                l.options().forEach(o -> texts.put(o.id(), o.text()));
                options = new ArrayList<>();
                for (int k = 0; k < orders.get(i).size(); k++) {
                    String oid = orders.get(i).get(k);
                    options.add(new OptionStat(oid, texts.get(oid), true, placed.get(i)[k], k + 1));
                }
            } else if (!l.options().isEmpty()) {
                java.util.Set<String> right = new java.util.HashSet<>();
                if (l.correct() != null) {
                    l.correct().forEach(x -> right.add(x.asText()));
                }
                options = new ArrayList<>();
                for (LiveQuestion.OptionView o : l.options()) {
                    options.add(new OptionStat(o.id(), o.text(), right.contains(o.id()), distribution.getOrDefault(o.id(), 0)));
                }
            }
            Double pct = !q.type.scored() ? null
                    : answered[i] == 0 ? 0.0 : Math.round(1000.0 * correct[i] / answered[i]) / 10.0;
            stats.add(new QuestionStat(i, q.publicId, q.bankId, q.type.wire(), q.stem, answered[i], pct,
                    answered[i] == 0 ? null : time[i] / answered[i], options, distribution,
                    tallies.get(i).combinations(), q.points, q.multiplier));
        }
        ContestSettings settings = ContestService.settings(c);
        List<TeamStanding> teams = settings.hasTeams() ? teams(id, settings, standings, rulings) : null;
        return new Results(id, c.title, c.status, names.size(), standings, stats, teams, rulings);
    }

    /** The team standings, from the stored rows alone, as the live engine computes them (its {@code Match}). */
    private List<TeamStanding> teams(long id, ContestSettings settings, List<Standing> standings,
                                     List<ContestRecords.Ruling> rulings) {
        Map<Integer, Long> roundPoints = new HashMap<>();
        records.teamRoundPoints(id).forEach(p -> roundPoints.merge(p.teamId(), p.points(), Long::sum));
        Map<Integer, Long> teamRulings = new HashMap<>();
        rulings.stream().filter(r -> r.teamId() != null)
                .forEach(r -> teamRulings.merge(r.teamId(), (long) r.points(), Long::sum));
        Map<Integer, long[]> members = new HashMap<>(); // sum of scores, count
        for (Standing s : standings) {
            if (s.teamId() != null) {
                long[] m = members.computeIfAbsent(s.teamId(), t -> new long[2]);
                m[0] += s.score();
                m[1]++;
            }
        }
        boolean average = "average".equals(settings.teamScoring());
        long base = settings.baseScore() == null ? 0 : settings.baseScore();
        Map<Integer, Integer> wins = records.tiebreakWins(id);
        List<TeamStanding> out = new ArrayList<>();
        for (TeamDefinition t : settings.teams()) {
            long[] m = members.getOrDefault(t.id(), new long[2]);
            long memberPoints = average ? (m[1] == 0 ? 0 : Math.round(m[0] / (double) m[1])) : m[0];
            long rounds = roundPoints.getOrDefault(t.id(), 0L);
            long ruled = teamRulings.getOrDefault(t.id(), 0L);
            out.add(new TeamStanding(0, t.id(), t.name(), t.color(), base + rounds + ruled + memberPoints, base,
                    rounds, ruled, memberPoints));
        }
        out.sort(Comparator.comparingLong((TeamStanding t) -> -t.score())
                .thenComparingInt(t -> -wins.getOrDefault(t.id(), 0)).thenComparingInt(TeamStanding::id));
        List<TeamStanding> ranked = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < out.size(); i++) {
            TeamStanding t = out.get(i);
            TeamStanding before = i == 0 ? null : out.get(i - 1);
            if (before == null || before.score() != t.score()
                    || !wins.getOrDefault(before.id(), 0).equals(wins.getOrDefault(t.id(), 0))) {
                rank = i + 1;
            }
            ranked.add(new TeamStanding(rank, t.id(), t.name(), t.color(), t.score(), t.baseScore(), t.roundPoints(),
                    t.rulings(), t.memberPoints()));
        }
        return ranked;
    }
}
