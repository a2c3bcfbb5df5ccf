package io.jingda.contest;

/** PATCH /api/contests/{id}: how many may join the contest, and how many a minute; either may be left out. */
public record JoinLimitsRequest(Integer maxParticipants, Integer joinsPerMinute) {
}
