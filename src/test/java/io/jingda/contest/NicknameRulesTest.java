package io.jingda.contest;

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
}
