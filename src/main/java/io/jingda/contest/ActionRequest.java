package io.jingda.contest;

import java.util.List;

/**
 * The optional body of {@code POST /api/contests/{id}/actions/{action}}: {@code correct} for {@code judge},
 * {@code teams} (ids) for {@code tiebreak}. Other actions take no body.
 */
public record ActionRequest(Boolean correct, List<Integer> teams) {
}
