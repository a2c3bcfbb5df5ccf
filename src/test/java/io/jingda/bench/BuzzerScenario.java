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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's buzzer scenario (issue 16): a contest of {@code teams} teams of {@code teamSize} with one
 * buzzer round; on every {@code buzzOpen} each member presses {@code buzz} at a random moment within
 * {@code pressWithin} ms of receiving it. It measures, at every client, the time from the first buzz sent
 * (the earliest send of all clients: one JVM, one {@link System#nanoTime} clock) to the {@code buzzWinner}
 * frame, and, since server and generator share the machine's wall clock, also from the server's receipt of
 * the winning buzz ({@code openedAt + reactionMs}, millisecond resolution). It checks that the winner is the
 * client that sent first (a mismatch is reported with the send gap: the server decides by its receive
 * order, and two sends microseconds apart on different connections can arrive the other way round), that
 * every other buzz is refused as ALREADY_WON or TOO_LATE, that every client names the same winner, and that
 * the team standings in {@code finished} equal the base score plus the {@code judged} points.
 *
 * <pre>./mvnw -Pbench package -DskipTests exec:exec@bench -Dbench.scenario=buzzer</pre>
 * Arguments ({@code key=value}): teams (16), teamSize (6), questions (10), reading (readingSeconds, 1),
 * pressWithin (ms, 50), judge (answer: the winner answers in the client | skip: the host voids each
 * question), warmupQuestions (questions of an unmeasured buzzer contest played first on the same server,
 * 0), url, heap, deflate, seed, user, password, jar, workDir.
 */
public final class BuzzerScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int EVENT_LOOPS = LoadGenerator.EVENT_LOOPS;
    static final int BASE_SCORE = 100;

    /** The scenario's parameters. */
    public record Options(String url, int teams, int teamSize, int questions, int readingSeconds, int pressWithinMs,
                          boolean answer, int warmupQuestions, String adminUser, String adminPassword, Path jar,
                          String heap, long seed, Path workDir, boolean quiet, boolean deflate) {

        static Options parse(Map<String, String> a) {
            String judge = a.getOrDefault("judge", "answer");
            if (!judge.equals("answer") && !judge.equals("skip")) {
                throw new IllegalArgumentException("judge must be answer or skip, not '" + judge + "'");
            }
            String url = a.get("url");
            return new Options(url == null || url.isBlank() ? null : url,
                    Integer.parseInt(a.getOrDefault("teams", "16")), Integer.parseInt(a.getOrDefault("teamSize", "6")),
                    Integer.parseInt(a.getOrDefault("questions", "10")), Integer.parseInt(a.getOrDefault("reading", "1")),
                    Integer.parseInt(a.getOrDefault("pressWithin", "50")), judge.equals("answer"),
                    Integer.parseInt(a.getOrDefault("warmupQuestions", "0")),
                    a.getOrDefault("user", "admin"), a.getOrDefault("password", "bench-admin-pw"),
                    Path.of(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar")), a.getOrDefault("heap", "1g"),
                    Long.parseLong(a.getOrDefault("seed", "2021")), Path.of(a.getOrDefault("workDir", "target/bench")),
                    Boolean.parseBoolean(a.getOrDefault("quiet", "false")),
                    Boolean.parseBoolean(a.getOrDefault("deflate", "true")));
        }

        int members() {
            return teams * teamSize;
        }
    }

    /** What the run measured: the run's own figures and the buzzer's ({@link BuzzerFigures}). */
    public record Result(int teams, int teamSize, int questions, int warmupQuestions, String judge, int joined,
                         int connected, int questionsPlayed, BuzzerFigures buzz, long answersSent, long answersAccepted,
                         Map<String, Long> framesNotRead, double serverCpuSeconds, long serverPeakHeapMb,
                         double clientCpuSeconds, long clientLagP99Ms, long clientLagMaxMs, long wallMs,
                         String serverReport) {
        public String json() {
            try {
                return JSON.writeValueAsString(this);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One team member; its socket's frames are handled on that connection's event loop. */
    static final class Member {
        final int n;
        final int teamId;
        volatile long participantId;
        volatile String token;
        volatile WebSocket ws;

        Member(int n, int teamId) {
            this.n = n;
            this.teamId = teamId;
        }
    }

    private final Options o;
    private final Vertx vertx;
    private final Map<String, BuzzTrack> tracks = new ConcurrentHashMap<>();
    private final BlockingQueue<BuzzTrack> opened = new LinkedBlockingQueue<>();
    private final AtomicInteger trackOrder = new AtomicInteger();
    private final AtomicLong buzzesSent = new AtomicLong();
    private final AtomicLong answersSent = new AtomicLong();
    private final AtomicLong answersAccepted = new AtomicLong();
    private final Map<String, Long> unexpectedFrames = new ConcurrentHashMap<>();
    private final Stats clientLag = new Stats();
    private volatile boolean playing;
    private volatile JsonNode finishedTeams;
    private volatile CountDownLatch finished;
    private List<Member> members;
    private HostClient hostClient;
    private String baseUrl;
    private String host;
    private int port;

    public BuzzerScenario(Options o) {
        this.o = o;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(EVENT_LOOPS).setBlockedThreadCheckInterval(10_000));
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(LoadGenerator.Options.arguments(args));
        Result r;
        try {
            r = new BuzzerScenario(o).run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
            return;
        }
        System.out.println(summary(r));
        System.out.println(r.json());
        System.exit(0);
    }

    public Result run() throws Exception {
        long t0 = System.currentTimeMillis();
        long clientCpu0 = clientCpuNanos();
        ServerProcess server = null;
        Files.createDirectories(o.workDir());
        try {
            if (o.url() == null) {
                log("starting the packaged server (%s, -Xmx%s)", o.jar(), o.heap());
                List<String> extra = LoadGenerator.serverOptions();
                server = ServerProcess.start(o.jar(), Files.createTempDirectory(o.workDir(), "buzz-"), o.heap(),
                        o.adminPassword(), o.members(), extra);
                baseUrl = server.url();
            } else {
                baseUrl = o.url().replaceAll("/$", "");
            }
            java.net.URI u = java.net.URI.create(baseUrl);
            host = u.getHost();
            port = u.getPort() > 0 ? u.getPort() : 80;
            if (o.warmupQuestions() > 0) {
                warmUp();
            }
            double serverCpu0 = server != null ? server.cpuSeconds() : -1;

            hostClient = new HostClient(baseUrl, o.adminUser(), o.adminPassword());
            hostClient.signIn();
            JsonNode contest = hostClient.rest("POST", "/api/contests", contestBody().toString(), 201);
            long contestId = contest.get("id").asLong();
            for (String w : iterable(contest.path("warnings"))) {
                log("contest warning: %s", w);
            }
            String code = action(contestId, "open", null).get("code").asText();
            // team ids are 1..N in the order given; the DTO's own ids are used when it lists them
            List<Integer> teamIds = new ArrayList<>();
            JsonNode listed = contest.path("settings").path("teams");
            (listed.isArray() ? listed : contest.path("teams")).forEach(t -> teamIds.add(t.path("id").asInt()));
            if (teamIds.size() != o.teams()) {
                log("the contest lists %d teams, not %d: team ids 1..%d assumed", teamIds.size(), o.teams(), o.teams());
                teamIds.clear();
                for (int t = 1; t <= o.teams(); t++) {
                    teamIds.add(t);
                }
            }
            members = new ArrayList<>();
            for (int i = 0; i < o.members(); i++) {
                members.add(new Member(i, teamIds.get(i / o.teamSize())));
            }
            log("contest %d open with code %s; %d members join %d teams", contestId, code, o.members(), o.teams());
            int joined = join(code);
            int connected = connect(contestId);
            log("joined %d, connected %d", joined, connected);
            if (connected < o.members()) {
                throw new IllegalStateException("only " + connected + " of " + o.members() + " connected");
            }
            finished = new CountDownLatch(connected);
            playing = true;
            loops().probeLag(clientLag, () -> playing);
            int played = play(contestId);
            boolean allFinished = finished.await(30, TimeUnit.SECONDS);
            playing = false;
            if (!allFinished) {
                log("%d members never received 'finished'", finished.getCount());
            }
            double serverCpu = server != null ? server.cpuSeconds() - serverCpu0 : -1;
            for (Member m : members) {
                if (m.ws != null) {
                    m.ws.close();
                }
            }
            long peakHeap = -1;
            String serverReport = "";
            if (server != null) {
                server.close();
                peakHeap = server.peakHeapMb();
                serverReport = Files.readAllLines(server.log).stream()
                        .filter(l -> l.contains("answer ledger:") || l.contains("receipt to ack"))
                        .map(l -> l.substring(l.indexOf(") ") + 2)).collect(java.util.stream.Collectors.joining("; "));
                server = null;
            }
            return result(joined, connected, played, serverCpu, peakHeap, clientCpu0, t0, serverReport);
        } finally {
            if (server != null) {
                server.close();
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** An unmeasured buzzer contest on the same server first, so that the measured one runs JIT-compiled code. */
    private void warmUp() throws Exception {
        log("warm-up: a buzzer contest of %d questions, not measured", o.warmupQuestions());
        Options w = new Options(baseUrl, o.teams(), o.teamSize(), o.warmupQuestions(), o.readingSeconds(),
                o.pressWithinMs(), o.answer(), 0, o.adminUser(), o.adminPassword(), o.jar(), o.heap(), o.seed() + 1,
                o.workDir(), true, o.deflate());
        Result r = new BuzzerScenario(w).run();
        log("warm-up done: p99 from the first buzz to buzzWinner %.1f ms", r.buzz().fromFirstSendP99Us() / 1000.0);
    }

    // ------------------------------------------------------------------ the contest over REST

    ObjectNode contestBody() {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", "Buzzer benchmark " + o.teams() + "×" + o.teamSize() + "×" + o.questions());
        ArrayNode teams = body.putArray("teams");
        for (int t = 1; t <= o.teams(); t++) {
            teams.addObject().put("name", "队" + t + " Team " + t);
        }
        body.put("teamPick", "participants");
        body.put("teamSize", o.teamSize());
        body.put("baseScore", BASE_SCORE);
        body.put("maxParticipants", Math.max(o.members(), 10));
        ObjectNode round = body.putArray("rounds").addObject();
        round.put("kind", "buzzer");
        round.put("title", "抢答题");
        ObjectNode draw = round.putObject("draw");
        draw.put("count", o.questions());
        draw.put("seed", o.seed());
        round.put("readingSeconds", o.readingSeconds());
        round.put("buzzSeconds", 10);
        round.put("falseStart", "penalty");
        round.put("answerMode", "client");
        round.put("answerSeconds", 20);
        round.put("rightPoints", 10);
        round.put("wrongPoints", 10);
        round.put("rebound", false);
        return body;
    }

    private JsonNode action(long id, String action, String body) throws Exception {
        return hostClient.rest("POST", "/api/contests/" + id + "/actions/" + action, body, 200);
    }

    private static List<String> allowed(JsonNode dto) {
        List<String> out = new ArrayList<>();
        dto.path("allowedActions").forEach(a -> out.add(a.asText()));
        return out;
    }

    private static List<String> iterable(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    // ------------------------------------------------------------------ joining and connecting

    private int join(String code) throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(16).setKeepAlive(true));
        try {
            return bounded(members.size(), "join", i -> {
                Member m = members.get(i);
                String body = "{\"code\":\"" + code + "\",\"nickname\":\"b" + i + "\",\"teamId\":" + m.teamId + "}";
                return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost(host).setPort(port)
                                .setURI("/api/join").putHeader("Content-Type", "application/json"))
                        .compose(req -> req.send(Buffer.buffer(body)))
                        .compose(resp -> resp.body().compose(buf -> {
                            if (resp.statusCode() != 200) {
                                return Future.failedFuture(new IllegalStateException("→ " + resp.statusCode() + " " + buf));
                            }
                            JsonNode n = parse(buf.toString());
                            if (n.path("teamId").asLong(-1) != m.teamId) {
                                return Future.failedFuture(new IllegalStateException("asked for team " + m.teamId
                                        + ", joined " + n.path("teamId")));
                            }
                            m.participantId = n.get("participantId").asLong();
                            m.token = n.get("token").asText();
                            return Future.succeededFuture(buf);
                        }));
            });
        } finally {
            client.close();
        }
    }

    private int connect(long contestId) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setTryUsePerMessageCompression(o.deflate()).setMaxConnections(o.members() + 10).setConnectTimeout(60_000));
        return bounded(members.size(), "connect", i -> {
            Member m = members.get(i);
            if (m.token == null) {
                return null;
            }
            Promise<Void> ready = Promise.promise();
            return client.connect(new WebSocketConnectOptions().setHost(host).setPort(port)
                            .setURI("/ws/play/" + contestId + "?token=" + m.token))
                    .compose(ws -> {
                        m.ws = ws;
                        ws.textMessageHandler(text -> onFrame(m, text, ready));
                        return ready.future();
                    });
        });
    }

    /** Runs {@code task} for 0..n-1, 32 in flight on every event loop; how many succeeded. */
    private int bounded(int n, String what, java.util.function.IntFunction<Future<?>> task) throws Exception {
        return loops().bounded(n, 32, java.time.Duration.ofMinutes(5), what, task,
                (i, e) -> log("%s %d: %s", what, i, e.getMessage()));
    }

    // ------------------------------------------------------------------ the game

    /** The host's side: start, then per question next, wait for the buzz and the judgement, reveal. */
    private int play(long contestId) throws Exception {
        JsonNode dto = action(contestId, "start", null);
        log("started: phase %s, allowed %s", dto.path("phase").asText(), allowed(dto));
        int played = 0;
        for (int q = 0; q < o.questions(); q++) {
            dto = action(contestId, "next", null);
            BuzzTrack t = opened.poll(30, TimeUnit.SECONDS);
            if (t == null) {
                throw new IllegalStateException("question " + (q + 1) + " never arrived (phase "
                        + dto.path("phase").asText() + ", allowed " + allowed(dto) + ")");
            }
            played++;
            long waitMs = (o.readingSeconds() + 10 + 5) * 1000L;
            if (!t.winners.await(waitMs, TimeUnit.MILLISECONDS)) {
                log("question %d: %d members got no buzzWinner", q + 1, t.winners.getCount());
            }
            if (o.answer()) {
                if (!t.judgedAll.await(25, TimeUnit.SECONDS)) {
                    log("question %d: %d members got no judged", q + 1, t.judgedAll.getCount());
                }
            } else {
                dto = action(contestId, "skip", null);
                t.judgedAll.await(10, TimeUnit.SECONDS);
            }
            // the engine closes the question on its own timer once the judgement is in: wait for the close
            long until = System.currentTimeMillis() + 5_000;
            dto = hostClient.rest("GET", "/api/contests/" + contestId, null, 200);
            List<String> allowed = allowed(dto);
            while (!allowed.contains("reveal") && !allowed.contains("next") && System.currentTimeMillis() < until) {
                Thread.sleep(20);
                dto = hostClient.rest("GET", "/api/contests/" + contestId, null, 200);
                allowed = allowed(dto);
            }
            if (!allowed.contains("reveal") && allowed.contains("skip")) {
                log("question %d still %s after the judgement: skip", q + 1, dto.path("phase").asText());
                dto = action(contestId, "skip", null);
                allowed = allowed(dto);
            }
            if (allowed.contains("reveal")) {
                dto = action(contestId, "reveal", null);
                allowed = allowed(dto);
            }
            log("question %d/%d: winner %s (reaction %d ms), judged %s %s; then %s", q + 1, o.questions(),
                    t.winnerPid.get(), t.reactionMs, t.judgedCorrect, t.judgedPoints.get(), allowed);
            Thread.sleep(200); // the reveal frames arrive before the next question
            if (q == o.questions() - 1) {
                // the last question of the last regular round: 'next' finishes the contest, as 'finish' does
                action(contestId, allowed.contains("finish") ? "finish" : "next", null);
            }
        }
        return played;
    }

    private BuzzTrack track(String qid) {
        return tracks.computeIfAbsent(qid, k -> {
            BuzzTrack t = new BuzzTrack(k, trackOrder.getAndIncrement(), o.members());
            opened.add(t);
            return t;
        });
    }

    private void onFrame(Member m, String text, Promise<Void> ready) {
        long nanos = System.nanoTime();
        long now = System.currentTimeMillis();
        JsonNode f = parse(text);
        String type = f.path("type").asText();
        switch (type) {
            case "state" -> ready.tryComplete();
            case "question" -> {
                BuzzTrack t = track(f.path("questionId").asText());
                if (t.question == null) {
                    t.question = f;
                }
            }
            case "buzzOpen" -> onBuzzOpen(m, f, now);
            case "buzzWinner" -> track(f.path("questionId").asText()).winner(m.n, f.path("participantId").asLong(),
                    f.path("teamId").asLong(), f.path("reactionMs").asLong(-1), nanos, now);
            case "buzzRefused" -> track(f.path("questionId").asText()).refusal.compareAndSet(m.n, null,
                    f.path("reason").asText());
            case "turn" -> onTurn(m, f);
            case "ack" -> {
                if (f.path("accepted").asBoolean()) {
                    answersAccepted.incrementAndGet();
                } else {
                    log("member %d: answer refused %s", m.n, f.path("reason").asText());
                }
            }
            case "judged" -> track(f.path("questionId").asText()).judged(f.path("teamId").asLong(-1),
                    f.path("points").asLong(), f.path("correct").isBoolean() ? f.path("correct").asBoolean() : null,
                    f.path("reason").asText(null));
            case "finished" -> {
                if (finishedTeams == null) {
                    finishedTeams = f.path("teams");
                }
                CountDownLatch l = finished;
                if (l != null) {
                    l.countDown();
                }
            }
            case "round", "reveal", "leaderboard", "closed", "lobby", "pong", "status" -> {
            }
            default -> unexpectedFrames.merge(type, 1L, Long::sum);
        }
    }

    /** Each member presses within pressWithin ms of seeing the buzz open, as people react to what they see. */
    private void onBuzzOpen(Member m, JsonNode f, long now) {
        String qid = f.path("questionId").asText();
        BuzzTrack t = track(qid);
        t.openedAt = f.path("openedAt").asLong();
        t.openEpochMs.set(m.n, now);
        Random r = new Random(o.seed() * 31 + m.n * 7919L + qid.hashCode());
        long delay = 1 + r.nextInt(Math.max(1, o.pressWithinMs()));
        String buzz = "{\"type\":\"buzz\",\"questionId\":\"" + qid + "\",\"requestId\":\"b" + m.n + "-" + t.order + "\"}";
        vertx.setTimer(delay, id -> {
            t.sentNanos.set(m.n, System.nanoTime());
            buzzesSent.incrementAndGet();
            m.ws.writeTextMessage(buzz);
        });
    }

    /** The buzz winner answers in the client (a random option) as soon as its turn starts. */
    private void onTurn(Member m, JsonNode f) {
        if (!o.answer() || f.path("participantId").asLong() != m.participantId) {
            return;
        }
        BuzzTrack t = track(f.path("questionId").asText());
        if (t.question == null) {
            log("member %d: its turn on %s, whose question frame it never saw", m.n, t.qid);
            return;
        }
        if (t.answered.getAndIncrement() > 0) {
            return; // a second turn frame for the same turn
        }
        String answer = LoadGenerator.answerFrame(t.question, t.qid, new Random(o.seed() + t.qid.hashCode()));
        answersSent.incrementAndGet();
        m.ws.writeTextMessage(answer);
    }

    // ------------------------------------------------------------------ figures

    private Result result(int joined, int connected, int played, double serverCpu, long peakHeap, long clientCpu0,
                          long t0, String serverReport) {
        long[] pids = members.stream().mapToLong(m -> m.participantId).toArray();
        int[] teamIds = members.stream().mapToInt(m -> m.teamId).toArray();
        BuzzerFigures buzz = BuzzerFigures.of(List.copyOf(tracks.values()), pids, teamIds, finishedTeams, BASE_SCORE);
        return new Result(o.teams(), o.teamSize(), o.questions(), o.warmupQuestions(), o.answer() ? "answer" : "skip",
                joined, connected, played, buzz, answersSent.get(), answersAccepted.get(), new TreeMap<>(unexpectedFrames),
                round(serverCpu), peakHeap, round((clientCpuNanos() - clientCpu0) / 1e9), clientLag.percentile(99),
                clientLag.max(), System.currentTimeMillis() - t0, serverReport);
    }

    /** The readable summary printed before the JSON line. */
    static String summary(Result r) {
        BuzzerFigures b = r.buzz();
        return String.format(Locale.ROOT, """
                ==== Jingda buzzer benchmark: %d teams × %d members, %d questions (warm-up before it: %d questions; judge: %s) ====
                joined           %d, connected %d; %d questions played, %d buzzes sent
                buzzWinner       from the first buzz sent, at each client: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d frames, %d missing)%s
                                 from the server's receipt of the winning buzz (wall clock): p50 %d ms, p99 %d ms, max %d ms
                                 p99 per question (ms): %s
                buzzOpen         openedAt → receipt at the client: p50 %d ms, p99 %d ms; the winners' reactionMs: p50 %d, max %d
                winner           the first sender in %d of %d questions; mismatches: %s; buzzWinner frames naming another winner: %d
                refusals         %s; %d unexpected, %d to the winner, %d losing buzzes without a reply
                judgement        %d answers sent, %d accepted; %d judged %s, %d right; team scores match the judged frames: %s (%s)
                server           %.1f CPU s, peak heap %d MB
                load generator   %.1f CPU s; its event loops ran late by p99 %d ms, max %d ms while playing; wall %d ms; frames not read: %s
                server log       %s
                """, r.teams(), r.teamSize(), r.questions(), r.warmupQuestions(), r.judge(), r.joined(), r.connected(),
                r.questionsPlayed(), b.buzzesSent(), b.fromFirstSendP50Us() / 1000.0, b.fromFirstSendP95Us() / 1000.0,
                b.fromFirstSendP99Us() / 1000.0, b.fromFirstSendMaxUs() / 1000.0, b.winnerFrames(), b.winnerFramesMissing(),
                b.meetsTarget() ? " — p99 under 50 ms ✓" : " — target (p99 under 50 ms) missed ✗",
                b.fromReceiptP50Ms(), b.fromReceiptP99Ms(), b.fromReceiptMaxMs(),
                b.fromFirstSendP99ByQuestionUs().stream().map(us -> String.format(Locale.ROOT, "%.1f", us / 1000.0)).toList(),
                b.buzzOpenP50Ms(), b.buzzOpenP99Ms(),
                b.reactionP50Ms(), b.reactionMaxMs(), b.winnerIsFirstSender(), b.questions(),
                b.mismatches().isEmpty() ? "none" : b.mismatches(), b.winnerDisagreements(), b.refusals(),
                b.unexpectedRefusals(), b.winnerRefused(), b.unansweredBuzzes(), r.answersSent(), r.answersAccepted(),
                b.judged(), b.judgedReasons(), b.judgedCorrect(), b.teamScoresMatch(), b.teamScores(), r.serverCpuSeconds(),
                r.serverPeakHeapMb(), r.clientCpuSeconds(), r.clientLagP99Ms(), r.clientLagMaxMs(), r.wallMs(),
                r.framesNotRead(), r.serverReport().isEmpty() ? "(a server given by url)" : r.serverReport());
    }

    // ------------------------------------------------------------------ helpers

    private ClientLoops loops;

    private ClientLoops loops() throws Exception {
        if (loops == null) {
            loops = new ClientLoops(vertx, EVENT_LOOPS);
        }
        return loops;
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
            System.out.printf(Locale.ROOT, "[buzzer] " + fmt + "%n", args);
        }
    }
}
