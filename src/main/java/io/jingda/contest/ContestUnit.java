package io.jingda.contest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/**
 * A unit of a self-paced contest (单位, 支部) as the organizer defined it. The row also holds the unit's counters
 * (registered, participants, score sum, full scores), which only the online engine writes, with SQL of its own.
 */
@Entity
@Table(name = "contest_unit")
@IdClass(ContestUnit.Key.class)
public class ContestUnit {
    @Id
    @Column(name = "contest_id")
    public Long contestId;
    @Id
    public Long id;
    public String name;
    @Column(name = "name_key")
    public String nameKey;
    @Column(name = "parent_id")
    public Long parentId;
    public Integer headcount;

    public static class Key implements Serializable {
        public Long contestId;
        public Long id;

        public Key() {
        }

        public Key(Long contestId, Long id) {
            this.contestId = contestId;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(contestId, k.contestId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contestId, id);
        }
    }
}
