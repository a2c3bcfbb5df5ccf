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
import io.jingda.question.SetFile;
import io.jingda.question.format.FormatException;
import io.jingda.question.transfer.SetIds;
import io.jingda.question.format.Formats;
import io.jingda.question.format.ImportLimits;
import io.jingda.question.format.NativeFormat;
import io.jingda.question.format.ParseResult;
import io.jingda.question.format.QuestionFormat;
import io.jingda.system.FieldError;
import io.jingda.system.Hashing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every question-set file of the questions directory at start. Idempotent: a file whose
 * content hash was applied before is skipped; a changed file updates its set by question id.
 * Each file is all or nothing, and a broken file never stops the start. Rows created through
 * the API (origin API) are never touched.
 */
@ApplicationScoped
public class BankLoader {
    private static final Logger LOG = Logger.getLogger(BankLoader.class);
    private static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** Files in questions/ are trusted more than uploads, but still bounded. */
    private static final ImportLimits LIMITS = new ImportLimits(MAX_FILE_BYTES, 50_000, 1 << 20,
            200L * 1024 * 1024, 1_000);

    private final QuestionSetRepository sets;
    private final QuestionRepository questions;
    private final BankFileRepository files;
    private final Path directory;
    private final NativeFormat nativeFormat = new NativeFormat();
    private volatile LoadReport lastReport;

    public BankLoader(QuestionSetRepository sets, QuestionRepository questions, BankFileRepository files,
                      @ConfigProperty(name = "jingda.questions.dir", defaultValue = "questions") String directory) {
        this.sets = sets;
        this.questions = questions;
        this.files = files;
        this.directory = Path.of(directory);
        this.lastReport = LoadReport.none(directory);
    }

    void onStart(@Observes StartupEvent ev) {
        load(directory);
    }

    public LoadReport lastReport() {
        return lastReport;
    }

    /** Loads every supported file of {@code dir}; returns (and remembers) the report. */
    public LoadReport load(Path dir) {
        List<LoadReport.FileResult> results = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            LOG.warnf("questions directory %s does not exist: nothing loaded", dir.toAbsolutePath());
        } else {
            List<Path> paths;
            try (Stream<Path> s = Files.list(dir)) {
                paths = s.filter(p -> Files.isRegularFile(p) && supports(p.getFileName().toString())).sorted().toList();
            } catch (IOException e) {
                LOG.errorf("cannot list %s: %s", dir, e.getMessage());
                paths = List.of();
            }
            for (Path p : paths) {
                LoadReport.FileResult r = loadFile(p);
                results.add(r);
                if (r.status() == LoadReport.Status.FAILED) {
                    r.errors().forEach(e -> LOG.errorf("question file not loaded: %s", e));
                } else {
                    LOG.debugf("%s: %s (%s questions)", p.getFileName(), r.status(), r.questions());
                }
            }
        }
        int failed = (int) results.stream().filter(r -> r.status() == LoadReport.Status.FAILED).count();
        LoadReport report = new LoadReport(Instant.now(), dir.toString(), results.size(), failed, List.copyOf(results));
        LOG.infof("question bank: %d files (%d loaded, %d updated, %d unchanged, %d failed) from %s", results.size(),
                count(results, LoadReport.Status.LOADED), count(results, LoadReport.Status.UPDATED),
                count(results, LoadReport.Status.UNCHANGED), failed, dir.toAbsolutePath());
        this.lastReport = report;
        return report;
    }

    /** Every import format, by extension (native YAML/JSON, CSV, XLSX, GIFT, Aiken, Moodle XML, .txt). */
    static boolean supports(String name) {
        return !name.startsWith(".") && !name.startsWith("~$") && Formats.loadable(name);
    }

    /**
     * Reads a file into a set. Formats without a set header (CSV, GIFT...) take the set id from
     * the file name and the title from the file's category or name; questions without an id get
     * one from their position ({@code <set>-001}), so reloading the same file is idempotent. Ids
     * the file gives (a GIFT or Moodle title) are prefixed with the set id unless they already are.
     */
    private SetFile readSetFile(String name, byte[] data, List<LoadReport.Problem> problems) throws FormatException {
        if (NativeFormat.syntaxOf(name) != null) {
            return nativeFormat.read(data, NativeFormat.syntaxOf(name));
        }
        QuestionFormat format = Formats.detect(name, data)
                .orElseThrow(() -> new FormatException("cannot tell the file's format", null, null));
        ParseResult parsed = format.parse(data, LIMITS);
        parsed.errors().forEach(e -> problems.add(problem(name, e.line(), null, field(e), e.message())));
        parsed.warnings().forEach(w -> LOG.warnf("%s: %s", name, w));
        String base = SetIds.baseName(name);
        String setId = SetIds.slug(base);
        String title = parsed.category() != null ? parsed.category() : base;
        List<QuestionDto> list = new ArrayList<>();
        for (int i = 0; i < parsed.questions().size(); i++) {
            QuestionDto q = parsed.questions().get(i).question();
            list.add(q.withId(QuestionIds.inFile(setId, q.id(), i)));
        }
        return new SetFile(new QuestionSetDto(setId, title, null, null, null, null), list);
    }

    private static String field(io.jingda.question.format.ImportProblem p) {
        String where = p.row() == null ? "" : "sheet " + p.sheet() + " row " + p.row()
                + (p.column() == null ? "" : " column " + p.column());
        if (p.field() == null) {
            return where.isEmpty() ? null : where;
        }
        return where.isEmpty() ? p.field() : where + " " + p.field();
    }

    private LoadReport.FileResult loadFile(Path path) {
        String name = path.getFileName().toString();
        byte[] data;
        try {
            if (Files.size(path) > MAX_FILE_BYTES) {
                return failed(name, null, List.of(problem(name, null, null, null, "the file is larger than "
                        + MAX_FILE_BYTES / 1024 / 1024 + " MB")));
            }
            data = Files.readAllBytes(path);
        } catch (IOException e) {
            return failed(name, null, List.of(problem(name, null, null, null, "cannot read: " + e.getMessage())));
        }
        String hash = Hashing.sha256Hex(data);
        BankFile known = QuarkusTransaction.requiringNew().call(() -> files.findById(name));
        if (known != null && known.contentHash.equals(hash)) {
            return new LoadReport.FileResult(name, LoadReport.Status.UNCHANGED, known.setId, null, null);
        }
        SetFile file;
        List<LoadReport.Problem> problems = new ArrayList<>();
        try {
            file = readSetFile(name, data, problems);
        } catch (FormatException e) {
            return failed(name, null, List.of(problem(name, e.line(), null, e.field(), e.getMessage())));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.warnf("unexpected failure reading %s: %s", name, e);
            return failed(name, null, List.of(problem(name, null, null, null,
                    "cannot read: " + io.jingda.system.JsonErrors.scrub(e.getMessage()))));
        }
        List<FieldError> setErrors = new ArrayList<>();
        QuestionSetDto set = QuestionRules.checkSet(file.set(), "set.", setErrors);
        setErrors.forEach(e -> problems.add(problem(name, null, null, e.field(), e.message())));
        List<QuestionDto> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<QuestionDto> raw = file.questions() == null ? List.of() : file.questions();
        if (raw.isEmpty()) {
            problems.add(problem(name, null, null, "questions", "the set has no questions"));
        }
        for (int i = 0; i < raw.size(); i++) {
            QuestionDto q = raw.get(i);
            String qid = q == null ? null : q.id();
            if (q != null && q.set() != null && set != null && !q.set().equals(set.id())) {
                problems.add(problem(name, null, qid, "questions[" + i + "].set", "names set '" + q.set()
                        + "' but the file holds set '" + set.id() + "'"));
            }
            if (qid == null || qid.isBlank()) {
                problems.add(problem(name, null, null, "questions[" + i + "].id", "is required in a question file (ids must be stable)"));
            } else if (!ids.add(qid)) {
                problems.add(problem(name, null, qid, "questions[" + i + "].id", "the id appears twice in the file"));
            }
            QuestionRules.Result r = QuestionRules.check(q, "questions[" + i + "].");
            r.errors().forEach(e -> problems.add(problem(name, null, qid, e.field(), e.message())));
            if (r.ok()) {
                checked.add(r.question());
            }
        }
        if (!problems.isEmpty()) {
            return failed(name, set == null ? null : set.id(), problems);
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(name, hash, set, checked, known == null));
        } catch (LoadConflict c) {
            return failed(name, set.id(), c.problems);
        } catch (RuntimeException e) {
            LOG.error("cannot store " + name, e);
            return failed(name, set.id(), List.of(problem(name, null, null, null, "cannot store: " + e.getMessage())));
        }
    }

    private LoadReport.FileResult apply(String name, String hash, QuestionSetDto setDto, List<QuestionDto> list,
                                        boolean firstLoad) {
        Instant now = Instant.now();
        QuestionSet set = sets.findById(setDto.id());
        List<LoadReport.Problem> conflicts = new ArrayList<>();
        if (set != null && set.origin == Origin.API) {
            conflicts.add(problem(name, null, null, "set.id", "set '" + set.id
                    + "' was created through the API; the loader does not touch it. Rename the set in the file."));
        }
        Map<String, Question> existing = new HashMap<>();
        for (QuestionDto d : list) {
            Question q = questions.findById(d.id());
            if (q != null && (!q.setId.equals(setDto.id()) || q.origin == Origin.API)) {
                conflicts.add(problem(name, null, d.id(), "id", "question id '" + d.id() + "' is already used by "
                        + (q.origin == Origin.API ? "a question created through the API" : "set '" + q.setId + "'")));
            } else if (q != null) {
                existing.put(q.id, q);
            }
        }
        if (!conflicts.isEmpty()) {
            throw new LoadConflict(conflicts);
        }
        boolean created = set == null;
        if (created) {
            set = new QuestionSet();
            set.id = setDto.id();
            set.origin = Origin.FILE;
            set.createdAt = now;
        }
        QuestionMapper.apply(setDto, set);
        set.updatedAt = now;
        if (created) {
            sets.persist(set);
        }
        Set<String> inFile = new HashSet<>();
        int ord = 0;
        for (QuestionDto d : list) {
            inFile.add(d.id());
            Question q = existing.get(d.id());
            boolean isNew = q == null;
            if (isNew) {
                q = new Question();
                q.id = d.id();
                q.setId = setDto.id();
                q.origin = Origin.FILE;
                q.createdAt = now;
            }
            QuestionMapper.apply(d, q);
            q.ord = ord++;
            q.updatedAt = now;
            if (isNew) {
                questions.persist(q);
            }
        }
        // questions that an earlier version of the file had, and this one no longer has
        for (Question q : questions.list("setId = ?1 and origin = ?2", setDto.id(), Origin.FILE)) {
            if (!inFile.contains(q.id)) {
                questions.delete(q);
            }
        }
        BankFile bf = files.findById(name);
        boolean newFile = bf == null;
        if (newFile) {
            bf = new BankFile();
            bf.fileName = name;
        }
        bf.contentHash = hash;
        bf.setId = setDto.id();
        bf.loadedAt = now;
        if (newFile) {
            files.persist(bf);
        }
        return new LoadReport.FileResult(name, firstLoad && created ? LoadReport.Status.LOADED : LoadReport.Status.UPDATED,
                setDto.id(), list.size(), null);
    }

    private static final class LoadConflict extends RuntimeException {
        final transient List<LoadReport.Problem> problems;

        LoadConflict(List<LoadReport.Problem> problems) {
            super("conflict", null, false, false);
            this.problems = problems;
        }
    }

    private static LoadReport.FileResult failed(String file, String set, List<LoadReport.Problem> problems) {
        return new LoadReport.FileResult(file, LoadReport.Status.FAILED, set, null, List.copyOf(problems));
    }

    private static LoadReport.Problem problem(String file, Integer line, String qid, String field, String message) {
        return new LoadReport.Problem(file, line, qid, field, message);
    }

    private static long count(List<LoadReport.FileResult> r, LoadReport.Status s) {
        return r.stream().filter(x -> x.status() == s).count();
    }

}
