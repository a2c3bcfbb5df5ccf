package io.jingda.contest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContestUnitRepository implements PanacheRepositoryBase<ContestUnit, ContestUnit.Key> {
    public List<ContestUnit> listByContest(long contestId) {
        return list("contestId = ?1 order by id", contestId);
    }
}
