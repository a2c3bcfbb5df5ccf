package io.jingda;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged server (target/quarkus-app) started as a child process on a fresh H2 data
 * directory, with a GC log so the benchmark can report peak heap, and /proc for CPU time.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    public final Path dataDir;
    public final Path gcLog;
    public final Path log;
    public final int port;
    public final Process process;
    private final Path jar;
    private final String heap;
    private final List<String> props;

    private ServerProcess(Path jar, String heap, List<String> props, Path dataDir, Path gcLog, Path log, int port,
                          Process process) {
        this.jar = jar;
        this.heap = heap;
        this.props = props;
        this.dataDir = dataDir;
        this.gcLog = gcLog;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts the packaged server with its database under {@code workDir/data}; the admin password and
     * the extra system properties are passed on. Joins run under the server's own limits: only failed
     * joins are limited per address, so one test client can join everyone.
     */
    public static ServerProcess start(Path jar, Path workDir, String heap, String adminPassword, int participants,
                                      List<String> extraProps) throws Exception {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " does not exist: run ./mvnw package -DskipTests first");
        }
        List<String> props = new ArrayList<>(List.of("-Djingda.admin.password=" + adminPassword,
                "-Djingda.contest.max-participants=" + Math.max(20000, participants),
                "-Dquarkus.log.category.\"io.jingda\".level=WARN"));
        props.addAll(extraProps);
        return launch(jar, heap, props, Files.createDirectories(workDir.resolve("data")), workDir, "");
    }

    /** Starts the server again on the same data directory (after a kill or a stop), on a new port. */
    public static ServerProcess restart(ServerProcess previous, String suffix) throws Exception {
        return launch(previous.jar, previous.heap, previous.props, previous.dataDir, previous.dataDir.getParent(),
                "-" + suffix);
    }

    private static ServerProcess launch(Path jar, String heap, List<String> props, Path data, Path workDir,
                                        String suffix) throws Exception {
        Path gc = workDir.resolve("gc" + suffix + ".log");
        Path log = workDir.resolve("server" + suffix + ".log");
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Xlog:gc:file=" + gc,
                "-Djingda.data-dir=" + data.toAbsolutePath(), "-Dquarkus.http.port=" + port));
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", jar.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess s = new ServerProcess(jar, heap, props, data, gc, log, port, p);
        s.awaitReady();
        return s;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void awaitReady() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet listening
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server did not become ready:\n" + Files.readString(log));
    }

    /** User plus system CPU seconds of the server process so far (Linux /proc). */
    public double cpuSeconds() {
        return cpuSecondsOf(process.pid());
    }

    public static double cpuSecondsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The largest heap occupancy the GC log shows (before a collection), in MB. */
    public long peakHeapMb() {
        long peak = -1;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_LINE.matcher(line);
                while (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return peak;
    }

    /** Graceful stop (SIGTERM), so the embedded database can be opened by the check afterwards. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
