package io.jingda.question;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class QuestionRepository implements PanacheRepositoryBase<Question, String> {

    public List<Question> listBySet(String setId) {
        return list("setId = ?1 order by ord, id", setId);
    }

    public long countBySet(String setId) {
        return count("setId", setId);
    }

    public int nextOrd(String setId) {
        Integer max = getEntityManager()
                .createQuery("select max(q.ord) from Question q where q.setId = :s", Integer.class)
                .setParameter("s", setId).getSingleResult();
        return max == null ? 0 : max + 1;
    }
}
