package io.jingda.online;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {
    private static final String KEY = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static final String OTHER = "ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    @Test
    void aTokenNamesItsParticipantOnlyWithItsContestsKey() {
        String t = Tokens.token(KEY, 42);
        assertThat(t).startsWith("42.");
        assertThat(Tokens.participant(KEY, t)).hasValue(42);
        assertThat(Tokens.participant(OTHER, t)).isEmpty();
        assertThat(Tokens.participant(KEY, "43" + t.substring(2))).isEmpty();
        assertThat(Tokens.participant(KEY, "x.y")).isEmpty();
        assertThat(Tokens.participant(KEY, null)).isEmpty();
        assertThat(Tokens.token(KEY, 42)).isEqualTo(t);
    }

    @Test
    void identitiesAndMemberNumbersAreKeyedHashes() {
        assertThat(Tokens.memberNo(KEY, "10086")).hasSize(64).doesNotContain("10086")
                .isNotEqualTo(Tokens.memberNo(OTHER, "10086"));
        assertThat(Tokens.identity(KEY, "a")).isNotEqualTo(Tokens.identity(KEY, "b"));
    }
}
