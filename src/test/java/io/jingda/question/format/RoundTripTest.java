package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.transfer.TestQuestions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An export read back gives the same questions, as far as each format can hold them. */
class RoundTripTest {
    private static final QuestionSetDto SET = new QuestionSetDto("s", "往返 Set", "d", "zh-CN", List.of("t"), null);

    private static List<QuestionDto> roundTrip(String format, List<QuestionDto> qs) throws FormatException {
        QuestionFormat f = Formats.byId(format).orElseThrow();
        ExportResult out = f.write(SET, qs);
        ParseResult back = f.parse(out.data(), ImportLimits.DEFAULT);
        assertEquals(List.of(), back.errors(), format);
        return Fixtures.checked(back).stream().map(q -> q.withSet("s")).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"yaml", "json", "csv", "xlsx"})
    void everyFieldSurvives(String format) throws Exception {
        assertEquals(TestQuestions.all(), roundTrip(format, TestQuestions.all()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gift", "moodle-xml"})
    void questionContentSurvives(String format) throws Exception {
        List<QuestionDto> back = roundTrip(format, TestQuestions.all());
        List<QuestionDto> expected = TestQuestions.all();
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < expected.size(); i++) {
            QuestionDto e = expected.get(i);
            QuestionDto b = back.get(i);
            assertEquals(e.id(), b.id(), format);
            assertEquals(e.type(), b.type(), format);
            assertEquals(e.stem(), b.stem(), format);
            assertEquals(e.options(), b.options(), format);
            assertEquals(e.answer(), b.answer(), format + " " + e.id());
            assertEquals(e.tolerance(), b.tolerance(), format);
            assertEquals(e.explanation(), b.explanation(), format);
            if (format.equals("moodle-xml")) {
                assertEquals(e.tags(), b.tags());
            }
        }
    }

    @Test
    void aikenKeepsSingleAnswerQuestionsAndListsTheRest() throws Exception {
        ExportResult out = new AikenFormat().write(SET, TestQuestions.all());
        assertEquals(5, out.omitted().size());
        assertTrue(out.omitted().get(0).reason().contains("single-answer"));
        List<QuestionDto> back = Fixtures.checked(new AikenFormat().parse(out.data(), ImportLimits.DEFAULT));
        QuestionDto e = TestQuestions.all().get(0);
        assertEquals(1, back.size());
        assertEquals(e.stem(), back.get(0).stem());
        assertEquals(e.options(), back.get(0).options());
        assertEquals(e.answer(), back.get(0).answer());
    }

    @Test
    void nativeRefusesHostileJsonQuickly() {
        NativeSetFormat json = new NativeSetFormat(NativeFormat.Syntax.JSON);
        for (String f : List.of("hostile/deep.json", "hostile/invalid-utf8.json", "hostile/truncated.json")) {
            FormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                    () -> assertThrows(FormatException.class, () -> Fixtures.parse(json, f)));
            assertTrue(!e.getMessage().isBlank(), f);
        }
    }

    @Test
    void detectsFormatsFromNamesAndContent() {
        assertEquals("gift", Formats.detect("quiz.txt", Fixtures.bytes("gift/moodle-teacher.gift")).orElseThrow().id());
        assertEquals("aiken", Formats.detect("quiz.txt", Fixtures.bytes("aiken/questions.txt")).orElseThrow().id());
        assertEquals("moodle-xml", Formats.detect(null, Fixtures.bytes("moodle/moodle-export.xml")).orElseThrow().id());
        assertEquals("xlsx", Formats.detect("upload", Fixtures.bytes("xlsx/kahoot-template.xlsx")).orElseThrow().id());
        assertEquals("yaml", Formats.detect("a.yml", new byte[0]).orElseThrow().id());
    }
}
