package io.jingda.contest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan document without a server: what YAML makes of awkward text, and where errors point. */
class ContestPlansTest {
    private final ContestPlans plans = new ContestPlans(null, null, null);

    static ContestRequest awkward() {
        List<TeamRequest> teams = List.of(
                new TeamRequest("123", "#d32f2f", List.of("true", "null", "- x", "a: b"), "true"),
                new TeamRequest("#二队 'q' \"dq\"", "#1976d2", null, null),
                new TeamRequest("yes", "#388e3c", List.of("~", "0x10", "1e3"), null));
        RoundRequest mandatory = new RoundRequest("mandatory", "必答: 第一轮 #1", List.of("liaoning-001", "007"), null,
                30, "rotate", false, 10, 0, "client", null, null, null, null, null, null, null, null, null, null,
                "round");
        return new ContestRequest("党史\n知识赛: \"决赛\" # 1", null, null, null,
                new ContestSettings.Scoring("speed", false), false, 10, null, 20000, "standard", 6000, null, teams,
                "participants", 6, "sum", 100, List.of(mandatory));
    }

    @Test
    void awkwardTextSurvivesTheRoundTripInBothSyntaxes() {
        ContestPlans.Plan plan = new ContestPlans.Plan(7, awkward(), List.of("a note\nwith a line break"));
        for (ContestPlans.Syntax syntax : ContestPlans.Syntax.values()) {
            String text = new String(plans.write(plan, syntax), StandardCharsets.UTF_8);
            assertThat(plans.read(text, syntax)).as(text).isEqualTo(plan.request());
        }
        String yaml = new String(plans.write(plan, ContestPlans.Syntax.YAML), StandardCharsets.UTF_8);
        assertThat(yaml).startsWith("# Jingda contest plan: 党史 知识赛: \"决赛\" # 1 (contest 7, exported ")
                .contains("\n# a note with a line break\n");
    }

    @Test
    void aFieldsLineIsItsOwnOrTheNearestEnclosingOnesThatTheDocumentHas() {
        String yaml = "title: x\nteams:\n  - name: a\n    color: red\n  - name: b\nrounds:\n  - kind: wager\n"
                + "    stakes: [30, 20]\n";
        Map<String, Integer> lines = plans.lines(yaml, ContestPlans.Syntax.YAML);
        assertThat(ContestPlans.lineOf("teams[0].color", lines)).isEqualTo(4);
        assertThat(ContestPlans.lineOf("teams[1].color", lines)).isEqualTo(5);
        assertThat(ContestPlans.lineOf("rounds[0].stakes", lines)).isEqualTo(8);
        assertThat(ContestPlans.lineOf("rounds[0].stakes[1]", lines)).isEqualTo(8);
        assertThat(ContestPlans.lineOf("rounds[0].questionIds", lines)).isEqualTo(7);
        assertThat(ContestPlans.lineOf("timeLimit", lines)).isNull();
        assertThat(ContestPlans.fileName("../etc/passwd")).isEqualTo("__etc_passwd");
    }
}
