package io.jingda.contest;

import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.question.QuestionRules;
import io.jingda.system.FieldError;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The rules of a self-paced contest's definition: every field of docs/online.md, with its default and its
 * bounds. Pure: a request in, the settings (or the errors, each naming its field) out.
 */
public final class OnlineRules {
    public static final int MAX_POOL = 1000;
    public static final int MAX_PER_ATTEMPT = 100;
    public static final int DEFAULT_PER_ATTEMPT = 10;
    public static final int MAX_ATTEMPTS = 100;
    public static final int MIN_TOTAL = 30;
    public static final int MAX_TOTAL = 14_400;
    public static final int DEFAULT_MIN_RESPONSE_MS = 1000;
    public static final int MAX_PUBLIC_PERSONS = 1000;

    private OnlineRules() {
    }

    /** The checked settings, the window as epoch ms and the unit list (empty unless {@code units} is a list). */
    public record Checked(OnlineSettings settings, long opensAt, long closesAt, List<UnitList.Line> units) {
    }

    /** Parses an instant: ISO-8601 with an offset ({@code 2026-12-05T08:00:00+08:00} or {@code …Z}). */
    public static Long instant(String s, String field, List<FieldError> errors) {
        if (s == null || s.isBlank()) {
            errors.add(new FieldError(field, "is required (an ISO-8601 time with its offset, e.g. 2026-12-05T08:00:00+08:00)"));
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.strip()).toEpochMilli();
            } catch (DateTimeParseException again) {
                errors.add(new FieldError(field, "'" + s + "' is not an ISO-8601 time with its offset"
                        + " (e.g. 2026-12-05T08:00:00+08:00)"));
                return null;
            }
        }
    }

    public static Checked check(ContestRequest r, int poolSize, int maxParticipantsCeiling, List<FieldError> errors) {
        if (r.rounds() != null && !r.rounds().isEmpty()) {
            errors.add(new FieldError("rounds", "a self-paced contest has no rounds"));
        }
        if (r.teams() != null && !r.teams().isEmpty()) {
            errors.add(new FieldError("teams", "a self-paced contest is played by persons and units, not teams"));
        }
        if (r.autoAdvance() != null) {
            errors.add(new FieldError("autoAdvance", "a self-paced contest has no host-paced screens"));
        }
        if (poolSize > MAX_POOL) {
            errors.add(new FieldError("questionIds", "a pool has at most " + MAX_POOL + " questions"));
        }
        Long opens = instant(r.opensAt(), "opensAt", errors);
        Long closes = instant(r.closesAt(), "closesAt", errors);
        if (opens != null && closes != null && closes <= opens) {
            errors.add(new FieldError("closesAt", "must be after opensAt"));
        }
        int perAttempt = r.questionsPerAttempt() == null ? Math.min(DEFAULT_PER_ATTEMPT, Math.max(1, poolSize))
                : r.questionsPerAttempt();
        if (perAttempt < 1 || perAttempt > MAX_PER_ATTEMPT) {
            errors.add(new FieldError("questionsPerAttempt", "must be between 1 and " + MAX_PER_ATTEMPT));
        } else if (poolSize > 0 && perAttempt > poolSize) {
            errors.add(new FieldError("questionsPerAttempt", "is " + perAttempt + " but the pool has only "
                    + poolSize + " questions"));
        }
        int attempts = r.attemptsAllowed() == null ? 1 : r.attemptsAllowed();
        if (attempts < 1 || attempts > MAX_ATTEMPTS) {
            errors.add(new FieldError("attemptsAllowed", "must be between 1 and " + MAX_ATTEMPTS));
        }
        String attemptScore = oneOf(r.attemptScore(), OnlineSettings.BEST, Set.of(OnlineSettings.BEST, OnlineSettings.LAST),
                "attemptScore", errors);
        if (r.timeLimitTotal() != null && (r.timeLimitTotal() < MIN_TOTAL || r.timeLimitTotal() > MAX_TOTAL)) {
            errors.add(new FieldError("timeLimitTotal", "must be between " + MIN_TOTAL + " and " + MAX_TOTAL + " seconds"));
        }
        if (r.timeLimitTotal() != null && r.timeLimit() != null) {
            errors.add(new FieldError("timeLimit", "give timeLimit (per question) or timeLimitTotal (per attempt), not both"));
        }
        String show = oneOf(r.showAnswers(), OnlineSettings.AFTER_ATTEMPT, Set.of(OnlineSettings.AFTER_EACH,
                OnlineSettings.AFTER_ATTEMPT, OnlineSettings.AFTER_CLOSE), "showAnswers", errors);
        String unitsMode = OnlineSettings.UNITS_NONE;
        List<UnitList.Line> units = List.of();
        JsonNode u = r.units();
        if (u != null && !u.isNull()) {
            if (u.isTextual() && (u.asText().equals(OnlineSettings.UNITS_FREE) || u.asText().equals(OnlineSettings.UNITS_NONE))) {
                unitsMode = u.asText();
            } else if (u.isArray()) {
                unitsMode = OnlineSettings.UNITS_LIST;
                units = UnitList.fromJson(u, "units", errors);
                if (u.isEmpty()) {
                    errors.add(new FieldError("units", "a unit list needs at least one unit (or use \"free\")"));
                }
            } else {
                errors.add(new FieldError("units", "must be \"free\", \"none\" or a list of {name, parent, headcount}"));
            }
        }
        OnlineSettings.Identity id = r.identity() == null ? new OnlineSettings.Identity(null, null) : r.identity();
        String memberNo = oneOf(id.memberNo(), "none", Set.of("none", "optional", "required"), "identity.memberNo", errors);
        String by = oneOf(id.by(), "person", Set.of("person", "device"), "identity.by", errors);
        OnlineSettings.PublicRanking pub = r.publicRanking() == null ? new OnlineSettings.PublicRanking(null, null)
                : r.publicRanking();
        int persons = pub.persons() == null ? 0 : pub.persons();
        if (persons < 0 || persons > MAX_PUBLIC_PERSONS) {
            errors.add(new FieldError("publicRanking.persons", "must be between 0 and " + MAX_PUBLIC_PERSONS));
        }
        int minResponse = r.antiCheat() == null || r.antiCheat().minResponseMs() == null ? DEFAULT_MIN_RESPONSE_MS
                : r.antiCheat().minResponseMs();
        if (minResponse < 0 || minResponse > 60_000) {
            errors.add(new FieldError("antiCheat.minResponseMs", "must be between 0 and 60000"));
        }
        Integer max = r.maxParticipants();
        if (max != null && (max < 1 || max > maxParticipantsCeiling)) {
            errors.add(new FieldError("maxParticipants", "must be between 1 and " + maxParticipantsCeiling));
        }
        if (r.timeLimit() != null && (r.timeLimit() < QuestionRules.MIN_TIME_LIMIT || r.timeLimit() > QuestionRules.MAX_TIME_LIMIT)) {
            return null; // ContestService names it
        }
        if (opens == null || closes == null) {
            return null;
        }
        OnlineSettings s = new OnlineSettings(r.opensAt().strip(), r.closesAt().strip(), perAttempt, attempts,
                attemptScore, r.timeLimitTotal(), show, unitsMode, new OnlineSettings.Identity(memberNo, by),
                new OnlineSettings.PublicRanking(persons, Boolean.TRUE.equals(pub.units())),
                new OnlineSettings.AntiCheat(minResponse), max);
        return new Checked(s, opens, closes, units);
    }

    private static String oneOf(String given, String dflt, Set<String> allowed, String field, List<FieldError> errors) {
        String v = given == null ? dflt : given;
        if (!allowed.contains(v)) {
            errors.add(new FieldError(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList())));
        }
        return v;
    }
}
