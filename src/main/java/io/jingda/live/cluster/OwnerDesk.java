package io.jingda.live.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.contest.Caller;
import io.jingda.contest.ContestSettings;
import io.jingda.contest.RulingRequest;
import io.jingda.live.AnswerIntake;
import io.jingda.live.ContestMdc;
import io.jingda.live.JoinService;
import io.jingda.live.LiveEngine;
import io.jingda.live.LiveSessions;
import io.jingda.live.Relay;
import io.jingda.live.protocol.Audience;
import io.jingda.system.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionStage;

/**
 * The owner's side of forwarding: each entry of a contest's stream ({@link OwnerInbox}), served as
 * if it had come from a socket or a request on this node, and answered on the sending node's channel.
 * Answers, buzzes, stakes and connections are served on the event loop (they never block); calls,
 * which may block (the database, waiting for pending answers), on a worker thread.
 */
@ApplicationScoped
public class OwnerDesk {
    private static final Logger LOG = Logger.getLogger(OwnerDesk.class);

    private final ClusterNode node;
    private final AnswerIntake answers;
    private final LiveSessions sessions;
    private final JoinService joins;
    private final LiveEngine engine;

    public OwnerDesk(ClusterNode node, AnswerIntake answers, LiveSessions sessions, JoinService joins, LiveEngine engine) {
        this.node = node;
        this.answers = answers;
        this.sessions = sessions;
        this.joins = joins;
        this.engine = engine;
    }

    /** Whether this node runs the contest now. */
    boolean runsHere(long contestId) {
        return engine.runsHere(contestId);
    }

    void handle(long contestId, String text) {
        try (ContestMdc.Scope mdc = ContestMdc.on(contestId)) {
            serve(contestId, text);
        }
    }

    private void serve(long contestId, String text) {
        JsonNode m;
        try {
            m = ClusterNode.JSON.readTree(text);
        } catch (Exception e) {
            LOG.warnf("an unreadable forwarded message of contest %d: %s", contestId, e.getMessage());
            return;
        }
        String from = m.path("n").asText();
        String corr = m.path("c").asText();
        LiveSessions.Player player = new LiveSessions.Player(contestId, m.path("p").asLong());
        if (m.hasNonNull("p") && !from.equals(node.id())) {
            node.locations().locate(contestId, player.participantId(), from);
        }
        String requestId = m.hasNonNull("r") ? m.get("r").asText() : null;
        String questionId = m.hasNonNull("q") ? m.get("q").asText() : null;
        switch (m.path("op").asText()) {
            case "answer" -> answers.submitHere(player, questionId, m.get("ch"), requestId,
                    frame -> node.reply(from, CallReplies.frame(corr, frame)));
            case "buzz" -> answers.buzzHere(player, questionId, requestId, frame -> node.reply(from, CallReplies.frame(corr, frame)));
            case "wager" -> answers.wagerHere(player, m.path("ri").asInt(), m.path("st").asInt(), requestId,
                    frame -> node.reply(from, CallReplies.frame(corr, frame)));
            case "hello" -> {
                Audience audience = Audience.valueOf(m.path("a").asText());
                Long pid = m.hasNonNull("p") ? m.get("p").asLong() : null;
                if (runsHere(contestId)) {
                    sessions.connectFrames(contestId, audience, pid, frames -> node.reply(from, CallReplies.frames(corr, frames)));
                }
            }
            case "call" -> {
                if (m.path("x").asLong() < System.currentTimeMillis()) {
                    return; // its caller has been told 503 already
                }
                node.blocking().execute(() -> call(contestId, m, from, corr));
            }
            default -> LOG.warnf("unknown forwarded message '%s' in contest %d", m.path("op").asText(), contestId);
        }
    }

    private void call(long contestId, JsonNode m, String from, String corr) {
        ObjectNode reply;
        try {
            reply = CallReplies.ok(corr, run(contestId, m));
        } catch (RuntimeException e) {
            Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            if (t instanceof ApiException a) {
                reply = CallReplies.failed(corr, a);
            } else {
                LOG.errorf(t, "a forwarded %s of contest %d failed", m.path("k").asText(), contestId);
                reply = CallReplies.failed(corr, new ApiException(500, "INTERNAL",
                        "the contest's server failed to carry out the call", java.util.List.of()));
            }
        }
        node.reply(from, reply);
    }

    private Object run(long contestId, JsonNode m) {
        Relay.Call kind = Relay.Call.valueOf(m.path("k").asText());
        JsonNode arg = m.get("arg");
        Caller caller = m.hasNonNull("u") ? read(m.get("u"), Caller.class) : null;
        return switch (kind) {
            case ACT -> {
                Relay.ActCall a = read(arg, Relay.ActCall.class);
                yield engine.act(contestId, a.action(), a.body(), caller);
            }
            case RULE -> engine.rule(contestId, read(arg, RulingRequest.class), caller);
            case ASSIGN_TEAM -> {
                Relay.AssignCall a = read(arg, Relay.AssignCall.class);
                engine.assignTeam(contestId, a.participantId(), a.teamId(), caller);
                yield null;
            }
            case KICK -> {
                engine.kick(contestId, arg.asLong(), caller);
                yield null;
            }
            case PARTICIPANTS -> engine.participants(contestId).orElse(null);
            case ALLOWED_ACTIONS -> engine.allowedActions(contestId).orElse(null);
            case JOINED -> engine.joined(contestId).isPresent() ? engine.joined(contestId).getAsInt() : null;
            case SETTINGS -> {
                engine.settingsChanged(contestId, read(arg, ContestSettings.class));
                yield null;
            }
            case JOIN -> {
                Relay.JoinCall j = read(arg, Relay.JoinCall.class);
                CompletionStage<?> joined = joins.join(j.request(), j.address());
                yield joined.toCompletableFuture().join();
            }
            case LOOKUP -> {
                Relay.LookupCall l = read(arg, Relay.LookupCall.class);
                yield joins.lookup(l.code(), l.address());
            }
        };
    }

    private static <T> T read(JsonNode n, Class<T> type) {
        try {
            return n == null || n.isNull() ? null : ClusterNode.JSON.treeToValue(n, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
