package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionSetDto;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XlsxFormatTest {
    private final XlsxFormat xlsx = new XlsxFormat();

    @Test
    void readsKahootsTemplateBelowMergedTitleRows() throws Exception {
        ParseResult r = Fixtures.parse(xlsx, "xlsx/kahoot-template.xlsx");
        assertTrue(r.warnings().get(0).message().contains("Kahoot"), r.warnings().toString());
        assertEquals(3, r.questions().size());
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals("single", qs.get(0).type());
        assertEquals("Mars", qs.get(0).answer().asText());
        assertEquals(20, qs.get(0).timeLimit());
        assertEquals("multiple", qs.get(1).type());
        assertEquals("[\"Whale\",\"Bat\"]", qs.get(1).answer().toString());
        assertEquals(List.of("上海", "北京"), qs.get(2).options());
        ImportProblem bad = r.errors().get(0);
        assertEquals("Sheet1", bad.sheet());
        assertEquals(12, bad.row());
        assertEquals("H", bad.column());
    }

    @Test
    void readsOurTemplateFromTheSecondSheetWithChineseHeaders() throws Exception {
        ParseResult r = Fixtures.parse(xlsx, "xlsx/jingda-excel.xlsx");
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("备注")), r.warnings().toString());
        QuestionDto first = r.questions().get(0).question();
        assertEquals(List.of("1933年", "1935年", "1937年"), first.options(), "line breaks in a cell separate options");
        assertEquals("1935年", first.answer().asText());
        assertEquals("题目", r.questions().get(0).position().sheet());
        assertEquals(3, r.questions().get(0).position().row());
        QuestionDto numeric = r.questions().get(1).question();
        assertEquals("1921", numeric.answer().asText());
        assertEquals(1, numeric.difficulty());
        assertEquals(Boolean.TRUE, r.questions().get(2).question().answer().asBoolean());
        assertEquals("=HYPERLINK(\"http://evil\")", r.questions().get(3).question().stem(), "read as text, never run");
        ImportProblem bad = r.errors().get(0);
        assertEquals(7, bad.row());
        assertEquals("G", bad.column());
        assertEquals("difficulty", bad.field());
    }

    @Test
    void exportGuardsFormulasAndRoundTrips() throws Exception {
        List<QuestionDto> qs = io.jingda.question.transfer.TestQuestions.all();
        byte[] data = xlsx.write(new QuestionSetDto("s", "S", null, null, null, null), qs).data();
        ParseResult back = xlsx.parse(data, ImportLimits.DEFAULT);
        assertEquals(List.of(), back.errors());
        assertEquals(qs, Fixtures.checked(back).stream().map(q -> q.withSet("s")).toList());
    }

    @Test
    void refusesAZipBombQuickly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) ' ');
            for (int i = 0; i < 150; i++) {
                zip.write(zeros);
            }
        }
        byte[] bomb = bytes.toByteArray();
        assertTrue(bomb.length < 1 << 20, "150 MB packed into " + bomb.length + " bytes");
        FormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(3),
                () -> assertThrows(FormatException.class, () -> xlsx.parse(bomb, ImportLimits.DEFAULT)));
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
    }

    @Test
    void refusesTruncatedAndNonWorkbooks() throws Exception {
        byte[] good = Fixtures.bytes("xlsx/kahoot-template.xlsx");
        FormatException cut = assertThrows(FormatException.class,
                () -> xlsx.parse(Arrays.copyOf(good, good.length / 2), ImportLimits.DEFAULT));
        assertTrue(cut.getMessage().contains("XLSX"), cut.getMessage());
        assertThrows(FormatException.class, () -> xlsx.parse("not a zip".getBytes(), ImportLimits.DEFAULT));
    }

    @Test
    void aDamagedSheetIsRefusedWithoutTheReadersClassNames() throws Exception {
        java.nio.file.Path good = java.nio.file.Files.createTempFile("good", ".xlsx");
        java.nio.file.Files.write(good, Fixtures.bytes("xlsx/kahoot-template.xlsx"));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(good.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().startsWith("xl/worksheets/")) {
                    data = "<worksheet><sheetData><row></sheetData></worksheet>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        } finally {
            java.nio.file.Files.delete(good);
        }
        FormatException e = assertThrows(FormatException.class, () -> xlsx.parse(bytes.toByteArray(), ImportLimits.DEFAULT));
        assertEquals("the XLSX cannot be read (damaged, truncated or not a workbook): Unexpected end tag: expected </row>",
                e.getMessage());
        for (String leak : List.of("com.", "java.", "Exception", "aalto", "[row,col")) {
            assertTrue(!e.getMessage().contains(leak), "'" + leak + "' in " + e.getMessage());
        }
    }
}
