package io.jingda.contest;

/** {@code PUT /api/contests/{id}/participants/{pid}/team}: the team to put the participant in, or null for none. */
public record TeamAssignment(Integer teamId) {
}
