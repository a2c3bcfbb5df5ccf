package io.jingda.live;

import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.live.protocol.RoundMessages;
import io.jingda.live.team.Match;

import io.jingda.contest.ContestConfig;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
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

    private final Broadcasts broadcasts;
    private final Relay relay;
    private final LiveMetrics metrics;

    public AnswerIntake(LiveContests contests, LiveWriter writer, ContestClock clock, ContestConfig config,
                        Broadcasts broadcasts, Relay relay, LiveMetrics metrics) {
        this.broadcasts = broadcasts;
        this.relay = relay;
        this.metrics = metrics;
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

    /** An answer from a socket of this node: taken here if this node runs the contest, else forwarded to its owner. */
    public void submit(LiveSessions.Player player, String questionId, JsonNode choice, String requestId,
                       Consumer<String> send) {
        if (relay.enabled() && contests.get(player.contestId()).isEmpty()) {
            relay.answer(player, questionId, choice, requestId, send);
        } else {
            submitHere(player, questionId, choice, requestId, send);
        }
    }

    /** An answer taken by this node (its own socket's, or one an edge forwarded): refused if it does not run the contest. */
    public void submitHere(LiveSessions.Player player, String questionId, JsonNode choice, String requestId,
                           Consumer<String> send) {
        long received = System.nanoTime();
        metrics.received();
        Consumer<String> reply = frame -> {
            long took = System.nanoTime() - received;
            metrics.replied(took);
            ackTimes.add(took / 1_000_000);
            send.accept(frame);
        };
        long now = clock.now();
        ContestRuntime rt = contests.get(player.contestId()).orElse(null);
        if (rt == null) {
            reply.accept(answered(questionId, requestId, false, "INVALID"));
            return;
        }
        long pid = player.participantId();
        ContestRuntime.Submission s = rt.submit(pid, questionId, choice, requestId, now, graceMs);
        if (s instanceof ContestRuntime.Rejected r && !r.events().isEmpty()) {
            // an answer before the host's go voids the turn: stored, then refused and announced
            writer.append(rt.id(), r.events()).whenComplete((v, e) -> {
                reply.accept(answered(questionId, requestId, false, r.reason()));
                if (e == null) {
                    broadcasts.announce(rt, r.events());
                } else {
                    LOG.errorf(e, "a void turn of contest %d could not be stored", rt.id());
                }
            });
        } else if (s instanceof ContestRuntime.Rejected r) {
            reply.accept(answered(questionId, requestId, false, r.reason()));
        } else if (s instanceof ContestRuntime.Replay r) {
            r.record().stored.whenComplete((v, e) -> {
                if (e == null) {
                    reply.accept(answered(questionId, requestId, true, null));
                }
            });
        } else {
            ContestRuntime.Accepted accepted = (ContestRuntime.Accepted) s;
            ParticipantState.AnswerRecord a = accepted.record();
            CompletableFuture<Void> stored = writer.append(new LiveWriter.AnswerRow(rt.id(), pid, a.idx,
                    a.verdict.choiceJson(), a.verdict.choiceKey(),
                    requestId, a.receivedAt, a.responseMs, a.verdict.correct(), a.verdict.points()));
            CompletableFuture<Void> events = writer.append(rt.id(), accepted.events());
            stored.whenComplete((v, e) -> {
                if (e == null && !accepted.events().isEmpty()) {
                    // a team round's judgement of this answer: stored right behind it, announced after the ack
                    events.whenComplete((v2, e2) -> {
                        if (e2 == null) {
                            broadcasts.announce(rt, accepted.events());
                        } else {
                            LOG.errorf(e2, "the judgement of an answer in contest %d could not be stored", rt.id());
                        }
                    });
                }
                if (e != null) {
                    rt.unclaim(pid, a);
                    a.stored.completeExceptionally(e);
                    metrics.answered(false, "NOT_STORED");
                    reply.accept(Frames.json(new Messages.Error("NOT_STORED",
                            "your answer could not be stored; send it again")));
                } else {
                    rt.stored(pid, a);
                    a.stored.complete(null);
                    reply.accept(answered(questionId, requestId, true, null));
                }
            });
        }
    }

    /**
     * A buzz: decided at once, in the order buzzes reach the contest's lock. A winning buzz (and a false start
     * that locks a team out) is stored, then announced to everyone; a refusal goes to the buzzer alone.
     */
    public void buzz(LiveSessions.Player player, String questionId, String requestId, Consumer<String> send) {
        if (relay.enabled() && contests.get(player.contestId()).isEmpty()) {
            relay.buzz(player, questionId, requestId, send);
        } else {
            buzzHere(player, questionId, requestId, send);
        }
    }

    public void buzzHere(LiveSessions.Player player, String questionId, String requestId, Consumer<String> send) {
        long now = clock.now();
        ContestRuntime rt = contests.get(player.contestId()).orElse(null);
        if (rt == null) {
            send.accept(Frames.json(new RoundMessages.BuzzRefused(questionId, requestId, "NOT_OPEN")));
            return;
        }
        Match.Result r = rt.buzz(player.participantId(), questionId, now);
        if (r.events().isEmpty()) {
            send.accept(Frames.json(new RoundMessages.BuzzRefused(questionId, requestId, r.refused())));
            if (r.ordered()) {
                broadcasts.buzzOrder(rt); // a team's first buzz after the winner's: the host sees its reaction time
            }
            return;
        }
        writer.append(rt.id(), r.events()).whenComplete((v, e) -> {
            if (e != null) {
                LOG.errorf(e, "a buzz in contest %d could not be stored", rt.id());
                send.accept(Frames.json(new Messages.Error("NOT_STORED", "your buzz could not be stored")));
                return;
            }
            if (!r.accepted()) {
                send.accept(Frames.json(new RoundMessages.BuzzRefused(questionId, requestId, r.refused())));
            }
            broadcasts.announce(rt, r.events());
        });
    }

    /** A team's stake: acknowledged once stored, then announced (to hosts, or to all once every team has picked). */
    public void wager(LiveSessions.Player player, int roundIndex, int stake, String requestId, Consumer<String> send) {
        if (relay.enabled() && contests.get(player.contestId()).isEmpty()) {
            relay.wager(player, roundIndex, stake, requestId, send);
        } else {
            wagerHere(player, roundIndex, stake, requestId, send);
        }
    }

    public void wagerHere(LiveSessions.Player player, int roundIndex, int stake, String requestId,
                          Consumer<String> send) {
        long now = clock.now();
        ContestRuntime rt = contests.get(player.contestId()).orElse(null);
        if (rt == null) {
            send.accept(ack(null, requestId, false, "NOT_OPEN"));
            return;
        }
        Match.Result r = rt.stake(player.participantId(), roundIndex, stake, now);
        if (!r.accepted()) {
            send.accept(ack(null, requestId, false, r.refused()));
            return;
        }
        writer.append(rt.id(), r.events()).whenComplete((v, e) -> {
            if (e != null) {
                LOG.errorf(e, "a stake in contest %d could not be stored", rt.id());
                send.accept(Frames.json(new Messages.Error("NOT_STORED", "your stake could not be stored")));
                return;
            }
            send.accept(ack(null, requestId, true, null));
            broadcasts.announce(rt, r.events());
        });
    }

    /** An answer's ack, counted by outcome. */
    private String answered(String questionId, String requestId, boolean accepted, String reason) {
        metrics.answered(accepted, reason);
        return ack(questionId, requestId, accepted, reason);
    }

    static String ack(String questionId, String requestId, boolean accepted, String reason) {
        return Frames.json(new Messages.Ack(questionId, requestId, accepted, reason));
    }
}
