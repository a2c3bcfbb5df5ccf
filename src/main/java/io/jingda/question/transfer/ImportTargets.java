package io.jingda.question.transfer;

import io.jingda.question.QuestionMapper;
import io.jingda.question.QuestionRules;
import io.jingda.question.QuestionSet;
import io.jingda.question.QuestionSetDto;
import io.jingda.question.QuestionSetRepository;
import io.jingda.question.format.ImportProblem;
import io.jingda.question.format.ParseResult;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which set an import goes into: the set the upload names, the set the file's header names if it
 * exists, or a new set (its id from the header, else a free slug of the title).
 */
@ApplicationScoped
public class ImportTargets {
    private final QuestionSetRepository sets;

    public ImportTargets(QuestionSetRepository sets) {
        this.sets = sets;
    }

    /** The set an import goes into, and whether the import creates it. */
    record Target(QuestionSetDto dto, boolean created) {
    }

    Target choose(ImportService.ImportRequest req, ParseResult parsed, List<ImportProblem> errors) {
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

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
