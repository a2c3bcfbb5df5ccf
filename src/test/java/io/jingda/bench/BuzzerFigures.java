package io.jingda.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures and checks of the buzzer scenario, from what its clients saw ({@link BuzzTrack}s). Latencies
 * named {@code …Us} are microseconds of {@link System#nanoTime}, {@code …Ms} milliseconds of the wall clock
 * the server and the generator share.
 *
 * @param fromFirstSendP50Us  the time from the first buzz sent (the earliest send of all clients) to
 *                            buzzWinner at each client, over all clients and questions
 * @param fromFirstSendP99ByQuestionUs the same p99 per question, in the order played (a cold server's first
 *                            questions stand out)
 * @param fromReceiptP50Ms    the time from the server's receipt of the winning buzz ({@code openedAt +
 *                            reactionMs}) to buzzWinner at each client (millisecond resolution)
 * @param winnerIsFirstSender questions whose winner is the client that sent first
 * @param mismatches          the others, with how long after the first sender the winner sent its buzz:
 *                            the server decides by its receive order, and two sends microseconds apart on
 *                            different connections can arrive the other way round
 * @param unexpectedRefusals  refusals of a losing buzz other than ALREADY_WON or TOO_LATE
 * @param unansweredBuzzes    losing buzzes that got no buzzRefused
 * @param teamScoresMatch     the team scores in 'finished' equal the base score plus the judged points
 */
public record BuzzerFigures(int questions, long buzzesSent,
                            long fromFirstSendP50Us, long fromFirstSendP95Us, long fromFirstSendP99Us,
                            long fromFirstSendMaxUs, List<Long> fromFirstSendP99ByQuestionUs, long fromReceiptP50Ms, long fromReceiptP99Ms, long fromReceiptMaxMs,
                            long winnerFrames, long winnerFramesMissing, long buzzOpenP50Ms, long buzzOpenP99Ms,
                            long reactionP50Ms, long reactionMaxMs, int winnerIsFirstSender, List<String> mismatches,
                            long winnerDisagreements, long winnerRefused, Map<String, Long> refusals,
                            long unexpectedRefusals, long unansweredBuzzes, long judged, long judgedCorrect,
                            Map<String, Long> judgedReasons, Boolean teamScoresMatch, String teamScores) {
    /** Refusals a losing buzz may get. */
    static final List<String> LOSING_REASONS = List.of("ALREADY_WON", "TOO_LATE");

    /** The target: p99 from the first buzz to buzzWinner at every client under 50 ms, none missing. */
    public boolean meetsTarget() {
        return fromFirstSendP99Us >= 0 && fromFirstSendP99Us < 50_000 && winnerFramesMissing == 0;
    }

    /**
     * @param participantIds member number → participantId
     * @param teamIds        member number → team id
     * @param finishedTeams  'teams' of the first 'finished' frame (null: none arrived)
     */
    static BuzzerFigures of(List<BuzzTrack> tracks, long[] participantIds, int[] teamIds, JsonNode finishedTeams,
                            long baseScore) {
        Stats fromFirst = new Stats();
        Stats fromReceipt = new Stats();
        Stats buzzOpen = new Stats();
        Stats reaction = new Stats();
        long sent = 0;
        long winnerFrames = 0;
        long missing = 0;
        int firstSender = 0;
        List<String> mismatches = new ArrayList<>();
        long disagreements = 0;
        long winnerRefused = 0;
        Map<String, Long> refusals = new TreeMap<>();
        long unexpected = 0;
        long unanswered = 0;
        long judged = 0;
        long correct = 0;
        Map<String, Long> reasons = new TreeMap<>();
        Map<Long, Long> expected = new TreeMap<>();
        for (int team : teamIds) {
            expected.put((long) team, baseScore);
        }
        Map<Long, Integer> memberOf = new HashMap<>();
        for (int n = 0; n < participantIds.length; n++) {
            memberOf.put(participantIds[n], n);
        }
        List<Long> byQuestion = new ArrayList<>();
        for (BuzzTrack t : tracks.stream().sorted(Comparator.comparingInt(t -> t.order)).toList()) {
            Stats mine = new Stats();
            int first = t.firstSender();
            long firstNanos = first < 0 ? 0 : t.sentNanos.get(first);
            if (t.reactionMs >= 0) {
                reaction.add(t.reactionMs);
            }
            for (int i = 0; i < t.members(); i++) {
                if (t.sentNanos.get(i) != 0) {
                    sent++;
                }
                if (t.openedAt > 0 && t.openEpochMs.get(i) > 0) {
                    buzzOpen.add(t.openEpochMs.get(i) - t.openedAt);
                }
                long w = t.winnerNanos.get(i);
                if (w == 0) {
                    missing++;
                    continue;
                }
                winnerFrames++;
                if (first >= 0) {
                    fromFirst.add((w - firstNanos) / 1000);
                    mine.add((w - firstNanos) / 1000);
                }
                if (t.openedAt > 0 && t.reactionMs >= 0) {
                    fromReceipt.add(t.winnerEpochMs.get(i) - (t.openedAt + t.reactionMs));
                }
            }
            byQuestion.add(mine.percentile(99));
            disagreements += t.disagreements.get();
            Integer winner = t.winnerPid.get() == BuzzTrack.NONE ? null : memberOf.get(t.winnerPid.get());
            if (winner != null && first >= 0) {
                if (winner == first) {
                    firstSender++;
                } else {
                    long gapUs = (t.sentNanos.get(winner) - firstNanos) / 1000;
                    mismatches.add(String.format(Locale.ROOT,
                            "question %d: the winner (member %d) sent %d µs after the first sender (member %d)",
                            t.order + 1, winner, gapUs, first));
                }
            } else if (t.winnerPid.get() != BuzzTrack.NONE) {
                mismatches.add(String.format(Locale.ROOT, "question %d: the winner %d is none of the members",
                        t.order + 1, t.winnerPid.get()));
            }
            for (int i = 0; i < t.members(); i++) {
                String reason = t.refusal.get(i);
                boolean isWinner = winner != null && winner == i;
                if (reason != null) {
                    refusals.merge(reason, 1L, Long::sum);
                    if (isWinner) {
                        winnerRefused++;
                    } else if (!LOSING_REASONS.contains(reason)) {
                        unexpected++;
                    }
                } else if (!isWinner && t.sentNanos.get(i) != 0) {
                    unanswered++;
                }
            }
            long points = t.judgedPoints.get();
            if (points != BuzzTrack.NONE) {
                judged++;
                if (Boolean.TRUE.equals(t.judgedCorrect)) {
                    correct++;
                }
                reasons.merge(String.valueOf(t.judgedReason), 1L, Long::sum);
                if (t.judgedTeam > 0) {
                    expected.merge(t.judgedTeam, points, Long::sum);
                }
            }
        }
        Boolean scoresMatch = null;
        StringBuilder scores = new StringBuilder();
        if (finishedTeams != null && finishedTeams.isArray() && finishedTeams.size() > 0) {
            scoresMatch = finishedTeams.size() == expected.size();
            for (JsonNode team : finishedTeams) {
                long id = team.path("id").asLong();
                long score = team.path("score").asLong();
                Long want = expected.get(id);
                if (want == null || want != score) {
                    scoresMatch = false;
                    scores.append(String.format(Locale.ROOT, "team %d: pushed %d, base + judged points %s; ", id, score,
                            want));
                }
            }
            if (scoresMatch) {
                scores.append(String.format(Locale.ROOT, "%d teams, %d..%d", finishedTeams.size(),
                        expected.values().stream().mapToLong(Long::longValue).min().orElse(0),
                        expected.values().stream().mapToLong(Long::longValue).max().orElse(0)));
            } else if (finishedTeams.size() != expected.size()) {
                scores.append(String.format(Locale.ROOT, "%d teams pushed, %d expected", finishedTeams.size(),
                        expected.size()));
            }
        } else {
            scores.append("no teams in 'finished'");
        }
        return new BuzzerFigures(tracks.size(), sent, fromFirst.percentile(50), fromFirst.percentile(95),
                fromFirst.percentile(99), fromFirst.max(), byQuestion, fromReceipt.percentile(50), fromReceipt.percentile(99),
                fromReceipt.max(), winnerFrames, missing, buzzOpen.percentile(50), buzzOpen.percentile(99),
                reaction.percentile(50), reaction.max(), firstSender, mismatches, disagreements, winnerRefused, refusals,
                unexpected, unanswered, judged, correct, reasons, scoresMatch, scores.toString());
    }
}
