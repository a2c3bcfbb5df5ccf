package io.jingda.contest;

import java.util.List;

/**
 * The optional body of {@code POST /api/contests/{id}/actions/{action}}: {@code correct} for {@code judge},
 * {@code teams} (ids) for {@code tiebreak},
 * {@code closesAt} (ISO-8601) for a self-paced contest's {@code extend}. Other actions take no body.
 */
public record ActionRequest(Boolean correct, List<Integer> teams, String closesAt) {
    public ActionRequest(Boolean correct, List<Integer> teams) {
        this(correct, teams, null);
    }
}
