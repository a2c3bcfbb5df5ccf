package io.jingda.online;

import io.jingda.contest.LiveQuestion;
import io.jingda.question.QuestionType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * An attempt's paper, reproducible from its seed: which questions of the pool, in which order, and each
 * question's option order. Pure.
 */
public final class Paper {
    private Paper() {
    }

    /** {@code n} distinct pool indexes (0..poolSize-1) in the order the attempt asks them. */
    public static int[] draw(int poolSize, int n, long seed) {
        int[] all = new int[poolSize];
        for (int i = 0; i < poolSize; i++) {
            all[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(poolSize - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = new int[n];
        System.arraycopy(all, 0, out, 0, n);
        return out;
    }

    /** The options of the question at {@code position} in this attempt's order (true/false keeps its order). */
    public static List<LiveQuestion.OptionView> options(long seed, int position, LiveQuestion q) {
        if (q.options().size() < 2 || q.type() == QuestionType.TRUE_FALSE) {
            return q.options();
        }
        List<LiveQuestion.OptionView> copy = new ArrayList<>(q.options());
        Collections.shuffle(copy, new Random(seed * 1_000_003L + position));
        return copy;
    }

    public static String encode(int[] paper) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < paper.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(paper[i]);
        }
        return sb.toString();
    }

    public static int[] decode(String s) {
        String[] parts = s.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i]);
        }
        return out;
    }
}
