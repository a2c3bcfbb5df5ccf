package io.jingda.contest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContestQuestionRepository implements PanacheRepositoryBase<ContestQuestion, ContestQuestion.Key> {

    public List<ContestQuestion> listByContest(long contestId) {
        return list("contestId = ?1 order by idx", contestId);
    }

    public long deleteByContest(long contestId) {
        return delete("contestId", contestId);
    }
}
