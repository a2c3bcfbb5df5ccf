package io.jingda.question.format;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.transfer.TestQuestions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 19: ordering and poll questions through every format that can hold them, and reported by those that cannot. */
class OrderingAndPollFormatsTest {
    private static final QuestionSetDto SET = new QuestionSetDto("s", "新题型", null, "zh-CN", List.of(), null);

    static QuestionDto ordering() {
        var f = JsonNodeFactory.instance;
        return QuestionRules.check(new QuestionDto("ord-1", "s", "ordering", "按时间先后排列。",
                List.of("遵义会议", "中共一大", "七届二中全会", "a|b"),
                f.arrayNode().add("中共一大").add("遵义会议").add("七届二中全会").add("a|b"), null, "顺序如上。", null,
                List.of("党史"), 2, 30, 1000), "").question();
    }

    static QuestionDto poll() {
        return QuestionRules.check(new QuestionDto("poll-1", "s", "poll", "你最喜欢哪个季节？", List.of("春", "夏", "=秋"),
                null, null, null, null, List.of(), 1, 20, 0), "").question();
    }

    private static ParseResult roundTrip(String format, List<QuestionDto> qs) throws FormatException {
        QuestionFormat f = Formats.byId(format).orElseThrow();
        return f.parse(f.write(SET, qs).data(), ImportLimits.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "csv", "xlsx"})
    void orderingAndPollSurviveEveryFieldInTheNativeFormatsAndOurTemplates(String format) throws Exception {
        List<QuestionDto> qs = List.of(ordering(), poll());
        ParseResult back = roundTrip(format, qs);
        assertEquals(List.of(), back.errors(), format);
        assertEquals(qs, Fixtures.checked(back).stream().map(q -> q.withSet("s")).toList(), format);
        assertNull(Fixtures.checked(back).get(1).answer(), "a poll has no answer");
    }

    @Test
    void moodleXmlKeepsAnOrderingAndReportsAPollAsOmitted() throws Exception {
        ExportResult out = new MoodleXmlFormat().write(SET, List.of(ordering(), poll()));
        String xml = new String(out.data(), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<question type=\"ordering\">"), xml);
        assertTrue(xml.contains("<answer fraction=\"1\" format=\"plain_text\"><text>中共一大</text>"), xml);
        assertEquals(1, out.omitted().size());
        assertEquals("poll-1", out.omitted().get(0).questionId());
        assertTrue(out.omitted().get(0).reason().contains("poll"));
        List<QuestionDto> back = Fixtures.checked(new MoodleXmlFormat().parse(out.data(), ImportLimits.DEFAULT));
        assertEquals(1, back.size());
        QuestionDto e = ordering();
        assertEquals(e.type(), back.get(0).type());
        assertEquals(e.stem(), back.get(0).stem());
        assertEquals(e.options(), back.get(0).options());
        assertEquals(e.answer(), back.get(0).answer());
        assertEquals(e.explanation(), back.get(0).explanation());
        assertEquals(e.tags(), back.get(0).tags());
    }

    @Test
    void theOrderingPluginsExportIsReadByItsFractions() throws Exception {
        ParseResult r = Fixtures.parse(new MoodleXmlFormat(), "moodle/ordering-plugin.xml");
        assertEquals(List.of(), r.errors());
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals(2, qs.size());
        assertEquals("ordering", qs.get(0).type());
        assertEquals("按时间先后排列下列会议。", qs.get(0).stem());
        assertEquals(List.of("中共一大", "遵义会议", "七届二中全会"), texts(qs.get(0)));
        assertEquals(List.of("Modular", "Object", "Oriented", "Dynamic"), texts(qs.get(1)), "sorted by fraction");
        List<String> warned = r.warnings().stream().map(ImportProblem::field).toList();
        assertEquals(List.of("selecttype", "gradingtype"), warned, r.warnings().toString());
        assertTrue(r.warnings().get(0).line() != null, "the warning names the line");
    }

    private static List<String> texts(QuestionDto q) {
        List<String> out = new ArrayList<>();
        q.answer().forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void giftAndAikenReportBothAsSkipped() {
        List<QuestionDto> qs = new ArrayList<>(TestQuestions.all().subList(0, 1));
        qs.add(ordering());
        qs.add(poll());
        ExportResult gift = new GiftFormat().write(SET, qs);
        assertEquals(List.of("ord-1", "poll-1"), gift.omitted().stream().map(ExportResult.Omission::questionId).toList());
        assertTrue(gift.omitted().get(0).reason().contains("ordering"));
        String text = new String(gift.data(), StandardCharsets.UTF_8);
        assertTrue(!text.contains("按时间先后排列") && !text.contains("季节"), text);
        ExportResult aiken = new AikenFormat().write(SET, qs);
        assertEquals(List.of("ord-1", "poll-1"), aiken.omitted().stream().map(ExportResult.Omission::questionId).toList());
    }

    @Test
    void theCsvTemplateTakesOrderLettersChineseTypeNamesAndRefusesAPollAnswer() throws Exception {
        String csv = "type,stem,options,answer\n"
                + "排序题,按时间排列,遵义会议|中共一大|七届二中全会,BAC\n"
                + "投票,喜欢哪个？,春|夏,\n"
                + "poll,有答案的投票,春|夏,春\n";
        ParseResult r = new CsvFormat().parse(csv.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertEquals(List.of(), r.errors());
        QuestionDto ord = QuestionRules.check(r.questions().get(0).question(), "").question();
        assertEquals(List.of("中共一大", "遵义会议", "七届二中全会"), texts(ord));
        assertEquals("poll", QuestionRules.check(r.questions().get(1).question(), "").question().type());
        QuestionRules.Result bad = QuestionRules.check(r.questions().get(2).question(), "");
        assertEquals(List.of("answer"), bad.errors().stream().map(io.jingda.system.FieldError::field).toList());
        assertTrue(bad.errors().get(0).message().contains("a poll has no correct answer"));
    }

    @Test
    void theTemplatesHaveAnExampleOfEachNewType() throws Exception {
        for (String format : List.of("csv", "xlsx")) {
            QuestionFormat f = Formats.byId(format).orElseThrow();
            byte[] template = io.jingda.question.transfer.ExportService.template(f);
            List<String> types = Fixtures.checked(f.parse(template, ImportLimits.DEFAULT)).stream()
                    .map(QuestionDto::type).toList();
            assertTrue(types.contains("ordering") && types.contains("poll"), format + " " + types);
        }
    }
}
