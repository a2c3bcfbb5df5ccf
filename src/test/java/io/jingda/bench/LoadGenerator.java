package io.jingda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.ServerProcess;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The load generator of the live-contest benchmark. It starts the packaged server (or targets one by
 * URL), creates a contest from the seeded bank, joins N participants over real WebSockets (spread over
 * several loopback source addresses), plays M questions with answers spread over the answer window as
 * people answer (most early, some late, a few after the deadline), then checks the database: every
 * acknowledged answer stored, none accepted after the deadline, and the scores recomputed from the
 * stored answers equal to the final standings pushed to each participant.
 *
 * <pre>./mvnw -Pbench package -DskipTests exec:exec@bench -Dbench.participants=10000 -Dbench.questions=10</pre>
 * Arguments are {@code key=value} (or system properties {@code bench.key}); see {@link Options#parse}.
 * With {@code processes=N} the participants are shared with N−1 child processes ({@link PlayerProcesses}).
 * <p>
 * Longer than most classes because one simulated participant's whole life (join, connect, frames, answers,
 * the figures of each) and the database check read the same fields; the process split is in its own class.
 */
public final class LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Connections per loopback source address before the next one is used (ephemeral ports). */
    static final int PER_SOURCE = 20_000;
    /** The generator's client threads. */
    static final int EVENT_LOOPS = 2;

    /** The benchmark's parameters. */
    public record Options(String url, int participants, int questions, int windowSeconds, boolean autoAdvance,
                          String adminUser, String adminPassword, String jdbcUrl, String jdbcUser, String jdbcPassword,
                          int sources, long serverPid, Path jar, String heap, long seed, int concurrency,
                          double lateFraction, long graceMs, Path workDir, boolean quiet, boolean deflate, int warmup,
                          boolean boardDirect, int nodes) {

        /** {@code key=value} arguments over the system properties {@code bench.key}. */
        static Map<String, String> arguments(String[] args) {
            Map<String, String> a = new HashMap<>();
            System.getProperties().forEach((k, v) -> {
                if (k.toString().startsWith("bench.")) {
                    a.put(k.toString().substring(6), v.toString());
                }
            });
            for (String arg : args) {
                String s = arg.startsWith("--") ? arg.substring(2) : arg;
                int i = s.indexOf('=');
                if (i > 0) {
                    a.put(s.substring(0, i), s.substring(i + 1));
                }
            }
            return a;
        }

        static Options parse(String[] args) {
            Map<String, String> a = arguments(args);
            int n = Integer.parseInt(a.getOrDefault("participants", "1000"));
            int sources = Integer.parseInt(a.getOrDefault("sources", "0"));
            if (sources <= 0) {
                // one loopback source address per 20,000 connections (ephemeral ports), more once past 25,000
                sources = n <= 25_000 ? 1 : (n + PER_SOURCE - 1) / PER_SOURCE + 1;
            }
            return new Options(blank(a.get("url")), n, Integer.parseInt(a.getOrDefault("questions", "10")),
                    Integer.parseInt(a.getOrDefault("window", "20")), "auto".equals(a.getOrDefault("mode", "host")),
                    a.getOrDefault("user", "admin"), a.getOrDefault("password", "bench-admin-pw"), blank(a.get("jdbc")),
                    a.getOrDefault("jdbcUser", "jingda"), a.getOrDefault("jdbcPassword", ""), sources,
                    Long.parseLong(a.getOrDefault("serverPid", "-1")),
                    Path.of(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")), a.getOrDefault("heap", "1g"),
                    Long.parseLong(a.getOrDefault("seed", "2021")), Integer.parseInt(a.getOrDefault("concurrency", "200")),
                    Double.parseDouble(a.getOrDefault("late", "0.03")), Long.parseLong(a.getOrDefault("grace", "250")),
                    Path.of(a.getOrDefault("workDir", "target/bench")), Boolean.parseBoolean(a.getOrDefault("quiet", "false")),
                    // browsers offer permessage-deflate on every WebSocket; so does the generator unless deflate=false
                    Boolean.parseBoolean(a.getOrDefault("deflate", "true")),
                    // participants of a short contest played first and not measured (JIT warm-up); 0: none
                    Integer.parseInt(a.getOrDefault("warmup", "0")),
                    // host-paced, after the close: board=direct calls 'leaderboard' at once (it reveals too, so
                    // each participant gets its result and rank in one write); board=after-reveal calls 'reveal',
                    // then 'leaderboard'
                    parseBoard(a.getOrDefault("board", "direct")),
                    // nodes=N: N packaged servers (pg profile) on one fresh PostgreSQL database, in cluster mode
                    // over a Redis of their own when N >= 2; nodes=1: the same on one node, cluster off; 0: H2
                    Integer.parseInt(a.getOrDefault("nodes", "0")));
        }

        private static boolean parseBoard(String s) {
            return switch (s) {
                case "direct" -> true;
                case "after-reveal" -> false;
                default -> throw new IllegalArgumentException("board must be direct or after-reveal, not '" + s + "'");
            };
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** Everything the run measured; {@link #json} is the one-line machine-readable summary. */
    public record Result(int participants, int questions, int joined, int connected, long joinTotalMs, long joinP99Ms,
                         long connectTotalMs, long answersSent, long answersAccepted, long answersRejectedLate,
                         long ackP50, long ackP95, long ackP99, long ackMax, long ackMissing,
                         long ackAcceptedP99, long ackRefusedP99, long clientLagP99, long clientLagMax,
                         long lbP50, long lbP95, long lbP99, long lbMax, long lbSpreadMaxMs, long lbMissing,
                         long lbFromActionP50, long lbFromActionP99,
                         double msgsPerParticipantPerQuestion, double bytesPerParticipantPerQuestion,
                         long answersLost, long lateAccepted, Boolean scoresMatch, long scoreMismatches,
                         long storedAnswers, double serverCpuSeconds, long serverPeakHeapMb, String serverHeapLimit,
                         double clientCpuSeconds, long wallMs, String dbCheck, String wsExtensions, int warmup,
                         String serverReport, String pace, List<Long> lbP99ByQuestion, int joinSources,
                         double joinsPerSecond, long join429s, int nodes, long framesDelivered,
                         List<Double> serverCpuByNode, double redisCpuSeconds, double cpuMicrosPerFrame,
                         long redisBytesIn, long redisBytesOut, int generatorProcesses) {
        public String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One simulated participant; touched only from its connection's event loop, read at the end. */
    static final class Player {
        final int n;
        long participantId;
        String token;
        WebSocket ws;
        volatile boolean ready;
        long frames;
        long bytes;
        volatile long finalScore = Long.MIN_VALUE;
        /** Played by another process of a split generator (only its outcome is here). */
        boolean remote;
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final Set<String> acked = ConcurrentHashMap.newKeySet();

        Player(int n) {
            this.n = n;
        }
    }

    private final Options o;
    /** This process's share of the participants when the generator is split ({@code processes=N}). */
    private final PlayerProcesses.Split split;
    private final Vertx vertx;
    private final Stats joinLatency = new Stats();
    /** Joins answered 429 (each retried after its Retry-After). */
    private final AtomicLong join429s = new AtomicLong();
    private final Stats ackLatency = new Stats();
    private final Stats ackAcceptedLatency = new Stats();
    /** Acks refusing an answer; most were sent after the deadline, during the close-reveal-leaderboard burst. */
    private final Stats ackRefusedLatency = new Stats();
    /** How late the generator's own event loops ran a 10 ms timer while playing: when high, the client is the limit. */
    private final Stats clientLag = new Stats();
    private volatile boolean playing;
    private final Stats lbLatency = new Stats();
    private final AtomicLong answersSent = new AtomicLong();
    /** Answers scheduled or sent and not yet acknowledged. */
    private final AtomicLong unacknowledged = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejectedLate = new AtomicLong();
    private final AtomicLong lateSentAccepted = new AtomicLong();
    private final Map<String, Long> deadlines = new ConcurrentHashMap<>();
    private final Map<String, Long> leaderboardAskedAt = new ConcurrentHashMap<>();
    private final Stats lbFromAction = new Stats();
    private final Map<String, Stats> lbReceipts = new ConcurrentHashMap<>();
    /** Leaderboard latency from closedAt, per question: a cold server's first closes stand out. */
    private final Map<String, Stats> lbLatencyByQuestion = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> lbLatches = new ConcurrentHashMap<>();
    private volatile CountDownLatch finished;
    private String baseUrl;
    /** The servers' URLs: participants join and connect round-robin over them; the host uses the first. */
    private final List<URI> endpoints = new ArrayList<>();
    private String host;
    private int port;

    public LoadGenerator(Options o) {
        this(o, PlayerProcesses.Split.ONE);
    }

    LoadGenerator(Options o, PlayerProcesses.Split split) {
        this.o = o;
        this.split = split;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setBlockedThreadCheckInterval(10_000));
    }

    public static void main(String[] args) throws Exception {
        String scenario = Options.arguments(args).getOrDefault("scenario", "live");
        if ("buzzer".equals(scenario)) {
            BuzzerScenario.main(args); // issue 16: 16 teams of 6 on one buzzer
            return;
        }
        if ("online".equals(scenario) || "online-ranking".equals(scenario)) {
            OnlineScenario.main(args); // issue 17: self-paced contests (online-ranking: the rankings over 1M answers)
            return;
        }
        if ("basic-auth".equals(scenario)) {
            BasicAuthScenario.main(args); // issue 20: host actions through HTTP Basic, the sign-in cache off and on
            return;
        }
        if (!"live".equals(scenario)) {
            throw new IllegalArgumentException("scenario must be live, buzzer, online, online-ranking or basic-auth, not '"
                    + scenario + "'");
        }
        Options o = Options.parse(args);
        PlayerProcesses.Split split = PlayerProcesses.Split.parse(Options.arguments(args));
        if (split.child()) {
            try {
                new LoadGenerator(o, split).runChild();
            } catch (Exception e) {
                e.printStackTrace();
                System.exit(2);
            }
            System.exit(0);
            return;
        }
        Result r;
        try {
            r = new LoadGenerator(o, split).run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
            return;
        }
        System.out.println(summary(r));
        System.out.println(r.json());
        System.exit(0);
    }

    /**
     * The packaged server's extra JVM options for a benchmark: its own figures logged at shutdown (group
     * commits, receipt-to-ack time), {@code -Dbench.jfr=file} for a JFR profile, and {@code -Dbench.serverOpts="…"}.
     */
    static List<String> serverOptions() {
        List<String> extra = new ArrayList<>();
        extra.add("-Dquarkus.log.category.\"io.jingda.live.LiveWriter\".level=INFO");
        extra.add("-Dquarkus.log.category.\"io.jingda.live.AnswerIntake\".level=INFO");
        extra.add("-Dquarkus.log.category.\"io.jingda.live.WarmupOnStart\".level=INFO");
        String jfr = System.getProperty("bench.jfr", "");
        if (!jfr.isBlank()) {
            extra.add("-XX:StartFlightRecording=filename=" + Path.of(jfr).toAbsolutePath() + ",settings=profile");
        }
        for (String opt : System.getProperty("bench.serverOpts", "").split("\\s+")) {
            if (!opt.isBlank()) {
                extra.add(opt);
            }
        }
        return extra;
    }

    public Result run() throws Exception {
        long t0 = System.currentTimeMillis();
        long clientCpu0 = clientCpuNanos();
        ServerProcess server = null;
        ClusterNodes nodes = null;
        Files.createDirectories(o.workDir());
        try {
            if (o.url() == null && o.nodes() > 0) {
                log("starting %d packaged server(s) (%s, pg profile, -Xmx%s, cluster mode %s) on database %s", o.nodes(),
                        o.jar(), o.heap(), o.nodes() > 1 ? "on, with a redis-server of their own" : "off",
                        ClusterNodes.DB);
                nodes = ClusterNodes.start(o.nodes(), o.jar(), Files.createTempDirectory(o.workDir(), "nodes-"), o.heap(),
                        o.adminPassword(), o.participants(), serverOptions());
                baseUrl = nodes.urls();
            } else if (o.url() == null) {
                log("starting the packaged server (%s, -Xmx%s)", o.jar(), o.heap());
                List<String> extra = serverOptions();
                server = ServerProcess.start(o.jar(), Files.createTempDirectory(o.workDir(), "run-"), o.heap(),
                        o.adminPassword(), o.participants(), extra);
                baseUrl = server.url();
            } else {
                baseUrl = o.url().replaceAll("/$", "");
            }
            for (String one : baseUrl.split(",")) {
                endpoints.add(URI.create(one.trim().replaceAll("/$", "")));
            }
            URI u = endpoints.get(0); // the host drives the contest through the first node, which opens it
            host = u.getHost();
            port = u.getPort() > 0 ? u.getPort() : 80;
            if (split.processes() > 1) {
                // started first, so that in a warm run each child plays a warm-up contest of its own (beside
                // the parent's): its reading code is then compiled before the measured bursts
                children = PlayerProcesses.start(split.processes(), System.getProperty("bench.clientHeap", "2g"),
                        childArguments(), o.workDir(), line -> log("%s", line));
            }
            if (o.warmup() > 0) {
                warmUp();
            }
            if (children != null) {
                children.awaitWarm(Duration.ofMinutes(10).toMillis());
            }
            clientCpu0 = clientCpuNanos(); // the generator's CPU is that of the measured contest
            double serverCpu0 = server != null ? server.cpuSeconds() : o.serverPid() > 0 ? ServerProcess.cpuSecondsOf(o.serverPid()) : -1;
            List<Double> nodeCpu0 = nodes == null ? List.of() : nodes.serverCpu();
            double redisCpu0 = nodes == null ? 0 : nodes.redisCpu();
            Map<String, Long> redis0 = nodes == null ? Map.of() : nodes.redisStats();

            signIn();
            JsonNode contest = createContest();
            long contestId = contest.get("id").asLong();
            int perMinute = contest.path("settings").path("joinsPerMinute").asInt(0);
            if (perMinute > 0 && perMinute < o.participants()) {
                // the contest admits its joinsPerMinute at once: raise it as a host would for this many
                int raised = Math.min(60_000, o.participants());
                rest("PATCH", "/api/contests/" + contestId, "{\"joinsPerMinute\":" + raised + "}", 200);
                log("joins per minute of the contest raised from %d to %d for %d participants", perMinute, raised,
                        o.participants());
            }
            String code = action(contestId, "open").get("code").asText();
            log("contest %d open with code %s; joining %d participants from %d source address(es)", contestId, code,
                    o.participants(), o.sources());

            List<Player> players = new ArrayList<>();
            for (int i = 0; i < o.participants(); i++) {
                if (split.mine(i)) {
                    players.add(new Player(i));
                }
            }
            if (children != null) {
                children.play(contestId, code);
                log("%d more generator processes play participants i %% %d = 1..%d", split.processes() - 1,
                        split.processes(), split.processes() - 1);
            }
            long joinStart = System.currentTimeMillis();
            int joined = join(players, code);
            long joinTotal = System.currentTimeMillis() - joinStart;
            log("joined %d in %d ms (p99 %d ms)", joined, joinTotal, joinLatency.percentile(99));

            long connectStart = System.currentTimeMillis();
            int connected = connect(players, contestId);
            long connectTotal = System.currentTimeMillis() - connectStart;
            log("connected %d WebSockets in %d ms", connected, connectTotal);
            if (children != null) {
                children.awaitReady(Duration.ofMinutes(10).toMillis());
                log("every generator process is connected");
            }

            long framesBefore = players.stream().mapToLong(p -> p.frames).sum();
            long bytesBefore = players.stream().mapToLong(p -> p.bytes).sum();
            finished = new CountDownLatch(connected);
            playing = true;
            loops().probeLag(clientLag, () -> playing);
            play(contestId, players);
            boolean allFinished = finished.await(30, TimeUnit.SECONDS);
            playing = false;
            if (!allFinished) {
                log("%d participants never received 'finished'", finished.getCount());
            }
            long frames = players.stream().mapToLong(p -> p.frames).sum() - framesBefore;
            long bytes = players.stream().mapToLong(p -> p.bytes).sum() - bytesBefore;
            double childCpu = 0;
            if (children != null) {
                // their participants got 'finished' too; each writes its figures and exits
                for (PlayerProcesses.ChildResult c : children.results(Duration.ofMinutes(2).toMillis())) {
                    merge(c, players);
                    joinTotal = Math.max(joinTotal, c.joinTotalMs());
                    joined += c.joined();
                    connected += c.connected();
                    frames += c.frames();
                    bytes += c.bytes();
                    childCpu += c.cpuSeconds();
                }
            }

            double serverCpu = server != null ? server.cpuSeconds() - serverCpu0
                    : o.serverPid() > 0 ? ServerProcess.cpuSecondsOf(o.serverPid()) - serverCpu0 : -1;
            List<Double> cpuByNode = new ArrayList<>();
            double redisCpu = 0;
            long redisIn = 0;
            long redisOut = 0;
            if (nodes != null) {
                List<Double> now = nodes.serverCpu();
                for (int i = 0; i < now.size(); i++) {
                    cpuByNode.add(round(now.get(i) - nodeCpu0.get(i)));
                }
                serverCpu = now.stream().mapToDouble(Double::doubleValue).sum()
                        - nodeCpu0.stream().mapToDouble(Double::doubleValue).sum();
                redisCpu = nodes.redisCpu() - redisCpu0;
                Map<String, Long> redis1 = nodes.redisStats();
                redisIn = redis1.getOrDefault("total_net_input_bytes", 0L) - redis0.getOrDefault("total_net_input_bytes", 0L);
                redisOut = redis1.getOrDefault("total_net_output_bytes", 0L) - redis0.getOrDefault("total_net_output_bytes", 0L);
            }
            for (Player p : players) {
                if (p.ws != null) {
                    p.ws.close();
                }
            }
            long peakHeap = -1;
            String serverReport = "";
            String jdbc = o.jdbcUrl();
            String jdbcUser = o.jdbcUser();
            String jdbcPassword = o.jdbcPassword();
            if (server != null) {
                server.close(); // graceful, so that the embedded database can be opened below
                peakHeap = server.peakHeapMb();
                serverReport = Files.readAllLines(server.log).stream()
                        .filter(l -> l.contains("answer ledger:") || l.contains("receipt to ack") || l.contains("warm-up:")
                                || l.contains(" started in "))
                        .map(l -> l.substring(l.indexOf(") ") + 2)).collect(java.util.stream.Collectors.joining("; "));
                jdbc = "jdbc:h2:file:" + server.dataDir.toAbsolutePath() + "/jingda";
                jdbcUser = "jingda";
                jdbcPassword = "";
                server = null;
            }
            if (nodes != null) {
                nodes.stopServers(); // graceful: each node logs its own figures at shutdown
                List<String> reports = new ArrayList<>();
                for (int i = 0; i < nodes.servers.size(); i++) {
                    ServerProcess s = nodes.servers.get(i);
                    String lines = Files.readAllLines(s.log).stream()
                            .filter(l -> l.contains("answer ledger:") || l.contains("receipt to ack"))
                            .map(l -> l.substring(l.indexOf(") ") + 2)).collect(java.util.stream.Collectors.joining("; "));
                    if (!lines.isEmpty()) {
                        reports.add("node-" + (i + 1) + ": " + lines);
                    }
                    peakHeap = Math.max(peakHeap, s.peakHeapMb());
                }
                serverReport = String.join(" | ", reports);
                jdbc = nodes.jdbcUrl();
                jdbcUser = "postgres";
                jdbcPassword = "";
            }
            DbCheck db = jdbc == null ? null : checkDatabase(jdbc, jdbcUser, jdbcPassword, contestId, players);

            long lbSpread = 0;
            for (Stats s : lbReceipts.values()) {
                lbSpread = Math.max(lbSpread, s.max() - s.min());
            }
            long ackMissing = players.stream().mapToLong(p -> p.sentAt.size()).sum() + childAckMissing;
            long lbExpected = (long) connected * o.questions();
            double perPQ = connected == 0 ? 0 : 1.0 * connected * o.questions();
            return new Result(o.participants(), o.questions(), joined, connected, joinTotal, joinLatency.percentile(99),
                    connectTotal, answersSent.get(), accepted.get(), rejectedLate.get(),
                    ackLatency.percentile(50), ackLatency.percentile(95), ackLatency.percentile(99), ackLatency.max(),
                    ackMissing, ackAcceptedLatency.percentile(99), ackRefusedLatency.percentile(99),
                    clientLag.percentile(99), clientLag.max(), lbLatency.percentile(50), lbLatency.percentile(95), lbLatency.percentile(99),
                    lbLatency.max(), lbSpread, lbExpected - lbLatency.count(),
                    lbFromAction.percentile(50), lbFromAction.percentile(99),
                    round(frames / perPQ), round(bytes / perPQ),
                    db == null ? -1 : db.lost, db == null ? -1 : db.lateAccepted + lateSentAccepted.get(),
                    db == null ? null : db.mismatches == 0 && allFinished, db == null ? -1 : db.mismatches,
                    db == null ? -1 : db.stored, round(serverCpu), peakHeap, o.url() == null ? o.heap() : "n/a",
                    round((clientCpuNanos() - clientCpu0) / 1e9 + childCpu), System.currentTimeMillis() - t0,
                    db == null ? "skipped (no jdbc=… for a server given by url)" : "ok",
                    wsExtensions == null || wsExtensions.isBlank() ? "none" : wsExtensions, o.warmup(), serverReport,
                    o.autoAdvance() ? "auto" : o.boardDirect() ? "direct" : "after-reveal",
                    IntStream.range(0, o.questions()).mapToObj(questionIds::get)
                            .map(qid -> qid == null || !lbLatencyByQuestion.containsKey(qid) ? -1L
                                    : lbLatencyByQuestion.get(qid).percentile(99)).toList(),
                    o.sources(), joinTotal == 0 ? 0 : round(joined * 1000.0 / joinTotal), join429s.get(),
                    Math.max(1, endpoints.size()), frames, cpuByNode, round(redisCpu),
                    frames == 0 ? 0 : round((serverCpu + redisCpu) * 1e6 / frames), redisIn, redisOut, split.processes());
        } finally {
            if (children != null) {
                children.close();
            }
            if (server != null) {
                server.close();
            }
            if (nodes != null) {
                nodes.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A short contest (3 questions, {@code warmup} participants) on the same server before the measured
     * one, so that the figures are those of a server whose code the JIT has compiled, as on a node that
     * has been up for a while; its own figures are printed and not kept.
     */
    private void warmUp() throws Exception {
        log("warm-up: a contest of %d participants × 3 questions, not measured", o.warmup());
        Options w = new Options(baseUrl, o.warmup(), 3, o.windowSeconds(), false, o.adminUser(), o.adminPassword(), null,
                null, null, 1, -1, o.jar(), o.heap(), o.seed() + 1, o.concurrency(), o.lateFraction(), o.graceMs(),
                o.workDir(), true, o.deflate(), 0, o.boardDirect(), 0);
        Result r = new LoadGenerator(w).run();
        log("warm-up done: %d answers accepted, ack p99 %d ms, leaderboard p99 %d ms", r.answersAccepted(), r.ackP99(),
                r.lbP99());
    }

    // ------------------------------------------------------------------ the generator split over processes

    private PlayerProcesses children;
    private long childAckMissing;

    /** What a child process needs to play its share of the same contest. */
    private List<String> childArguments() {
        return List.of("url=" + baseUrl, "participants=" + o.participants(), "questions=" + o.questions(),
                "window=" + o.windowSeconds(), "mode=" + (o.autoAdvance() ? "auto" : "host"), "seed=" + o.seed(),
                "concurrency=" + o.concurrency(), "late=" + o.lateFraction(), "grace=" + o.graceMs(),
                "sources=" + o.sources(), "deflate=" + o.deflate(), "workDir=" + o.workDir().toAbsolutePath(),
                "user=" + o.adminUser(), "password=" + o.adminPassword(), "warmup=" + o.warmup());
    }

    /** A child: join and connect this process's share, say so, play until 'finished', write the figures. */
    void runChild() throws Exception {
        for (String one : o.url().split(",")) {
            endpoints.add(URI.create(one.trim().replaceAll("/$", "")));
        }
        if (o.warmup() > 0) {
            // a warm run: without it this JVM's reading code would first run in the measured contest's
            // bursts, and read them late; it plays a warm-up contest of its own, as the parent does
            baseUrl = o.url().split(",")[0].trim().replaceAll("/$", "");
            warmUp();
        }
        PlayerProcesses.Split split = this.split.contestId() >= 0 ? this.split : this.split.withContest(System.in);
        long cpu0 = clientCpuNanos();
        List<Player> players = new ArrayList<>();
        for (int i = 0; i < o.participants(); i++) {
            if (split.mine(i)) {
                players.add(new Player(i));
            }
        }
        long joinStart = System.currentTimeMillis();
        int joined = join(players, split.code());
        long joinTotal = System.currentTimeMillis() - joinStart;
        int connected = connect(players, split.contestId());
        finished = new CountDownLatch(connected);
        playing = true;
        loops().probeLag(clientLag, () -> playing);
        System.out.println(PlayerProcesses.READY + ": joined " + joined + ", connected " + connected + " of "
                + players.size());
        if (!finished.await(o.questions() * (o.windowSeconds() + 60L) + 120, TimeUnit.SECONDS)) {
            log("%d participants never received 'finished'", finished.getCount());
        }
        playing = false;
        for (Player p : players) {
            if (p.ws != null) {
                p.ws.close();
            }
        }
        Map<String, long[]> samples = Map.of("join", joinLatency.values(), "ack", ackLatency.values(),
                "ackAccepted", ackAcceptedLatency.values(), "ackRefused", ackRefusedLatency.values(),
                "lb", lbLatency.values(), "lag", clientLag.values());
        Map<String, long[]> byQuestion = new HashMap<>();
        lbLatencyByQuestion.forEach((q, st) -> byQuestion.put(q, st.values()));
        Map<String, long[]> receipts = new HashMap<>();
        lbReceipts.forEach((q, st) -> receipts.put(q, st.values()));
        new PlayerProcesses.ChildResult(joined, connected, joinTotal, answersSent.get(), accepted.get(),
                rejectedLate.get(), lateSentAccepted.get(), players.stream().mapToLong(p -> p.frames).sum(),
                players.stream().mapToLong(p -> p.bytes).sum(), players.stream().mapToLong(p -> p.sentAt.size()).sum(),
                join429s.get(), (clientCpuNanos() - cpu0) / 1e9, samples, byQuestion, receipts,
                players.stream().filter(p -> p.token != null).map(p -> new PlayerProcesses.Outcome(p.participantId,
                        p.finalScore, p.ws != null, List.copyOf(p.acked))).toList())
                .write(split.results());
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Adds a child's samples, counters and participants to this process's. */
    private void merge(PlayerProcesses.ChildResult c, List<Player> players) {
        joinLatency.addAll(c.samples().get("join"));
        ackLatency.addAll(c.samples().get("ack"));
        ackAcceptedLatency.addAll(c.samples().get("ackAccepted"));
        ackRefusedLatency.addAll(c.samples().get("ackRefused"));
        lbLatency.addAll(c.samples().get("lb"));
        clientLag.addAll(c.samples().get("lag"));
        c.lbByQuestion().forEach((q, v) -> lbLatencyByQuestion.computeIfAbsent(q, k -> new Stats()).addAll(v));
        c.lbReceipts().forEach((q, v) -> lbReceipts.computeIfAbsent(q, k -> new Stats()).addAll(v));
        answersSent.addAndGet(c.answersSent());
        accepted.addAndGet(c.accepted());
        rejectedLate.addAndGet(c.rejectedLate());
        lateSentAccepted.addAndGet(c.lateSentAccepted());
        join429s.addAndGet(c.join429s());
        childAckMissing += c.ackMissing();
        for (PlayerProcesses.Outcome out : c.players()) {
            Player p = new Player(-1);
            p.participantId = out.participantId();
            p.token = "(in another process)";
            p.finalScore = out.finalScore();
            p.remote = out.connected();
            p.acked.addAll(out.acked());
            players.add(p);
        }
    }

    /** The readable summary printed before the JSON line. */
    static String summary(Result r) {
        return String.format(Locale.ROOT, """
                ==== Jingda live-contest benchmark: %d participants, %d questions (warm-up before it: %d participants; pace: %s) ====
                joined           %d in %d ms (p99 %d ms) from %d source address(es): %.0f joins/s, %d answered 429; %d WebSockets connected in %d ms
                answers          %d sent, %d accepted, %d refused as late; %d never acknowledged
                answer ack       p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; p99 of acceptances %d ms, of refusals %d ms
                leaderboard      from closedAt: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; first-to-last spread %d ms; %d missing
                                 from the host's leaderboard request: p50 %d ms, p99 %d ms; p99 per question (ms): %s
                traffic          %.2f messages and %.0f bytes (before compression) per participant per question; WebSocket extensions: %s
                database         %s: %d answers stored, %d acknowledged but lost, %d accepted after the deadline, scores match: %s (%d mismatches)
                server           %.1f CPU s, peak heap %d MB (limit %s)
                load generator   %d process(es), %.1f CPU s; its event loops ran late by p99 %d ms, max %d ms while playing; wall %d ms
                server log       %s
                nodes            %d (CPU s per node: %s); Redis %.2f CPU s, %d bytes in, %d bytes out; %d frames delivered, %.1f µs of server + Redis CPU per frame
                """, r.participants(), r.questions(), r.warmup(), r.pace(), r.joined(), r.joinTotalMs(), r.joinP99Ms(),
                r.joinSources(), r.joinsPerSecond(), r.join429s(), r.connected(),
                r.connectTotalMs(), r.answersSent(), r.answersAccepted(), r.answersRejectedLate(), r.ackMissing(),
                r.ackP50(), r.ackP95(), r.ackP99(), r.ackMax(), r.ackAcceptedP99(), r.ackRefusedP99(), r.lbP50(), r.lbP95(), r.lbP99(), r.lbMax(),
                r.lbSpreadMaxMs(), r.lbMissing(), r.lbFromActionP50(), r.lbFromActionP99(), r.lbP99ByQuestion(), r.msgsPerParticipantPerQuestion(), r.bytesPerParticipantPerQuestion(),
                r.wsExtensions(), r.dbCheck(), r.storedAnswers(), r.answersLost(), r.lateAccepted(), r.scoresMatch(), r.scoreMismatches(),
                r.serverCpuSeconds(), r.serverPeakHeapMb(), r.serverHeapLimit(), r.generatorProcesses(), r.clientCpuSeconds(), r.clientLagP99(), r.clientLagMax(), r.wallMs(),
                r.serverReport().isEmpty() ? "(a server given by url)" : r.serverReport(), r.nodes(), r.serverCpuByNode(),
                r.redisCpuSeconds(), r.redisBytesIn(), r.redisBytesOut(), r.framesDelivered(), r.cpuMicrosPerFrame());
    }

    // ------------------------------------------------------------------ contest over REST

    private JsonNode createContest() throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", "Benchmark " + o.participants() + "×" + o.questions());
        ObjectNode draw = body.putObject("draw");
        draw.put("count", o.questions());
        draw.put("seed", o.seed());
        body.put("timeLimit", o.windowSeconds());
        ObjectNode scoring = body.putObject("scoring");
        scoring.put("mode", "speed");
        scoring.put("streakBonus", true);
        body.put("leaderboardSize", 10);
        body.put("maxParticipants", o.participants());
        if (o.autoAdvance()) {
            ObjectNode auto = body.putObject("autoAdvance");
            auto.put("revealSeconds", 1);
            auto.put("leaderboardSeconds", 1);
        }
        return rest("POST", "/api/contests", body.toString(), 201);
    }

    private JsonNode action(long id, String action) throws Exception {
        return rest("POST", "/api/contests/" + id + "/actions/" + action, null, 200);
    }

    /** The host over REST (session cookie after a form sign-in, as the host console does). */
    private HostClient hostClient;

    private void signIn() throws Exception {
        hostClient = new HostClient(endpoints.get(0).toString(), o.adminUser(), o.adminPassword());
        boolean cookie = hostClient.signIn();
        log("host signed in with %s", cookie ? "a session cookie" : "HTTP Basic (no form sign-in)");
    }

    private JsonNode rest(String method, String path, String body, int expected) throws Exception {
        return hostClient.rest(method, path, body, expected);
    }

    // ------------------------------------------------------------------ joining and connecting

    /** Each process of a split generator has loopback source addresses of its own. */
    private String source(int n) {
        return "127.0.0." + (1 + split.index() * o.sources() + (n % o.sources()));
    }

    private ClientLoops loops;

    /** The generator's event loops, created on first use. */
    private ClientLoops loops() throws Exception {
        if (loops == null) {
            loops = new ClientLoops(vertx, EVENT_LOOPS);
        }
        return loops;
    }

    /** Runs {@code task} for 0..n-1 with at most {@code concurrency} in flight; how many succeeded. */
    private int bounded(int n, String what, java.util.function.IntFunction<Future<?>> task) throws Exception {
        AtomicInteger failures = new AtomicInteger();
        return loops().bounded(n, o.concurrency(), Duration.ofMinutes(10), what, task, (i, e) -> {
            if (failures.getAndIncrement() < 5 || i % 1000 == 0) {
                log("%s %d: %s", what, i, e.getMessage());
            }
        });
    }

    private int join(List<Player> players, String code) throws Exception {
        List<HttpClient> clients = new ArrayList<>();
        for (int s = 0; s < o.sources(); s++) {
            clients.add(vertx.createHttpClient(new HttpClientOptions().setLocalAddress(source(s))
                    .setMaxPoolSize(Math.max(8, o.concurrency() / o.sources())).setKeepAlive(true)));
        }
        int ok = bounded(players.size(), "join", i -> {
            Player p = players.get(i);
            String body = "{\"code\":\"" + code + "\",\"nickname\":\"p" + p.n + "\"}";
            return joinOne(clients.get(i % o.sources()), endpoints.get(i % endpoints.size()), p, body, System.nanoTime());
        });
        clients.forEach(HttpClient::close);
        return ok;
    }

    /** One join; a 429 is counted and tried again after its Retry-After, as a well-behaved client does. */
    private Future<Buffer> joinOne(HttpClient client, URI node, Player p, String body, long start) {
        return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(node.getHost()).setPort(node.getPort())
                        .setURI("/api/join").putHeader("Content-Type", "application/json"))
                .compose(req -> req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().compose(buf -> {
                    if (resp.statusCode() == 429) {
                        join429s.incrementAndGet();
                        String after = resp.getHeader("Retry-After");
                        long wait = after == null ? 1000 : Long.parseLong(after.trim()) * 1000;
                        Promise<Buffer> retried = Promise.promise();
                        vertx.setTimer(wait, t -> joinOne(client, node, p, body, start).onComplete(retried));
                        return retried.future();
                    }
                    if (resp.statusCode() != 200) {
                        return Future.failedFuture(new IllegalStateException("→ " + resp.statusCode() + " " + buf));
                    }
                    JsonNode n = parse(buf.toString());
                    p.participantId = n.get("participantId").asLong();
                    p.token = n.get("token").asText();
                    joinLatency.add((System.nanoTime() - start) / 1_000_000);
                    return Future.succeededFuture(buf);
                }));
    }

    private int connect(List<Player> players, long contestId) throws Exception {
        List<WebSocketClient> clients = new ArrayList<>();
        for (int s = 0; s < o.sources(); s++) {
            clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(source(s))
                    .setTryUsePerMessageCompression(o.deflate())
                    .setMaxConnections(o.participants() + 10).setConnectTimeout(60_000)));
        }
        return bounded(players.size(), "connect", i -> {
            Player p = players.get(i);
            if (p.token == null) {
                return null; // never joined
            }
            Promise<Void> ready = Promise.promise(); // completed by the first 'state' frame
            URI node = endpoints.get(i % endpoints.size());
            return clients.get(i % o.sources()).connect(new WebSocketConnectOptions().setHost(node.getHost()).setPort(node.getPort())
                            .setURI("/ws/play/" + contestId + "?token=" + p.token))
                    .compose(ws -> {
                        p.ws = ws;
                        if (wsExtensions == null) {
                            String agreed = ws.headers() == null ? null : ws.headers().get("sec-websocket-extensions");
                            wsExtensions = agreed == null ? "none" : agreed;
                        }
                        ws.textMessageHandler(text -> onFrame(p, text, ready));
                        return ready.future();
                    });
        });
    }

    // ------------------------------------------------------------------ the game

    private void play(long contestId, List<Player> players) throws Exception {
        for (int q = 0; q < o.questions(); q++) {
            String qid;
            if (!o.autoAdvance() || q == 0) {
                JsonNode state = action(contestId, q == 0 ? "start" : "next");
                log("question %d/%d open (%s)", q + 1, o.questions(), state.path("phase").asText());
            }
            qid = awaitQuestion(q);
            long deadline = deadlines.get(qid);
            CountDownLatch lb = lbLatches.computeIfAbsent(qid, k -> new CountDownLatch(1));
            if (!o.autoAdvance()) {
                // host-paced: the host shows the leaderboard as soon as the window has closed
                sleepUntil(deadline + o.graceMs() + 20);
                long r0 = System.currentTimeMillis();
                if (o.boardDirect()) {
                    leaderboardAskedAt.put(qid, r0);
                    action(contestId, "leaderboard");
                    log("host: leaderboard (with the reveal) %d ms after the deadline took %d ms", r0 - deadline,
                            System.currentTimeMillis() - r0);
                } else {
                    action(contestId, "reveal");
                    long r1 = System.currentTimeMillis();
                    leaderboardAskedAt.put(qid, r1);
                    action(contestId, "leaderboard");
                    log("host: reveal %d ms after the deadline took %d ms, leaderboard took %d ms", r0 - deadline,
                            r1 - r0, System.currentTimeMillis() - r1);
                }
            }
            if (!lb.await(60, TimeUnit.SECONDS)) {
                log("no leaderboard for %s", qid);
            }
            // the late answers of this question are sent and refused before the host moves on
            long until = System.currentTimeMillis() + 15_000;
            while (unacknowledged.get() > 0 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            Thread.sleep(300); // let the last leaderboard frames arrive before the next question
        }
        if (!o.autoAdvance()) {
            action(contestId, "finish");
        }
    }

    private final Map<Integer, String> questionIds = new ConcurrentHashMap<>();
    /** What the server agreed to in the first handshake (permessage-deflate or none). */
    private volatile String wsExtensions;

    private String awaitQuestion(int index) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < until) {
            String id = questionIds.get(index);
            if (id != null) {
                return id;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("question " + index + " never arrived");
    }

    private void onFrame(Player p, String text, Promise<Void> ready) {
        long now = System.currentTimeMillis();
        p.frames++;
        p.bytes += text.length() + nonAscii(text);
        // the hot frames (ack, closed, reveal, leaderboard) are read without a JSON tree, so that the
        // client's own parsing does not pass for server latency; everything else is parsed in full
        if (text.startsWith("{\"type\":\"ack\"")) {
            onAck(p, field(text, "questionId"), text.contains("\"accepted\":true"), field(text, "reason"), now);
            return;
        }
        if (text.startsWith("{\"type\":\"leaderboard\"")) {
            onLeaderboard(field(text, "questionId"), Long.parseLong(field(text, "closedAt")), now);
            return;
        }
        if (text.startsWith("{\"type\":\"reveal\"") || text.startsWith("{\"type\":\"closed\"")
                || text.startsWith("{\"type\":\"lobby\"") || text.startsWith("{\"type\":\"pong\"")) {
            return; // counted above; nothing in them is checked
        }
        JsonNode m = parse(text);
        switch (m.path("type").asText()) {
            case "state" -> {
                p.ready = true;
                ready.tryComplete();
            }
            case "question" -> onQuestion(p, m, now);
            case "ack" -> onAck(p, m.path("questionId").asText(), m.path("accepted").asBoolean(),
                    m.path("reason").asText(null), now);
            case "leaderboard" -> onLeaderboard(m.path("questionId").asText(), m.path("closedAt").asLong(), now);
            case "finished" -> {
                p.finalScore = m.path("you").path("score").asLong(Long.MIN_VALUE);
                CountDownLatch f = finished;
                if (f != null) {
                    f.countDown();
                }
            }
            default -> {
            }
        }
    }

    private void onAck(Player p, String qid, boolean ok, String reason, long now) {
        Long sent = p.sentAt.remove(qid);
        if (sent != null) {
            ackLatency.add(now - sent);
            (ok ? ackAcceptedLatency : ackRefusedLatency).add(now - sent);
            unacknowledged.decrementAndGet();
        }
        if (ok) {
            accepted.incrementAndGet();
            p.acked.add(qid);
            Long deadline = deadlines.get(qid);
            if (sent != null && deadline != null && sent > deadline + o.graceMs() + 50) {
                lateSentAccepted.incrementAndGet(); // sent well after the deadline and still accepted
            }
        } else if ("LATE".equals(reason) || "NOT_OPEN".equals(reason)) {
            rejectedLate.incrementAndGet();
        }
    }

    private void onLeaderboard(String qid, long closedAt, long now) {
        lbLatency.add(now - closedAt);
        lbLatencyByQuestion.computeIfAbsent(qid, k -> new Stats()).add(now - closedAt);
        Long asked = leaderboardAskedAt.get(qid);
        if (asked != null) {
            lbFromAction.add(now - asked);
        }
        lbReceipts.computeIfAbsent(qid, k -> new Stats()).add(now);
        lbLatches.computeIfAbsent(qid, k -> new CountDownLatch(1)).countDown();
    }

    /** The value of a top-level string or number field of a flat frame, without parsing the JSON. */
    static String field(String json, String name) {
        String key = "\"" + name + "\":";
        int i = json.indexOf(key);
        if (i < 0) {
            return null;
        }
        i += key.length();
        if (json.charAt(i) == '"') {
            return json.substring(i + 1, json.indexOf('"', i + 1));
        }
        int j = i;
        while (j < json.length() && (Character.isDigit(json.charAt(j)) || json.charAt(j) == '-')) {
            j++;
        }
        return json.substring(i, j);
    }

    private static int nonAscii(String s) {
        int extra = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                extra += c >= 0x800 ? 2 : 1;
            }
        }
        return extra;
    }

    private void onQuestion(Player p, JsonNode m, long now) {
        String qid = m.path("questionId").asText();
        long openedAt = m.path("openedAt").asLong();
        long deadline = m.path("deadline").asLong();
        deadlines.putIfAbsent(qid, deadline);
        questionIds.putIfAbsent(m.path("index").asInt() - indexBase(m), qid);
        Random r = new Random(o.seed() * 31 + p.n * 7919L + qid.hashCode());
        long window = deadline - openedAt;
        double u = r.nextDouble();
        long offset;
        if (u < o.lateFraction()) {
            offset = window + o.graceMs() + 50 + r.nextInt(400); // after the deadline: must be refused
        } else if (u < 0.8) {
            // most answer early: after reading (1 s), Beta(2,5)-distributed over the first half of the window
            offset = READING_MS + (long) (Math.max(0, window / 2 - READING_MS) * beta25(r));
        } else {
            offset = (long) (window * (0.5 + 0.48 * r.nextDouble())); // some answer late
        }
        String answer = answerFrame(m, qid, r);
        long delay = Math.max(1, openedAt + offset - now);
        unacknowledged.incrementAndGet();
        vertx.setTimer(delay, t -> {
            p.sentAt.put(qid, System.currentTimeMillis());
            answersSent.incrementAndGet();
            p.ws.writeTextMessage(answer);
        });
    }

    /** The server numbers questions from 0 or 1; the first question frame seen tells which. */
    private volatile int indexBase = -1;

    private int indexBase(JsonNode m) {
        if (indexBase < 0) {
            synchronized (this) {
                if (indexBase < 0) {
                    indexBase = m.path("index").asInt();
                }
            }
        }
        return indexBase;
    }

    /** Nobody answers before having read the question. */
    static final long READING_MS = 1000;

    /** A Beta(2,5) sample (mode 0.2): the ratio of Gamma(2) to Gamma(2) + Gamma(5) sums of exponentials. */
    static double beta25(Random r) {
        double a = -Math.log(1 - r.nextDouble()) - Math.log(1 - r.nextDouble());
        double b = 0;
        for (int i = 0; i < 5; i++) {
            b -= Math.log(1 - r.nextDouble());
        }
        return a / (a + b);
    }

    static String answerFrame(JsonNode q, String qid, Random r) {
        ObjectNode a = JSON.createObjectNode();
        a.put("type", "answer");
        a.put("questionId", qid);
        a.put("requestId", Long.toHexString(r.nextLong()));
        JsonNode options = q.path("options");
        String type = q.path("questionType").asText();
        if (options.isArray() && options.size() > 0) {
            if ("multiple".equals(type)) {
                ArrayNode ids = a.putArray("choice");
                ids.add(options.get(r.nextInt(options.size())).get("id").asText());
                String second = options.get(r.nextInt(options.size())).get("id").asText();
                if (!ids.get(0).asText().equals(second)) {
                    ids.add(second);
                }
            } else {
                a.put("choice", options.get(r.nextInt(options.size())).get("id").asText());
            }
        } else if ("numeric".equals(type)) {
            a.put("choice", r.nextInt(2000));
        } else {
            a.put("choice", List.of("雷锋精神", "红船精神", "严新细实", "不知道").get(r.nextInt(4)));
        }
        return a.toString();
    }

    // ------------------------------------------------------------------ the database check

    record DbCheck(long stored, long lost, long lateAccepted, long mismatches) {
    }

    private DbCheck checkDatabase(String url, String user, String password, long contestId, List<Player> players)
            throws Exception {
        Map<Long, Map<String, Long>> stored = new HashMap<>(); // participant → questionId → points
        Map<String, Long> lateByQuestion = new LinkedHashMap<>();
        long total = 0;
        try (Connection c = DriverManager.getConnection(url, user, password);
             PreparedStatement st = c.prepareStatement("select a.participant_id, q.public_id, a.points, a.received_at "
                     + "from answer a join contest_question q on q.contest_id = a.contest_id and q.idx = a.question_idx "
                     + "where a.contest_id = ?")) {
            st.setLong(1, contestId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    total++;
                    String qid = rs.getString(2);
                    stored.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(qid, rs.getLong(3));
                    Long deadline = deadlines.get(qid);
                    if (deadline != null && rs.getLong(4) > deadline + o.graceMs()) {
                        lateByQuestion.merge(qid, 1L, Long::sum);
                    }
                }
            }
        }
        long lost = 0;
        long mismatches = 0;
        for (Player p : players) {
            if (p.token == null) {
                continue;
            }
            Map<String, Long> mine = stored.getOrDefault(p.participantId, Map.of());
            for (String qid : p.acked) {
                if (!mine.containsKey(qid)) {
                    lost++;
                }
            }
            long score = mine.values().stream().mapToLong(Long::longValue).sum();
            if ((p.ws != null || p.remote) && p.finalScore != score) {
                mismatches++;
            }
        }
        long late = lateByQuestion.values().stream().mapToLong(Long::longValue).sum();
        return new DbCheck(total, lost, late, mismatches);
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }

    private static void sleepUntil(long epochMs) throws InterruptedException {
        long d = epochMs - System.currentTimeMillis();
        if (d > 0) {
            Thread.sleep(d);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void log(String fmt, Object... args) {
        if (!o.quiet()) {
            System.out.printf(Locale.ROOT, "[bench] " + fmt + "%n", args);
        }
    }
}
