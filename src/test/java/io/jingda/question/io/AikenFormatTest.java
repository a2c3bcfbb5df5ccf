package io.jingda.question.io;

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
}
