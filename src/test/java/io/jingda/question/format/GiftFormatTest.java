package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GiftFormatTest {
    private final GiftFormat gift = new GiftFormat();

    @Test
    void readsEveryKindTeachersWrite() throws Exception {
        ParseResult r = Fixtures.parse(gift, "gift/moodle-teacher.gift");
        assertEquals("语文常识", r.category());
        assertEquals(List.of(), r.errors());
        List<QuestionDto> qs = Fixtures.checked(r);
        QuestionDto q1 = qs.get(0);
        assertEquals("Q1", q1.id());
        assertEquals("single", q1.type());
        assertEquals("鲁迅的原名是？", q1.stem());
        assertEquals(List.of("周树人", "周作人", "周建人"), q1.options());
        assertEquals("周树人", q1.answer().asText());
        assertEquals("鲁迅原名周树人，字豫才。", q1.explanation());
        assertEquals(4, r.questions().get(0).position().line());

        QuestionDto q2 = qs.get(1);
        assertEquals("multiple", q2.type());
        assertEquals("[\"2\",\"5\"]", q2.answer().toString());

        assertEquals("true_false", qs.get(2).type());
        assertEquals(false, qs.get(2).answer().asBoolean());
        assertEquals(true, qs.get(3).answer().asBoolean());

        assertEquals("text", qs.get(4).type());
        assertEquals("[\"北京\",\"北京市\",\"Beijing\"]", qs.get(4).answer().toString());

        assertEquals("numeric", qs.get(5).type());
        assertEquals(3, qs.get(5).answer().asInt());
        assertNull(qs.get(5).tolerance());
        assertEquals(3, qs.get(6).answer().asInt());
        assertEquals(2.0, qs.get(6).tolerance());

        assertEquals("Escapes: a {brace}, an = sign, a ~ tilde and a # hash.", qs.get(7).stem());

        QuestionDto missingWord = qs.get(8);
        assertEquals("Moodle costs _____ to download.", missingWord.stem());
        assertEquals("nothing", missingWord.answer().asText());

        QuestionDto grant = qs.get(9);
        assertEquals(1822, grant.answer().asInt());

        assertEquals(3, r.skipped(), "matching, essay and the description are skipped");
        List<String> warnings = r.warnings().stream().map(ImportProblem::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("matching")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("essay")), warnings.toString());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("description")), warnings.toString());
    }

    @Test
    void truncatedFileIsAnErrorWithItsLine() throws Exception {
        ParseResult r = Fixtures.parse(gift, "gift/truncated.gift");
        assertEquals(1, r.errors().size());
        assertEquals(1, r.errors().get(0).line());
        assertTrue(r.errors().get(0).message().contains("not closed"));
    }

    @Test
    void partialCreditShortAnswersAreLeftOutWithAWarning() throws Exception {
        ParseResult r = gift.parse("Capital of Italy?{=Rome =%50%Roma}".getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
        assertEquals("[\"Rome\"]", r.questions().get(0).question().answer().toString());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void escapeRoundTrip() {
        String s = "a~b=c#d{e}f:g\\h\nline";
        assertEquals(s, GiftFormat.unescape(GiftFormat.escape(s)));
    }

    private ParseResult parse(String text) throws FormatException {
        return gift.parse(text.getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT);
    }

    @Test
    void anUnclosedAnswerBlockEndsAtTheBlankLineAndDoesNotSwallowTheNextQuestion() throws Exception {
        ParseResult r = parse("""
                ::BAD:: 这一题缺少右括号 {
                  =对
                  ~错

                ::OK-2:: 这一题也是好的 {F}
                """);
        assertEquals(1, r.errors().size(), r.errors().toString());
        ImportProblem e = r.errors().get(0);
        assertEquals(1, e.line());
        assertEquals("answer", e.field());
        assertTrue(e.message().contains("not closed with } before the blank line at line 4"), e.message());
        assertEquals(1, r.questions().size());
        QuestionDto ok = r.questions().get(0).question();
        assertEquals("OK-2", ok.id());
        assertEquals("true_false", ok.type());
        assertEquals("这一题也是好的", ok.stem());
        assertEquals(5, r.questions().get(0).position().line());
    }

    @Test
    void theErrorNamesTheLineOfTheOpeningBraceAndTheEndOfTheFile() throws Exception {
        ParseResult r = parse("// header\n\n::Q1:: ok {T}\n\n::Q2::\n  第二题的题干\n  还是题干 {\n  =甲\n  ~乙");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(7, r.errors().get(0).line());
        assertTrue(r.errors().get(0).message().contains("before the end of the file"), r.errors().get(0).message());
        assertEquals(List.of("Q1"), r.questions().stream().map(q -> q.question().id()).toList());
    }

    @Test
    void aBlankLineInsideAnAnswerBlockIsTwoErrorsNotOneLongOption() throws Exception {
        ParseResult r = parse("::Q:: 选哪个？ {\n  =甲\n\n  ~乙\n}\n\n::R:: 对吗？ {T}\n");
        assertEquals(List.of(1, 5), r.errors().stream().map(ImportProblem::line).toList(), r.errors().toString());
        assertTrue(r.errors().get(1).message().contains("closes no answer block"), r.errors().get(1).message());
        assertEquals(List.of("R"), r.questions().stream().map(q -> q.question().id()).toList());
    }

    @Test
    void commentLinesAreDroppedWhereverTheyStandAndDoNotSplitAQuestion() throws Exception {
        ParseResult r = parse("::Q:: 选哪个？ {\n  // 老师的备注 {\n  =甲\n  ~乙\n}\n// between\n::R:: 对吗？ {T}\n");
        // Moodle splits only at blank lines: Q and R with only a comment between them are one block (a cloze, skipped)
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.skipped(), r.warnings().toString());
        r = parse("::Q:: 选哪个？ {\n  // 老师的备注 {\n  =甲\n  ~乙\n}\n\n// between\n\n::R:: 对吗？ {T}\n");
        assertEquals(List.of(), r.errors());
        assertEquals(List.of("甲", "乙"), r.questions().get(0).question().options());
        assertEquals("R", r.questions().get(1).question().id());
    }

    @Test
    void aCategoryLineSetsTheCategoryAndAQuestionRightAfterItIsReadWithAWarning() throws Exception {
        ParseResult r = parse("// c\n$CATEGORY: $course$/top/一/二\n::Q:: 对吗？ {T}\n");
        assertEquals("二", r.category());
        assertEquals(1, r.questions().size());
        assertEquals(3, r.questions().get(0).position().line());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).message().contains("Moodle would take it as part of the category"));
    }
}
