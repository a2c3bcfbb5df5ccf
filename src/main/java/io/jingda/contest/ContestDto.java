package io.jingda.contest;


import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.SourceDto;

import java.time.Instant;
import java.util.List;

/**
 * A contest as its host sees it (with the questions and their answers in the single view).
 * {@code allowedActions}: the host actions the server accepts now, as names for POST …/actions/{action}.
 * {@code warnings}: advice on the definition (create and update only), e.g. unequal turns in a mandatory round.
 * {@code questions[].multiplier}: what the question's points are scored with (0 = practice).
 * {@code teams}: a team contest's teams, {@code [{id, name, color, members, captain}]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContestDto(
        long id,
        String title,
        String owner,
        ContestStatus status,
        QuestionPhase phase,
        String code,
        int questionIndex,
        int questionCount,
        Integer participants,
        ContestSettings settings,
        Instant createdAt,
        Instant updatedAt,
        List<QuestionView> questions,
        List<String> allowedActions,
        List<String> warnings,
        List<TeamDefinition> teams) {

    /** In a team contest, its teams (as in {@code settings.teams}), for the pages; else null. */
    public ContestDto {
        teams = teams != null ? teams : settings == null ? null : settings.teams();
    }

    /** The same view with the advice of the definition's check (create and update only). */
    public ContestDto withWarnings(List<String> w) {
        return new ContestDto(id, title, owner, status, phase, code, questionIndex, questionCount, participants,
                settings, createdAt, updatedAt, questions, allowedActions, w == null || w.isEmpty() ? null : w, teams);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuestionView(int index, String questionId, String bankId, String type, String stem,
                               List<LiveQuestion.OptionView> options, JsonNode answer, Double tolerance,
                               String explanation, SourceDto source, int timeLimit, int points,
                               double multiplier) {
    }
}
