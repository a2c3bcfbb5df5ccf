package io.jingda.live;

/** The token is the participant's key to /ws/play/{contestId}?token=…; keep it secret. */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record JoinResponse(long contestId, long participantId, String token, String nickname, Integer teamId) {
}
