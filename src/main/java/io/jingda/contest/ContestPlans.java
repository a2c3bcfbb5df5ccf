package io.jingda.contest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.jingda.question.Question;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionMapper;
import io.jingda.question.QuestionRepository;
import io.jingda.question.QuestionSet;
import io.jingda.question.QuestionSetRepository;
import io.jingda.question.RelatedQuestions;
import io.jingda.question.format.NativeFormat;
import io.jingda.question.format.NativeSetFormat;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.jingda.system.JsonErrors;
import io.jingda.system.JsonText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A contest's definition as a plan document: a {@link ContestRequest} with the questions named by their bank
 * ids and every setting resolved, so that {@code POST /api/contests} (JSON) or {@code POST /api/contests/plan}
 * (YAML or JSON) creates an equal contest. Drawn questions are written as the questions the draw gave (the draw
 * is named in the YAML's header comment), so the plan does not depend on the bank staying as it was. A bundle
 * adds the questions, one native set file per bank set, for another server to import first (docs/contests.md,
 * "Plans as YAML").
 */
@ApplicationScoped
public class ContestPlans {
    /** The largest plan {@code POST /api/contests/plan} reads: 200 questions and 16 teams fit in a few dozen KB. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_DEPTH = 32;

    private final ContestService contests;
    private final QuestionRepository bank;
    private final QuestionSetRepository sets;
    private final ObjectMapper yaml;
    private final ObjectMapper json;

    public ContestPlans(ContestService contests, QuestionRepository bank, QuestionSetRepository sets) {
        this.contests = contests;
        this.bank = bank;
        this.sets = sets;
        LoaderOptions lo = new LoaderOptions();
        lo.setNestingDepthLimit(MAX_DEPTH);
        lo.setMaxAliasesForCollections(20);
        lo.setCodePointLimit(MAX_BYTES);
        StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
        this.yaml = configure(new ObjectMapper(YAMLFactory.builder().loaderOptions(lo).streamReadConstraints(limits)
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build()));
        this.json = configure(JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(limits).build()).build());
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
    }

    /** The syntax of a plan document. */
    public enum Syntax {
        YAML, JSON;

        NativeFormat.Syntax nativeSyntax() {
            return this == YAML ? NativeFormat.Syntax.YAML : NativeFormat.Syntax.JSON;
        }
    }

    /** A plan and what a reader should know about it (drawn questions, questions gone from the bank). */
    public record Plan(long contestId, ContestRequest request, List<String> notes) {
    }

    /** The plan of contest {@code id}, for its host (or an admin). */
    @Transactional
    public Plan plan(long id, Caller caller) {
        ContestDto c = contests.get(id, caller);
        ContestSettings s = c.settings();
        List<String> bankIds = c.questions().stream().map(ContestDto.QuestionView::bankId).toList();
        List<String> notes = new ArrayList<>();
        List<Question> found = bankQuestions(bankIds);
        List<String> missing = bankIds.stream().filter(b -> found.stream().noneMatch(q -> q.id.equals(b))).toList();
        if (!missing.isEmpty()) {
            notes.add("not in this server's bank any more (the plan loads only where they are): "
                    + String.join(", ", missing));
        }
        boolean related = !RelatedQuestions.pairs(found).isEmpty();
        List<RoundRequest> rounds = null;
        List<String> ids = null;
        ContestSettings.Draw draw = null;
        if (s.rounds() != null) {
            rounds = new ArrayList<>();
            for (RoundDefinition d : s.rounds()) {
                List<String> own = bankIds.subList(d.from(), d.from() + d.count());
                ContestSettings.Draw roundDraw = null;
                if (d.draw() != null) {
                    if (own.isEmpty()) {
                        roundDraw = d.draw();
                    } else {
                        notes.add("rounds[" + d.index() + "] was drawn " + JsonText.write(d.draw())
                                + ": these are the questions it drew");
                    }
                }
                rounds.add(round(d, own.isEmpty() ? null : List.copyOf(own), roundDraw));
            }
        } else if (s.draw() != null && bankIds.isEmpty()) {
            draw = s.draw();
        } else {
            ids = List.copyOf(bankIds);
            if (s.draw() != null) {
                notes.add("drawn " + JsonText.write(s.draw()) + ": these are the questions it drew");
            }
        }
        List<TeamRequest> teams = s.teams() == null ? null : s.teams().stream()
                .map(t -> new TeamRequest(t.name(), t.color(), t.members().isEmpty() ? null : t.members(), t.captain()))
                .toList();
        ContestRequest r = new ContestRequest(c.title(), ids, draw, s.timeLimit(), s.scoring(),
                s.shuffleOptions(), s.leaderboardSize(), s.autoAdvance(), s.maxParticipants(), s.round(),
                s.joinsPerMinute(), related ? Boolean.TRUE : null, teams, s.teamPick(), s.teamSize(), s.teamScoring(),
                s.baseScore(), rounds).withMultipliers(QuestionMultipliers.overrides(
                c.questions().stream().map(ContestDto.QuestionView::multiplier).toList(), s.rounds()));
        return new Plan(id, r, notes);
    }

    /** A round's resolved settings as a request gives them (the kind's own settings only, as its rules want). */
    static RoundRequest round(RoundDefinition d, List<String> questionIds, ContestSettings.Draw draw) {
        return new RoundRequest(d.kind(), d.title(), questionIds, draw, d.answerSeconds(), d.answerer(), d.requireGo(),
                d.rightPoints(), d.wrongPoints(), d.answerMode(), d.readingSeconds(), d.buzzSeconds(), d.falseStart(),
                d.falseStartPoints(), d.answerStartSeconds(), d.rebound(), d.stakes(), d.stakeOrder(), d.stakeSeconds(),
                d.floorZero(), d.leaderboard(), d.multiplier());
    }

    /** The plan as a document: YAML with a header comment, or JSON. */
    public byte[] write(Plan plan, Syntax syntax) {
        try {
            if (syntax == Syntax.JSON) {
                return json.writeValueAsBytes(plan.request());
            }
            StringBuilder head = new StringBuilder();
            head.append("# Jingda contest plan: ").append(oneLine(plan.request().title())).append(" (contest ")
                    .append(plan.contestId()).append(", exported ")
                    .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(")\n")
                    .append("# Load it with POST /api/contests/plan (Content-Type: application/yaml).\n")
                    .append("# questionIds are question ids of the bank; every setting is written out.\n");
            plan.notes().forEach(n -> head.append("# ").append(oneLine(n)).append('\n'));
            return (head + yaml.writeValueAsString(plan.request())).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A zip of the plan ({@code plan.yaml}) and its questions as they are in the bank now, one native set
     * file per set ({@code sets/<set id>.yaml}, holding only the contest's questions of that set, in contest
     * order), with a README that says in which order to load them.
     */
    @Transactional
    public byte[] bundle(long id, Caller caller, Syntax syntax) {
        Plan plan = plan(id, caller);
        List<String> bankIds = contests.get(id, caller).questions().stream().map(ContestDto.QuestionView::bankId)
                .toList();
        Map<String, List<QuestionDto>> bySet = new LinkedHashMap<>();
        for (Question q : bankQuestions(bankIds)) {
            bySet.computeIfAbsent(q.setId, k -> new ArrayList<>()).add(QuestionMapper.toDto(q));
        }
        String ext = syntax == Syntax.JSON ? "json" : "yaml";
        NativeSetFormat format = new NativeSetFormat(syntax.nativeSyntax());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "plan." + ext, write(plan, syntax));
            StringBuilder readme = new StringBuilder("Jingda contest plan with its questions\r\n\r\n"
                    + "1. Import every file in sets/ (POST /api/imports with mode=commit; role organizer).\r\n"
                    + "   Question ids are kept where they are free; a question whose id is taken gets a new one,\r\n"
                    + "   and the import report says so: then change that id in the plan.\r\n"
                    + "2. Load plan." + ext + " (POST /api/contests/plan; role host).\r\n\r\n"
                    + "竞答赛题计划及其题目：先导入 sets/ 下的每个题库文件（POST /api/imports，mode=commit），\r\n"
                    + "再加载 plan." + ext + "（POST /api/contests/plan）。题目 id 已被占用时会得到新 id，请在计划中相应修改。\r\n");
            entry(zip, "README.txt", readme.toString().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, List<QuestionDto>> e : bySet.entrySet()) {
                QuestionSet set = sets.findById(e.getKey());
                var header = set == null ? new io.jingda.question.QuestionSetDto(e.getKey(), e.getKey(), null, null,
                        List.of(), null) : QuestionMapper.toDto(set, null);
                entry(zip, "sets/" + fileName(e.getKey()) + "." + ext, format.write(header, e.getValue()).data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Creates the contest a plan document describes. Errors name the field and, where it is, its line. */
    public ContestDto load(byte[] body, Syntax syntax, Caller caller) {
        String text = text(body);
        ContestRequest r = read(text, syntax);
        try {
            return contests.create(r, caller);
        } catch (ApiException e) {
            if (!"VALIDATION_FAILED".equals(e.code())) {
                throw e;
            }
            Map<String, Integer> lines = lines(text, syntax);
            throw ApiException.invalid(e.errors().stream().map(f -> {
                Integer line = lineOf(f.field(), lines);
                return line == null ? f : new FieldError(f.field(), f.message() + " (line " + line + ")");
            }).toList());
        }
    }

    ContestRequest read(String text, Syntax syntax) {
        try {
            ContestRequest r = (syntax == Syntax.JSON ? json : yaml).readValue(text, ContestRequest.class);
            if (r == null) {
                throw ApiException.invalid(List.of(new FieldError("body", "is empty: a contest plan is required")));
            }
            return r;
        } catch (JsonMappingException e) {
            // the parser's location is where it stopped (for YAML often the line after); the field's own is exact
            JsonErrors.Problem p = JsonErrors.describe(e);
            Integer line = lineOf(p.field(), lines(text, syntax));
            String message = line == null ? p.message() : p.message().contains("(line ")
                    ? p.message().replaceFirst("\\(line \\d+(, column \\d+)?\\)", "(line " + line + ")")
                    : p.message() + " (line " + line + ")";
            throw ApiException.invalid(List.of(new FieldError(p.field(), message)));
        } catch (JsonProcessingException e) {
            if (syntax == Syntax.JSON) {
                JsonErrors.Problem p = JsonErrors.describe(e);
                throw ApiException.invalid(List.of(new FieldError(p.field(), p.message())));
            }
            String first = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
            throw ApiException.invalid(List.of(new FieldError("body", "is not valid YAML" + where(e.getLocation())
                    + ": " + JsonErrors.scrub(first))));
        } catch (RuntimeException e) {
            if (e instanceof ApiException a) {
                throw a;
            }
            // snakeyaml reports its limits (nesting, aliases, size) as runtime exceptions
            String first = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw ApiException.invalid(List.of(new FieldError("body", "is not valid "
                    + (syntax == Syntax.JSON ? "JSON" : "YAML") + ": " + JsonErrors.scrub(first))));
        }
    }

    private static String text(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.invalid(List.of(new FieldError("body", "is empty: a contest plan is required")));
        }
        if (body.length > MAX_BYTES) {
            throw ApiException.invalid(List.of(new FieldError("body", "is larger than " + MAX_BYTES / 1024
                    + " KB: a plan names its questions, it does not carry them")));
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw ApiException.invalid(List.of(new FieldError("body", "is not valid UTF-8")));
        }
    }

    /** The line of each field and list item of a document, by the path the rules name it with ({@code rounds[1].stakes}). */
    Map<String, Integer> lines(String text, Syntax syntax) {
        Map<String, Integer> out = new HashMap<>();
        ObjectMapper m = syntax == Syntax.JSON ? json : yaml;
        try (JsonParser p = m.getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    ctx = ctx.getParent();
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY || ctx == null) {
                    continue;
                }
                if (t == JsonToken.FIELD_NAME || ctx.inArray()) {
                    int line = p.currentTokenLocation().getLineNr();
                    if (line > 0) {
                        out.putIfAbsent(path(ctx), line);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the document was read once already; a map short of some lines only loses hints
        }
        return out;
    }

    private static String path(JsonStreamContext ctx) {
        if (ctx == null || ctx.inRoot()) {
            return "";
        }
        String parent = path(ctx.getParent());
        if (ctx.inArray()) {
            return parent + "[" + ctx.getCurrentIndex() + "]";
        }
        String name = ctx.getCurrentName();
        return name == null ? parent : parent.isEmpty() ? name : parent + "." + name;
    }

    /** The line of a field, or of the nearest enclosing one that is in the document. */
    static Integer lineOf(String field, Map<String, Integer> lines) {
        String f = field;
        while (f != null && !f.isEmpty()) {
            Integer line = lines.get(f);
            if (line != null) {
                return line;
            }
            int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
            f = cut <= 0 ? null : f.substring(0, cut);
        }
        return null;
    }

    private List<Question> bankQuestions(List<String> ids) {
        List<Question> out = new ArrayList<>();
        for (String id : ids) {
            Question q = id == null ? null : bank.findById(id);
            if (q != null) {
                out.add(q);
            }
        }
        return out;
    }

    private static void entry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    /** A set id as a file name: letters, digits, '.', '_' and '-' only. */
    static String fileName(String setId) {
        String s = Objects.requireNonNullElse(setId, "set").replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceAll("^\\.+", "_");
        return s.isEmpty() ? "set" : s;
    }

    private static String where(JsonLocation loc) {
        if (loc == null || loc.getLineNr() <= 0) {
            return "";
        }
        return " (line " + loc.getLineNr() + (loc.getColumnNr() > 0 ? ", column " + loc.getColumnNr() : "") + ")";
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
