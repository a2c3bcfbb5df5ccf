package io.jingda.question;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.load.BankLoader;
import io.jingda.question.load.LoadReport;
import io.jingda.system.JsonText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The seeded bank of questions/, loaded through the real loader, against every rule of the bank
 * that code can check. Where the five report texts are present (jingda.reports.dir, env
 * JINGDA_REPORTS_DIR, default ../shared/reports) it also checks every excerpt against its report.
 */
@QuarkusTest
class SeededBankTest {
    static final List<String> REPORTS = List.of("000_464910fd62c3cc8c.txt", "001_ad064c3f8b927a52.txt",
            "002_67e40d34bb47b71a.txt", "003_3ffef64d0b6c4b29.txt", "004_482eecf055e9753a.txt");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{1,2}月\\d{1,2}日|[一二三四五六七八九十]{1,3}月");

    @Inject
    BankLoader loader;
    @Inject
    QuestionRepository questions;
    @Inject
    QuestionSetRepository sets;

    List<Question> bank;
    List<QuestionSet> bankSets;

    /** The reports' own headlines, as ../shared/reports/README.md lists them. */
    static final Map<String, String> TITLES = Map.of(
            "000_464910fd62c3cc8c.txt", "辽宁省强化细化深化党史学习教育 汲取全面振兴全方位振兴力量",
            "001_ad064c3f8b927a52.txt", "部分省市党史学习教育领导小组办公室负责同志座谈会发言摘编",
            "002_67e40d34bb47b71a.txt", "讲好雷锋故事 赓续精神血脉——抚顺市以弘扬和传承雷锋精神为主线推动党史学习教育走深走实",
            "003_3ffef64d0b6c4b29.txt", "吉林省加强组织领导，精心谋划部署 “严新细实”抓好党史学习教育",
            "004_482eecf055e9753a.txt", "学史力行办实事 为民解难谋福祉——我区开展党史学习教育成效综述");

    @Test
    void everySetNamesTheTitleOfEachReportItsQuestionsCite() {
        Map<String, QuestionSet> byId = new HashMap<>();
        bankSets.forEach(s -> byId.put(s.id, s));
        for (Question q : bank) {
            Map<String, String> reports = byId.get(q.setId).reports;
            assertThat(reports).as("set %s: reports", q.setId).containsKey(q.sourceReport);
            assertThat(reports.get(q.sourceReport)).as("title of %s in set %s", q.sourceReport, q.setId)
                    .isEqualTo(TITLES.get(q.sourceReport));
        }
    }

    @BeforeEach
    void load() {
        LoadReport report = loader.load(Path.of("questions"));
        assertThat(report.failed()).as("files of questions/ that failed to load: %s", report.results()).isZero();
        Set<String> setIds = new HashSet<>();
        report.results().forEach(r -> setIds.add(r.set()));
        bank = QuarkusTransaction.requiringNew().call(() -> questions.list("setId in ?1", setIds));
        bankSets = QuarkusTransaction.requiringNew().call(() -> sets.list("id in ?1", setIds));
    }

    @Test
    void sizeAndSpreadOverTheFiveReports() {
        assertThat(bank).hasSizeGreaterThanOrEqualTo(250);
        Map<String, Integer> perReport = new HashMap<>();
        bank.forEach(q -> perReport.merge(q.sourceReport, 1, Integer::sum));
        assertThat(perReport.keySet()).containsExactlyInAnyOrderElementsOf(REPORTS);
        perReport.forEach((r, n) -> assertThat(n).as("questions from %s", r).isGreaterThanOrEqualTo(30));
    }

    @Test
    void typeMix() {
        Map<QuestionType, Integer> perType = new HashMap<>();
        bank.forEach(q -> perType.merge(q.type, 1, Integer::sum));
        double n = bank.size();
        assertThat(perType.getOrDefault(QuestionType.SINGLE, 0) / n).isGreaterThanOrEqualTo(0.40);
        assertThat(perType.getOrDefault(QuestionType.NUMERIC, 0) / n).isGreaterThanOrEqualTo(0.15);
        assertThat(perType.getOrDefault(QuestionType.TRUE_FALSE, 0) / n).isGreaterThanOrEqualTo(0.10);
        assertThat(perType.getOrDefault(QuestionType.MULTIPLE, 0) / n).isGreaterThanOrEqualTo(0.10);
        assertThat(perType.getOrDefault(QuestionType.TEXT, 0) / n).isGreaterThanOrEqualTo(0.10);
    }

    @Test
    void setsHaveChineseTitlesAndBilingualDescriptions() {
        assertThat(bankSets).hasSizeGreaterThanOrEqualTo(5);
        for (QuestionSet s : bankSets) {
            assertThat(s.title).as("title of %s", s.id).containsPattern("\\p{IsHan}");
            assertThat(s.description).as("description of %s", s.id).containsPattern("\\p{IsHan}").containsPattern("[A-Za-z]{3,}");
            assertThat(s.language).isEqualTo("zh-CN");
        }
    }

    @Test
    void everyQuestionHasItsRequiredFields() {
        List<String> problems = new ArrayList<>();
        Set<String> stems = new HashSet<>();
        for (Question q : bank) {
            String id = q.id;
            if (!REPORTS.contains(q.sourceReport)) {
                problems.add(id + ": source.report '" + q.sourceReport + "' is not one of the five reports");
            }
            if (q.sourceExcerpt == null || q.sourceExcerpt.isBlank()) {
                problems.add(id + ": no source.excerpt");
            } else if (q.sourceExcerpt.codePointCount(0, q.sourceExcerpt.length()) > 40) {
                problems.add(id + ": excerpt longer than 40 characters");
            }
            if (q.explanation == null || q.explanation.isBlank()) {
                problems.add(id + ": no explanation");
            }
            if (q.tags.size() < 2) {
                problems.add(id + ": needs a region tag and a theme tag, has " + q.tags);
            }
            if (q.difficulty < 1 || q.difficulty > 3) {
                problems.add(id + ": difficulty " + q.difficulty);
            }
            if (!q.stem.matches(".*\\p{IsHan}.*")) {
                problems.add(id + ": stem is not Chinese");
            }
            if (!stems.add(q.stem.strip())) {
                problems.add(id + ": duplicate stem");
            }
            if (DATE.matcher(q.stem).find() && !q.stem.contains("年")) {
                problems.add(id + ": a date question must say which year");
            }
            JsonNode answer = JsonText.tree(q.answer);
            if (q.type == QuestionType.SINGLE && !q.options.contains(answer.asText())) {
                problems.add(id + ": answer is not among the options");
            }
            if (q.type == QuestionType.MULTIPLE) {
                answer.forEach(a -> {
                    if (!q.options.contains(a.asText())) {
                        problems.add(id + ": answer " + a + " is not among the options");
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyExcerptOccursVerbatimInItsReportAndShowsTheAnswer() throws Exception {
        Path dir = reportsDir();
        assumeTrue(Files.isDirectory(dir), "report texts not present at " + dir.toAbsolutePath());
        Map<String, String> texts = new HashMap<>();
        for (String r : REPORTS) {
            texts.put(r, Files.readString(dir.resolve(r), StandardCharsets.UTF_8));
        }
        List<String> problems = new ArrayList<>();
        for (Question q : bank) {
            String text = texts.get(q.sourceReport);
            String ex = q.sourceExcerpt;
            if (text == null || ex == null) {
                continue;
            }
            if (!text.contains(ex)) {
                problems.add(q.id + ": excerpt not found verbatim in " + q.sourceReport + ": " + ex);
                continue;
            }
            JsonNode a = JsonText.tree(q.answer);
            switch (q.type) {
                case SINGLE -> {
                    if (!shows(ex, a.asText())) {
                        problems.add(q.id + ": the excerpt does not show the correct option '" + a.asText() + "'");
                    }
                }
                case MULTIPLE -> a.forEach(o -> {
                    if (!shows(ex, o.asText())) {
                        problems.add(q.id + ": the excerpt does not show the correct option '" + o.asText() + "'");
                    }
                });
                case TEXT -> {
                    boolean any = false;
                    for (JsonNode o : a) {
                        any |= ex.contains(o.asText());
                    }
                    if (!any) {
                        problems.add(q.id + ": no accepted answer appears in the excerpt");
                    }
                }
                case NUMERIC -> {
                    String n = a.isIntegralNumber() ? Long.toString(a.asLong()) : a.asText();
                    if (!NUMBER.matcher(ex).results().map(m -> m.group()).anyMatch(n::equals)) {
                        problems.add(q.id + ": the number " + n + " does not appear in the excerpt");
                    }
                }
                default -> {
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The option's text appears in the excerpt, or (for options like "19人") its number does. */
    private static boolean shows(String excerpt, String option) {
        if (excerpt.contains(option)) {
            return true;
        }
        Matcher m = NUMBER.matcher(option);
        List<String> nums = new ArrayList<>();
        while (m.find()) {
            nums.add(m.group());
        }
        return !nums.isEmpty() && nums.stream().allMatch(excerpt::contains);
    }

    static Path reportsDir() {
        String p = System.getProperty("jingda.reports.dir");
        if (p == null || p.isBlank()) {
            p = System.getenv().getOrDefault("JINGDA_REPORTS_DIR", "../shared/reports");
        }
        return Path.of(p);
    }
}
