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
    private final Relay relay;

    public JoinService(LiveContests contests, LiveWriter writer, JoinRateLimiter limiter, ContestClock clock,
                       ContestConfig config, Relay relay) {
        this.relay = relay;
        this.contests = contests;
        this.writer = writer;
        this.limiter = limiter;
        this.clock = clock;
        this.config = config;
    }

    public record NicknameTaken(String code, String message, String suggestion) {
    }

    public CompletionStage<JoinResponse> join(JoinRequest r, String address) {
        try {
            return joinAs(r, address);
        } finally {
            ContestMdc.clear();
        }
    }

    private CompletionStage<JoinResponse> joinAs(JoinRequest r, String address) {
        String code = r == null || r.code() == null ? "" : r.code().strip();
        boolean wellFormed = code.matches("[0-9]{6}");
        ContestRuntime rt = wellFormed ? contests.byCode(code).orElse(null) : null;
        if (rt == null && wellFormed && relay.enabled()) {
            return joinElsewhere(r, code, address);
        }
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
        ContestMdc.put(rt.id());
        NicknameRules.Result n = NicknameRules.check(r.nickname(), config.join().blocklist().orElse(List.of()),
                config.join().maxCombiningMarks());
        if (n.error() != null) {
            throw ApiException.invalid(List.of(new FieldError("nickname", n.error())));
        }
        String nickname = n.nickname();
        String key = NicknameRules.key(nickname);
        String token = token();
        ContestRuntime.JoinCheck check = rt.reserve(nickname, key, hash(token), clock.now(), limiter::tryJoin,
                r.teamId());
        if (check instanceof ContestRuntime.Refusal refusal) {
            throw refused(refusal, nickname);
        }
        ContestRuntime.Reservation p = (ContestRuntime.Reservation) check;
        CompletableFuture<JoinResponse> result = new CompletableFuture<>();
        writer.append(new LiveWriter.ParticipantRow(rt.id(), p.participantId(), p.nickname(), p.nicknameKey(),
                        p.tokenHash(), p.joinedAt(), p.teamId()))
                .whenComplete((v, e) -> {
                    if (e != null) {
                        rt.release(p);
                        result.completeExceptionally(new ApiException(503, "UNAVAILABLE",
                                "the join could not be stored; try again", List.of()));
                    } else {
                        rt.admit(p);
                        result.complete(new JoinResponse(rt.id(), p.participantId(), token, p.nickname(), p.teamId()));
                    }
                });
        return result;
    }

    /**
     * Several nodes: the contest is not run here. The owner takes the join (its limits, its nickname
     * claim); this node refuses what it can tell from the database, as it would for a contest of its own.
     */
    private CompletionStage<JoinResponse> joinElsewhere(JoinRequest r, String code, String address) {
        long wait = limiter.addressWait(address, null);
        if (wait > 0) {
            throw ApiException.tooManyRequests("RATE_LIMITED", "too many unknown contest codes from your address; "
                    + "try again in " + wait + " s", wait);
        }
        return relay.contestByCode(code).thenCompose(found -> {
            Relay.OpenContest c = found.orElse(null);
            if (c != null && c.open()) {
                return relay.call(c.id(), Relay.Call.JOIN, new Relay.JoinCall(r, address), null,
                        new com.fasterxml.jackson.core.type.TypeReference<JoinResponse>() { });
            }
            if (c != null && c.status() == io.jingda.contest.ContestStatus.FINISHED) {
                throw new ApiException(403, "CONTEST_CLOSED", "the contest with code " + code + " has finished", List.of());
            }
            limiter.failed(address);
            throw new ApiException(404, "NOT_FOUND", "no open contest has the code " + code, List.of());
        });
    }


    /** What the join page shows before a participant joins: the contest's title and, in a team contest, its teams. */
    public record Lookup(long contestId, String title, String status, String teamPick, List<TeamChoice> teams) {
    }

    /** A team a participant may pick; {@code full} when it has its most members. */
    public record TeamChoice(int id, String name, String color, boolean full) {
    }

    /** GET /api/join/{code}: an unknown code counts against the address as a failed join does. */
    public Lookup lookup(String code, String address) {
        String c = code == null ? "" : code.strip();
        ContestRuntime rt = c.matches("[0-9]{6}") ? contests.byCode(c).orElse(null) : null;
        if (rt == null && relay.enabled() && c.matches("[0-9]{6}") && limiter.addressWait(address, null) == 0) {
            Relay.OpenContest elsewhere = relay.contestByCode(c).toCompletableFuture().join()
                    .filter(Relay.OpenContest::open).orElse(null);
            if (elsewhere != null) {
                try {
                    return relay.call(elsewhere.id(), Relay.Call.LOOKUP, new Relay.LookupCall(c, address), null,
                            new com.fasterxml.jackson.core.type.TypeReference<Lookup>() { }).join();
                } catch (java.util.concurrent.CompletionException e) {
                    throw e.getCause() instanceof RuntimeException x ? x : e;
                }
            }
        }
        long wait = limiter.addressWait(address, rt == null ? null : rt.id());
        if (wait > 0) {
            throw ApiException.tooManyRequests("RATE_LIMITED", "too many unknown contest codes from your address; "
                    + "try again in " + wait + " s", wait);
        }
        if (rt == null) {
            limiter.failed(address);
            throw new ApiException(404, "NOT_FOUND", "no open contest has the code " + c, List.of());
        }
        List<TeamChoice> teams = rt.settings().teams() == null ? null : rt.settings().teams().stream()
                .map(t -> new TeamChoice(t.id(), t.name(), t.color(), rt.teamFull(t.id()))).toList();
        return new Lookup(rt.id(), rt.title(), rt.status().name(), rt.settings().teamPick(), teams);
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
        if (refusal instanceof ContestRuntime.TeamFull full) {
            return new ApiException(409, "TEAM_FULL", "team " + full.teamId() + " is full: it has " + full.size()
                    + " members", List.of());
        }
        if (refusal instanceof ContestRuntime.NoSuchTeam none) {
            return ApiException.invalid(List.of(new FieldError("teamId", "this contest has no team " + none.teamId())));
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
