package io.jingda.contest;

import io.jingda.question.Question;
import io.jingda.question.QuestionRepository;
import io.jingda.question.QuestionType;
import io.jingda.question.RelatedQuestions;
import io.jingda.system.FieldError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** The bank questions a contest (or one of its rounds) names: by id, or drawn with a seed. */
@ApplicationScoped
public class QuestionPicks {
    private final QuestionRepository bank;

    public QuestionPicks(QuestionRepository bank) {
        this.bank = bank;
    }

    List<Question> byIds(List<String> ids, List<FieldError> errors) {
        return byIds(ids, ContestService.MAX_QUESTIONS, errors);
    }

    /** The questions of these ids, at most {@code max} (a live contest's questions, or an online contest's pool). */
    List<Question> byIds(List<String> ids, int max, List<FieldError> errors) {
        if (ids.size() > max) {
            errors.add(new FieldError("questionIds", "at most " + max + " questions"));
            return List.of();
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            errors.add(new FieldError("questionIds", "names a question twice"));
        }
        List<Question> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Question q = ids.get(i) == null ? null : bank.findById(ids.get(i));
            if (q == null) {
                errors.add(new FieldError("questionIds[" + i + "]", "no question with id '" + ids.get(i) + "'"));
            } else {
                out.add(q);
            }
        }
        return out;
    }

    /**
     * Matching questions sorted by id, shuffled with the seed, then taken in that order, skipping any
     * question related to one already taken: the same bank and seed give the same pick, and a draw never
     * holds two related questions.
     */
    List<Question> drawn(ContestSettings.Draw d, List<FieldError> errors) {
        return drawn(d, ContestService.MAX_QUESTIONS, errors);
    }

    List<Question> drawn(ContestSettings.Draw d, int max, List<FieldError> errors) {
        int count = d.count() == null ? 10 : d.count();
        if (count < 1 || count > max) {
            errors.add(new FieldError("draw.count", "must be between 1 and " + max));
            return List.of();
        }
        Set<QuestionType> types = new LinkedHashSet<>();
        if (d.types() != null) {
            for (String t : d.types()) {
                QuestionType.parse(t).ifPresentOrElse(types::add,
                        () -> errors.add(new FieldError("draw.types", "unknown type '" + t + "'")));
            }
        }
        List<Question> pool = new ArrayList<>(bank.listAll().stream()
                .filter(q -> d.sets() == null || d.sets().isEmpty() || d.sets().contains(q.setId))
                .filter(q -> types.isEmpty() || types.contains(q.type))
                .filter(q -> d.difficulty() == null || q.difficulty == d.difficulty())
                .filter(q -> d.tags() == null || d.tags().isEmpty() || q.tags.stream().anyMatch(d.tags()::contains))
                .sorted(Comparator.comparing(q -> q.id))
                .toList());
        if (pool.size() < count) {
            errors.add(new FieldError("draw.count", "only " + pool.size() + " questions match the draw"));
            return List.of();
        }
        Collections.shuffle(pool, new Random(d.seed()));
        List<Question> picked = RelatedQuestions.pickUnrelated(pool, count);
        if (picked.size() < count) {
            errors.add(new FieldError("draw.count", "only " + picked.size() + " of the " + pool.size()
                    + " matching questions can be drawn together (the others are related to them)"));
            return List.of();
        }
        return List.copyOf(picked);
    }
}
