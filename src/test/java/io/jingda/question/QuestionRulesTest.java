package io.jingda.question;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jingda.system.FieldError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuestionRulesTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static JsonNode j(String json) {
        try {
            return M.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static QuestionDto q(String type, List<String> options, String answerJson) {
        return new QuestionDto("q-1", "s", type, "题干", options, answerJson == null ? null : j(answerJson),
                null, null, null, null, null, null, null);
    }

    private static List<String> fields(QuestionRules.Result r) {
        return r.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void appliesDefaults() {
        QuestionRules.Result r = QuestionRules.check(q("single", List.of("甲", "乙"), "\"乙\""), "");
        assertThat(r.ok()).isTrue();
        assertThat(r.question().timeLimit()).isEqualTo(20);
        assertThat(r.question().points()).isEqualTo(1000);
        assertThat(r.question().difficulty()).isEqualTo(2);
        assertThat(r.question().tags()).isEmpty();
    }

    @Test
    void singleAnswerMustBeAnOption() {
        assertThat(fields(QuestionRules.check(q("single", List.of("甲", "乙"), "\"丙\""), ""))).containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("single", List.of("甲", "乙"), "[\"甲\"]"), ""))).containsExactly("answer");
    }

    @Test
    void optionsTwoToEightUniqueAndOnlyForChoiceTypes() {
        assertThat(fields(QuestionRules.check(q("single", List.of("甲"), "\"甲\""), ""))).contains("options");
        assertThat(fields(QuestionRules.check(q("single", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), "\"1\""), "")))
                .contains("options");
        assertThat(fields(QuestionRules.check(q("multiple", List.of("甲", "甲", "乙"), "[\"甲\"]"), ""))).contains("options[1]");
        assertThat(fields(QuestionRules.check(q("single", List.of("甲", " "), "\"甲\""), ""))).contains("options[1]");
        assertThat(fields(QuestionRules.check(q("text", List.of("甲", "乙"), "[\"甲\"]"), ""))).containsExactly("options");
        assertThat(QuestionRules.check(q("single", List.of("1", "2", "3", "4", "5", "6", "7", "8"), "\"8\""), "").ok()).isTrue();
    }

    @Test
    void multipleNeedsAListOfOptionsAndIsCanonicalised() {
        QuestionRules.Result ok = QuestionRules.check(q("multiple", List.of("甲", "乙", "丙"), "[\"丙\",\"甲\"]"), "");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.question().answer().toString()).isEqualTo("[\"甲\",\"丙\"]");
        assertThat(fields(QuestionRules.check(q("multiple", List.of("甲", "乙"), "[]"), ""))).containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("multiple", List.of("甲", "乙"), "[\"丁\"]"), ""))).containsExactly("answer");
    }

    @Test
    void trueFalseAcceptsBooleansOnly() {
        assertThat(QuestionRules.check(q("true_false", null, "true"), "").question().answer().booleanValue()).isTrue();
        assertThat(QuestionRules.check(q("true_false", null, "\"FALSE\""), "").question().answer().isBoolean()).isTrue();
        assertThat(fields(QuestionRules.check(q("true_false", null, "\"yes\""), ""))).containsExactly("answer");
    }

    @Test
    void textNeedsNonEmptyAcceptedAnswers() {
        assertThat(QuestionRules.check(q("text", null, "\"雷锋\""), "").question().answer().toString()).isEqualTo("[\"雷锋\"]");
        assertThat(fields(QuestionRules.check(q("text", null, "[]"), ""))).containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("text", null, "[\"\"]"), ""))).containsExactly("answer");
    }

    @Test
    void numericNeedsANumberAndToleranceIsNumericOnly() {
        assertThat(QuestionRules.check(q("numeric", null, "1137"), "").question().answer().asLong()).isEqualTo(1137);
        assertThat(QuestionRules.check(q("numeric", null, "\"95.2\""), "").question().answer().asDouble()).isEqualTo(95.2);
        assertThat(fields(QuestionRules.check(q("numeric", null, "\"many\""), ""))).containsExactly("answer");
        QuestionDto tol = new QuestionDto(null, "s", "single", "x", List.of("a", "b"), j("\"a\""), 1.0, null, null, null, null, null, null);
        assertThat(fields(QuestionRules.check(tol, ""))).containsExactly("tolerance");
        QuestionDto neg = new QuestionDto(null, "s", "numeric", "x", null, j("3"), -1.0, null, null, null, null, null, null);
        assertThat(fields(QuestionRules.check(neg, ""))).containsExactly("tolerance");
    }

    @Test
    void rangesTypeStemAndId() {
        QuestionDto bad = new QuestionDto("bad id!", "s", "essay", " ", null, j("1"), null, null,
                new SourceDto("r.txt", "x", "ftp://x"), List.of("ok", ""), 4, 4, -1);
        assertThat(fields(QuestionRules.check(bad, "questions[2].")))
                .containsExactlyInAnyOrder("questions[2].id", "questions[2].type", "questions[2].stem",
                        "questions[2].source.url", "questions[2].tags[1]", "questions[2].difficulty",
                        "questions[2].timeLimit", "questions[2].points");
        QuestionDto longLimit = new QuestionDto(null, "s", "true_false", "x", null, j("true"), null, null, null, null, 1, 301, null);
        assertThat(fields(QuestionRules.check(longLimit, ""))).containsExactly("timeLimit");
        QuestionDto noAnswer = new QuestionDto(null, "s", "numeric", "x", null, null, null, null, null, null, null, null, null);
        assertThat(fields(QuestionRules.check(noAnswer, ""))).containsExactly("answer");
    }

    @Test
    void setHeaderRules() {
        List<FieldError> errors = new java.util.ArrayList<>();
        QuestionRules.checkSet(new QuestionSetDto("Bad Id", " ", null, "中文", null, null), "set.", errors);
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("set.id", "set.title", "set.language");
        errors.clear();
        QuestionSetDto ok = QuestionRules.checkSet(new QuestionSetDto("liaoning", "辽宁", null, null, List.of("辽宁"), null), "", errors);
        assertThat(errors).isEmpty();
        assertThat(ok.language()).isEqualTo("zh-CN");
    }

    @Test
    void orderingAnswerIsEveryOptionOnceInTheRightOrder() {
        QuestionRules.Result ok = QuestionRules.check(q("ordering", List.of("丙", "甲", "乙"), "[\"甲\",\"乙\",\"丙\"]"), "");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.question().answer().toString()).isEqualTo("[\"甲\",\"乙\",\"丙\"]");
        assertThat(ok.question().options()).as("kept in the right order").containsExactly("甲", "乙", "丙");
        assertThat(fields(QuestionRules.check(q("ordering", List.of("甲", "乙", "丙"), "[\"甲\",\"乙\"]"), "")))
                .containsExactly("answer");
        assertThat(QuestionRules.check(q("ordering", List.of("甲", "乙", "丙"), "[\"甲\",\"乙\"]"), "").errors().get(0)
                .message()).contains("every option once: 2 of 3");
        assertThat(fields(QuestionRules.check(q("ordering", List.of("甲", "乙"), "[\"甲\",\"甲\"]"), "")))
                .containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("ordering", List.of("甲", "乙"), "[\"甲\",\"丁\"]"), "")))
                .containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("ordering", List.of("甲", "乙"), "\"甲\""), ""))).containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("ordering", List.of("甲"), "[\"甲\"]"), ""))).contains("options");
    }

    @Test
    void pollHasOptionsAndNoAnswer() {
        QuestionRules.Result ok = QuestionRules.check(q("poll", List.of("春", "夏", "秋"), null), "");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.question().answer()).isNull();
        assertThat(fields(QuestionRules.check(q("poll", List.of("春", "夏"), "\"春\""), ""))).containsExactly("answer");
        assertThat(fields(QuestionRules.check(q("poll", null, null), ""))).containsExactly("options");
        assertThat(QuestionType.parse("POLL")).contains(QuestionType.POLL);
        assertThat(QuestionType.parse("ordering")).contains(QuestionType.ORDERING);
    }
}
