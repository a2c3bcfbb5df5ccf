package io.jingda.contest;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ContestRepository implements PanacheRepositoryBase<Contest, Long> {

    public List<Contest> listOpen() {
        return list("status in ?1", List.of(ContestStatus.LOBBY, ContestStatus.RUNNING, ContestStatus.PAUSED));
    }

    public List<Contest> listVisibleTo(String owner, boolean all) {
        return all ? list("order by id desc") : list("owner = ?1 order by id desc", owner);
    }

    /** Participants still in (removed ones left out) of each of these contests that has any. */
    public Map<Long, Integer> participantCounts(Collection<Long> contestIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (contestIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT contest_id, COUNT(*) FROM participant WHERE kicked = FALSE AND contest_id IN (:ids) GROUP BY contest_id")
                .setParameter("ids", contestIds).getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).intValue()));
        return counts;
    }

    public boolean codeInUse(String code) {
        return count("openCode", code) > 0;
    }
}
