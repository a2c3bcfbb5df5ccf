package io.jingda.contest;

/** A unit of a self-paced contest as the host's API returns it. */
public record UnitView(long id, String name, Long parentId, Integer headcount) {
    public static UnitView of(ContestUnit u) {
        return new UnitView(u.id, u.name, u.parentId, u.headcount);
    }
}
