package io.jingda.live;

import io.jingda.contest.ContestConfig;

import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.Hashing;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Joining a contest. Non-blocking: the nickname is claimed in memory, the participant row goes
 * through the group-committing {@link LiveWriter}, and the response (with the token) is sent
 * once the row is durable.
 */
@ApplicationScoped
public class JoinService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LiveContests contests;
    private final LiveWriter writer;
    private final JoinRateLimiter limiter;
    private final ContestClock clock;
    private final ContestConfig config;

    public JoinService(LiveContests contests, LiveWriter writer, JoinRateLimiter limiter, ContestClock clock,
                       ContestConfig config) {
        this.contests = contests;
        this.writer = writer;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config;
    }

    public record NicknameTaken(String code, String message, String suggestion) {
    }

    public CompletionStage<JoinResponse> join(JoinRequest r, String address) {
        String code = r == null || r.code() == null ? "" : r.code().strip();
        boolean wellFormed = code.matches("[0-9]{6}");
        ContestRuntime rt = wellFormed ? contests.byCode(code).orElse(null) : null;
        // refused before anything else, with the same answer whatever the code: no oracle for a guesser
        long wait = limiter.addressWait(address, rt == null ? null : rt.id());
        if (wait > 0) {
            throw ApiException.tooManyRequests("RATE_LIMITED", "too many unknown contest codes from your address; "
                    + "try again in " + wait + " s", wait);
        }
        if (!wellFormed) {
            limiter.failed(address);
            throw ApiException.invalid(List.of(new FieldError("code", "must be the 6-digit contest code")));
        }
        if (rt == null && contests.recentlyClosed(code)) {
            throw new ApiException(403, "CONTEST_CLOSED", "the contest with code " + code + " has finished", List.of());
        }
        if (rt == null) {
            limiter.failed(address);
            throw new ApiException(404, "NOT_FOUND", "no open contest has the code " + code, List.of());
        }
        limiter.reached(address, rt.id());
        NicknameRules.Result n = NicknameRules.check(r.nickname(), config.join().blocklist().orElse(List.of()),
                config.join().maxCombiningMarks());
        if (n.error() != null) {
            throw ApiException.invalid(List.of(new FieldError("nickname", n.error())));
        }
        String nickname = n.nickname();
        String key = NicknameRules.key(nickname);
        String token = token();
        ContestRuntime.JoinCheck check = rt.reserve(nickname, key, hash(token), clock.now(), limiter::tryJoin);
        if (check instanceof ContestRuntime.Refusal refusal) {
            throw refused(refusal, nickname);
        }
        ContestRuntime.Reservation p = (ContestRuntime.Reservation) check;
        CompletableFuture<JoinResponse> result = new CompletableFuture<>();
        writer.append(new LiveWriter.ParticipantRow(rt.id(), p.participantId(), p.nickname(), p.nicknameKey(),
                        p.tokenHash(), p.joinedAt()))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        rt.release(p);
                        result.completeExceptionally(new ApiException(503, "UNAVAILABLE",
                                "the join could not be stored; try again", List.of()));
                    } else {
                        rt.admit(p);
                        result.complete(new JoinResponse(rt.id(), p.participantId(), token, p.nickname()));
                    }
                });
        return result;
    }

    private static ApiException refused(ContestRuntime.Refusal refusal, String nickname) {
        if (refusal instanceof ContestRuntime.Closed) {
            return new ApiException(403, "CONTEST_CLOSED", "the contest has finished", List.of());
        }
        if (refusal instanceof ContestRuntime.Full full) {
            return new ApiException(403, "CONTEST_FULL", "the contest is full: it admits " + full.max()
                    + " participants", List.of());
        }
        if (refusal instanceof ContestRuntime.Taken taken) {
            String msg = "the nickname '" + nickname + "' is taken in this contest";
            return new ApiException(409, "NICKNAME_TAKEN", msg, List.of(), new NicknameTaken("NICKNAME_TAKEN", msg,
                    taken.suggestion()));
        }
        ContestRuntime.TooFast fast = (ContestRuntime.TooFast) refusal;
        return ApiException.tooManyRequests("RATE_LIMITED", "this contest admits " + fast.perMinute()
                + " joins a minute; try again in " + fast.waitSeconds() + " s", fast.waitSeconds());
    }

    static String token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** What is stored of a participant token: its SHA-256, never the token. */
    public static String hash(String token) {
        return Hashing.sha256Hex(token);
    }

}
