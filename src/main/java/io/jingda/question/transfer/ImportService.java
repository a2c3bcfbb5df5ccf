package io.jingda.question.transfer;

import io.jingda.media.MediaService;
import io.jingda.media.MediaStore;
import java.util.Set;
import java.util.HashSet;

import io.jingda.question.Question;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionRepository;
import io.jingda.question.QuestionRules;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports an uploaded question file: reads it with its format, checks every question with
 * {@link QuestionRules} (the same rules as REST and the loader), finds duplicates in the target set,
 * and either reports the plan (preview) or writes it in one transaction (commit), all or nothing.
 * The target set ({@link ImportTargets}), fresh ids ({@link ImportIds}) and the writing
 * ({@link ImportWriter}) are their own classes.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);

    public enum Mode { PREVIEW, COMMIT }

    public enum OnDuplicate { SKIP, UPDATE, FAIL }

    /** The upload: the file as the server stored it, and the form fields as sent (raw, checked here). */
    public record ImportRequest(String fileName, Path file, String format, String set, String newSetTitle,
                                String mode, String onDuplicate) {
    }

    private final QuestionRepository questions;
    private final ImportTargets targets;
    private final ImportIds ids;
    private final ImportWriter writer;
    private final ImportConfig config;
    private final MediaStore media;
    private final MediaService pictures;

    public ImportService(QuestionRepository questions, ImportTargets targets, ImportIds ids, ImportWriter writer,
                         ImportConfig config, MediaStore media, MediaService pictures) {
        this.media = media;
        this.pictures = pictures;
        this.questions = questions;
        this.targets = targets;
        this.ids = ids;
        this.writer = writer;
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
        ImportTargets.Target target = targets.choose(req, parsed, errors);

        Map<String, Question> existing = new HashMap<>();
        if (!target.created()) {
            for (Question q : questions.listBySet(target.dto().id())) {
                existing.putIfAbsent(DuplicateKey.of(q.stem, io.jingda.system.JsonText.tree(q.answer)), q);
            }
        }
        List<ImportReport.Item> items = new ArrayList<>();
        List<QuestionDto> creates = new ArrayList<>();
        Map<String, QuestionDto> updates = new HashMap<>();
        Map<String, String> seenInFile = new HashMap<>();
        int duplicates = 0;
        int skipped = parsed.skipped();
        Set<String> usedPictures = new HashSet<>();
        ImportPictures files = new ImportPictures(pictures, parsed.pictures());
        for (ParsedQuestion pq : parsed.questions()) {
            var pos = pq.position();
            QuestionDto withPictures = files.resolve(pq.question(), pq.fieldPrefix(), pos, errors);
            if (withPictures == null) {
                items.add(item(pos, "error", null, pq.question()));
                continue;
            }
            QuestionRules.Result r = QuestionRules.check(withPictures, pq.fieldPrefix());
            if (!r.ok()) {
                for (FieldError e : r.errors()) {
                    String field = e.field();
                    String column = pq.columnOf(field.substring(Math.min(field.length(), pq.fieldPrefix().length())));
                    errors.add(ImportProblem.at(pos, column, field, e.message()));
                }
                items.add(item(pos, "error", null, pq.question()));
                continue;
            }
            QuestionDto q = r.question().withSet(target.dto().id());
            // picture URLs (the native format keeps them) must name pictures stored here, as on the REST API
            Map<String, String> pictures = QuestionRules.imageFields(q);
            Set<String> stored = media.existing(pictures.values());
            List<String> missing = pictures.entrySet().stream().filter(e -> !stored.contains(e.getValue()))
                    .map(Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                missing.forEach(f -> errors.add(ImportProblem.at(pos, pq.columnOf(f), pq.fieldPrefix() + f,
                        "no picture uploaded to this server has this url; attach the picture in the question editor")));
                items.add(item(pos, "error", null, q));
                continue;
            }
            usedPictures.addAll(pictures.values());
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
        List<QuestionDto> toCreate = ids.assign(creates, target.dto().id(), warnings);
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
                new ImportReport.Target(target.dto().id(), target.dto().title(), target.created()),
                new ImportReport.Counts(parsed.questions().size(), toCreate.size(), updates.size(), skipped, duplicates,
                        errors.size(), warnings.size()),
                items, List.copyOf(errors), List.copyOf(warnings));
        if (mode == Mode.COMMIT && !errors.isEmpty()) {
            throw new ApiException(422, "IMPORT_FAILED", report.message(), List.of(), report);
        }
        if (write) {
            media.touch(usedPictures, java.time.Instant.now());
            writer.write(target, toCreate, updates);
        }
        return report;
    }

    /** "nothing was imported: 'a.gift' has 2 errors; the first: line 1: ...", so the message alone says where. */
    private static String refusal(String fileName, List<ImportProblem> errors) {
        return "nothing was imported: " + (notBlank(fileName) ? "'" + fileName + "'" : "the file") + " has "
                + errors.size() + (errors.size() == 1 ? " error: " : " errors; the first: ") + errors.get(0);
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
