package io.jingda.contest.results;

import io.jingda.scoring.AnswerTally;
import io.jingda.system.Spreadsheets;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Results as CSV or XLSX, written by {@link Spreadsheets}: every text cell goes through its formula
 * guard (a cell that a spreadsheet would read as a formula, =, +, -, @, TAB, CR, NUL first, is
 * prefixed with ').
 */
public final class ResultsExport {
    private ResultsExport() {
    }

    /** Column headers: English, whatever the language of the page that asked for the export. */
    static final List<String> STANDINGS = List.of("Rank", "Nickname", "Score", "Correct answers",
            "Time on correct answers (ms)");
    static final List<String> TEAMS = List.of("Rank", "Team", "Colour", "Score", "Base score", "Round points",
            "Rulings", "Member points", "Members");
    static final List<String> RULINGS = List.of("No.", "Team", "Participant", "Points", "Reason", "Undoes", "By",
            "At (UTC)");
    static final List<String> QUESTIONS = List.of("No.", "Question", "Type", "Points", "Multiplier", "Answered", "Correct (%)",
            "Average time (ms)", "Answers");

    /**
     * The Content-Disposition of an export: named after the contest's title and the day it was
     * created (server time zone), e.g. {@code 党史知识赛-2026-12-01-results.csv}. The name is made
     * safe for every file system; {@code filename*} (RFC 5987, UTF-8) carries it in full and
     * {@code filename} is an ASCII fallback: the title itself if it is ASCII, else
     * {@code contest-{id}-{date}-results.csv}.
     */
    public static String contentDisposition(long contestId, String title, Instant createdAt, ZoneId zone,
                                            String extension) {
        String date = createdAt == null ? "" : "-" + LocalDate.ofInstant(createdAt, zone);
        String suffix = date + "-results." + extension;
        String safe = safeName(title);
        String ascii = asciiName(safe);
        String fallback = (ascii.isEmpty() ? "contest-" + contestId : ascii) + suffix;
        String full = (safe.isEmpty() ? "contest-" + contestId : safe) + suffix;
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(full);
    }

    private static final int MAX_NAME = 80;

    /** The title without characters that file systems or headers refuse, spaces as '-', at most 80 code points. */
    static String safeName(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        title.strip().codePoints().limit(400).forEach(cp -> {
            boolean bad = cp < 0x20 || cp == 0x7F || "\\/:*?\"<>|;%".indexOf(cp) >= 0
                    || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.SURROGATE
                    || Character.getType(cp) == Character.PRIVATE_USE || Character.getType(cp) == Character.UNASSIGNED;
            sb.appendCodePoint(bad || Character.isWhitespace(cp) || Character.isSpaceChar(cp) ? '-' : cp);
        });
        String s = sb.toString().replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        if (s.codePointCount(0, s.length()) > MAX_NAME) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_NAME)).replaceAll("[-.]+$", "");
        }
        return s;
    }

    /** An ASCII title with only letters, digits, '.', '_' and '-'; empty for a title with other characters. */
    static String asciiName(String safe) {
        if (safe.chars().anyMatch(c -> c > 0x7E)) {
            return "";
        }
        String s = safe.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
        return s.chars().anyMatch(Character::isLetterOrDigit) ? s : "";
    }

    /** RFC 5987 ext-value encoding: attr-char as is, every other UTF-8 byte as %XX. */
    static String rfc5987(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return sb.toString();
    }

    static List<List<Object>> standingRows(ResultsService.Results r) {
        Map<Integer, String> teams = teamNames(r);
        return r.standings().stream().map(s -> {
            List<Object> row = new ArrayList<>(List.of(s.rank(), s.nickname(), s.score(), s.correct(), s.correctTimeMs()));
            if (r.teams() != null) {
                row.add(s.teamId() == null ? "" : teams.getOrDefault(s.teamId(), String.valueOf(s.teamId())));
            }
            return row;
        }).toList();
    }

    static List<List<Object>> teamRows(ResultsService.Results r) {
        return r.teams().stream().map(t -> List.<Object>of(t.rank(), t.name(), t.color(), t.score(), t.baseScore(),
                t.roundPoints(), t.rulings(), t.memberPoints(), r.standings().stream()
                        .filter(s -> Integer.valueOf(t.id()).equals(s.teamId())).map(ResultsService.Standing::nickname)
                        .collect(Collectors.joining("; ")))).toList();
    }

    static List<List<Object>> rulingRows(ResultsService.Results r) {
        Map<Integer, String> teams = teamNames(r);
        Map<Long, String> people = new HashMap<>();
        r.standings().forEach(s -> people.put(s.participantId(), s.nickname()));
        return r.rulings().stream().map(x -> List.<Object>of(x.id(),
                x.teamId() == null ? "" : teams.getOrDefault(x.teamId(), String.valueOf(x.teamId())),
                x.participantId() == null ? "" : people.getOrDefault(x.participantId(), "#" + x.participantId()),
                x.points(), x.reason(), x.undoes() == null ? "" : x.undoes(), x.by(),
                Instant.ofEpochMilli(x.at()).truncatedTo(ChronoUnit.SECONDS).toString())).toList();
    }

    private static Map<Integer, String> teamNames(ResultsService.Results r) {
        Map<Integer, String> names = new HashMap<>();
        if (r.teams() != null) {
            r.teams().forEach(t -> names.put(t.id(), t.name()));
        }
        return names;
    }

    static List<List<Object>> questionRows(ResultsService.Results r) {
        return r.questions().stream().map(q -> List.<Object>of(q.index() + 1, q.stem(), q.type(), q.points(),
                multiplier(q.multiplier()), q.answered(),
                q.correctPercent() == null ? "" : q.correctPercent(), q.averageTimeMs() == null ? "" : q.averageTimeMs(),
                distribution(q))).toList();
    }

    /** 2 rather than 2.0; 0.5 as is. */
    static String multiplier(double m) {
        return java.math.BigDecimal.valueOf(m).stripTrailingZeros().toPlainString();
    }

    /**
     * The answer counts as text: per option ("✓" marks a right one), a poll's votes per option, or an
     * ordering's options in the right order with how many put each there, then the orders given.
     */
    private static String distribution(ResultsService.QuestionStat q) {
        if (q.options() != null && "ordering".equals(q.type())) {
            Map<String, String> texts = new HashMap<>();
            q.options().forEach(o -> texts.put(o.id(), o.text()));
            String placed = q.options().stream().map(o -> o.position() + ". " + o.text() + ": " + o.count())
                    .collect(Collectors.joining("; "));
            String orders = q.distribution().entrySet().stream().map(e -> (e.getKey().equals(AnswerTally.REST) ? e.getKey()
                    : java.util.Arrays.stream(e.getKey().split(",")).map(id -> texts.getOrDefault(id, id))
                    .collect(Collectors.joining(" > "))) + ": " + e.getValue()).collect(Collectors.joining("; "));
            return orders.isEmpty() ? placed : placed + " | " + orders;
        }
        if (q.options() != null) {
            return q.options().stream().map(o -> (o.correct() ? "✓" : "") + o.text() + ": " + o.count())
                    .collect(Collectors.joining("; "));
        }
        return q.distribution().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    public static byte[] csv(ResultsService.Results r) {
        return Spreadsheets.csv(sheets(r));
    }

    public static byte[] xlsx(ResultsService.Results r) {
        return Spreadsheets.xlsx(sheets(r));
    }

    /**
     * Standings and Questions, as before; a team contest adds the Team column to the standings and puts its
     * Teams table first; Rulings come last when the host gave any.
     */
    private static List<Spreadsheets.Sheet> sheets(ResultsService.Results r) {
        List<Spreadsheets.Sheet> sheets = new ArrayList<>();
        if (r.teams() != null) {
            sheets.add(Spreadsheets.Sheet.of("Teams", TEAMS, teamRows(r)));
            List<String> header = new ArrayList<>(STANDINGS);
            header.add("Team");
            sheets.add(Spreadsheets.Sheet.of("Standings", header, standingRows(r)));
        } else {
            sheets.add(Spreadsheets.Sheet.of("Standings", STANDINGS, standingRows(r)));
        }
        sheets.add(Spreadsheets.Sheet.of("Questions", QUESTIONS, questionRows(r)));
        if (r.rulings() != null && !r.rulings().isEmpty()) {
            sheets.add(Spreadsheets.Sheet.of("Rulings", RULINGS, rulingRows(r)));
        }
        return sheets;
    }
}
