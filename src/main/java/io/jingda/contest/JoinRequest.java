package io.jingda.contest;

public record JoinRequest(String code, String nickname) {
}
