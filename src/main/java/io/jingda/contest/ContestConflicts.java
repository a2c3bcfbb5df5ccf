package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.jingda.question.RelatedQuestions;
import io.jingda.system.ApiException;

import java.util.List;

/** The 409s of the contest API: each carries the contest's state, so a client can resynchronise. */
public final class ContestConflicts {
    private ContestConflicts() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StateConflict(String code, String message, long contestId, ContestStatus status, QuestionPhase phase,
                                int questionIndex, int questionCount, List<String> allowed) {
    }

    public static ApiException invalidAction(long id, ContestAction action, ContestStatus status, QuestionPhase phase,
                                      int index, int count, List<String> allowed) {
        String msg = "'" + action.wire() + "' does not fit contest " + id + " in state " + status
                + (phase == null || status == ContestStatus.LOBBY ? "" : "/" + phase);
        return new ApiException(409, "INVALID_STATE", msg, List.of(),
                new StateConflict("INVALID_STATE", msg, id, status, phase, index, count, allowed));
    }

    public static ApiException notEditable(Contest c) {
        String msg = "only a DRAFT contest can be edited; contest " + c.id + " is " + c.status;
        return new ApiException(409, "INVALID_STATE", msg, List.of(),
                new StateConflict("INVALID_STATE", msg, c.id, c.status, c.phase, c.questionIndex, c.questionCount, null));
    }

    public static ApiException notDeletable(Contest c) {
        String msg = "contest " + c.id + " is " + c.status + "; finish it before deleting it";
        return new ApiException(409, "INVALID_STATE", msg, List.of(),
                new StateConflict("INVALID_STATE", msg, c.id, c.status, c.phase, c.questionIndex, c.questionCount,
                        List.of("finish")));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelatedConflict(String code, String message, List<List<String>> pairs) {
    }

    /** questionIds pairs questions that give each other away; the request may confirm them. */
    public static ApiException relatedQuestions(List<RelatedQuestions.Pair> pairs) {
        List<List<String>> named = pairs.stream().map(p -> List.of(p.first(), p.second())).toList();
        String msg = "related questions in one contest: " + pairs.stream()
                .map(p -> p.first() + " and " + p.second()).collect(java.util.stream.Collectors.joining(", "))
                + "; send \"confirmRelated\": true to keep them";
        return new ApiException(409, "RELATED_QUESTIONS", msg, List.of(),
                new RelatedConflict("RELATED_QUESTIONS", msg, named));
    }
}
