package io.jingda.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The generator split over several processes ({@code processes=N}): each has its own file descriptors
 * (20,000 a process on these machines), its own CPU figure and its own loopback source addresses.
 * The parent (slice 0) starts the server, drives the host and plays its own participants; each child
 * (slice k) joins and plays participants {@code i ≡ k (mod N)} of the same contest, says "ready" once its
 * WebSockets are connected, and at the end writes its samples and its participants' outcomes to a file,
 * which the parent merges into one set of figures.
 */
final class PlayerProcesses implements AutoCloseable {
    static final String READY = "[child] ready";
    /** A child says it once warm (after its own warm-up contest, if any), and waits for the contest on its input. */
    static final String WARM = "[child] warm";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which share of the participants this process plays: {@code i % processes == index}. */
    record Split(int processes, int index, long contestId, String code, Path results) {
        static final Split ONE = new Split(1, 0, -1, null, null);

        static Split parse(Map<String, String> a) {
            int processes = Integer.parseInt(a.getOrDefault("processes", "1"));
            int index = Integer.parseInt(a.getOrDefault("slice", "0"));
            if (processes < 1 || index < 0 || index >= processes) {
                throw new IllegalArgumentException("processes must be ≥ 1 and slice in 0.." + (processes - 1)
                        + ", not processes=" + processes + " slice=" + index);
            }
            String results = a.get("results");
            return new Split(processes, index, Long.parseLong(a.getOrDefault("contest", "-1")), a.get("code"),
                    results == null || results.isBlank() ? null : Path.of(results));
        }

        /** Reads the contest to play from {@code in}: one line {@code contest=<id> code=<code>}, after {@link #WARM}. */
        Split withContest(java.io.InputStream in) throws java.io.IOException {
            System.out.println(WARM);
            String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            java.util.regex.Matcher m = line == null ? null
                    : java.util.regex.Pattern.compile("contest=(\\d+) code=(\\S+)").matcher(line.trim());
            if (m == null || !m.matches()) {
                throw new IllegalStateException("expected 'contest=<id> code=<code>' from the parent, not " + line);
            }
            return new Split(processes, index, Long.parseLong(m.group(1)), m.group(2), results);
        }

        boolean mine(int participant) {
            return participant % processes == index;
        }

        boolean child() {
            return index > 0;
        }
    }

    /** One participant played by a child, as the database check needs it. */
    record Outcome(long participantId, long finalScore, boolean connected, List<String> acked) {
    }

    /** What a child measured: the same counters and samples as the parent's, for its share. */
    record ChildResult(int joined, int connected, long joinTotalMs, long answersSent, long accepted, long rejectedLate,
                       long lateSentAccepted, long frames, long bytes, long ackMissing, long join429s, double cpuSeconds,
                       Map<String, long[]> samples, Map<String, long[]> lbByQuestion, Map<String, long[]> lbReceipts,
                       List<Outcome> players) {
        void write(Path file) throws Exception {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        static ChildResult read(Path file) throws Exception {
            return JSON.readValue(file.toFile(), ChildResult.class);
        }
    }

    private final List<Process> children = new ArrayList<>();
    private final List<Path> results = new ArrayList<>();
    private final CountDownLatch warm;
    private final CountDownLatch ready;

    private PlayerProcesses(int count) {
        this.warm = new CountDownLatch(count);
        this.ready = new CountDownLatch(count);
    }

    /**
     * Starts children 1..processes-1 with this JVM's class path; {@code args} are the generator's own
     * arguments for them (server URL, contest, code, sizes). Their output goes to {@code log}, prefixed, and
     * to {@code child-k.log} in {@code workDir}.
     */
    static PlayerProcesses start(int processes, String clientHeap, List<String> args, Path workDir,
                                 Consumer<String> log) throws Exception {
        PlayerProcesses p = new PlayerProcesses(processes - 1);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int k = 1; k < processes; k++) {
            Path result = workDir.resolve("child-" + k + "-" + System.nanoTime() + ".json");
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + clientHeap, "-cp",
                    System.getProperty("java.class.path"), LoadGenerator.class.getName()));
            cmd.addAll(args);
            cmd.add("processes=" + processes);
            cmd.add("slice=" + k);
            cmd.add("results=" + result.toAbsolutePath());
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            Path childLog = workDir.resolve("child-" + k + ".log");
            p.children.add(child);
            p.results.add(result);
            int slice = k;
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8));
                     java.io.PrintWriter out = new java.io.PrintWriter(Files.newBufferedWriter(childLog), true)) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        out.println(line);
                        if (line.startsWith(WARM)) {
                            p.warm.countDown();
                        }
                        if (line.startsWith(READY)) {
                            p.ready.countDown();
                        }
                        log.accept("process " + slice + ": " + line);
                    }
                } catch (Exception e) {
                    log.accept("process " + slice + ": output lost: " + e.getMessage());
                }
            }, "child-" + k);
            reader.setDaemon(true);
            reader.start();
        }
        return p;
    }

    /** Waits until every child is warm and waits for the contest (or one has died). */
    void awaitWarm(long timeoutMs) throws InterruptedException {
        await(warm, "warm", timeoutMs);
    }

    /** Tells every child the contest to join and play. */
    void play(long contestId, String code) throws java.io.IOException {
        for (Process child : children) {
            java.io.OutputStream in = child.getOutputStream();
            in.write(("contest=" + contestId + " code=" + code + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }
    }

    /** Waits until every child has connected its participants (or one has died). */
    void awaitReady(long timeoutMs) throws InterruptedException {
        await(ready, "ready", timeoutMs);
    }

    private void await(CountDownLatch latch, String what, long timeoutMs) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMs;
        while (!latch.await(200, TimeUnit.MILLISECONDS)) {
            for (int k = 0; k < children.size(); k++) {
                if (!children.get(k).isAlive()) {
                    throw new IllegalStateException("generator process " + (k + 1) + " exited with "
                            + children.get(k).exitValue() + " before it was " + what);
                }
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("generator processes not " + what + " after " + timeoutMs + " ms");
            }
        }
    }

    /** Waits for every child to finish, and reads what each measured. */
    List<ChildResult> results(long timeoutMs) throws Exception {
        List<ChildResult> out = new ArrayList<>();
        for (int k = 0; k < children.size(); k++) {
            Process c = children.get(k);
            if (!c.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("generator process " + (k + 1) + " did not end");
            }
            if (c.exitValue() != 0 || !Files.exists(results.get(k))) {
                throw new IllegalStateException("generator process " + (k + 1) + " exited with " + c.exitValue()
                        + " and no results");
            }
            out.add(ChildResult.read(results.get(k)));
        }
        return out;
    }

    @Override
    public void close() {
        children.stream().filter(Process::isAlive).forEach(Process::destroy);
    }
}
