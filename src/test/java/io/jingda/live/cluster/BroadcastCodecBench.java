package io.jingda.live.cluster;

import io.jingda.live.protocol.Personal;
import io.jingda.live.protocol.PlayerFrames;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A micro-benchmark of the per-contest channel (docs/benchmarks.md, "Several nodes"): the bytes of one
 * published reveal-with-leaderboard broadcast ({@link PlayerFrames.WithYou} with every participant's
 * row) for 10,000 and 100,000 participants, the owner's CPU to encode it and each node's CPU to decode
 * it ({@link BroadcastCodec#read}, which every subscribed node runs on its Redis event loop), against a
 * per-node channel's share (the rows of 1/N of the participants) at 3, 10 and 30 nodes. Not a test: run
 * {@code java -cp target/test-classes:target/classes:target/quarkus-app/lib/main/* io.jingda.live.cluster.BroadcastCodecBench}.
 */
public final class BroadcastCodecBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BroadcastCodecBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        System.out.printf(Locale.ROOT, "%-30s %12s %14s %14s %12s%n", "message", "bytes", "encode ms (cpu)", "decode ms (cpu)",
                "bytes/row");
        for (int participants : new int[] {10_000, 100_000}) {
            measure(participants, participants, rounds);
            for (int nodes : new int[] {3, 10, 30}) {
                measure(participants, participants / nodes, rounds);
            }
        }
    }

    /** One WithYou of {@code rows} of a contest of {@code participants}: bytes, encode and decode CPU (median). */
    private static void measure(int participants, int rows, int rounds) throws Exception {
        PlayerFrames.WithYou w = reveal(participants, rows);
        String text = BroadcastCodec.toPlayers("node-1", w);
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        for (int i = 0; i < 5; i++) { // JIT warm-up
            BroadcastCodec.read(BroadcastCodec.toPlayers("node-1", w));
        }
        double[] enc = new double[rounds];
        double[] dec = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            String t = BroadcastCodec.toPlayers("node-1", w);
            long c1 = THREADS.getCurrentThreadCpuTime();
            BroadcastCodec.Call call = BroadcastCodec.read(t);
            long c2 = THREADS.getCurrentThreadCpuTime();
            if (!(call instanceof BroadcastCodec.ToPlayers tp) || ((PlayerFrames.WithYou) tp.frames()).you().size() != rows) {
                throw new IllegalStateException("decoded something else");
            }
            enc[i] = (c1 - c0) / 1e6;
            dec[i] = (c2 - c1) / 1e6;
        }
        String label = rows == participants ? String.format(Locale.ROOT, "%,d participants, all rows", participants)
                : String.format(Locale.ROOT, "%,d participants, 1/%d", participants, participants / rows);
        System.out.printf(Locale.ROOT, "%-30s %,12d %14.2f %14.2f %12.1f%n", label, bytes, median(enc), median(dec),
                1.0 * bytes / rows);
    }

    /** A reveal-with-leaderboard as the owner posts it: the shared frame (top 10) and one row per participant. */
    static PlayerFrames.WithYou reveal(int participants, int rows) {
        Random r = new Random(participants);
        StringBuilder top = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            top.append(i > 1 ? "," : "").append("{\"rank\":").append(i).append(",\"nickname\":\"选手").append(i)
                    .append("\",\"score\":").append(9000 - i * 37).append(",\"id\":").append(400_000 + i).append('}');
        }
        String shared = "{\"type\":\"leaderboard\",\"questionId\":\"k3f9x2ab\",\"closedAt\":1732350020250,"
                + "\"correct\":[\"b\"],\"top\":[" + top + "],\"participants\":" + participants + ",\"you\":{}}";
        Map<Long, Personal> you = new HashMap<>(rows * 4 / 3 + 1);
        for (int i = 0; i < rows; i++) {
            boolean answered = r.nextDouble() < 0.97;
            boolean correct = answered && r.nextBoolean();
            int points = correct ? 500 + r.nextInt(500) : 0;
            you.put(400_000L + i, Personal.reveal(answered, correct, points, correct ? 1 + r.nextInt(5) : 0,
                    r.nextInt(9000), 1 + r.nextInt(participants)));
        }
        return new PlayerFrames.WithYou(shared, you, true);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
