package io.jingda.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.ServerProcess;
import io.jingda.bench.OnlineFigures.Ranked;
import io.jingda.bench.OnlineFigures.StoredAttempt;
import io.jingda.online.Paper;
import io.jingda.online.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The benchmark's self-paced scenario (issue 17, docs/online.md): one online contest (a pool drawn from the
 * seeded bank, {@code perAttempt} questions per attempt, a list of units with headcounts, answers shown after
 * the attempt), and {@code participants} people arriving over a simulated day compressed into {@code day}
 * seconds (Poisson arrivals whose rate ramps up over the first {@code ramp} of the day, then holds), at most
 * {@code concurrency} of them in flight at once. Each registers, starts an attempt and answers its questions
 * after a think time of about {@code think} ms, over HTTP keep-alive. A separate loop polls the host's person and
 * unit rankings ({@code pollRate} per second each). At the end it checks the database: every acknowledged answer
 * stored, and the person ranking recomputed from the stored attempts equal to the one served (all pages).
 * <p>
 * With {@code preload=N} it measures the rankings instead: N answers (N/perAttempt finished attempts, one
 * participant each) are written straight into the database through JDBC, then the person ranking (page 0, a page in
 * the middle), the unit ranking and a participant's own rank ({@code /api/self/{code}/me}) are each asked
 * {@code rankingRequests} times.
 *
 * <pre>./mvnw -Pbench package -DskipTests exec:exec@bench -Dbench.scenario=online -Dbench.participants=3000</pre>
 */
public final class OnlineScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int EVENT_LOOPS = LoadGenerator.EVENT_LOOPS;

    /** The scenario's parameters. */
    public record Options(String url, int participants, int concurrency, long thinkMs, long dayMs, double ramp,
                          int pool, int perAttempt, int units, long preload, int rankingRequests, int pollRate,
                          int warmup, boolean thenPlay, String jdbcUrl, String jdbcUser, String jdbcPassword, String adminUser,
                          String adminPassword, Path jar, String heap, long seed, Path workDir, boolean quiet) {

        static Options parse(Map<String, String> a) {
            String scenario = a.getOrDefault("scenario", "online");
            String url = blank(a.get("url"));
            long preload = Long.parseLong(blank(a.get("preload")) == null
                    ? ("online-ranking".equals(scenario) ? "1000000" : "0") : a.get("preload"));
            return new Options(url, Integer.parseInt(a.getOrDefault("participants", "3000")),
                    Integer.parseInt(a.getOrDefault("concurrency", "1000")), Long.parseLong(a.getOrDefault("think", "300")),
                    Long.parseLong(a.getOrDefault("day", "60")) * 1000, Double.parseDouble(a.getOrDefault("ramp", "0.3")),
                    Integer.parseInt(a.getOrDefault("pool", "100")), Integer.parseInt(a.getOrDefault("perAttempt", "10")),
                    Integer.parseInt(a.getOrDefault("units", "50")), preload,
                    Integer.parseInt(a.getOrDefault("rankingRequests", "200")), Integer.parseInt(a.getOrDefault("pollRate", "5")),
                    Integer.parseInt(a.getOrDefault("warmup", "0")),
                    // with preload: play the participants on the preloaded contest after the ranking queries
                    Boolean.parseBoolean(a.getOrDefault("thenPlay", "false")), blank(a.get("jdbc")),
                    a.getOrDefault("jdbcUser", "jingda"), a.getOrDefault("jdbcPassword", ""),
                    a.getOrDefault("user", "admin"), a.getOrDefault("password", "bench-admin-pw"),
                    Path.of(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")), a.getOrDefault("heap", "1g"),
                    Long.parseLong(a.getOrDefault("seed", "2021")), Path.of(a.getOrDefault("workDir", "target/bench")),
                    Boolean.parseBoolean(a.getOrDefault("quiet", "false")));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }

        Options warmUp() {
            return new Options(url, warmup, concurrency, thinkMs, Math.max(5_000, dayMs / 6), ramp, pool, perAttempt, units,
                    0, rankingRequests, 0, 0, false, null, jdbcUser, jdbcPassword, adminUser, adminPassword, jar, heap, seed + 1,
                    workDir, true);
        }
    }

    /** What a run measured (the preload mode fills only the ranking figures). */
    public record Result(int participants, int concurrency, long thinkMs, long dayMs, int finished, int failed,
                         long answersSent, long answersAcked, long answersLate, double answersPerSecondSustained,
                         long steadyFromMs, long steadyToMs, long saturatedAtMs, double answersPerSecondOverall, List<Long> answersPer10s,
                         long answerP50, long answerP95, long answerP99, long answerMax, long finishP50,
                         long finishP99, long registerP99,
                         long registerMax, long startP99, long startMax, Map<String, Long> errors,
                         long rankPersonRequests, long rankPersonP50, long rankPersonP99, long rankUnitRequests,
                         long rankUnitP50, long rankUnitP99, long dashboardAnswers, long storedAnswers, long answersLost,
                         Boolean rankingMatches, int rankedParticipants, List<String> rankingDifferences,
                         long preloadedAnswers, long preloadMs, Map<String, long[]> rankingQueries,
                         double serverCpuSeconds, long serverPeakHeapMb, long serverPeakRssMb, double clientCpuSeconds,
                         long wallMs, String dbCheck, String serverReport) {
        public String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One participant: touched by its own chain of requests only (one at a time), read at the end. */
    static final class Person {
        final int n;
        final String unit;
        final double skill;
        String token;
        long participantId;
        long attemptId;
        boolean finished;

        Person(int n, String unit, double skill) {
            this.n = n;
            this.unit = unit;
            this.skill = skill;
        }
    }

    /** A response: its status and body. */
    record Reply(int status, String body, String retryAfter) {
    }

    private final Options o;
    private final Vertx vertx;
    private final Stats answerLatency = new Stats();
    /** The answers that finish an attempt: their response carries the result, with the rank. */
    private final Stats finishLatency = new Stats();
    private final Stats registerLatency = new Stats();
    private final Stats startLatency = new Stats();
    private final Stats rankPerson = new Stats();
    private final Stats rankUnit = new Stats();
    private final AtomicLong answersSent = new AtomicLong();
    private final AtomicLong answersLate = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    /** attemptId × 1000 + position of every answer the server acknowledged. */
    private final Set<Long> acked = ConcurrentHashMap.newKeySet();
    private final AtomicLongArray ackedPerSecond = new AtomicLongArray(24 * 3600);
    private final ArrayDeque<Person> waiting = new ArrayDeque<>();
    private int inFlight;
    private volatile long t0Nanos;
    private volatile long lastStartMs = -1;
    private volatile long firstSaturatedMs = -1;
    private CountDownLatch done;
    private HttpClient http;
    private HostClient hostClient;
    private Map<String, String> key;
    private String baseUrl;
    private String host;
    private int port;

    public OnlineScenario(Options o) {
        this.o = o;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setBlockedThreadCheckInterval(10_000));
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(LoadGenerator.Options.arguments(args));
        Result r;
        try {
            r = new OnlineScenario(o).run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
            return;
        }
        System.out.println(r.json()); // first: a summary that fails to format loses no figures
        System.out.println(summary(r));
        System.exit(0);
    }

    /** The server's options: the benchmark's, with registrations per address raised (one generator address). */
    static List<String> serverOptions() {
        List<String> extra = new ArrayList<>(LoadGenerator.serverOptions());
        extra.add(0, "-Djingda.online.registers-per-minute=10000000");
        extra.add(0, "-Dquarkus.log.category.\"io.jingda.system.GroupCommit\".level=INFO");
        return extra;
    }

    public Result run() throws Exception {
        long wall0 = System.currentTimeMillis();
        long clientCpu0 = clientCpuNanos();
        ServerProcess server = null;
        Files.createDirectories(o.workDir());
        try {
            if (o.url() == null) {
                log("starting the packaged server (%s, -Xmx%s)", o.jar(), o.heap());
                server = ServerProcess.start(o.jar(), Files.createTempDirectory(o.workDir(), "online-"), o.heap(),
                        o.adminPassword(), o.participants(), serverOptions());
            }
            target(server);
            if (o.warmup() > 0 && o.preload() == 0) {
                log("warm-up: %d participants on a contest of their own, not measured", o.warmup());
                Result w = new OnlineScenario(o.warmUp()).runOn(baseUrl);
                log("warm-up done: %d answers, p99 %d ms", w.answersAcked(), w.answerP99());
            }
            if (o.preload() > 0) {
                return rankingRun(server, wall0, clientCpu0);
            }
            double cpu0 = server != null ? server.cpuSeconds() : -1;
            hostClient = new HostClient(baseUrl, o.adminUser(), o.adminPassword());
            hostClient.signIn();
            long contestId = createContest(o.participants());
            String code = schedule(contestId);
            key = answerKey(contestId);
            log("contest %d scheduled with code %s: %d participants over a day of %d s (ramp %.0f%%), %d in flight, think %d ms",
                    contestId, code, o.participants(), o.dayMs() / 1000, o.ramp() * 100, o.concurrency(), o.thinkMs());

            return playAndCheck(server, contestId, code, cpu0, wall0, clientCpu0, 0, 0, Map.of());
        } finally {
            if (server != null) {
                server.close();
            }
            if (http != null) {
                http.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Plays the participants on the contest, then checks: the dashboard's count, every page of the person ranking,
     * and (the server stopped, for the embedded database) the stored answers and the ranking recomputed from the
     * stored attempts.
     */
    private Result playAndCheck(ServerProcess server, long contestId, String code, double cpu0, long wall0,
                                long clientCpu0, long preloaded, long preloadMs, Map<String, long[]> queries)
            throws Exception {
        key = answerKey(contestId);
    List<Person> people = play(contestId, code);
        double serverCpu = server != null ? server.cpuSeconds() - cpu0 : -1;
        long rssMb = server != null ? peakRssMb(server.process.pid()) : -1;
        long dashboardAnswers = hostClient.rest("GET", "/api/contests/" + contestId + "/dashboard", null, 200)
                .path("answers").asLong(-1);
        List<Ranked> served = servedRanking(contestId);

        long heapMb = -1;
        String report = "";
        String jdbc = o.jdbcUrl();
        String user = o.jdbcUser();
        String password = o.jdbcPassword();
        if (server != null) {
            server.close(); // graceful, so that the embedded database can be opened below
            heapMb = server.peakHeapMb();
            report = serverReport(server);
            jdbc = h2(server);
            user = "jingda";
            password = "";
            server = null;
        }
        long stored = -1;
        long lost = -1;
        Boolean matches = null;
        List<String> diffs = List.of();
        int ranked = served.size();
        String dbCheck = "skipped (no jdbc=… for a server given by url)";
        if (jdbc != null) {
            try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
                Set<Long> rows = storedAnswers(c, contestId);
                stored = rows.size();
                lost = acked.stream().filter(k -> !rows.contains(k)).count();
                List<Ranked> recomputed = OnlineFigures.recompute(storedAttempts(c, contestId));
                diffs = OnlineFigures.differences(recomputed, served, 10);
                matches = diffs.isEmpty();
            }
            dbCheck = "ok";
        }
        long elapsed = System.currentTimeMillis() - wall0;
        long[] perSecond = perSecond();
        long steadyFrom = Math.max(Math.round(o.ramp() * o.dayMs()), firstSaturatedMs < 0 ? 0 : firstSaturatedMs);
        long steadyTo = lastStartMs;
        long acks = acked.size();
        long span = lastAckSecond(perSecond) + 1;
        return new Result(o.participants(), o.concurrency(), o.thinkMs(), o.dayMs(),
                (int) people.stream().filter(p -> p.finished).count(), (int) people.stream().filter(p -> !p.finished).count(),
                answersSent.get(), acks, answersLate.get(), round(OnlineFigures.sustained(perSecond, steadyFrom, steadyTo)),
                steadyFrom, steadyTo, firstSaturatedMs, round(acks / (double) Math.max(1, span)), per10s(perSecond, span),
                answerLatency.percentile(50), answerLatency.percentile(95), answerLatency.percentile(99),
                answerLatency.max(), finishLatency.percentile(50), finishLatency.percentile(99), registerLatency.percentile(99), registerLatency.max(), startLatency.percentile(99),
                startLatency.max(), errorCounts(), rankPerson.count(), rankPerson.percentile(50), rankPerson.percentile(99),
                rankUnit.count(), rankUnit.percentile(50), rankUnit.percentile(99), dashboardAnswers, stored, lost,
                matches, ranked, diffs, preloaded, preloadMs, queries, round(serverCpu), heapMb, rssMb,
                round((clientCpuNanos() - clientCpu0) / 1e9), elapsed, dbCheck, report);
    }

    /** A run on a server already up (the warm-up's): the participants only, no database check. */
    private Result runOn(String url) throws Exception {
        try {
            baseUrl = url;
            target(null);
            hostClient = new HostClient(baseUrl, o.adminUser(), o.adminPassword());
            hostClient.signIn();
            long contestId = createContest(o.participants());
            String code = schedule(contestId);
            key = answerKey(contestId);
            play(contestId, code);
            return new Result(o.participants(), o.concurrency(), o.thinkMs(), o.dayMs(), 0, 0, answersSent.get(),
                    acked.size(), answersLate.get(), -1, 0, 0, -1, -1, List.of(), answerLatency.percentile(50),
                    answerLatency.percentile(95), answerLatency.percentile(99), answerLatency.max(), -1, -1, -1, -1, -1, -1,
                    errorCounts(), 0, -1, -1, 0, -1, -1, -1, -1, -1, null, 0, List.of(), 0, 0, Map.of(), -1, -1, -1, -1,
                    0, "", "");
        } finally {
            if (http != null) {
                http.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void target(ServerProcess server) {
        if (server != null) {
            baseUrl = server.url();
        } else if (baseUrl == null) {
            baseUrl = o.url().replaceAll("/$", "");
        }
        URI u = URI.create(baseUrl);
        host = u.getHost();
        port = u.getPort() > 0 ? u.getPort() : 80;
        if (http != null) {
            http.close();
        }
        // one keep-alive connection per participant in flight at most, as many browsers would hold
        http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(Math.max(8, o.concurrency()))
                .setConnectTimeout(30_000).setIdleTimeout(120));
    }

    // ------------------------------------------------------------------ the contest over REST

    ObjectNode contestBody(int participants) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", "网络答题 benchmark " + participants + "×" + o.perAttempt());
        body.put("mode", "self-paced");
        ObjectNode draw = body.putObject("draw");
        draw.putArray("types").add("single");
        draw.put("count", o.pool());
        draw.put("seed", o.seed());
        body.put("questionsPerAttempt", o.perAttempt());
        body.put("opensAt", Instant.now().minusSeconds(86_400).toString());
        body.put("closesAt", Instant.now().plusSeconds(7 * 86_400).toString());
        body.put("timeLimit", 30);
        body.put("showAnswers", "afterAttempt");
        body.putObject("scoring").put("mode", "accuracy");
        ArrayNode units = body.putArray("units");
        for (String[] u : unitList()) {
            ObjectNode n = units.addObject();
            n.put("name", u[0]);
            if (u[1] != null) {
                n.put("parent", u[1]);
            }
            n.put("headcount", Integer.parseInt(u[2]));
        }
        return body;
    }

    /** {@code units} units: every tenth a top-level 党委, the others its 支部; headcounts between 40 and 200. */
    List<String[]> unitList() {
        List<String[]> out = new ArrayList<>();
        Random r = new Random(o.seed());
        String parent = null;
        for (int i = 0; i < o.units(); i++) {
            if (i % 10 == 0) {
                parent = "第" + (i / 10 + 1) + "党委";
                out.add(new String[]{parent, null, String.valueOf(40 + r.nextInt(160))});
            } else {
                out.add(new String[]{parent + "第" + (i % 10) + "支部", parent, String.valueOf(40 + r.nextInt(160))});
            }
        }
        return out;
    }

    private long createContest(int participants) throws Exception {
        JsonNode c = hostClient.rest("POST", "/api/contests", contestBody(participants).toString(), 201);
        return c.get("id").asLong();
    }

    private String schedule(long contestId) throws Exception {
        return hostClient.rest("POST", "/api/contests/" + contestId + "/actions/open", null, 200).get("code").asText();
    }

    /** The right option of each question of the pool (the host's view), by question id. */
    private Map<String, String> answerKey(long contestId) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (JsonNode q : hostClient.rest("GET", "/api/contests/" + contestId, null, 200).path("questions")) {
            out.put(q.path("questionId").asText(), q.path("answer").get(0).asText());
        }
        return out;
    }

    // ------------------------------------------------------------------ the participants

    private List<Person> play(long contestId, String code) throws Exception {
        List<Person> people = new ArrayList<>();
        List<String[]> units = unitList();
        Random r = new Random(o.seed() * 17);
        for (int i = 0; i < o.participants(); i++) {
            // a skill between 0.3 and 0.95, so that scores (and ranks) spread
            people.add(new Person(i, units.get(r.nextInt(units.size()))[0], 0.3 + 0.65 * r.nextDouble()));
        }
        long[] arrivals = OnlineFigures.arrivals(people.size(), o.dayMs(), o.ramp(), o.seed());
        done = new CountDownLatch(people.size());
        t0Nanos = System.nanoTime();
        Thread poller = o.pollRate() > 0 ? pollRankings(contestId) : null;
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            vertx.setTimer(Math.max(1, arrivals[i]), t -> arrive(p, code));
        }
        long budget = o.dayMs() + 600_000;
        if (!done.await(budget, TimeUnit.MILLISECONDS)) {
            log("%d participants still in flight after %d s", done.getCount(), budget / 1000);
        }
        if (poller != null) {
            poller.interrupt();
            poller.join(5_000);
        }
        long finished = people.stream().filter(p -> p.finished).count();
        log("%d of %d participants finished their attempt; %d answers acknowledged; answer p99 %d ms",
                finished, people.size(), acked.size(), answerLatency.percentile(99));
        return people;
    }

    private long nowMs() {
        return (System.nanoTime() - t0Nanos) / 1_000_000;
    }

    private synchronized void arrive(Person p, String code) {
        waiting.add(p);
        admit(code);
    }

    /** Starts waiting participants while fewer than {@code concurrency} are in flight. */
    private synchronized void admit(String code) {
        while (inFlight < o.concurrency() && !waiting.isEmpty()) {
            Person p = waiting.poll();
            inFlight++;
            lastStartMs = nowMs();
            if (inFlight == o.concurrency() && firstSaturatedMs < 0) {
                firstSaturatedMs = lastStartMs;
            }
            register(p, code).compose(v -> start(p, code)).compose(a -> answerAll(p, a)).onComplete(ar -> {
                if (ar.failed()) {
                    String why = ar.cause().getMessage() == null ? ar.cause().getClass().getSimpleName() : ar.cause().getMessage();
                    if (errors.isEmpty()) {
                        log("participant %d failed: %s", p.n, why);
                    }
                    errors.computeIfAbsent(why.split(":")[0], k -> new AtomicLong()).incrementAndGet();
                } else {
                    p.finished = true;
                }
                left(code);
            });
        }
    }

    private synchronized void left(String code) {
        inFlight--;
        done.countDown();
        admit(code);
    }

    private Future<Void> register(Person p, String code) {
        ObjectNode b = JSON.createObjectNode();
        b.put("name", "选手" + p.n);
        b.put("unit", p.unit);
        long start = System.nanoTime();
        return call(HttpMethod.POST, "/api/self/" + code + "/register", null, b.toString()).compose(r -> {
            if (r.status() == 429) {
                errors.computeIfAbsent("register 429 (retried)", k -> new AtomicLong()).incrementAndGet();
                long wait = r.retryAfter() == null ? 1000 : Long.parseLong(r.retryAfter().trim()) * 1000;
                Promise<Void> again = Promise.promise();
                vertx.setTimer(wait, t -> register(p, code).onComplete(again));
                return again.future();
            }
            if (r.status() != 201 && r.status() != 200) {
                return Future.failedFuture("register " + r.status() + ": " + r.body());
            }
            registerLatency.add((System.nanoTime() - start) / 1_000_000);
            JsonNode n = parse(r.body());
            p.token = n.get("token").asText();
            p.participantId = n.get("participantId").asLong();
            return Future.succeededFuture();
        });
    }

    private Future<JsonNode> start(Person p, String code) {
        long start = System.nanoTime();
        return call(HttpMethod.POST, "/api/self/" + code + "/attempts", p.token, null).compose(r -> {
            if (r.status() != 201 && r.status() != 200) {
                return Future.failedFuture("start " + r.status() + ": " + r.body());
            }
            startLatency.add((System.nanoTime() - start) / 1_000_000);
            JsonNode a = parse(r.body());
            p.attemptId = a.get("attemptId").asLong();
            return Future.succeededFuture(a.get("question"));
        });
    }

    /** Answers the question served, then the next one the response serves, until the attempt is over. */
    private Future<Void> answerAll(Person p, JsonNode question) {
        if (question == null || question.isNull()) {
            return Future.succeededFuture();
        }
        Random r = new Random(o.seed() * 31 + p.n * 7919L + question.path("position").asInt());
        String qid = question.get("id").asText();
        String right = key.get(qid);
        String choice = right;
        if (right == null || r.nextDouble() > p.skill) {
            JsonNode options = question.path("options");
            choice = options.get(r.nextInt(options.size())).get("id").asText();
        }
        long think = Math.max(1, Math.round(o.thinkMs() * (0.5 + r.nextDouble())));
        ObjectNode body = JSON.createObjectNode();
        body.put("questionId", qid);
        body.put("choice", choice);
        body.put("requestId", "r" + p.attemptId + "-" + question.path("position").asInt());
        Promise<Void> out = Promise.promise();
        vertx.setTimer(think, t -> {
            long start = System.nanoTime();
            answersSent.incrementAndGet();
            call(HttpMethod.POST, "/api/self/attempts/" + p.attemptId + "/answers", p.token, body.toString()).compose(resp -> {
                if (resp.status() != 200) {
                    return Future.failedFuture("answer " + resp.status() + ": " + resp.body());
                }
                long now = System.nanoTime();
                answerLatency.add((now - start) / 1_000_000);
                JsonNode n = parse(resp.body());
                JsonNode ack = n.get("ack");
                acked.add(p.attemptId * 1000 + ack.get("position").asInt());
                ackedPerSecond.incrementAndGet((int) Math.min(ackedPerSecond.length() - 1, (now - t0Nanos) / 1_000_000_000L));
                JsonNode next = n.get("question");
                if (next == null || next.isNull()) {
                    finishLatency.add((now - start) / 1_000_000);
                }
                if (!"ACCEPTED".equals(ack.path("status").asText())) {
                    answersLate.incrementAndGet();
                }
                return answerAll(p, n.get("question"));
            }).onComplete(out);
        });
        return out.future();
    }

    private Future<Reply> call(HttpMethod method, String uri, String token, String body) {
        RequestOptions ro = new RequestOptions().setMethod(method).setHost(host).setPort(port).setURI(uri)
                .putHeader("Content-Type", "application/json");
        if (token != null) {
            ro.putHeader("Authorization", "Bearer " + token);
        }
        return http.request(ro).compose(req -> body == null ? req.send() : req.send(Buffer.buffer(body)))
                .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), b.toString(), resp.getHeader("Retry-After"))));
    }

    /** The host's rankings, person page 0 and the unit ranking in turn, {@code pollRate} a second each, on a thread. */
    private Thread pollRankings(long contestId) {
        Thread t = new Thread(() -> {
            long period = 1000 / (2L * o.pollRate());
            boolean person = true;
            while (!Thread.currentThread().isInterrupted()) {
                long s = System.nanoTime();
                try {
                    String by = person ? "person&page=0&size=50" : "unit";
                    HostClient.Reply r = hostClient.call("GET", "/api/contests/" + contestId + "/rankings?by=" + by, null);
                    if (r.status() != 200) {
                        errors.computeIfAbsent("rankings " + r.status(), k -> new AtomicLong()).incrementAndGet();
                    } else {
                        (person ? rankPerson : rankUnit).add((System.nanoTime() - s) / 1_000_000);
                    }
                    person = !person;
                    long left = period - (System.nanoTime() - s) / 1_000_000;
                    if (left > 0) {
                        Thread.sleep(left);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    errors.computeIfAbsent("rankings " + e.getClass().getSimpleName(), k -> new AtomicLong()).incrementAndGet();
                }
            }
        }, "ranking-poller");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ the checks

    /** Every page of GET …/rankings?by=person, as served. */
    private List<Ranked> servedRanking(long contestId) throws Exception {
        List<Ranked> out = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode p = hostClient.rest("GET", "/api/contests/" + contestId + "/rankings?by=person&size=500&page=" + page,
                    null, 200);
            for (JsonNode i : p.path("items")) {
                out.add(new Ranked(i.path("rank").asLong(), i.path("participantId").asLong(), i.path("score").asInt(),
                        i.path("timeMs").asLong(), i.path("finishedAt").asLong()));
            }
            if (p.path("items").isEmpty() || (page + 1) * 500L >= p.path("total").asLong()) {
                return out;
            }
        }
    }

    private static Set<Long> storedAnswers(Connection c, long contestId) throws Exception {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.attempt_id, w.position FROM online_answer w JOIN "
                + "online_attempt a ON a.id = w.attempt_id WHERE a.contest_id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1) * 1000 + rs.getInt(2));
                }
            }
        }
        return out;
    }

    static List<StoredAttempt> storedAttempts(Connection c, long contestId) throws Exception {
        List<StoredAttempt> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT participant_id, status, score, started_at, finished_at "
                + "FROM online_attempt WHERE contest_id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredAttempt(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                            (Long) rs.getObject(5, Long.class)));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ the preload mode: rankings over many rows

    private Result rankingRun(ServerProcess server, long wall0, long clientCpu0) throws Exception {
        hostClient = new HostClient(baseUrl, o.adminUser(), o.adminPassword());
        hostClient.signIn();
        int attempts = (int) (o.preload() / o.perAttempt());
        long contestId = createContest(attempts);
        String code = schedule(contestId);
        String jdbc = o.jdbcUrl();
        String user = o.jdbcUser();
        String password = o.jdbcPassword();
        if (server != null) {
            server.close(); // the embedded database is the server's alone while it runs
            jdbc = h2(server);
            user = "jingda";
            password = "";
        } else if (jdbc == null) {
            throw new IllegalArgumentException("preload needs jdbc=… for a server given by url");
        }
        long p0 = System.currentTimeMillis();
        List<Long> sample;
        String tokenKey;
        try (Connection c = DriverManager.getConnection(jdbc, user, password)) {
            tokenKey = one(c, "SELECT token_key FROM contest WHERE id = " + contestId);
            sample = preload(c, contestId, attempts);
        }
        long preloadMs = System.currentTimeMillis() - p0;
        log("preloaded %d finished attempts (%d answers) in %d ms", attempts, (long) attempts * o.perAttempt(), preloadMs);
        if (server != null) {
            ServerProcess before = server;
            server = ServerProcess.restart(before, "ranking");
            baseUrl = server.url();
            target(server);
            hostClient = new HostClient(baseUrl, o.adminUser(), o.adminPassword());
            hostClient.signIn();
        }
        try {
            double cpu0 = server != null ? server.cpuSeconds() : -1;
            long total = hostClient.rest("GET", "/api/contests/" + contestId + "/rankings?by=person&size=1", null, 200)
                    .path("total").asLong();
            long middle = total / 50 / 2;
            long unitId = hostClient.rest("GET", "/api/contests/" + contestId + "/rankings?by=unit", null, 200)
                    .path("items").get(0).path("unitId").asLong();
            Map<String, long[]> q = new java.util.LinkedHashMap<>();
            q.put("person page 0", measure(i -> hostClient.call("GET", "/api/contests/" + contestId
                    + "/rankings?by=person&page=0&size=50", null)));
            q.put("person page " + middle, measure(i -> hostClient.call("GET", "/api/contests/" + contestId
                    + "/rankings?by=person&page=" + middle + "&size=50", null)));
            q.put("unit ranking", measure(i -> hostClient.call("GET", "/api/contests/" + contestId + "/rankings?by=unit", null)));
            q.put("unit ranking, rolled up", measure(i -> hostClient.call("GET", "/api/contests/" + contestId
                    + "/rankings?by=unit&rollup=parent", null)));
            q.put("person ranking of one unit", measure(i -> hostClient.call("GET", "/api/contests/" + contestId
                    + "/rankings?by=person&unit=" + unitId + "&page=0&size=50", null)));
            q.put("own rank (/me)", measure(i -> {
                long pid = sample.get(i % sample.size());
                return self("/api/self/" + code + "/me", Tokens.token(tokenKey, pid));
            }));
            q.forEach((k, v) -> log("%-28s p50 %d ms, p99 %d ms, max %d ms, first %d ms", k, v[0], v[1], v[2], v[3]));
            if (o.thenPlay()) {
                log("then %d participants on the same contest: a day of %d s, %d in flight, think %d ms", o.participants(),
                        o.dayMs() / 1000, o.concurrency(), o.thinkMs());
                Result played = playAndCheck(server, contestId, code, server != null ? server.cpuSeconds() : -1, wall0, clientCpu0,
                        (long) attempts * o.perAttempt(), preloadMs, q);
                server = null;
                return played;
            }
            double serverCpu = server != null ? server.cpuSeconds() - cpu0 : -1;
            long rss = server != null ? peakRssMb(server.process.pid()) : -1;
            long heap = -1;
            String report = "";
            if (server != null) {
                server.close();
                heap = server.peakHeapMb();
                report = serverReport(server);
                server = null;
            }
            return new Result(attempts, 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, -1, -1, List.of(), -1, -1, -1, -1, -1, -1, -1, -1,
                    -1, -1, errorCounts(), 0, -1, -1, 0, -1, -1, -1, -1, -1, null, (int) total, List.of(),
                    (long) attempts * o.perAttempt(), preloadMs, q, round(serverCpu), heap, rss,
                    round((clientCpuNanos() - clientCpu0) / 1e9), System.currentTimeMillis() - wall0, "preload", report);
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    interface Request {
        HostClient.Reply send(int i) throws Exception;
    }

    /** {@code rankingRequests} requests one after the other: {p50, p99, max, the first one's} in ms. */
    private long[] measure(Request r) throws Exception {
        Stats s = new Stats();
        long first = -1;
        for (int i = 0; i < o.rankingRequests(); i++) {
            long t = System.nanoTime();
            HostClient.Reply reply = r.send(i);
            long ms = (System.nanoTime() - t) / 1_000_000;
            if (reply.status() != 200) {
                throw new IllegalStateException("→ " + reply.status() + ": " + reply.text());
            }
            if (i == 0) {
                first = ms;
            }
            s.add(ms);
        }
        return new long[]{s.percentile(50), s.percentile(99), s.max(), first};
    }

    private final java.net.http.HttpClient plain = java.net.http.HttpClient.newHttpClient();

    private HostClient.Reply self(String path, String token) throws Exception {
        var r = plain.send(java.net.http.HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return new HostClient.Reply(r.statusCode(), null, r.body());
    }

    /**
     * Writes {@code attempts} participants, each with one finished attempt of {@code perAttempt} answers, straight
     * into the tables (batches of 1,000 participants, one transaction each), and the counters the server keeps
     * with them: the participant's counted result, the units' counters and score histograms, the per-question and
     * per-hour counters. Returns a sample of participant ids spread over the ranking (for /me).
     */
    private List<Long> preload(Connection c, long contestId, int attempts) throws Exception {
        c.setAutoCommit(false);
        Map<Integer, Integer> points = new HashMap<>();
        Map<Integer, String> answer = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT idx, points, answer FROM contest_question WHERE contest_id = " + contestId)) {
            while (rs.next()) {
                points.put(rs.getInt(1), rs.getInt(2));
                answer.put(rs.getInt(1), rs.getString(3));
            }
        }
        List<Long> unitIds = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM contest_unit WHERE contest_id = " + contestId + " ORDER BY id")) {
            while (rs.next()) {
                unitIds.add(rs.getLong(1));
            }
        }
        long firstParticipant = Long.parseLong(one(c, nextval(c, "online_participant_seq")));
        long firstAttempt = Long.parseLong(one(c, nextval(c, "online_attempt_seq")));
        int pool = points.size();
        long now = System.currentTimeMillis();
        Random r = new Random(o.seed() * 13);
        Map<Long, long[]> unitCounters = new HashMap<>(); // registered, participants, score sum, full
        Map<Long, Map<Integer, Integer>> histograms = new HashMap<>();
        long[] answeredByQuestion = new long[pool];
        long[] correctByQuestion = new long[pool];
        Map<Long, long[]> hours = new TreeMap<>();
        List<Long> sample = new ArrayList<>();
        try (PreparedStatement pp = c.prepareStatement("INSERT INTO online_participant (id, contest_id, identity_hash, name, "
                + "unit_id, registered_at, attempts, best_attempt, best_score, best_time_ms, best_finished_at) VALUES "
                + "(?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
             PreparedStatement pa = c.prepareStatement("INSERT INTO online_attempt (id, contest_id, participant_id, num, seed, "
                     + "paper, status, position, served_at, started_at, expires_at, finished_at, score, correct_count, answered, "
                     + "fast_answers) VALUES (?, ?, ?, 1, ?, ?, 'FINISHED', ?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement pw = c.prepareStatement("INSERT INTO online_answer (attempt_id, position, question_idx, choice, "
                     + "request_id, status, received_at, response_ms, correct, points) VALUES (?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, ?, ?)")) {
            for (int i = 0; i < attempts; i++) {
                long pid = firstParticipant + i;
                long aid = firstAttempt + i;
                long unit = unitIds.get(r.nextInt(unitIds.size()));
                double skill = 0.3 + 0.65 * r.nextDouble();
                long seed = r.nextLong();
                int[] paper = Paper.draw(pool, o.perAttempt(), seed);
                long started = now - 20 * 3_600_000L + (long) (r.nextDouble() * 19 * 3_600_000L);
                long at = started;
                int score = 0;
                int correctCount = 0;
                for (int pos = 0; pos < paper.length; pos++) {
                    long response = 2_000 + r.nextInt(18_000);
                    at += response;
                    boolean right = r.nextDouble() < skill;
                    int pts = right ? points.get(paper[pos]) : 0;
                    score += pts;
                    correctCount += right ? 1 : 0;
                    answeredByQuestion[paper[pos]]++;
                    correctByQuestion[paper[pos]] += right ? 1 : 0;
                    pw.setLong(1, aid);
                    pw.setInt(2, pos);
                    pw.setInt(3, paper[pos]);
                    pw.setString(4, right ? firstOf(answer.get(paper[pos])) : "\"-\"");
                    pw.setString(5, "p" + aid + "-" + pos);
                    pw.setLong(6, at);
                    pw.setLong(7, response);
                    pw.setBoolean(8, right);
                    pw.setInt(9, pts);
                    pw.addBatch();
                }
                long finished = at;
                pp.setLong(1, pid);
                pp.setLong(2, contestId);
                pp.setString(3, "preload-" + pid);
                pp.setString(4, "预载" + i);
                pp.setLong(5, unit);
                pp.setLong(6, started - 60_000);
                pp.setLong(7, aid);
                pp.setInt(8, score);
                pp.setLong(9, finished - started);
                pp.setLong(10, finished);
                pp.addBatch();
                pa.setLong(1, aid);
                pa.setLong(2, contestId);
                pa.setLong(3, pid);
                pa.setLong(4, seed);
                pa.setString(5, Paper.encode(paper));
                pa.setInt(6, paper.length);
                pa.setLong(7, finished);
                pa.setLong(8, started);
                pa.setLong(9, started + paper.length * 31_000L);
                pa.setLong(10, finished);
                pa.setInt(11, score);
                pa.setInt(12, correctCount);
                pa.setInt(13, paper.length);
                pa.addBatch();
                long[] u = unitCounters.computeIfAbsent(unit, k -> new long[4]);
                u[0]++;
                u[1]++;
                u[2] += score;
                u[3] += correctCount == paper.length ? 1 : 0;
                histograms.computeIfAbsent(unit, k -> new TreeMap<>()).merge(score, 1, Integer::sum);
                long[] h = hours.computeIfAbsent(started / 3_600_000L * 3_600_000L, k -> new long[2]);
                h[0]++;
                h[1] += paper.length;
                if (i % Math.max(1, attempts / 200) == 0) {
                    sample.add(pid);
                }
                if ((i + 1) % 1000 == 0 || i == attempts - 1) {
                    pp.executeBatch();
                    pa.executeBatch();
                    pw.executeBatch();
                    c.commit();
                    if ((i + 1) % 20_000 == 0) {
                        log("preload: %d attempts", i + 1);
                    }
                }
            }
        }
        long nextParticipant = firstParticipant + attempts + 100;
        long nextAttempt = firstAttempt + attempts + 100;
        try (Statement st = c.createStatement()) {
            st.execute("ALTER SEQUENCE online_participant_seq RESTART WITH " + nextParticipant);
            st.execute("ALTER SEQUENCE online_attempt_seq RESTART WITH " + nextAttempt);
        }
        try (PreparedStatement pu = c.prepareStatement("UPDATE contest_unit SET registered = registered + ?, participants = "
                + "participants + ?, score_sum = score_sum + ?, full_count = full_count + ? WHERE contest_id = ? AND id = ?");
             PreparedStatement ph = c.prepareStatement("INSERT INTO online_unit_score (contest_id, unit_id, score, n) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<Long, long[]> e : unitCounters.entrySet()) {
                long[] u = e.getValue();
                pu.setLong(1, u[0]);
                pu.setLong(2, u[1]);
                pu.setLong(3, u[2]);
                pu.setLong(4, u[3]);
                pu.setLong(5, contestId);
                pu.setLong(6, e.getKey());
                pu.addBatch();
                for (Map.Entry<Integer, Integer> s : histograms.get(e.getKey()).entrySet()) {
                    ph.setLong(1, contestId);
                    ph.setLong(2, e.getKey());
                    ph.setInt(3, s.getKey());
                    ph.setInt(4, s.getValue());
                    ph.addBatch();
                }
            }
            pu.executeBatch();
            ph.executeBatch();
        }
        try (PreparedStatement pq = c.prepareStatement("UPDATE online_question_stat SET answered = answered + ?, correct = "
                + "correct + ? WHERE contest_id = ? AND question_idx = ?");
             PreparedStatement ph = c.prepareStatement("INSERT INTO online_hour (contest_id, hour_start, attempts, answers) "
                     + "VALUES (?, ?, ?, ?)")) {
            for (int q = 0; q < pool; q++) {
                pq.setLong(1, answeredByQuestion[q]);
                pq.setLong(2, correctByQuestion[q]);
                pq.setLong(3, contestId);
                pq.setInt(4, q);
                pq.addBatch();
            }
            pq.executeBatch();
            for (Map.Entry<Long, long[]> h : hours.entrySet()) {
                ph.setLong(1, contestId);
                ph.setLong(2, h.getKey());
                ph.setLong(3, h.getValue()[0]);
                ph.setLong(4, h.getValue()[1]);
                ph.addBatch();
            }
            ph.executeBatch();
        }
        c.commit();
        if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return sample;
        }
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE"); // fresh statistics for the planner, as autovacuum would give them soon after
        }
        return sample;
    }

    /** The first option id of a stored answer key (a JSON list of ids), as a stored choice (a JSON string). */
    private static String firstOf(String answerJson) {
        try {
            JsonNode a = JSON.readTree(answerJson);
            return JSON.writeValueAsString(a.isArray() ? a.get(0).asText() : a.asText());
        } catch (Exception e) {
            return "\"-\"";
        }
    }

    private static String nextval(Connection c, String sequence) throws Exception {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
                ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence;
    }

    private static String one(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    // ------------------------------------------------------------------ figures

    private long[] perSecond() {
        long[] out = new long[ackedPerSecond.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ackedPerSecond.get(i);
        }
        return out;
    }

    private static int lastAckSecond(long[] perSecond) {
        for (int i = perSecond.length - 1; i >= 0; i--) {
            if (perSecond[i] > 0) {
                return i;
            }
        }
        return 0;
    }

    private static List<Long> per10s(long[] perSecond, long seconds) {
        List<Long> out = new ArrayList<>();
        for (int s = 0; s < seconds; s += 10) {
            long sum = 0;
            for (int i = s; i < Math.min(seconds, s + 10); i++) {
                sum += perSecond[i];
            }
            out.add(sum / Math.min(10, seconds - s));
        }
        return out;
    }

    private Map<String, Long> errorCounts() {
        Map<String, Long> out = new TreeMap<>();
        errors.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static String h2(ServerProcess server) {
        return "jdbc:h2:file:" + server.dataDir.toAbsolutePath() + "/jingda";
    }

    /** The group commit's own figures from the server log: its summary at shutdown and its slow commits. */
    static String serverReport(List<String> log) {
        List<String> out = new ArrayList<>();
        long slow = 0;
        long slowest = 0;
        java.util.regex.Pattern ms = java.util.regex.Pattern.compile("slow group commit, (\\d+) writes in (\\d+) ms");
        for (String l : log) {
            if (l.contains("online-ledger:") && l.contains("commits (")) {
                out.add(l.substring(l.indexOf("online-ledger:")));
            }
            java.util.regex.Matcher m = ms.matcher(l);
            if (l.contains("online-ledger:") && m.find()) {
                slow++;
                slowest = Math.max(slowest, Long.parseLong(m.group(2)));
            }
        }
        out.add(slow + " slow group commits (over 100 ms), the slowest " + slowest + " ms");
        return String.join("; ", out);
    }

    private static String serverReport(ServerProcess server) throws Exception {
        return serverReport(Files.readAllLines(server.log));
    }

    /** The peak resident set of a process (VmHWM of /proc/pid/status), in MB; -1 where unknown. */
    static long peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    static String summary(Result r) {
        if (r.preloadedAnswers() > 0 && r.answersAcked() > 0) {
            Result ranking = new Result(r.participants(), 0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, -1, -1, List.of(), -1, -1, -1, -1,
                    -1, -1, -1, -1, -1, -1, Map.of(), 0, -1, -1, 0, -1, -1, -1, -1, -1, null, r.rankedParticipants(), List.of(),
                    r.preloadedAnswers(), r.preloadMs(), r.rankingQueries(), -1, -1, -1, -1, -1, "preload", "");
            Result played = new Result(r.participants(), r.concurrency(), r.thinkMs(), r.dayMs(), r.finished(), r.failed(),
                    r.answersSent(), r.answersAcked(), r.answersLate(), r.answersPerSecondSustained(), r.steadyFromMs(),
                    r.steadyToMs(), r.saturatedAtMs(), r.answersPerSecondOverall(), r.answersPer10s(), r.answerP50(), r.answerP95(),
                    r.answerP99(), r.answerMax(), r.finishP50(), r.finishP99(), r.registerP99(), r.registerMax(),
                    r.startP99(), r.startMax(), r.errors(), r.rankPersonRequests(), r.rankPersonP50(), r.rankPersonP99(),
                    r.rankUnitRequests(), r.rankUnitP50(), r.rankUnitP99(), r.dashboardAnswers(), r.storedAnswers(),
                    r.answersLost(), r.rankingMatches(), r.rankedParticipants(), r.rankingDifferences(), 0, 0, Map.of(),
                    r.serverCpuSeconds(), r.serverPeakHeapMb(), r.serverPeakRssMb(), r.clientCpuSeconds(), r.wallMs(),
                    r.dbCheck(), r.serverReport());
            return summary(ranking) + "then, on the same contest:\n" + summary(played);
        }
        if (r.preloadedAnswers() > 0) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, """
                    ==== Jingda self-paced rankings: %d answers preloaded through JDBC in %d ms; %d participants ranked ====
                    """, r.preloadedAnswers(), r.preloadMs(), r.rankedParticipants()));
            r.rankingQueries().forEach((k, v) -> b.append(String.format(Locale.ROOT,
                    "%-28s p50 %d ms, p99 %d ms, max %d ms, first %d ms%n", k, v[0], v[1], v[2], v[3])));
            b.append(String.format(Locale.ROOT, "server           %.1f CPU s, peak heap %d MB, peak RSS %d MB; wall %d ms%n",
                    r.serverCpuSeconds(), r.serverPeakHeapMb(), r.serverPeakRssMb(), r.wallMs()));
            return b.toString();
        }
        return String.format(Locale.ROOT, """
                ==== Jingda self-paced benchmark: %d participants over a day of %d s, %d in flight, think %d ms ====
                participants     %d finished, %d failed; errors %s
                answers          %d sent, %d acknowledged (%d late); sustained %.0f/s over the steady part (%d–%d ms), %.0f/s overall
                                 participants in flight reached the concurrency at %s
                                 per second, mean of each 10 s: %s
                answer latency   p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; the last answer of an attempt (its result, with the rank): p50 %d ms, p99 %d ms
                register, start  p99 %d ms (max %d ms), p99 %d ms (max %d ms)
                rankings polled  by person (page 0): %d, p50 %d ms, p99 %d ms; by unit: %d, p50 %d ms, p99 %d ms
                database         %s: %d answers stored (dashboard: %d), %d acknowledged but lost; ranking of %d recomputed from the attempts matches the served one: %s %s
                server           %.1f CPU s, peak heap %d MB, peak RSS %d MB
                load generator   %.1f CPU s; wall %d ms
                server log       %s
                """, r.participants(), r.dayMs() / 1000, r.concurrency(), r.thinkMs(), r.finished(), r.failed(), r.errors(),
                r.answersSent(), r.answersAcked(), r.answersLate(), r.answersPerSecondSustained(), r.steadyFromMs(),
                r.steadyToMs(), r.answersPerSecondOverall(), r.saturatedAtMs() < 0
                        ? "no time (arrivals, not the concurrency, set the pace)"
                        : r.saturatedAtMs() + " ms (from then on arrivals waited for a place)", r.answersPer10s(), r.answerP50(), r.answerP95(), r.answerP99(),
                r.answerMax(), r.finishP50(), r.finishP99(), r.registerP99(), r.registerMax(), r.startP99(), r.startMax(), r.rankPersonRequests(),
                r.rankPersonP50(), r.rankPersonP99(), r.rankUnitRequests(), r.rankUnitP50(), r.rankUnitP99(), r.dbCheck(),
                r.storedAnswers(), r.dashboardAnswers(), r.answersLost(), r.rankedParticipants(), r.rankingMatches(),
                r.rankingDifferences().isEmpty() ? "" : r.rankingDifferences(), r.serverCpuSeconds(), r.serverPeakHeapMb(),
                r.serverPeakRssMb(), r.clientCpuSeconds(), r.wallMs(), r.serverReport().isEmpty() ? "(none)" : r.serverReport());
    }

    private static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + s, e);
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
