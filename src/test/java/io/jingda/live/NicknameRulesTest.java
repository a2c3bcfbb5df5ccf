package io.jingda.live;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class NicknameRulesTest {
    private static NicknameRules.Result check(String s) {
        return NicknameRules.check(s, List.of("badword"), 2);
    }

    @Test
    void acceptsAndNormalises() {
        assertEquals("小明", check("  小明 ").nickname());
        assertEquals("é", check("e\u0301").nickname(), "NFC");
        assertEquals("a b", check("a   b").nickname());
        assertEquals(20, check("一二三四五六七八九十一二三四五六七八九十").nickname().length());
    }

    @Test
    void refuses() {
        assertNotNull(check("").error());
        assertNotNull(check("   ").error());
        assertNotNull(check(null).error());
        assertNotNull(check("一二三四五六七八九十一二三四五六七八九十一").error(), "21 characters");
        assertNotNull(check("a\u0000b").error(), "control");
        assertNotNull(check("abc\u202Edef").error(), "bidi override");
        assertNotNull(check("a\u200Bb").error(), "zero-width space");
        assertNotNull(check("a\u200Db").error(), "zero-width joiner");
        assertNotNull(check("\u3164").error(), "Hangul filler");
        assertNotNull(check("a\tb").error(), "tab");
        assertNotNull(check("q\u0301\u0302\u0303").error(), "three combining marks");
        assertNull(check("q\u0301\u0302").error(), "two are fine");
        assertNotNull(check("xxBADWORDxx").error(), "blocklist ignores case");
        assertNotNull(check("ｂａｄｗｏｒｄ").error(), "blocklist ignores width");
    }

    @Test
    void keyIgnoresCaseAndWidthAndSuggestionsAreFree() {
        assertEquals(NicknameRules.key("Alice"), NicknameRules.key("ＡＬＩＣＥ"));
        assertEquals("alice3", NicknameRules.suggest("Alice", Set.of("alice", "alice2")).orElseThrow().toLowerCase());
        String longName = "一二三四五六七八九十一二三四五六七八九十";
        String s = NicknameRules.suggest(longName, Set.of(NicknameRules.key(longName))).orElseThrow();
        assertEquals(20, s.codePointCount(0, s.length()));
    }

    @Test
    void everyUnicodeSpaceIsTrimmedAndARunInsideIsOneSpace() {
        assertEquals("Alice", check("\u00A0Alice\u00A0").nickname(), "no-break space");
        assertEquals("Alice", check("\u2007Alice\u202F").nickname(), "figure and narrow no-break space");
        assertEquals("小明", check("\u3000小明\u3000").nickname(), "ideographic space");
        assertEquals("Alice", check("\u2003\u205F\u1680Alice\u2009").nickname(), "em, math, ogham, thin space");
        assertEquals("Alice Bob", check("Alice\u00A0\u3000 Bob").nickname());
    }

    @Test
    void aNameWithNoVisibleCharacterIsRefused() {
        for (String blank : List.of("\u00A0", "\u2007", "\u202F", "\u3000", "\uFE0F", "\u17B4", "\u0301",
                "\u00A0\uFE0F\u00A0", "\uFE0F\uFE0E", "\u17B4\u17B5")) {
            String error = check(blank).error();
            assertNotNull(error, () -> "accepted " + blank.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList());
        }
        assertEquals("must contain at least one visible character", check("\uFE0F").error());
        assertEquals("must contain at least one visible character", check("\u0301").error());
        assertNull(check("\u2764\uFE0F").error(), "an emoji with its presentation selector is a name");
    }

    @Test
    void defaultIgnorableCodePointsAreFoldedInTheKey() {
        assertEquals(NicknameRules.key("a"), NicknameRules.key(check("a\uFE0F").nickname()));
        assertEquals(NicknameRules.key("a"), NicknameRules.key(check("a\u17B4").nickname()));
        assertEquals(NicknameRules.key("Alice"), NicknameRules.key(check("\u00A0Alice\u00A0").nickname()));
        assertEquals(NicknameRules.key("ab"), NicknameRules.key("a\uDB40\uDD00b"), "VS17 (U+E0100)");
        assertEquals("a2", NicknameRules.suggest("a", Set.of(NicknameRules.key("a\uFE0F"))).orElseThrow());
        assertNotNull(check("bad\uFE0Fword").error(), "the blocklist sees through variation selectors");
    }
}
