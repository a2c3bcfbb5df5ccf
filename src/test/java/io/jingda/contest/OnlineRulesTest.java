package io.jingda.contest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnlineRulesTest {
    private static ContestRequest request(String opens, String closes, Integer perAttempt, Integer total, Integer limit) {
        return new ContestRequest("t", null, null, limit, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, "self-paced", opens, closes, perAttempt, null, null, total, null, null, null, null, null);
    }

    @Test
    void defaultsFillWhatIsNotGiven() {
        List<FieldError> errors = new ArrayList<>();
        OnlineRules.Checked c = OnlineRules.check(request("2026-12-05T08:00:00+08:00", "2026-12-12T00:00:00Z", null, null,
                null), 30, 1000, errors);
        assertThat(errors).isEmpty();
        assertThat(c.opensAt()).isEqualTo(1_796_428_800_000L);
        assertThat(c.settings().questionsPerAttempt()).isEqualTo(10);
        assertThat(c.settings().attemptsAllowed()).isEqualTo(1);
        assertThat(c.settings().attemptScore()).isEqualTo("best");
        assertThat(c.settings().showAnswers()).isEqualTo("afterAttempt");
        assertThat(c.settings().units()).isEqualTo("none");
        assertThat(c.settings().identity()).isEqualTo(new OnlineSettings.Identity("none", "person"));
        assertThat(c.settings().antiCheat().minResponseMs()).isEqualTo(1000);
    }

    @Test
    void errorsNameTheirField() {
        List<FieldError> errors = new ArrayList<>();
        OnlineRules.check(request("2026-12-05", "2026-12-01T00:00:00Z", 40, 20, 30), 30, 1000, errors);
        assertThat(errors).extracting(FieldError::field).contains("opensAt", "questionsPerAttempt", "timeLimitTotal",
                "timeLimit");
        errors.clear();
        OnlineRules.check(request("2026-12-05T00:00:00Z", "2026-12-01T00:00:00Z", 5, null, null), 30, 1000, errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("closesAt");
    }

    @Test
    void aUnitListIsCheckedForNamesParentsAndLoops() {
        List<FieldError> errors = new ArrayList<>();
        var units = JsonNodeFactory.instance.arrayNode();
        units.addObject().put("name", "甲").put("parent", "乙");
        units.addObject().put("name", "乙").put("parent", "甲");
        units.addObject().put("name", " 甲 ");
        units.addObject().put("name", "丙").put("headcount", 0);
        units.addObject().put("name", "丁").put("parent", "戊");
        UnitList.fromJson(units, "units", errors);
        assertThat(errors).extracting(FieldError::field).contains("units[2].name", "units[3].headcount",
                "units[4].parent", "units[0].parent");
        assertThat(UnitList.key("第一 支部")).isEqualTo(UnitList.key("第一支部")).isEqualTo(UnitList.key("第一　支部"));
    }

    @Test
    void aUnitFileIsReadWithItsHeaderAndItsErrorsNameRowAndColumn() {
        byte[] csv = "单位,上级单位,应参加人数\n机关党委,,10\n第一支部,机关党委,4\n".getBytes(StandardCharsets.UTF_8);
        List<UnitList.Line> lines = UnitListFile.parse(csv, "text/csv");
        assertThat(lines).extracting(UnitList.Line::name).containsExactly("机关党委", "第一支部");
        assertThat(lines.get(1).parent()).isEqualTo("机关党委");
        assertThat(lines.get(0).headcount()).isEqualTo(10);
        byte[] bad = "name,headcount\nA,x\nB,3\nB,4\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UnitListFile.parse(bad, "text/csv")).isInstanceOfSatisfying(ApiException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("row 2, column headcount",
                        "row 4, column name"));
        byte[] twice = "name\nA\nB\na\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UnitListFile.parse(twice, "text/csv")).isInstanceOfSatisfying(ApiException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("row 4, column name"));
        assertThatThrownBy(() -> UnitListFile.parse("colour\nred\n".getBytes(StandardCharsets.UTF_8), "text/csv"))
                .isInstanceOf(ApiException.class).hasMessageContaining("invalid");
        assertThatThrownBy(() -> UnitListFile.parse(new byte[]{'P', 'K', 3, 4, 0, 0}, "application/octet-stream"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void theWindowDecidesTheStatus() {
        assertThat(OnlineWindow.status(ContestStatus.SCHEDULED, 100L, 200L, 99)).isEqualTo(ContestStatus.SCHEDULED);
        assertThat(OnlineWindow.status(ContestStatus.SCHEDULED, 100L, 200L, 100)).isEqualTo(ContestStatus.OPEN);
        assertThat(OnlineWindow.status(ContestStatus.OPEN, 100L, 200L, 200)).isEqualTo(ContestStatus.CLOSED);
        assertThat(OnlineWindow.status(ContestStatus.CLOSED, 100L, 300L, 250)).isEqualTo(ContestStatus.OPEN);
        assertThat(OnlineWindow.status(ContestStatus.DRAFT, 100L, 200L, 150)).isEqualTo(ContestStatus.DRAFT);
        assertThat(OnlineWindow.allowedActions(ContestStatus.CLOSED)).containsExactly("extend");
    }
}
