package io.jingda.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AnswerKeyTest {

    @Test
    void singleNeedsExactlyOneKnownOption() {
        AnswerKey k = new AnswerKey.Options(Set.of("a", "b", "c"), Set.of("b"), false);
        assertEquals(Optional.of(true), k.judge(new Choice.Options(Set.of("b"))));
        assertEquals(Optional.of(false), k.judge(new Choice.Options(Set.of("a"))));
        assertEquals(Optional.empty(), k.judge(new Choice.Options(Set.of("zz"))), "forged id");
        assertEquals(Optional.empty(), k.judge(new Choice.Options(Set.of("a", "b"))), "two ids for a single");
        assertEquals(Optional.empty(), k.judge(new Choice.Text("b")), "wrong shape");
    }

    @Test
    void multipleIsAllOrNothing() {
        AnswerKey k = new AnswerKey.Options(Set.of("a", "b", "c", "d"), Set.of("a", "c"), true);
        assertEquals(Optional.of(true), k.judge(new Choice.Options(Set.of("c", "a"))));
        assertEquals(Optional.of(false), k.judge(new Choice.Options(Set.of("a"))));
        assertEquals(Optional.of(false), k.judge(new Choice.Options(Set.of("a", "c", "d"))));
        assertEquals(Optional.empty(), k.judge(new Choice.Options(Set.of("a", "x"))));
    }

    @Test
    void textIgnoresCaseWidthSpacesAndTrailingPunctuation() {
        AnswerKey k = new AnswerKey.Text(List.of("金寨", "Jinzhai County"));
        assertEquals(Optional.of(true), k.judge(new Choice.Text("  金寨。")));
        assertEquals(Optional.of(true), k.judge(new Choice.Text("金寨！？")));
        assertEquals(Optional.of(true), k.judge(new Choice.Text("ＪＩＮＺＨＡＩ　ｃｏｕｎｔｙ，")));
        assertEquals(Optional.of(true), k.judge(new Choice.Text("jinzhai   county!")));
        assertEquals(Optional.of(false), k.judge(new Choice.Text("金寨县")));
        assertEquals(Optional.empty(), k.judge(new Choice.Text("  。")), "nothing left after normalising");
    }

    @Test
    void normalizerExamples() {
        assertEquals("abc 1", TextNormalizer.normalize(" ＡＢＣ　１。 "));
        assertEquals("摆脱贫困", TextNormalizer.normalize("摆脱贫困，"));
    }

    @Test
    void numericWithinTolerance() {
        AnswerKey k = new AnswerKey.Numeric(200, 5);
        assertEquals(Optional.of(true), k.judge(new Choice.Number(204.9)));
        assertEquals(Optional.of(true), k.judge(new Choice.Number(195)));
        assertEquals(Optional.of(false), k.judge(new Choice.Number(205.5)));
        assertEquals(Optional.of(true), new AnswerKey.Numeric(0.3, 0).judge(new Choice.Number(0.1 + 0.2)));
        assertEquals(Optional.empty(), k.judge(new Choice.Number(Double.NaN)));
    }
}
