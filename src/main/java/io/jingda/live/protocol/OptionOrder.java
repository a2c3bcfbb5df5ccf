package io.jingda.live.protocol;

import io.jingda.contest.LiveQuestion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A participant's order of a question's options when the contest shuffles them: fixed per contest,
 * participant and question, so a reconnect (or another node) shows the same order.
 */
public final class OptionOrder {
    private OptionOrder() {
    }

    public static List<LiveQuestion.OptionView> of(long contestId, long participantId, int questionIndex,
                                                   List<LiveQuestion.OptionView> options) {
        if (options.size() < 2) {
            return options;
        }
        List<LiveQuestion.OptionView> copy = new ArrayList<>(options);
        Collections.shuffle(copy, new Random(contestId * 1_000_003L ^ participantId * 7919L ^ questionIndex * 104_729L));
        return copy;
    }
}
