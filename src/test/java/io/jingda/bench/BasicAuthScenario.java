package io.jingda.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jingda.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Host actions through HTTP Basic, with and without the cache of verified sign-ins (issue 20,
 * {@code jingda.auth.basic-cache.*}): {@code -Dbench.scenario=basic-auth}. For each mode it starts the
 * packaged server on a fresh H2 directory, the admin creates a host account, the host creates one contest,
 * then makes {@code warmupCalls} unmeasured calls (JIT) and {@code calls} measured ones, one after the
 * other, alternating {@code GET /api/contests/{id}} and {@code POST /api/contests} (a new contest drawn
 * from the seeded bank), each with the Basic header. Modes: {@code off} (ttl=0: bcrypt on every call, as
 * before), {@code on} (the default ttl), and {@code session} (the same calls on the "on" server with a
 * form sign-in's session cookie: the floor, no password check at all). Latencies are at the client; the
 * server's CPU (user + system, /proc) over the measured calls is divided by their number.
 */
final class BasicAuthScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOST = "bench-host";
    private static final String HOST_PASSWORD = "bench-host-password";

    /** One mode's figures, in milliseconds. */
    record Figures(String mode, int calls, long p50, long p99, long max, long getP50, long postP50,
                   double serverCpuMsPerCall, long wallMs) {
        String json() {
            return String.format(java.util.Locale.ROOT,
                    "{\"mode\":\"%s\",\"calls\":%d,\"p50\":%d,\"p99\":%d,\"max\":%d,\"getP50\":%d,\"postP50\":%d,"
                            + "\"serverCpuMsPerCall\":%.2f,\"wallMs\":%d}",
                    mode, calls, p50, p99, max, getP50, postP50, serverCpuMsPerCall, wallMs);
        }

        String line() {
            return String.format(java.util.Locale.ROOT,
                    "%-8s %d calls: p50 %d ms, p99 %d ms, max %d ms (GET p50 %d, POST p50 %d); server CPU %.2f ms/call; %.1f s",
                    mode, calls, p50, p99, max, getP50, postP50, serverCpuMsPerCall, wallMs / 1000.0);
        }
    }

    private final int calls;
    private final int warmupCalls;
    private final Path jar;
    private final String heap;
    private final String adminPassword;
    private final Path workDir;

    private BasicAuthScenario(Map<String, String> a) {
        this.calls = Integer.parseInt(a.getOrDefault("calls", "200"));
        this.warmupCalls = Integer.parseInt(a.getOrDefault("warmupCalls", "100"));
        this.jar = Path.of(a.getOrDefault("jar", "target/quarkus-app/quarkus-run.jar"));
        this.heap = a.getOrDefault("heap", "1g");
        this.adminPassword = a.getOrDefault("password", "bench-admin-pw");
        this.workDir = Path.of(a.getOrDefault("workDir", "target/bench"));
    }

    public static void main(String[] args) {
        try {
            List<Figures> all = new BasicAuthScenario(LoadGenerator.Options.arguments(args)).run();
            all.forEach(f -> System.out.println(f.json())); // first: a summary that fails to format loses no figures
            all.forEach(f -> System.out.println(f.line()));
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(2);
        }
    }

    List<Figures> run() throws Exception {
        Files.createDirectories(workDir);
        List<Figures> all = new ArrayList<>();
        try (ServerProcess off = start("off", "-Djingda.auth.basic-cache.ttl=0s")) {
            all.add(measure("off", off, new HostClient(off.url(), HOST, HOST_PASSWORD)));
        }
        try (ServerProcess on = start("on", null)) {
            all.add(measure("on", on, new HostClient(on.url(), HOST, HOST_PASSWORD)));
            HostClient session = new HostClient(on.url(), HOST, HOST_PASSWORD);
            if (!session.signIn()) {
                throw new IllegalStateException("the form sign-in issued no session cookie");
            }
            all.add(measure("session", on, session));
        }
        return all;
    }

    private ServerProcess start(String mode, String option) throws Exception {
        List<String> extra = new ArrayList<>(LoadGenerator.serverOptions());
        if (option != null) {
            extra.add(option);
        }
        log("%s: starting the packaged server (%s, -Xmx%s) %s", mode, jar, heap, option == null ? "" : option);
        ServerProcess server = ServerProcess.start(jar, Files.createTempDirectory(workDir, "auth-" + mode + "-"), heap,
                adminPassword, 0, extra);
        HostClient admin = new HostClient(server.url(), "admin", adminPassword);
        admin.rest("POST", "/api/accounts", "{\"username\":\"" + HOST + "\",\"password\":\"" + HOST_PASSWORD
                + "\",\"roles\":[\"host\"]}", 201);
        return server;
    }

    private Figures measure(String mode, ServerProcess server, HostClient host) throws Exception {
        long id = host.rest("POST", "/api/contests", contest(0), 201).get("id").asLong();
        for (int i = 0; i < warmupCalls; i++) {
            call(host, id, i);
        }
        Stats all = new Stats();
        Stats gets = new Stats();
        Stats posts = new Stats();
        double cpu0 = server.cpuSeconds();
        long wall0 = System.currentTimeMillis();
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            call(host, id, warmupCalls + i);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            all.add(ms);
            (i % 2 == 0 ? gets : posts).add(ms);
        }
        long wall = System.currentTimeMillis() - wall0;
        double cpuMs = (server.cpuSeconds() - cpu0) * 1000 / calls;
        Figures f = new Figures(mode, calls, all.percentile(50), all.percentile(99), all.max(), gets.percentile(50),
                posts.percentile(50), cpuMs, wall);
        log("%s", f.line());
        return f;
    }

    private static void call(HostClient host, long id, int i) throws Exception {
        if (i % 2 == 0) {
            host.rest("GET", "/api/contests/" + id, null, 200);
        } else {
            host.rest("POST", "/api/contests", contest(i), 201);
        }
    }

    private static String contest(int i) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", "Basic auth " + i);
        ObjectNode draw = body.putObject("draw");
        draw.put("count", 3);
        draw.put("seed", i);
        body.put("timeLimit", 20);
        return body.toString();
    }

    private static void log(String format, Object... args) {
        System.err.printf("[basic-auth] " + format + "%n", args);
    }
}
