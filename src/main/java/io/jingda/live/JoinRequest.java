package io.jingda.live;

public record JoinRequest(String code, String nickname) {
}
