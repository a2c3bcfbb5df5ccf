package io.jingda.live;

import io.jingda.contest.ContestSettings;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.LiveQuestion;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Fanout;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.PlayerFrames;
import io.jingda.live.protocol.Utf8Frame;
import io.jingda.question.QuestionType;
import io.jingda.scoring.AnswerKey;
import io.jingda.system.JsonText;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A synthetic contest played in memory, so that the JIT has compiled the answer, close, reveal and
 * leaderboard path before a real contest needs it: on a cold JVM the first closes of a 10,000-participant
 * contest took 1.5–2× as long as later ones (docs/benchmarks.md, "A freshly started node"). It uses the
 * engine's own classes (runtime, round policy, ranking, standings, broadcasts, frames) with a fan-out that
 * renders every participant's frame and encodes it as a socket would, then drops it. It touches no
 * database, no socket and no other contest; nothing of it is kept.
 */
public final class Warmup {
    /** What one warm-up did: for the start log and the tests. */
    public record Figures(int participants, int questions, long answers, long frames, long bytes, long millis) {
    }

    private static final long CONTEST_ID = -1;
    private static final long GRACE_MS = 250;
    private static final String[] TEXTS = {"雷锋精神", "红船精神", "严新细实", "不知道"};

    private Warmup() {
    }

    /** Plays one contest of {@code participants} × {@code questions} (a mix of every question type). */
    public static Figures play(int participants, int questions) {
        long t0 = System.nanoTime();
        Sink sink = new Sink();
        ContestRuntime rt = new ContestRuntime(definition(questions), RoundMode.STANDARD, new LocalLiveRanking(),
                new Standings.Default());
        for (int i = 1; i <= participants; i++) {
            rt.admit(new ContestRuntime.Reservation(i, "选手" + i, "选手" + i, "warm-up-" + i, 0));
        }
        Broadcasts broadcasts = new Broadcasts(sink, new ContestClock());
        long now = 1_000_000;
        long answers = 0;
        for (int q = 0; q < questions; q++) {
            rt.openQuestion(q, now);
            broadcasts.question(rt);
            ContestRuntime.Snapshot s = rt.snapshot();
            String qid = s.question().publicId();
            long window = s.deadline() - s.openedAt();
            for (int p = 1; p <= participants; p++) {
                // as a phone sends it: parsed from text, acknowledged with a frame
                String frame = answerFrame(s.question(), qid, p, q);
                long at = s.openedAt() + 1_000 + (window - 1_000) * p / (participants + 1);
                JsonNode node = parse(frame);
                ContestRuntime.Submission r = rt.submit(p, qid, node.get("choice"), node.get("requestId").asText(), at,
                        GRACE_MS);
                if (r instanceof ContestRuntime.Accepted a) {
                    rt.stored(p, a.record());
                    a.record().stored.complete(null);
                    sink.encode(AnswerIntake.ack(qid, a.record().requestId, true, null));
                    answers++;
                } else if (r instanceof ContestRuntime.Rejected no) {
                    sink.encode(AnswerIntake.ack(qid, node.get("requestId").asText(), false, no.reason()));
                }
            }
            now = s.deadline() + GRACE_MS + 20;
            rt.close(now);
            broadcasts.closed(rt);
            rt.reveal(null);
            broadcasts.revealing(rt);
            broadcasts.reveal(rt);
            rt.leaderboard(null);
            broadcasts.leaderboard(rt);
            now += 5_000;
        }
        rt.finish(now);
        broadcasts.finished(rt);
        return new Figures(participants, questions, answers, sink.frames, sink.bytes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static ContestRuntime.Definition definition(int count) {
        List<LiveQuestion.OptionView> four = List.of(new LiveQuestion.OptionView("a", "上海"),
                new LiveQuestion.OptionView("b", "北京"), new LiveQuestion.OptionView("c", "嘉兴"),
                new LiveQuestion.OptionView("d", "遵义"));
        Set<String> ids = Set.of("a", "b", "c", "d");
        JsonNodeFactory json = JsonNodeFactory.instance;
        List<LiveQuestion> qs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "warm-up-" + i;
            String stem = "第 " + (i + 1) + " 题：1921 年中共一大在哪里召开？";
            qs.add(switch (i % 4) {
                case 0 -> new LiveQuestion(i, id, QuestionType.SINGLE, stem, four,
                        new AnswerKey.Options(ids, Set.of("a"), false), json.arrayNode().add("a"), null, "", null, 20_000, 1000);
                case 1 -> new LiveQuestion(i, id, QuestionType.MULTIPLE, stem, four,
                        new AnswerKey.Options(ids, Set.of("a", "c"), true), json.arrayNode().add("a").add("c"), null, "",
                        null, 20_000, 1000);
                case 2 -> new LiveQuestion(i, id, QuestionType.TEXT, stem, List.of(),
                        new AnswerKey.Text(List.of(TEXTS[0])), json.arrayNode().add(TEXTS[0]), null, "", null, 20_000, 1000);
                default -> new LiveQuestion(i, id, QuestionType.NUMERIC, stem, List.of(), new AnswerKey.Numeric(1921, 0),
                        json.numberNode(1921), 0.0, "", null, 20_000, 1000);
            });
        }
        // as the benchmark's contests and the console's default: speed scoring with the streak bonus, a top 10
        ContestSettings settings = new ContestSettings(20, new ContestSettings.Scoring("speed", true), false, 10, null,
                Integer.MAX_VALUE, null, null);
        return new ContestRuntime.Definition(CONTEST_ID, "warm-up", "warm-up", "000000", settings, qs,
                ContestStatus.LOBBY, null, -1);
    }

    /** Participant {@code p}'s answer frame: about two in three right, as in a real contest. */
    private static String answerFrame(LiveQuestion q, String qid, int p, int round) {
        String choice = switch (q.type()) {
            case MULTIPLE -> p % 3 == 0 ? "[\"b\"]" : "[\"a\",\"c\"]";
            case TEXT -> "\"" + TEXTS[p % 3 == 0 ? 1 + p % 3 : 0] + "\"";
            case NUMERIC -> Integer.toString(p % 3 == 0 ? 1900 + p % 20 : 1921);
            default -> "\"" + (p % 3 == 0 ? q.options().get(1 + p % 3).id() : "a") + "\"";
        };
        return "{\"type\":\"answer\",\"questionId\":\"" + qid + "\",\"requestId\":\"w" + round + "-" + p
                + "\",\"choice\":" + choice + "}";
    }

    private static JsonNode parse(String frame) {
        try {
            return JsonText.parse(frame);
        } catch (Exception e) {
            throw new IllegalStateException("the warm-up's own answer frame is not JSON: " + frame, e);
        }
    }

    /** Renders every participant's frame of each broadcast, encodes it as a socket write would, and drops it. */
    private static final class Sink implements Fanout {
        long frames;
        long bytes;

        void encode(String frame) {
            if (frame != null) {
                count(Utf8Frame.of(frame));
            }
        }

        void count(Utf8Frame frame) {
            if (frame != null) {
                frames++;
                bytes += frame.length();
            }
        }

        @Override
        public void broadcast(long contestId, Audience audience, String frame) {
            encode(frame);
        }

        @Override
        public void toPlayers(long contestId, PlayerFrames frames) {
            if (frames instanceof PlayerFrames.WithYou w) {
                byte[] head = w.headBytes(); // as the socket side renders it
                for (Long pid : w.you().keySet()) {
                    count(w.utf8For(head, pid));
                }
            } else if (frames instanceof PlayerFrames.ShuffledQuestion q) {
                encode(Frames.json(q.question()));
            } else if (frames instanceof PlayerFrames.Same same) {
                encode(same.frame());
            } else if (frames instanceof PlayerFrames.Closed closed) {
                encode(closed.frame());
            }
        }

        @Override
        public void supersedeClosed(long contestId) {
        }

        @Override
        public void disconnectPlayer(long contestId, long participantId, String lastFrame, String reason) {
        }

        @Override
        public void closeContest(long contestId, String reason) {
        }
    }
}
