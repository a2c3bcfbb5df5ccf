package io.jingda.live;

/** The token is the participant's key to /ws/play/{contestId}?token=…; keep it secret. */
public record JoinResponse(long contestId, long participantId, String token, String nickname) {
}
