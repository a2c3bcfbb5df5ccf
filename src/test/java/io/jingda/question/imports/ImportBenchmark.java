package io.jingda.question.imports;

import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.io.Formats;
import io.jingda.question.io.ImportLimits;
import io.jingda.question.io.ParseResult;
import io.jingda.question.io.ParsedQuestion;
import io.jingda.question.io.QuestionFormat;

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
