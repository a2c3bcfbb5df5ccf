package io.jingda.live.cluster;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.contest.Caller;
import io.jingda.live.ClusterConfig;
import io.jingda.live.LiveSessions;
import io.jingda.live.LiveStore;
import io.jingda.live.Relay;
import io.jingda.live.protocol.Audience;
import io.jingda.live.protocol.Frames;
import io.jingda.live.protocol.Messages;
import io.jingda.live.socket.LocalFanout;
import io.jingda.system.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * This node in a cluster (docs/cluster.md), as the edge of the contests it does not run: it forwards
 * its sockets' answers, buzzes, stakes and connections, and the calls it receives, to the contest's
 * stream; keeps each answer and stake until the owner acknowledges it, sending it again every
 * {@code resend-after}; and delivers what arrives on its channels (the owners' broadcasts, and their
 * replies to it) to its own connections. As an owner, {@link OwnerInbox} reads the streams of its
 * contests and {@link OwnerDesk} serves them.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Typed(ClusterNode.class) // the engine's Relay is chosen by ClusterBeans
public class ClusterNode implements Relay {
    private static final Logger LOG = Logger.getLogger(ClusterNode.class);
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long STREAM_MAXLEN = 100_000;

    private final ClusterConfig config;
    private final LiveStore store;
    private final LocalFanout local;
    private final Instance<Redis> redis;
    private final Vertx vertx;
    private final Instance<OwnerDesk> desk;
    private final Timer publishOk;
    private final Timer publishFailed;
    private final Timer forwardTimer;
    private final Outstanding pending = new Outstanding();
    private final Locations locations = new Locations();
    private final AtomicLong correlations = new AtomicLong();
    private final ExecutorService blocking = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "cluster-blocking");
        t.setDaemon(true);
        return t;
    });
    private final EdgeDirectory directory;
    private volatile String id;
    private volatile RedisLink link;
    private volatile EdgeDelivery delivery;
    private volatile OwnerInbox inbox;
    private volatile long timer = -1;

    public ClusterNode(ClusterConfig config, LiveStore store, LocalFanout local, Instance<Redis> redis, Vertx vertx,
                       Instance<OwnerDesk> desk, MeterRegistry meters) {
        this.config = config;
        this.store = store;
        this.local = local;
        this.redis = redis;
        this.vertx = vertx;
        this.desk = desk;
        this.directory = new EdgeDirectory(store, blocking, System::currentTimeMillis);
        this.publishOk = Timer.builder("jingda.redis.publish").description("Redis PUBLISH and XADD of this node, to Redis's reply")
                .tag("outcome", "ok").publishPercentileHistogram().register(meters);
        this.publishFailed = Timer.builder("jingda.redis.publish").tag("outcome", "error").register(meters);
        this.forwardTimer = Timer.builder("jingda.cluster.forward")
                .description("edge: a forwarded answer, stake or connection to the owner's reply")
                .publishPercentileHistogram().register(meters);
    }

    /** Connects to Redis and starts the timers; called once at start in cluster mode (ClusterBeans). */
    synchronized void start() {
        if (link != null) {
            return;
        }
        id = store.node();
        Redis client = redis.get();
        delivery = new EdgeDelivery(this, local, directory, contestId -> desk.get().runsHere(contestId));
        link = new RedisLink(client, vertx, this::onMessage, delivery::resync);
        inbox = new OwnerInbox(client, vertx, (contestId, m) -> desk.get().handle(contestId, m));
        link.start();
        link.subscribe(nodeChannel(id));
        timer = vertx.setPeriodic(250, t -> pending.sweep(System.currentTimeMillis(), config.resendAfter().toMillis(), this::xadd));
        LOG.infof("cluster mode: node %s, Redis %s", id, "(quarkus.redis.hosts)");
    }

    synchronized void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (inbox != null) {
            inbox.stop();
        }
        if (link != null) {
            link.stop();
        }
        blocking.shutdownNow();
    }

    String id() {
        return id == null ? store.node() : id;
    }

    RedisLink link() {
        return link;
    }

    static String contestChannel(long contestId) {
        return "jingda:c:" + contestId + ":out";
    }

    static String nodeChannel(String node) {
        return "jingda:n:" + node;
    }

    // ------------------------------------------------------------------ Relay: lookups

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<Long> cachedParticipant(long contestId, String tokenHash) {
        return directory.cachedParticipant(contestId, tokenHash);
    }

    @Override
    public CompletionStage<Optional<Long>> participant(long contestId, String tokenHash) {
        return directory.participant(contestId, tokenHash);
    }

    @Override
    public CompletionStage<Optional<OpenContest>> contest(long contestId) {
        return directory.contest(contestId);
    }

    @Override
    public CompletionStage<Optional<OpenContest>> contestByCode(String code) {
        return directory.contestByCode(code);
    }

    @Override
    public boolean runsElsewhere(long contestId) {
        return directory.open(contestId);
    }

    @Override
    public void forget(long contestId, long participantId) {
        directory.forget(contestId, participantId);
    }

    // ------------------------------------------------------------------ Relay: ownership

    @Override
    public void owned(long contestId) {
        OwnerInbox in = inbox;
        if (in == null) {
            return;
        }
        // read from Redis's "now": entries sent to an earlier owner are sent again by their edges
        link.send(Request.cmd(Command.TIME)).onComplete(ar -> in.add(contestId, ar.succeeded()
                ? ar.result().get(0).toLong() * 1000 + ar.result().get(1).toLong() / 1000
                : System.currentTimeMillis()));
    }

    @Override
    public void released(long contestId) {
        locations.forget(contestId);
        OwnerInbox in = inbox;
        if (in != null) {
            in.remove(contestId);
            link.subscribe(contestChannel(contestId)); // this node's sockets of it are now an edge's
        }
    }

    // ------------------------------------------------------------------ Relay: forwarding (edge)

    @Override
    public void answer(LiveSessions.Player player, String questionId, JsonNode choice, String requestId,
                       Consumer<String> reply) {
        // a message without requestId gets one of ours, so that sending it again is safe; the client never sees it
        String wire = requestId != null ? requestId : "~" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
        ObjectNode m = message("answer", player.participantId());
        m.put("q", questionId);
        m.set("ch", choice);
        m.put("r", wire);
        Consumer<String> back = requestId != null ? reply
                : frame -> reply.accept(frame.replace("\"requestId\":\"" + wire + "\",", ""));
        forward(player.contestId(), m, true, back);
    }

    @Override
    public void buzz(LiveSessions.Player player, String questionId, String requestId, Consumer<String> reply) {
        ObjectNode m = message("buzz", player.participantId());
        m.put("q", questionId);
        m.put("r", requestId);
        forward(player.contestId(), m, false, reply); // a buzz sent again later would be a new, late buzz
    }

    @Override
    public void wager(LiveSessions.Player player, int roundIndex, int stake, String requestId, Consumer<String> reply) {
        ObjectNode m = message("wager", player.participantId());
        m.put("ri", roundIndex);
        m.put("st", stake);
        m.put("r", requestId);
        forward(player.contestId(), m, true, reply);
    }

    @Override
    public void connectFrames(long contestId, Audience audience, Long participantId, Consumer<List<String>> frames) {
        ObjectNode m = message("hello", participantId);
        m.put("a", audience.name());
        // subscribed before asking: no broadcast after the snapshot is missed
        link.subscribe(contestChannel(contestId)).onComplete(ar -> {
            String corr = m.get("c").asText();
            String text = m.toString();
            pending.put(corr, new Outstanding.Pending(contestId, text, true, Long.MAX_VALUE, reply -> {
                if (reply == null) {
                    return; // the owner never answered: the connection has what the broadcasts brought
                }
                List<String> list = new ArrayList<>();
                reply.path("f").forEach(f -> list.add(f.asText()));
                frames.accept(list);
            }));
            xadd(contestId, text);
        });
    }

    @Override
    public <T> CompletableFuture<T> call(long contestId, Call call, Object argument, Caller caller, TypeReference<T> type) {
        ObjectNode m = message("call", null);
        m.put("k", call.name());
        m.set("arg", JSON.valueToTree(argument));
        if (caller != null) {
            m.set("u", JSON.valueToTree(caller));
        }
        long timeout = config.callTimeout().toMillis();
        m.put("x", System.currentTimeMillis() + timeout);
        CompletableFuture<T> result = new CompletableFuture<>();
        String corr = m.get("c").asText();
        String text = m.toString();
        pending.put(corr, new Outstanding.Pending(contestId, text, false, System.currentTimeMillis() + timeout, reply -> {
            if (reply == null) {
                result.completeExceptionally(new ApiException(503, "OWNER_UNAVAILABLE", "the node running contest "
                        + contestId + " did not answer in time; try again", List.of()));
            } else if (reply.path("ok").asBoolean()) {
                try {
                    JsonNode v = reply.get("v");
                    result.complete(v == null || v.isNull() ? null : JSON.treeToValue(v, JSON.constructType(type)));
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            } else {
                result.completeExceptionally(CallReplies.error(reply));
            }
        }));
        xadd(contestId, text);
        return result;
    }

    private ObjectNode message(String op, Long participantId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("op", op);
        m.put("n", id());
        m.put("c", Long.toString(correlations.incrementAndGet(), 36));
        if (participantId != null) {
            m.put("p", participantId);
        }
        return m;
    }

    /**
     * Forwards a socket's message; {@code resend}: kept and sent again until the owner replies (answers,
     * stakes), and then a NOT_STORED error if it never does. Otherwise sent once (a buzz: the owner
     * replies only to refuse it, and a winning buzz is announced to all).
     */
    private void forward(long contestId, ObjectNode m, boolean resend, Consumer<String> reply) {
        String corr = m.get("c").asText();
        String text = m.toString();
        long start = System.nanoTime();
        pending.put(corr, new Outstanding.Pending(contestId, text, resend, resend ? Long.MAX_VALUE : System.currentTimeMillis() + 10_000,
                r -> {
                    if (r == null) {
                        if (resend) {
                            reply.accept(Frames.json(new Messages.Error("NOT_STORED",
                                    "the contest's server did not answer; send it again")));
                        }
                        return;
                    }
                    forwardTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                    reply.accept(r.path("f").asText());
                }));
        xadd(contestId, text);
    }

    private void xadd(long contestId, String message) {
        timed(link.send(Request.cmd(Command.XADD).arg(OwnerInbox.stream(contestId)).arg("MAXLEN").arg("~")
                .arg(STREAM_MAXLEN).arg("*").arg("m").arg(message)));
    }

    // ------------------------------------------------------------------ what arrives

    /** A message on a channel this node is subscribed to (on the subscriber connection's event loop). */
    private void onMessage(String channel, String payload) {
        if (channel.startsWith("jingda:n:")) {
            onReply(payload);
        } else if (channel.startsWith("jingda:c:")) {
            delivery.onContestMessage(Long.parseLong(channel.substring("jingda:c:".length(),
                    channel.length() - ":out".length())), payload);
        }
    }

    private void onReply(String payload) {
        if (payload.startsWith("{\"op\"")) {
            delivery.onNodeMessage(payload); // the owner's broadcast to the participants this node holds
            return;
        }
        JsonNode r;
        try {
            r = JSON.readTree(payload);
        } catch (Exception e) {
            LOG.warnf("an unreadable reply on this node's channel: %s", e.getMessage());
            return;
        }
        Outstanding.Pending p = pending.take(r.path("c").asText());
        if (p != null) {
            p.onReply.accept(r); // a second reply to one message (it was sent twice) finds nothing
        }
    }

    // ------------------------------------------------------------------ sending (owner and edge)

    /** The owner's broadcast, once, on the contest's channel (ClusterFanout). */
    void publish(long contestId, String message) {
        timed(link.send(Request.cmd(Command.PUBLISH).arg(contestChannel(contestId)).arg(message)));
    }

    Locations locations() {
        return locations;
    }

    /** A broadcast to the participants a node holds, on that node's channel. */
    void publishTo(String node, String message) {
        timed(link.send(Request.cmd(Command.PUBLISH).arg(nodeChannel(node)).arg(message)));
    }

    /** Deletes a finished or deleted contest's stream of forwarded messages. */
    void dropStream(long contestId) {
        timed(link.send(Request.cmd(Command.DEL).arg(OwnerInbox.stream(contestId))));
    }

    /** The owner's reply to a node's forwarded message. */
    void reply(String node, ObjectNode message) {
        timed(link.send(Request.cmd(Command.PUBLISH).arg(nodeChannel(node)).arg(message.toString())));
    }

    private void timed(Future<Response> sent) {
        long start = System.nanoTime();
        sent.onComplete(ar -> (ar.succeeded() ? publishOk : publishFailed)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    ExecutorService blocking() {
        return blocking;
    }
}
