package io.jingda.online;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Keyed hashes of a self-paced contest, with its token key (random, made when the contest is scheduled, never
 * sent): a participant's token ({@code id.mac}, the same each time the same identity registers, checked without a
 * lookup), the salted hash of an identity and of a memberNo (the number itself is never stored).
 */
public final class Tokens {
    private Tokens() {
    }

    public static String token(String key, long participantId) {
        return participantId + "." + mac(key, "token|" + participantId, 16);
    }

    /** The participant id a token names, if the token is this contest's. */
    public static OptionalLong participant(String key, String token) {
        if (token == null || key == null) {
            return OptionalLong.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot > 19) {
            return OptionalLong.empty();
        }
        long id;
        try {
            id = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        byte[] want = token(key, id).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(want, token.getBytes(StandardCharsets.UTF_8)) ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** The salted hash of what counts once. */
    public static String identity(String key, String what) {
        return mac(key, "identity|" + what, 32);
    }

    public static String memberNo(String key, String memberNo) {
        return mac(key, "member|" + memberNo, 32);
    }

    private static String mac(String key, String text, int bytes) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(HexFormat.of().parseHex(key), "HmacSHA256"));
            byte[] out = m.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] cut = java.util.Arrays.copyOf(out, bytes);
            return bytes == 32 ? HexFormat.of().formatHex(cut) : Base64.getUrlEncoder().withoutPadding().encodeToString(cut);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e); // every JVM has HmacSHA256
        }
    }
}
