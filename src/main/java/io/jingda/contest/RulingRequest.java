package io.jingda.contest;

/**
 * {@code POST /api/contests/{id}/rulings}: points ({@code -1000..1000}, not 0) to a team ({@code teamId}) or
 * a participant ({@code participantId}) with a reason; or {@code undoes} (a ruling's id) to take one back,
 * with an optional reason.
 */
public record RulingRequest(Integer teamId, Long participantId, Integer points, String reason, Long undoes) {
}
