package io.jingda.live;

import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;

import io.jingda.contest.ContestConfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Takes answers. Runs on the event loop and never blocks: the answer is checked and claimed in
 * memory (O(1)), handed to the {@link LiveWriter}, and acknowledged from the writer's thread
 * once it is durable. Only then is it scored into the ranking.
 */
@ApplicationScoped
public class AnswerIntake {
    private static final Logger LOG = Logger.getLogger(AnswerIntake.class);
    private final LiveContests contests;
    private final LiveWriter writer;
    private final ContestClock clock;
    private final long graceMs;
    /** Receipt of an answer to its ack handed to the connection, on this server (the client's share is not in it). */
    private final LatencyHistogram ackTimes = new LatencyHistogram();

    public AnswerIntake(LiveContests contests, LiveWriter writer, ContestClock clock, ContestConfig config) {
        this.contests = contests;
        this.writer = writer;
        this.clock = clock;
        this.graceMs = config.grace().toMillis();
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (ackTimes.count() > 0) {
            LOG.infof("answers: %d acknowledged; on this server, receipt to ack p50 %d ms, p99 %d ms, max %d ms",
                    ackTimes.count(), ackTimes.percentile(50), ackTimes.percentile(99), ackTimes.max());
        }
    }

    public void submit(LiveSessions.Player player, String questionId, JsonNode choice, String requestId,
                       Consumer<String> send) {
        long received = System.nanoTime();
        Consumer<String> reply = frame -> {
            ackTimes.add((System.nanoTime() - received) / 1_000_000);
            send.accept(frame);
        };
        long now = clock.now();
        ContestRuntime rt = contests.get(player.contestId()).orElse(null);
        if (rt == null) {
            reply.accept(ack(questionId, requestId, false, "INVALID"));
            return;
        }
        long pid = player.participantId();
        ContestRuntime.Submission s = rt.submit(pid, questionId, choice, requestId, now, graceMs);
        if (s instanceof ContestRuntime.Rejected r) {
            reply.accept(ack(questionId, requestId, false, r.reason()));
        } else if (s instanceof ContestRuntime.Replay r) {
            r.record().stored.whenComplete((v, e) -> {
                if (e == null) {
                    reply.accept(ack(questionId, requestId, true, null));
                }
            });
        } else {
            ParticipantState.AnswerRecord a = ((ContestRuntime.Accepted) s).record();
            writer.append(new LiveWriter.AnswerRow(rt.id(), pid, a.idx, a.verdict.choiceJson(), a.verdict.choiceKey(),
                    requestId, a.receivedAt, a.responseMs, a.verdict.correct(), a.verdict.points()))
                    .whenComplete((v, e) -> {
                        if (e != null) {
                            rt.unclaim(pid, a);
                            a.stored.completeExceptionally(e);
                            reply.accept(Frames.json(new Messages.Error("NOT_STORED",
                                    "your answer could not be stored; send it again")));
                        } else {
                            rt.stored(pid, a);
                            a.stored.complete(null);
                            reply.accept(ack(questionId, requestId, true, null));
                        }
                    });
        }
    }

    static String ack(String questionId, String requestId, boolean accepted, String reason) {
        return Frames.json(new Messages.Ack(questionId, requestId, accepted, reason));
    }
}
