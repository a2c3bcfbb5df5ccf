package io.jingda.question.transfer;

import io.jingda.question.Origin;
import io.jingda.question.Question;
import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionMapper;
import io.jingda.question.QuestionRepository;
import io.jingda.question.QuestionSet;
import io.jingda.question.QuestionSetRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes a checked import plan in the caller's transaction: the new set, the updates, then the new questions in batches. */
@ApplicationScoped
public class ImportWriter {
    private static final int FLUSH_EVERY = 500;

    private final QuestionSetRepository sets;
    private final QuestionRepository questions;

    public ImportWriter(QuestionSetRepository sets, QuestionRepository questions) {
        this.sets = sets;
        this.questions = questions;
    }

    void write(ImportTargets.Target target, List<QuestionDto> creates, Map<String, QuestionDto> updates) {
        Instant now = Instant.now();
        if (target.created()) {
            QuestionSet s = new QuestionSet();
            s.id = target.dto().id();
            s.origin = Origin.API;
            s.createdAt = now;
            s.updatedAt = now;
            QuestionMapper.apply(target.dto(), s);
            sets.persist(s);
        }
        for (var e : updates.entrySet()) {
            Question q = questions.findById(e.getKey());
            QuestionMapper.apply(e.getValue(), q);
            q.updatedAt = now;
        }
        var em = questions.getEntityManager();
        em.flush();
        int ord = questions.nextOrd(target.dto().id());
        int n = 0;
        for (QuestionDto d : creates) {
            Question q = new Question();
            q.id = d.id();
            q.setId = target.dto().id();
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
}
