package io.jingda.contest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class ContestRepository implements PanacheRepositoryBase<Contest, Long> {

    public List<Contest> listOpen() {
        return list("status in ?1", List.of(ContestStatus.LOBBY, ContestStatus.RUNNING, ContestStatus.PAUSED));
    }

    public List<Contest> listVisibleTo(String owner, boolean all) {
        return all ? list("order by id desc") : list("owner = ?1 order by id desc", owner);
    }

    public boolean codeInUse(String code) {
        return count("openCode", code) > 0;
    }
}
