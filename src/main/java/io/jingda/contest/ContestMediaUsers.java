package io.jingda.contest;

import io.jingda.media.MediaUrls;
import io.jingda.media.MediaUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.HashSet;
import java.util.Set;

/** The pictures of contests' copies of their questions: a contest keeps showing (and its results keep) them. */
@ApplicationScoped
public class ContestMediaUsers implements MediaUsers {
    private final EntityManager em;

    public ContestMediaUsers(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> hashesInUse() {
        Set<String> out = new HashSet<>();
        em.createQuery("select c.image, c.options from ContestQuestion c where c.image is not null"
                        + " or c.options like '%/media/%'", Object[].class)
                .getResultStream().forEach(r -> {
                    out.addAll(MediaUrls.hashesIn((String) r[0]));
                    out.addAll(MediaUrls.hashesIn((String) r[1]));
                });
        return out;
    }
}
