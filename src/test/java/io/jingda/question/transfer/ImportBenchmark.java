package io.jingda.question.transfer;

import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.format.Formats;
import io.jingda.question.format.ImportLimits;
import io.jingda.question.format.ParseResult;
import io.jingda.question.format.ParsedQuestion;
import io.jingda.question.format.QuestionFormat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports a generated 10,000-question XLSX and CSV and prints time and peak heap: reading the
 * file, the rules on every question and duplicate detection, as {@link ImportService} does before
 * it writes (the database insert is not included). Run it (see README) with -Xmx256m so a file
 * that needed more would fail rather than pass slowly.
 */
public final class ImportBenchmark {
    private static final int QUESTIONS = 10_000;

    public static void main(String[] args) throws Exception {
        List<QuestionDto> qs = generate();
        QuestionSetDto set = new QuestionSetDto("bench", "Benchmark", null, null, null, null);
        System.out.printf("JVM max heap %d MB, %d CPUs, Java %s%n", Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (String id : List.of("xlsx", "csv")) {
            QuestionFormat f = Formats.byId(id).orElseThrow();
            byte[] file = f.write(set, qs).data();
            for (int run = 1; run <= 3; run++) {
                System.gc();
                resetPeaks();
                long cpu0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                int n = importPipeline(f, file);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                long cpuMs = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1_000_000;
                System.out.printf("%-4s %,d bytes, %,d questions: run %d: %,d ms wall, %,d ms CPU, peak heap %d MB%n",
                        id, file.length, n, run, ms, cpuMs, peakHeap() >> 20);
            }
        }
        endToEnd(set, qs);
    }

    /**
     * The whole import as an organizer meets it: the packaged server, started with a 256 MB heap,
     * receives each file through POST /api/imports (mode=commit, a new set each time) and writes it
     * to its embedded database. Time is the request's wall time; peak heap is read from the server's
     * GC log (the largest occupancy before a collection, over the whole run including start).
     */
    static void endToEnd(QuestionSetDto set, List<QuestionDto> qs) throws Exception {
        java.nio.file.Path jar = java.nio.file.Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!java.nio.file.Files.exists(jar)) {
            System.out.println("end to end: skipped, run ./mvnw package -DskipTests first");
            return;
        }
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("jingda-import-bench");
        java.nio.file.Path emptyBank = java.nio.file.Files.createDirectories(work.resolve("questions"));
        try (io.jingda.ServerProcess server = io.jingda.ServerProcess.start(jar, work, "256m", "bench-pw", 0,
                List.of("-Djingda.questions.dir=" + emptyBank))) {
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            String auth = java.util.Base64.getEncoder().encodeToString("admin:bench-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String id : List.of("xlsx", "csv")) {
                byte[] file = Formats.byId(id).orElseThrow().write(set, qs).data();
                for (int run = 1; run <= 2; run++) {
                    String boundary = "----jingda" + System.nanoTime();
                    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
                    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\ncommit\r\n"
                            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"newSetTitle\"\r\n\r\nBench " + id + " " + run + "\r\n"
                            + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench." + id
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
                    body.write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    body.write(file);
                    body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    long t0 = System.nanoTime();
                    java.net.http.HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create(server.url() + "/api/imports"))
                            .header("Authorization", "Basic " + auth)
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    if (r.statusCode() != 200 || !r.body().contains("\"committed\":true")) {
                        throw new IllegalStateException("import failed: " + r.statusCode() + " " + r.body().substring(0, Math.min(500, r.body().length())));
                    }
                    System.out.printf("end to end %-4s %,d questions committed: run %d: %,d ms%n", id, qs.size(), run, ms);
                }
            }
            System.out.printf("end to end: server peak heap %d MB (-Xmx256m), server CPU %.1f s%n", server.peakHeapMb(),
                    server.cpuSeconds());
        }
    }

    static int importPipeline(QuestionFormat f, byte[] file) throws Exception {
        ParseResult r = f.parse(file, ImportLimits.DEFAULT);
        Map<String, QuestionDto> byKey = new HashMap<>();
        for (ParsedQuestion pq : r.questions()) {
            QuestionRules.Result res = QuestionRules.check(pq.question(), pq.fieldPrefix());
            if (!res.ok()) {
                throw new IllegalStateException("benchmark data fails the rules: " + res.errors());
            }
            byKey.putIfAbsent(DuplicateKey.of(res.question().stem(), res.question().answer()), res.question());
        }
        if (byKey.size() != QUESTIONS) {
            throw new IllegalStateException("expected " + QUESTIONS + " distinct questions, got " + byKey.size());
        }
        return byKey.size();
    }

    static List<QuestionDto> generate() {
        List<QuestionDto> out = new ArrayList<>(QUESTIONS);
        for (int i = 0; i < QUESTIONS; i++) {
            List<String> options = List.of("选项甲" + i, "选项乙" + i, "选项丙" + i, "选项丁" + i);
            out.add(new QuestionDto("bench-" + i, null, "single",
                    "第" + i + "题：中国共产党第一次全国代表大会于哪一年在上海召开？请从下列选项中选出正确答案。", options,
                    TextNode.valueOf(options.get(i % 4)), null, "解析：1921年7月，中共一大在上海召开，宣告中国共产党正式成立。",
                    null, List.of("党史", "第" + (i % 50) + "组"), 1 + i % 3, 20, 1000));
        }
        return out;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of each heap pool's peak: an upper bound of the heap in use at any moment. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
