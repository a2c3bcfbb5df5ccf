package io.jingda.question.transfer;

import io.jingda.media.MediaStore;
import io.jingda.media.MediaUrls;
import io.jingda.question.format.NativeZipFormat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionMapper;
import io.jingda.question.QuestionRepository;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.QuestionSetRepository;
import io.jingda.question.SourceDto;
import io.jingda.question.format.CsvFormat;
import io.jingda.question.format.ExportResult;
import io.jingda.question.format.QuestionFormat;
import io.jingda.question.format.XlsxFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** Writes a set in any format, and the blank templates. */
@ApplicationScoped
public class ExportService {
    private final QuestionSetRepository sets;
    private final QuestionRepository questions;
    private final MediaStore media;

    public ExportService(QuestionSetRepository sets, QuestionRepository questions, MediaStore media) {
        this.sets = sets;
        this.questions = questions;
        this.media = media;
    }

    @Transactional
    public Optional<ExportResult> export(String setId, QuestionFormat format) {
        return sets.findByIdOptional(setId).map(s -> {
            QuestionSetDto header = QuestionMapper.toDto(s, null);
            List<QuestionDto> list = questions.listBySet(setId).stream().map(QuestionMapper::toDto).toList();
            java.util.function.Function<String, Optional<byte[]>> pictures = url -> MediaUrls.parse(url)
                    .flatMap(ref -> media.content(ref.sha256(), ref.kind()));
            if (format instanceof NativeZipFormat zip) {
                return zip.write(header, list, pictures);
            }
            if (format instanceof io.jingda.question.format.MoodleXmlFormat moodle) {
                return moodle.write(header, list, pictures);
            }
            return format.write(header, list);
        });
    }

    /** The file name of an export: the set id and the format's usual extension. */
    public static String fileName(String setId, QuestionFormat format) {
        return setId + switch (format.id()) {
            case "moodle-xml" -> ".xml";
            case "aiken" -> ".aiken.txt";
            default -> "." + format.id();
        };
    }

    /** A template with one example row for each question type. */
    public static byte[] template(QuestionFormat format) {
        QuestionSetDto set = new QuestionSetDto("example", "示例题库", null, "zh-CN", List.of(), null);
        return format.write(set, examples()).data();
    }

    static List<QuestionDto> examples() {
        var f = JsonNodeFactory.instance;
        return List.of(
                new QuestionDto(null, null, "single", "中国共产党第一次全国代表大会在哪一年召开？",
                        List.of("1919年", "1921年", "1927年", "1949年"), TextNode.valueOf("1921年"), null,
                        "1921年7月，中共一大在上海召开。", new SourceDto("report.txt", "中共一大在上海召开", null),
                        List.of("党史", "年份"), 1, 20, 1000),
                new QuestionDto(null, null, "multiple", "下列哪些城市是直辖市？",
                        List.of("北京", "上海", "杭州", "重庆"), f.arrayNode().add("北京").add("上海").add("重庆"), null,
                        "答案可写选项原文（用 | 分隔），也可写字母，如 ABD。", null, List.of("地理"), 2, 30, 1000),
                new QuestionDto(null, null, "true_false", "长江是中国最长的河流。", null,
                        com.fasterxml.jackson.databind.node.BooleanNode.TRUE, null, "判断题答案写 true/false（或 对/错）。",
                        null, List.of(), 1, 15, 1000),
                new QuestionDto(null, null, "text", "“两个确立”中的第一个是确立谁的核心地位？（填空）", null,
                        f.arrayNode().add("习近平同志").add("习近平"), null, "可接受的答案用 | 分隔。", null,
                        List.of(), 2, 30, 1000),
                new QuestionDto(null, null, "numeric", "2021年是中国共产党成立多少周年？", null,
                        com.fasterxml.jackson.databind.node.LongNode.valueOf(100), 0.0, "数值题可在 tolerance 列写允许误差。",
                        null, List.of("数字"), 1, 20, 1000),
                new QuestionDto(null, null, "ordering", "按时间先后排列下列事件。",
                        List.of("遵义会议", "中共一大", "七届二中全会"), f.arrayNode().add("中共一大").add("遵义会议").add("七届二中全会"),
                        null, "排序题答案按正确顺序写选项原文（用 | 分隔），也可写字母，如 BAC。", null, List.of("党史"), 2, 30, 1000),
                new QuestionDto(null, null, "poll", "你最想了解哪段历史？（投票，不计分）",
                        List.of("建党", "长征", "改革开放"), null, null, "投票题没有答案，答案列留空。", null, List.of(), 1, 20, 0));
    }

    public static boolean hasTemplate(QuestionFormat f) {
        return f instanceof CsvFormat || f instanceof XlsxFormat;
    }
}
