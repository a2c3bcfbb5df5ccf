package io.jingda.contest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A team of a team contest as its host defined it: ids are 1..N in the order given. {@code members} are
 * nicknames: a participant who joins with one of them is placed in this team; {@code captain} is one of them
 * (null: the first member to join captains the team).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamDefinition(int id, String name, String color, List<String> members, String captain) {
    public TeamDefinition {
        members = members == null ? List.of() : List.copyOf(members);
    }
}
