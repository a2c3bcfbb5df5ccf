package io.jingda.live;

/** POST /api/join: the contest code, a nickname, and in a team contest where participants pick, the team's id. */
public record JoinRequest(String code, String nickname, Integer teamId) {
    public JoinRequest(String code, String nickname) {
        this(code, nickname, null);
    }
}
