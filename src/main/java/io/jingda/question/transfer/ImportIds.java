package io.jingda.question.transfer;

import io.jingda.question.QuestionDto;
import io.jingda.question.QuestionIds;
import io.jingda.question.QuestionRepository;
import io.jingda.question.format.ImportProblem;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ids of imported questions: a file's own id when it is free, else a fresh one ({@link QuestionIds}). */
@ApplicationScoped
public class ImportIds {
    private final QuestionRepository questions;

    public ImportIds(QuestionRepository questions) {
        this.questions = questions;
    }

    /** Keeps a file's question id when it is free; gives the others fresh ids. */
    List<QuestionDto> assign(List<QuestionDto> creates, String setId, List<ImportProblem> warnings) {
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
}
