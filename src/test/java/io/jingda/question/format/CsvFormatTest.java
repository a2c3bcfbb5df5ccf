package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvFormatTest {
    private final CsvFormat csv = new CsvFormat();

    @Test
    void readsExcelUtf8WithBomCrlfAndQuotedNewlines() throws Exception {
        ParseResult r = Fixtures.parse(csv, "csv/excel-utf8-bom.csv");
        assertEquals("UTF-8 (BOM)", r.encoding());
        assertEquals(List.of(), r.errors());
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals(6, qs.size());
        assertEquals("1921年", qs.get(0).answer().asText());
        assertEquals(List.of("党史", "年份"), qs.get(0).tags());
        assertEquals("report-1.txt", qs.get(0).source().report());
        assertEquals("下列哪些是直辖市？\r\n（多选）", qs.get(1).stem());
        assertEquals("[\"北京\",\"上海\",\"重庆\"]", qs.get(1).answer().toString(), "letters ABD map to options");
        assertEquals("true_false", qs.get(2).type());
        assertTrue(qs.get(2).answer().asBoolean());
        assertEquals("[\"习近平同志\",\"习近平\"]", qs.get(3).answer().toString());
        assertEquals(100, qs.get(4).answer().asInt());
        assertEquals("含逗号, 和\"引号\"的题干", qs.get(5).stem());
        assertEquals(2, r.questions().get(0).position().line(), "a question points at its line");
        assertEquals(3, r.questions().get(1).position().line());
        assertEquals(9, r.questions().get(5).position().line(), "lines count the quoted line break and the blank row");
    }

    @Test
    void readsGbkWithSemicolonsAndChineseHeaders() throws Exception {
        ParseResult r = Fixtures.parse(csv, "csv/excel-gbk-semicolon.csv");
        assertEquals("GB18030", r.encoding());
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals(3, qs.size());
        assertEquals("鲁迅的原名是什么？", qs.get(0).stem());
        assertEquals("周树人", qs.get(0).answer().asText());
        assertEquals("[\"红楼梦\",\"西游记\",\"水浒传\"]", qs.get(1).answer().toString());
        assertEquals("true_false", qs.get(2).type());
    }

    @Test
    void readsTabsWithOptionColumnsAndInfersTypes() throws Exception {
        ParseResult r = Fixtures.parse(csv, "csv/tabs-option-columns.csv");
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals(List.of("single", "multiple", "true_false"), qs.stream().map(QuestionDto::type).toList());
        assertEquals("Paris", qs.get(0).answer().asText());
        assertEquals(10, qs.get(0).timeLimit());
        assertEquals("[\"2\",\"5\"]", qs.get(1).answer().toString());
    }

    @Test
    void reportsBadRowsAndKeepsGoodOnes() throws Exception {
        ParseResult r = Fixtures.parse(csv, "csv/errors.csv");
        assertEquals(1, r.errors().size(), r.errors().toString());
        ImportProblem p = r.errors().get(0);
        assertEquals(4, p.line());
        assertEquals("difficulty", p.field());
        // the others parse, and the rules catch them (as the import service does)
        assertEquals(4, r.questions().size());
    }

    @Test
    void refusesBrokenFiles() {
        assertThrows(FormatException.class, () -> Fixtures.parse(csv, "csv/unclosed-quote.csv"));
        assertThrows(FormatException.class, () -> Fixtures.parse(csv, "hostile/binary.csv"));
        assertThrows(FormatException.class, () -> csv.parse("no,header,here\n1,2,3\n".getBytes(StandardCharsets.UTF_8),
                ImportLimits.DEFAULT));
        FormatException e = assertThrows(FormatException.class, () -> csv.parse(
                ("stem,answer\n" + "x".repeat(70_000) + ",a\n").getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT));
        assertTrue(e.getMessage().contains("line 2 is longer"), e.getMessage());
    }

    @Test
    void refusesTooManyRows() {
        StringBuilder sb = new StringBuilder("stem,answer\n");
        for (int i = 0; i < 30; i++) {
            sb.append("q").append(i).append(",a\n");
        }
        ImportLimits small = new ImportLimits(1 << 20, 25, 1000, 1 << 20, 10);
        FormatException e = assertThrows(FormatException.class,
                () -> csv.parse(sb.toString().getBytes(StandardCharsets.UTF_8), small));
        assertTrue(e.getMessage().contains("more than 25"), e.getMessage());
    }

    @Test
    void exportGuardsFormulasAndReadsBack() throws Exception {
        QuestionDto evil = new QuestionDto("e1", "s", "single", "=HYPERLINK(\"http://x\")",
                List.of("+1", "-2", "@SUM(A1)", "\tx"), com.fasterxml.jackson.databind.node.TextNode.valueOf("-2"),
                null, "=cmd|' /C calc'!A0", null, List.of("\rtag"), 1, 20, 1000);
        byte[] out = csv.write(new io.jingda.question.QuestionSetDto("s", "S", null, null, null, null), List.of(evil)).data();
        String text = new String(out, StandardCharsets.UTF_8);
        assertTrue(text.contains("'=HYPERLINK"), text);
        assertTrue(text.contains("'+1|-2|@SUM(A1)|\tx"), "the cell, not each part, is guarded: " + text);
        assertTrue(text.contains("'=cmd"), text);
        assertTrue(text.contains(",'-2,"), text);
        QuestionDto back = csv.parse(out, ImportLimits.DEFAULT).questions().get(0).question();
        assertEquals(evil.stem(), back.stem());
        assertEquals(List.of("+1", "-2", "@SUM(A1)", "x"), back.options(), "cells are stripped; the guard is undone");
        assertEquals("-2", back.answer().asText());
    }

    @Test
    void detectsDelimiters() {
        assertEquals(',', CsvFormat.detectDelimiter("a,b;c,d\n"));
        assertEquals(';', CsvFormat.detectDelimiter("\"a,b\";c;d\n"));
        assertEquals('\t', CsvFormat.detectDelimiter("a\tb\tc\n"));
    }

    @Test
    void anUnclosedQuoteIsRefusedNamingTheLineWhereItOpens() {
        FormatException e = assertThrows(FormatException.class, () -> Fixtures.parse(csv, "csv/unclosed-quote.csv"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("line 2: the quoted cell that opens here is never closed"), e.getMessage());
        e = assertThrows(FormatException.class, () -> csv.parse(
                "stem,answer\n\"bad stem,A\ngood,B\n\"ok\"x,C\n".getBytes(StandardCharsets.UTF_8), ImportLimits.DEFAULT));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("line 4: after the quoted cell that opens on line 2 comes 'o'"), e.getMessage());
        for (String leak : List.of("Exception", "java.", "org.", "encapsulated token")) {
            assertTrue(!e.getMessage().contains(leak), e.getMessage());
        }
    }

    @Test
    void aRowWhoseQuotedCellSwallowedTheNextLineSaysSo() throws Exception {
        ParseResult r = csv.parse("stem,answer\n\"bad stem,A\ngood,B\"\nfine,C\n".getBytes(StandardCharsets.UTF_8),
                ImportLimits.DEFAULT);
        assertEquals(1, r.warnings().size(), r.warnings().toString());
        assertEquals(2, r.warnings().get(0).line());
        assertTrue(r.warnings().get(0).message().contains("runs from line 2 to line 3"), r.warnings().get(0).message());
        assertEquals(List.of(2, 4), r.questions().stream().map(q -> q.position().line()).toList());
    }
}
