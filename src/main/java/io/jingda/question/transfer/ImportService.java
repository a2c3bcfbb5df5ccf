package io.jingda.question.transfer;

import io.jingda.question.Origin;
import io.jingda.question.Question;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionIds;
import io.jingda.question.QuestionMapper;
import io.jingda.question.QuestionRepository;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSet;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.QuestionSetRepository;
import io.jingda.question.format.FormatException;
import io.jingda.question.format.Formats;
import io.jingda.question.format.ImportLimits;
import io.jingda.question.format.ImportProblem;
import io.jingda.question.format.ParseResult;
import io.jingda.question.format.ParsedQuestion;
import io.jingda.question.format.QuestionFormat;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Imports an uploaded question file: reads it with its format, checks every question with
 * {@link QuestionRules} (the same rules as REST and the loader), finds duplicates in the target set,
 * and either reports the plan (preview) or writes it in one transaction (commit), all or nothing.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int FLUSH_EVERY = 500;

    public enum Mode { PREVIEW, COMMIT }

    public enum OnDuplicate { SKIP, UPDATE, FAIL }

    /** The upload: the file as the server stored it, and the form fields as sent (raw, checked here). */
    public record ImportRequest(String fileName, Path file, String format, String set, String newSetTitle,
                                String mode, String onDuplicate) {
    }

    private final QuestionRepository questions;
    private final QuestionSetRepository sets;
    private final ImportConfig config;

    public ImportService(QuestionRepository questions, QuestionSetRepository sets, ImportConfig config) {
        this.questions = questions;
        this.sets = sets;
        this.config = config;
    }

    public ImportReport run(ImportRequest req) {
        Mode mode = parseEnum(Mode.class, req.mode(), Mode.PREVIEW, "mode", "preview or commit");
        OnDuplicate onDuplicate = parseEnum(OnDuplicate.class, req.onDuplicate(), OnDuplicate.SKIP, "onDuplicate",
                "skip, update or fail");
        String modeName = mode.name().toLowerCase(Locale.ROOT);
        if (notBlank(req.set()) && notBlank(req.newSetTitle())) {
            throw ApiException.invalid(List.of(new FieldError("newSetTitle", "give either set (an existing set) or"
                    + " newSetTitle (a new one), not both")));
        }
        if (req.file() == null) {
            throw ApiException.invalid(List.of(new FieldError("file", "is required: the question file to import")));
        }
        QuestionFormat requested = null;
        if (notBlank(req.format())) {
            requested = Formats.byId(req.format()).orElseThrow(() -> ApiException.invalid(List.of(new FieldError(
                    "format", "unknown format '" + req.format() + "' (expected one of " + String.join(", ", Formats.ids())
                    + ")"))));
        }
        ImportLimits limits = config.limits();
        byte[] data = read(req, limits, modeName);
        QuestionFormat format = requested != null ? requested : Formats.detect(req.fileName(), data).orElseThrow(() ->
                new ApiException(415, "UNKNOWN_FORMAT", "cannot tell the file's format from its name or content",
                        List.of(), ImportReport.refused("UNKNOWN_FORMAT", "cannot tell the file's format from its name or"
                        + " content; pass format (" + String.join(", ", Formats.ids()) + ")", req.fileName(), null,
                        modeName, List.of(ImportProblem.file("unknown format")))));
        ParseResult parsed = parse(format, data, limits, req.fileName(), modeName);
        try {
            return QuarkusTransaction.requiringNew().call(() -> plan(req, parsed, mode, onDuplicate));
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
    }

    private byte[] read(ImportRequest req, ImportLimits limits, String mode) {
        try {
            long size = Files.size(req.file());
            if (size > limits.maxBytes()) {
                String msg = "the file is " + mb(size) + "; the limit is " + mb(limits.maxBytes());
                throw new ApiException(413, "FILE_TOO_LARGE", msg, List.of(),
                        ImportReport.refused("FILE_TOO_LARGE", msg, req.fileName(), null, mode, List.of(ImportProblem.file(msg))));
            }
            if (size == 0) {
                String msg = "the file is empty";
                throw new ApiException(422, "INVALID_FILE", msg, List.of(),
                        ImportReport.refused("INVALID_FILE", msg, req.fileName(), null, mode, List.of(ImportProblem.file(msg))));
            }
            try (InputStream in = Files.newInputStream(req.file())) {
                return in.readNBytes((int) limits.maxBytes() + 1);
            }
        } catch (IOException e) {
            throw new ApiException(400, "UNREADABLE_UPLOAD", "the upload cannot be read: " + e.getMessage(), List.of());
        }
    }

    /** Parses with the format; any failure of a parser, even an unexpected one, refuses the file (422). */
    static ParseResult parse(QuestionFormat format, byte[] data, ImportLimits limits, String fileName, String mode) {
        String message;
        Integer line = null;
        try {
            return format.parse(data, limits);
        } catch (FormatException e) {
            message = e.getMessage();
            line = e.line();
        } catch (StackOverflowError | RuntimeException e) {
            LOG.warnf("unexpected failure reading %s as %s: %s", fileName, format.id(), e);
            message = "the file cannot be read as " + format.id() + " (the server's error has been logged)";
        }
        ImportProblem p = new ImportProblem(line, null, null, null, null, message);
        String what = (fileName == null || fileName.isBlank() ? "the file" : "'" + fileName + "'") + " cannot be imported: "
                + (line != null && !message.contains("line " + line) ? "line " + line + ": " : "") + message;
        throw new ApiException(422, "INVALID_FILE", what, List.of(),
                ImportReport.refused("INVALID_FILE", what, fileName, format.id(), mode, List.of(p)));
    }

    private ImportReport plan(ImportRequest req, ParseResult parsed, Mode mode, OnDuplicate onDuplicate) {
        List<ImportProblem> errors = new ArrayList<>(parsed.errors());
        List<ImportProblem> warnings = new ArrayList<>(parsed.warnings());
        Target target = target(req, parsed, errors);

        Map<String, Question> existing = new HashMap<>();
        if (!target.created) {
            for (Question q : questions.listBySet(target.dto.id())) {
                existing.putIfAbsent(DuplicateKey.of(q.stem, io.jingda.system.JsonText.tree(q.answer)), q);
            }
        }
        List<ImportReport.Item> items = new ArrayList<>();
        List<QuestionDto> creates = new ArrayList<>();
        Map<String, QuestionDto> updates = new HashMap<>();
        Map<String, String> seenInFile = new HashMap<>();
        int duplicates = 0;
        int skipped = parsed.skipped();
        for (ParsedQuestion pq : parsed.questions()) {
            var pos = pq.position();
            QuestionRules.Result r = QuestionRules.check(pq.question(), pq.fieldPrefix());
            if (!r.ok()) {
                for (FieldError e : r.errors()) {
                    String field = e.field();
                    String column = pq.columnOf(field.substring(Math.min(field.length(), pq.fieldPrefix().length())));
                    errors.add(ImportProblem.at(pos, column, field, e.message()));
                }
                items.add(item(pos, "error", null, pq.question()));
                continue;
            }
            QuestionDto q = r.question().withSet(target.dto.id());
            String key = DuplicateKey.of(q.stem(), q.answer());
            String where = describe(pos, pq.fieldPrefix());
            String earlier = seenInFile.putIfAbsent(key, where);
            if (earlier != null) {
                duplicates++;
                if (onDuplicate == OnDuplicate.FAIL) {
                    errors.add(ImportProblem.at(pos, null, null, "repeats the question at " + earlier));
                    items.add(item(pos, "error", null, q));
                } else {
                    skipped++;
                    warnings.add(ImportProblem.at(pos, null, null, "repeats the question at " + earlier + "; skipped"));
                    items.add(item(pos, "skip", null, q));
                }
                continue;
            }
            Question match = existing.get(key);
            if (match != null) {
                duplicates++;
                switch (onDuplicate) {
                    case SKIP -> {
                        skipped++;
                        items.add(item(pos, "skip", match.id, q));
                    }
                    case UPDATE -> {
                        QuestionDto u = q.withId(match.id);
                        updates.put(match.id, u);
                        items.add(item(pos, "update", match.id, u));
                    }
                    case FAIL -> {
                        errors.add(ImportProblem.at(pos, null, null, "the set already holds this question (id "
                                + match.id + ")"));
                        items.add(item(pos, "error", match.id, q));
                    }
                    default -> throw new IllegalStateException();
                }
                continue;
            }
            creates.add(q);
            items.add(item(pos, "create", null, q));
        }
        List<QuestionDto> toCreate = assignIds(creates, target.dto.id(), warnings);
        // items hold the create DTOs by position; put the final ids in
        int c = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).action().equals("create")) {
                ImportReport.Item it = items.get(i);
                items.set(i, new ImportReport.Item(it.line(), it.sheet(), it.row(), it.action(), null, toCreate.get(c++)));
            }
        }
        errors.sort(Comparator.comparing((ImportProblem p) -> p.line() == null ? 0 : p.line())
                .thenComparing(p -> p.row() == null ? 0 : p.row()));
        boolean write = mode == Mode.COMMIT && errors.isEmpty();
        ImportReport report = new ImportReport(
                mode == Mode.COMMIT && !errors.isEmpty() ? "IMPORT_FAILED" : null,
                mode == Mode.COMMIT && !errors.isEmpty() ? refusal(req.fileName(), errors) : null,
                req.fileName(), parsed.format(), parsed.encoding(), mode.name().toLowerCase(Locale.ROOT),
                onDuplicate.name().toLowerCase(Locale.ROOT), write,
                new ImportReport.Target(target.dto.id(), target.dto.title(), target.created),
                new ImportReport.Counts(parsed.questions().size(), toCreate.size(), updates.size(), skipped, duplicates,
                        errors.size(), warnings.size()),
                items, List.copyOf(errors), List.copyOf(warnings));
        if (mode == Mode.COMMIT && !errors.isEmpty()) {
            throw new ApiException(422, "IMPORT_FAILED", report.message(), List.of(), report);
        }
        if (write) {
            write(target, toCreate, updates);
        }
        return report;
    }

    /** "nothing was imported: 'a.gift' has 2 errors; the first: line 1: ...", so the message alone says where. */
    private static String refusal(String fileName, List<ImportProblem> errors) {
        return "nothing was imported: " + (notBlank(fileName) ? "'" + fileName + "'" : "the file") + " has "
                + errors.size() + (errors.size() == 1 ? " error: " : " errors; the first: ") + errors.get(0);
    }

    private record Target(QuestionSetDto dto, boolean created) {
    }

    private Target target(ImportRequest req, ParseResult parsed, List<ImportProblem> errors) {
        if (notBlank(req.set())) {
            QuestionSet s = sets.findById(req.set().strip());
            if (s == null) {
                throw ApiException.notFound("question set", req.set().strip());
            }
            return new Target(QuestionMapper.toDto(s, null), false);
        }
        QuestionSetDto header = parsed.set();
        String title;
        if (notBlank(req.newSetTitle())) {
            title = req.newSetTitle().strip();
            header = null;
        } else if (header != null && header.id() != null && QuestionRules.SET_ID.matcher(header.id()).matches()) {
            QuestionSet s = sets.findById(header.id());
            if (s != null) {
                return new Target(QuestionMapper.toDto(s, null), false);
            }
            title = header.title();
        } else {
            title = parsed.category() != null ? parsed.category() : SetIds.baseName(req.fileName());
        }
        String id = header != null && header.id() != null && QuestionRules.SET_ID.matcher(header.id()).matches()
                ? header.id() : uniqueSetId(SetIds.slug(title));
        List<FieldError> setErrors = new ArrayList<>();
        QuestionSetDto dto = QuestionRules.checkSet(new QuestionSetDto(id, title,
                header == null ? null : header.description(), header == null ? null : header.language(),
                header == null ? null : header.tags(), null), "set.", setErrors);
        setErrors.forEach(e -> errors.add(ImportProblem.at(null, null, e.field(), e.message())));
        return new Target(dto, true);
    }

    private String uniqueSetId(String base) {
        String id = base;
        for (int n = 2; sets.findById(id) != null; n++) {
            id = n < 100 ? base + "-" + n : base + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        return id;
    }

    /** Keeps a file's question id when it is free; gives the others fresh ids. */
    private List<QuestionDto> assignIds(List<QuestionDto> creates, String setId, List<ImportProblem> warnings) {
        Set<String> wanted = new HashSet<>();
        creates.stream().map(QuestionDto::id).filter(java.util.Objects::nonNull).forEach(wanted::add);
        Set<String> taken = existingIds(wanted);
        Set<String> used = new HashSet<>();
        List<QuestionDto> out = new ArrayList<>(creates.size());
        int renamed = 0;
        List<QuestionDto> fresh = new ArrayList<>();
        for (QuestionDto q : creates) {
            if (q.id() != null && !taken.contains(q.id()) && used.add(q.id())) {
                out.add(q);
            } else {
                renamed += q.id() != null ? 1 : 0;
                QuestionDto f = q.withId(null);
                out.add(f);
                fresh.add(f);
            }
        }
        if (renamed > 0) {
            warnings.add(ImportProblem.file(renamed + (renamed == 1 ? " question id" : " question ids")
                    + " from the file " + (renamed == 1 ? "is" : "are") + " already used; "
                    + (renamed == 1 ? "that question gets a new id" : "those questions get new ids")));
        }
        // fresh ids: random, checked against the bank in one query per batch
        Map<QuestionDto, String> ids = new java.util.IdentityHashMap<>();
        List<QuestionDto> pending = fresh;
        while (!pending.isEmpty()) {
            Map<String, QuestionDto> proposal = new HashMap<>();
            for (QuestionDto q : pending) {
                String id;
                do {
                    id = QuestionIds.fresh(setId);
                } while (used.contains(id) || proposal.containsKey(id));
                proposal.put(id, q);
            }
            Set<String> clash = existingIds(proposal.keySet());
            List<QuestionDto> again = new ArrayList<>();
            proposal.forEach((id, q) -> {
                if (clash.contains(id)) {
                    again.add(q);
                } else {
                    used.add(id);
                    ids.put(q, id);
                }
            });
            pending = again;
        }
        return out.stream().map(q -> ids.containsKey(q) ? q.withId(ids.get(q)) : q).toList();
    }

    private Set<String> existingIds(Set<String> ids) {
        Set<String> found = new HashSet<>();
        List<String> all = new ArrayList<>(ids);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(questions.getEntityManager()
                    .createQuery("select q.id from Question q where q.id in :ids", String.class)
                    .setParameter("ids", all.subList(i, Math.min(all.size(), i + 500))).getResultList());
        }
        return found;
    }

    private void write(Target target, List<QuestionDto> creates, Map<String, QuestionDto> updates) {
        Instant now = Instant.now();
        if (target.created) {
            QuestionSet s = new QuestionSet();
            s.id = target.dto.id();
            s.origin = Origin.API;
            s.createdAt = now;
            s.updatedAt = now;
            QuestionMapper.apply(target.dto, s);
            sets.persist(s);
        }
        for (var e : updates.entrySet()) {
            Question q = questions.findById(e.getKey());
            QuestionMapper.apply(e.getValue(), q);
            q.updatedAt = now;
        }
        var em = questions.getEntityManager();
        em.flush();
        int ord = questions.nextOrd(target.dto.id());
        int n = 0;
        for (QuestionDto d : creates) {
            Question q = new Question();
            q.id = d.id();
            q.setId = target.dto.id();
            q.ord = ord++;
            q.origin = Origin.API;
            q.createdAt = now;
            q.updatedAt = now;
            QuestionMapper.apply(d, q);
            questions.persist(q);
            if (++n % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
    }

    private static ImportReport.Item item(io.jingda.question.format.Position p, String action, String duplicateOf,
                                          QuestionDto q) {
        return new ImportReport.Item(p.line(), p.sheet(), p.row(), action, duplicateOf, q);
    }

    private static String describe(io.jingda.question.format.Position p, String prefix) {
        if (p.line() != null) {
            return "line " + p.line();
        }
        if (p.row() != null) {
            return "row " + p.row();
        }
        return prefix.isEmpty() ? "an earlier question" : prefix.replaceAll("\\.$", "");
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String raw, E dflt, String field, String expected) {
        if (!notBlank(raw)) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(List.of(new FieldError(field, "must be " + expected + ", got '" + raw + "'")));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0)
                : String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024);
    }
}
