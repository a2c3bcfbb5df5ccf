package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoodleXmlFormatTest {
    private final MoodleXmlFormat xml = new MoodleXmlFormat();

    @Test
    void readsAMoodleExport() throws Exception {
        ParseResult r = Fixtures.parse(xml, "moodle/moodle-export.xml");
        assertEquals("近代史", r.category());
        assertEquals(List.of(), r.errors());
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals(5, qs.size());
        QuestionDto mc = qs.get(0);
        assertEquals("Q-101", mc.id());
        assertEquals("辛亥革命爆发于哪一年？", mc.stem(), "HTML becomes plain text");
        assertEquals(List.of("1901年", "1911年", "1921年"), mc.options());
        assertEquals("1911年", mc.answer().asText());
        assertEquals("1911年10月10日，武昌起义。", mc.explanation());
        assertEquals(List.of("近代史"), mc.tags());
        assertEquals("Which of these are noble gases?", qs.get(1).stem());
        assertEquals("[\"Neon\",\"Argon\"]", qs.get(1).answer().toString());
        assertEquals(false, qs.get(2).answer().asBoolean());
        assertEquals("[\"长江\",\"扬子江\"]", qs.get(3).answer().toString());
        assertEquals(3.14, qs.get(4).answer().asDouble());
        assertEquals(0.01, qs.get(4).tolerance());
        assertEquals(3, r.skipped());
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("partial-credit")));
        assertTrue(r.warnings().stream().anyMatch(w -> w.message().contains("drag-and-drop")));
    }

    @Test
    void refusesDtdsQuickly() {
        for (String f : List.of("hostile/xxe.xml", "hostile/billion-laughs.xml")) {
            FormatException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                    () -> assertThrows(FormatException.class, () -> Fixtures.parse(xml, f)));
            assertTrue(e.getMessage().contains("DTD"), f + ": " + e.getMessage());
        }
    }

    @Test
    void refusesTruncatedXml() {
        FormatException e = assertThrows(FormatException.class, () -> Fixtures.parse(xml, "hostile/truncated.xml"));
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "<quiz>\n<question type=\"truefalse\">\n</quiz>",
            "<quiz>\n<question a=1>\n</question></quiz>",
            "<quiz>\n<question>\n<name><text>x &nbsp; y</text></name></question></quiz>",
            "<quiz>\n<question>\n<name><text>x & y</text></name></question></quiz>",
            "<quiz>\n<question>\n<name><text>a</text></name></question></quiz><quiz/>",
            "<quiz>\n<question>\n<name><text>\u0001</text></name></question></quiz>",
            "<quiz>\n<question>\n<name><text>a</text></name></question>",
            "<?xml version=\"1.0\" encoding=\"nope\"?><quiz/>",
            "<quiz>\n<\u00e9\u00e9 <</quiz>",
    })
    void brokenXmlIsRefusedWithItsLineAndNoClassNames(String text) {
        FormatException e = assertThrows(FormatException.class,
                () -> xml.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), ImportLimits.DEFAULT));
        String m = e.getMessage();
        for (String leak : List.of("com.", "java.", "javax.", "Exception", "aalto", "[row,col", "unknown-source")) {
            assertTrue(!m.contains(leak), "'" + leak + "' in " + m);
        }
        assertTrue(m.contains("line "), m);
    }
}
