package io.jingda.bench;

import io.jingda.ServerProcess;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The servers of the multi-node live benchmark ({@code nodes=N}): N packaged servers (built with the
 * {@code pg} profile) on one fresh PostgreSQL database of their own, and, when N is 2 or more, in
 * cluster mode with distinct node ids on a redis-server started here on a free port (no persistence),
 * so that its CPU can be read from /proc. {@code nodes=1} is the single node to compare with: the same
 * jar and database, cluster mode off, no Redis.
 */
final class ClusterNodes implements AutoCloseable {
    static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    static final String DB = "jingda_bench_nodes";

    final List<ServerProcess> servers = new ArrayList<>();
    private Process redis;
    private int redisPort = -1;
    private final boolean cluster;

    private ClusterNodes(boolean cluster) {
        this.cluster = cluster;
    }

    /** Creates the database afresh, starts Redis (cluster mode) and the nodes, node 1 first. */
    static ClusterNodes start(int nodes, Path jar, Path workDir, String heap, String adminPassword, int participants,
                              List<String> extra) throws Exception {
        ClusterNodes c = new ClusterNodes(nodes > 1);
        try {
            recreateDatabase();
            if (c.cluster) {
                c.startRedis(workDir);
            }
            for (int i = 1; i <= nodes; i++) {
                List<String> props = new ArrayList<>(extra);
                props.add("-Dquarkus.profile=pg");
                props.add("-DJINGDA_DB_URL=" + PG + DB);
                props.add("-DJINGDA_DB_USER=postgres");
                props.add("-Djingda.cluster.enabled=" + c.cluster);
                props.add("-Djingda.cluster.node-id=node-" + i);
                if (c.cluster) {
                    props.add("-DJINGDA_REDIS_URL=redis://127.0.0.1:" + c.redisPort);
                }
                c.servers.add(ServerProcess.start(jar, Files.createDirectories(workDir.resolve("node-" + i)), heap,
                        adminPassword, participants, props));
            }
            return c;
        } catch (Exception e) {
            c.close();
            throw e;
        }
    }

    /** The nodes' base URLs, comma-separated (the generator's {@code url} form for several nodes). */
    String urls() {
        return servers.stream().map(ServerProcess::url).collect(Collectors.joining(","));
    }

    String jdbcUrl() {
        return PG + DB;
    }

    /** Each node's CPU seconds so far, node 1 first. */
    List<Double> serverCpu() {
        return servers.stream().map(ServerProcess::cpuSeconds).toList();
    }

    /** Redis's CPU seconds so far (0 without Redis). */
    double redisCpu() {
        return redis == null ? 0 : ServerProcess.cpuSecondsOf(redis.pid());
    }

    /** Redis's {@code INFO stats} counters (total_net_input_bytes, total_net_output_bytes, …); empty without Redis. */
    Map<String, Long> redisStats() {
        Map<String, Long> stats = new LinkedHashMap<>();
        if (redis == null) {
            return stats;
        }
        try (Socket s = new Socket("127.0.0.1", redisPort)) {
            OutputStream out = s.getOutputStream();
            out.write("*2\r\n$4\r\nINFO\r\n$5\r\nstats\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String header = line(in); // $<length>
            int length = Integer.parseInt(header.substring(1));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            for (String l : body.split("\r\n")) {
                int i = l.indexOf(':');
                if (i > 0 && l.substring(i + 1).matches("\\d+")) {
                    stats.put(l.substring(0, i), Long.parseLong(l.substring(i + 1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            stats.put("error", -1L);
        }
        return stats;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    /** Graceful stop of every node, then Redis; the database stays for the check. */
    void stopServers() throws Exception {
        for (ServerProcess s : servers) {
            s.process.destroy();
        }
        for (ServerProcess s : servers) {
            s.close();
        }
        if (redis != null) {
            redis.destroy();
            if (!redis.waitFor(10, TimeUnit.SECONDS)) {
                redis.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stopServers();
        try {
            dropDatabase();
        } catch (Exception e) {
            System.out.println("[bench] could not drop " + DB + ": " + e.getMessage());
        }
    }

    private void startRedis(Path workDir) throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            redisPort = s.getLocalPort();
        }
        Path log = workDir.resolve("redis.log");
        redis = new ProcessBuilder("redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", workDir.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            try (Socket ignored = new Socket("127.0.0.1", redisPort)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("redis-server did not start:\n" + Files.readString(log));
    }

    private static void recreateDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DB);
        }
    }

    private static void dropDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }
}
