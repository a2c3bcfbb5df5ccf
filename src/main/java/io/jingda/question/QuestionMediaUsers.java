package io.jingda.question;

import io.jingda.media.MediaUrls;
import io.jingda.media.MediaUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.Set;

/** The bank's pictures: those of every question and of its options. */
@ApplicationScoped
public class QuestionMediaUsers implements MediaUsers {
    private final EntityManager em;

    public QuestionMediaUsers(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> hashesInUse() {
        Set<String> out = new HashSet<>();
        em.createQuery("select q.image, q.optionImages from Question q where q.image is not null"
                        + " or q.optionImages is not null", Object[].class)
                .getResultStream().forEach(r -> {
                    out.addAll(MediaUrls.hashesIn((String) r[0]));
                    out.addAll(MediaUrls.hashesIn(String.valueOf(r[1])));
                });
        return out;
    }
}
