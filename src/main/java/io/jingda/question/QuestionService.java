package io.jingda.question;

import io.jingda.media.MediaStore;
import io.jingda.system.ApiException;
import io.jingda.system.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The bank's rules for the REST API: validation on every write, 409 on duplicate ids. */
@ApplicationScoped
@Transactional
public class QuestionService {
    public static final int MAX_PAGE_SIZE = 200;

    private final QuestionRepository questions;
    private final QuestionSetRepository sets;
    private final MediaStore media;

    public QuestionService(QuestionRepository questions, QuestionSetRepository sets, MediaStore media) {
        this.questions = questions;
        this.sets = sets;
        this.media = media;
    }

    // ---- sets ----

    public List<QuestionSetDto> listSets() {
        Map<String, Long> counts = new HashMap<>();
        questions.getEntityManager()
                .createQuery("select q.setId, count(q) from Question q group by q.setId", Object[].class)
                .getResultList().forEach(r -> counts.put((String) r[0], (Long) r[1]));
        return sets.listAll(io.quarkus.panache.common.Sort.by("id")).stream()
                .map(s -> QuestionMapper.toDto(s, counts.getOrDefault(s.id, 0L))).toList();
    }

    public Optional<QuestionSetDto> getSet(String id) {
        return sets.findByIdOptional(id).map(s -> QuestionMapper.toDto(s, questions.countBySet(id)));
    }

    public QuestionSetDto createSet(QuestionSetDto body) {
        QuestionSetDto d = checkSet(body);
        if (sets.findById(d.id()) != null) {
            throw ApiException.conflict("DUPLICATE_ID", "a question set with id '" + d.id() + "' already exists");
        }
        QuestionSet s = new QuestionSet();
        s.id = d.id();
        s.origin = Origin.API;
        s.createdAt = Instant.now();
        s.updatedAt = s.createdAt;
        QuestionMapper.apply(d, s);
        sets.persist(s);
        return QuestionMapper.toDto(s, 0L);
    }

    public Optional<QuestionSetDto> updateSet(String id, QuestionSetDto body) {
        if (body != null && body.id() != null && !body.id().equals(id)) {
            throw ApiException.invalid(List.of(new FieldError("id", "does not match the id in the path ('" + id + "')")));
        }
        QuestionSet s = sets.findById(id);
        if (s == null) {
            return Optional.empty();
        }
        QuestionSetDto d = checkSet(body == null ? null
                : new QuestionSetDto(id, body.title(), body.description(), body.language(), body.tags(),
                        body.reports(), null));
        QuestionMapper.apply(d, s);
        s.updatedAt = Instant.now();
        return Optional.of(QuestionMapper.toDto(s, questions.countBySet(id)));
    }

    public boolean deleteSet(String id) {
        QuestionSet s = sets.findById(id);
        if (s == null) {
            return false;
        }
        questions.delete("setId", id);
        sets.delete(s);
        return true;
    }

    private static QuestionSetDto checkSet(QuestionSetDto body) {
        List<FieldError> errors = new ArrayList<>();
        QuestionSetDto d = QuestionRules.checkSet(body, "", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return d;
    }

    // ---- questions ----

    public Page<QuestionDto> search(QuestionSearch f) {
        int size = f.size() <= 0 ? 20 : Math.min(f.size(), MAX_PAGE_SIZE);
        int page = Math.max(f.page(), 0);
        if ((long) page * size > Integer.MAX_VALUE) {
            // the first row's index (page × size) would overflow
            throw ApiException.invalid(List.of(new FieldError("page", "is too large: page × size must be at most "
                    + Integer.MAX_VALUE + ", so with size " + size + " the last page is " + Integer.MAX_VALUE / size)));
        }
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (notBlank(f.set())) {
            where.append(" and setId = :set");
            params.put("set", f.set().strip());
        }
        if (notBlank(f.type())) {
            QuestionType t = QuestionType.parse(f.type()).orElseThrow(() -> ApiException.invalid(List.of(
                    new FieldError("type", "unknown type '" + f.type() + "'"))));
            where.append(" and type = :type");
            params.put("type", t);
        }
        if (f.difficulty() != null) {
            where.append(" and difficulty = :difficulty");
            params.put("difficulty", f.difficulty());
        }
        if (notBlank(f.tag())) {
            where.append(" and tagsJson like :tag escape '!'");
            params.put("tag", "%" + likeEscape(io.jingda.system.JsonText.write(f.tag().strip())) + "%");
        }
        if (notBlank(f.q())) {
            where.append(" and (lower(stem) like :q escape '!' or lower(optionsJson) like :q escape '!')");
            params.put("q", "%" + likeEscape(f.q().strip().toLowerCase(Locale.ROOT)) + "%");
        }
        var query = questions.find(where + " order by setId, ord, id", params);
        long total = query.count();
        List<QuestionDto> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list().stream()
                .map(QuestionMapper::toDto).toList();
        return new Page<>(items, total, page, size);
    }

    public Optional<QuestionDto> get(String id) {
        return questions.findByIdOptional(id).map(QuestionMapper::toDto);
    }

    public QuestionDto create(QuestionDto body) {
        QuestionDto d = check(body);
        String id = d.id() != null ? d.id() : newId(d.set());
        if (questions.findById(id) != null) {
            throw ApiException.conflict("DUPLICATE_ID", "a question with id '" + id + "' already exists");
        }
        Question q = new Question();
        q.id = id;
        q.setId = d.set();
        q.ord = questions.nextOrd(d.set());
        q.origin = Origin.API;
        q.createdAt = Instant.now();
        q.updatedAt = q.createdAt;
        QuestionMapper.apply(d, q);
        questions.persist(q);
        return QuestionMapper.toDto(q);
    }

    public Optional<QuestionDto> update(String id, QuestionDto body) {
        if (body != null && body.id() != null && !body.id().equals(id)) {
            throw ApiException.invalid(List.of(new FieldError("id", "does not match the id in the path ('" + id + "')")));
        }
        Question q = questions.findById(id);
        if (q == null) {
            return Optional.empty();
        }
        QuestionDto d = check(body == null ? null : body.withId(id));
        if (!d.set().equals(q.setId)) {
            q.setId = d.set();
            q.ord = questions.nextOrd(d.set());
        }
        QuestionMapper.apply(d, q);
        q.updatedAt = Instant.now();
        return Optional.of(QuestionMapper.toDto(q));
    }

    public boolean delete(String id) {
        return questions.deleteById(id);
    }

    private QuestionDto check(QuestionDto body) {
        QuestionRules.Result r = QuestionRules.check(body, "");
        List<FieldError> errors = new ArrayList<>(r.errors());
        if (body != null && (body.set() == null || body.set().isBlank())) {
            errors.add(new FieldError("set", "is required: the id of an existing question set"));
        } else if (body != null && sets.findById(body.set()) == null) {
            errors.add(new FieldError("set", "no question set with id '" + body.set() + "'"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        checkImagesExist(r.question());
        return r.question();
    }

    /**
     * 422 naming each field whose picture is not stored; the others are marked used now, so the
     * collector keeps them (its deletion is conditional on that mark, so it cannot race this save).
     */
    private void checkImagesExist(QuestionDto d) {
        Map<String, String> fields = QuestionRules.imageFields(d);
        if (fields.isEmpty()) {
            return;
        }
        Set<String> existing = media.existing(fields.values());
        List<FieldError> missing = new ArrayList<>();
        fields.forEach((field, sha) -> {
            if (!existing.contains(sha)) {
                missing.add(new FieldError(field, "no uploaded picture has this url (upload it with POST /api/media)"));
            }
        });
        if (!missing.isEmpty()) {
            throw new ApiException(422, "MEDIA_NOT_FOUND", "the question refers to " + missing.size()
                    + (missing.size() == 1 ? " picture that is" : " pictures that are") + " not stored", missing);
        }
        media.touch(Set.copyOf(fields.values()), Instant.now());
    }

    private String newId(String setId) {
        String id;
        do {
            id = QuestionIds.fresh(setId);
        } while (questions.findById(id) != null);
        return id;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String likeEscape(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
