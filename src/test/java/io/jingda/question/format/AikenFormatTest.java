package io.jingda.question.format;

import io.jingda.question.QuestionDto;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AikenFormatTest {
    private final AikenFormat aiken = new AikenFormat();

    @Test
    void readsDotAndParenthesisOptionsAndReportsABadAnswer() throws Exception {
        ParseResult r = Fixtures.parse(aiken, "aiken/questions.txt");
        List<QuestionDto> qs = Fixtures.checked(r);
        assertEquals(2, qs.size());
        assertEquals("Jupiter", qs.get(0).answer().asText());
        assertEquals(List.of("青海", "西藏", "四川"), qs.get(1).options());
        assertEquals("青海", qs.get(1).answer().asText());
        assertEquals(1, r.errors().size());
        assertEquals(17, r.errors().get(0).line(), "the ANSWER line that names no option");
        assertTrue(r.errors().get(0).message().contains("'C'"));
    }

    @Test
    void aQuestionWithoutAnswerLineIsAnError() throws Exception {
        ParseResult r = Fixtures.parse(aiken, "aiken/no-answer.txt");
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).message().contains("no ANSWER"));
    }

    private ParseResult parse(String text) throws FormatException {
        return aiken.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), ImportLimits.DEFAULT);
    }

    @Test
    void aQuestionWithoutItsAnswerLineDoesNotSwallowTheNextOne() throws Exception {
        ParseResult r = parse("第一题？\nA. 甲\nB. 乙\n\n第二题？\nA. 丙\nB. 丁\nANSWER: B\n");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(1, r.errors().get(0).line(), "the question that lacks its ANSWER line");
        assertTrue(r.errors().get(0).message().contains("no ANSWER: line before line 5"), r.errors().get(0).message());
        assertEquals(1, r.questions().size());
        assertEquals("第二题？", r.questions().get(0).question().stem());
        assertEquals("丁", r.questions().get(0).question().answer().asText());
        assertEquals(5, r.questions().get(0).position().line());
    }

    @Test
    void aRepeatedAnswerLineIsAnErrorOfItsOwnLineNotPartOfTheNextStem() throws Exception {
        ParseResult r = parse("第一题？\nA. 甲\nB. 乙\nANSWER: A\nANSWER: B\n\n第二题？\nA. 丙\nB. 丁\nANSWER: B\n");
        assertEquals(1, r.errors().size(), r.errors().toString());
        assertEquals(5, r.errors().get(0).line());
        assertEquals(List.of("第一题？", "第二题？"), r.questions().stream().map(q -> q.question().stem()).toList());
    }
}
