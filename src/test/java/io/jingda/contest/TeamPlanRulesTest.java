package io.jingda.contest;

import io.jingda.system.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of a team contest's definition name the round and the field; defaults follow the rulebooks. */
class TeamPlanRulesTest {

    static RoundRequest round(String kind) {
        return new RoundRequest(kind, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    static RoundRequest wager(List<Integer> stakes) {
        return new RoundRequest("wager", "风险题", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, stakes, null, null, null, null);
    }

    static ContestRequest teams(List<TeamRequest> teams) {
        return new ContestRequest("t", null, null, null, null, null, null, null, null, null, null, null, teams, null,
                null, null, null, null);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void eachKindGetsTheDefaultsOfThePublishedRules() {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        RoundDefinition buzzer = TeamPlanRules.round(1, round("buzzer"), 4, 10, 10, null, 4, false, errors, warnings);
        assertThat(buzzer.readingSeconds()).isEqualTo(3);
        assertThat(buzzer.buzzSeconds()).isEqualTo(10);
        assertThat(buzzer.falseStart()).isEqualTo("penalty");
        assertThat(buzzer.falseStartPoints()).isEqualTo(10);
        assertThat(buzzer.answerStartSeconds()).isEqualTo(5);
        assertThat(buzzer.answerSeconds()).isEqualTo(20);
        assertThat(buzzer.rightPoints()).isEqualTo(10);
        assertThat(buzzer.wrongPoints()).isEqualTo(10);
        assertThat(buzzer.rebound()).isFalse();
        assertThat(buzzer.leaderboard()).isEqualTo("round");
        RoundDefinition mandatory = TeamPlanRules.round(0, round("mandatory"), 0, 8, 8, null, 4, false, errors, warnings);
        assertThat(mandatory.answerSeconds()).isEqualTo(30);
        assertThat(mandatory.wrongPoints()).isZero();
        assertThat(mandatory.answerer()).isEqualTo("rotate");
        RoundDefinition wager = TeamPlanRules.round(2, round("wager"), 14, 4, 4, null, 4, false, errors, warnings);
        assertThat(wager.stakes()).containsExactly(10, 20, 30);
        assertThat(wager.stakeSeconds()).isEqualTo(15);
        assertThat(wager.stakeOrder()).isEqualTo("simultaneous");
        assertThat(wager.rightPoints()).isNull();
        RoundDefinition tiebreak = TeamPlanRules.round(3, round("tiebreak"), 18, 2, 2, null, 4, true, errors, warnings);
        assertThat(tiebreak.falseStart()).isEqualTo("lockout");
        assertThat(tiebreak.rightPoints()).isNull();
        assertThat(TeamPlanRules.round(4, round("standard"), 20, 3, 3, null, 4, false, errors, warnings).leaderboard())
                .isEqualTo("question");
        assertThat(errors).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPollIsAllowedInEveryTeamRoundAndTakesNoTurnSoOnlyScoredQuestionsCountForEqualTurns() {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // 5 questions, one a poll: 4 turns for 2 teams are equal
        TeamPlanRules.round(0, round("mandatory"), 0, 5, 4, null, 2, false, errors, warnings);
        TeamPlanRules.round(1, round("buzzer"), 5, 2, 1, null, 2, false, errors, warnings);
        TeamPlanRules.round(2, round("tiebreak"), 7, 1, 0, null, 2, true, errors, warnings);
        assertThat(errors).isEmpty();
        assertThat(warnings).isEmpty();
        // 4 questions, one a poll: 3 turns for 2 teams are not
        TeamPlanRules.round(3, round("wager"), 8, 4, 3, null, 2, false, errors, warnings);
        assertThat(errors).isEmpty();
        assertThat(warnings).singleElement().asString().contains("rounds[3]", "3 scored questions", "unequal turns");
    }

    @Test
    void errorsNameTheRoundAndTheField() {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        TeamPlanRules.round(0, wager(List.of(10, 30, 20)), 0, 4, 4, null, 4, false, errors, warnings);
        TeamPlanRules.round(1, round("buzzer"), 4, 2, 2, null, 0, false, errors, warnings);
        TeamPlanRules.round(2, round("tiebreak"), 6, 2, 2, null, 4, false, errors, warnings);
        TeamPlanRules.round(3, round("lightning"), 8, 2, 2, null, 4, false, errors, warnings);
        TeamPlanRules.round(4, new RoundRequest("standard", null, null, null, null, null, null, null, null, null, 3,
                null, null, null, null, null, null, null, null, null, null), 8, 2, 2, null, 4, false, errors, warnings);
        TeamPlanRules.round(5, new RoundRequest("mandatory", null, null, null, 90, null, null, null, null, null, null,
                null, "penalty", null, null, null, null, null, null, null, null), 10, 5, 5, null, 4, true, errors, warnings);
        assertThat(fields(errors)).containsExactly("rounds[0].stakes", "rounds[1].kind", "rounds[2].kind",
                "rounds[3].kind", "rounds[4]", "rounds[5].answerSeconds", "rounds[5]");
        assertThat(errors.get(0).message()).contains("strictly ascending");
        assertThat(warnings).singleElement().asString().startsWith("rounds[5]: 5 scored questions for 4 teams");
    }

    @Test
    void teamsAreCheckedByName() {
        List<FieldError> errors = new ArrayList<>();
        TeamPlanRules.Teams t = TeamPlanRules.teams(teams(List.of(
                new TeamRequest("一队", "red", List.of("张三"), "李四"),
                new TeamRequest("一队", null, List.of("张三"), null))), errors);
        assertThat(fields(errors)).containsExactly("teams[0].color", "teams[0].captain", "teams[1].name",
                "teams[1].members[0]");
        assertThat(t.teams().get(1).color()).isEqualTo(TeamPlanRules.PALETTE.get(1));
        List<FieldError> one = new ArrayList<>();
        TeamPlanRules.teams(teams(List.of(new TeamRequest("独队", null, null, null))), one);
        assertThat(fields(one)).containsExactly("teams");
    }
}
