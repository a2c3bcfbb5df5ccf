package io.jingda.contest;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rows the live engine keeps for a contest (its participants and their answers), as the contest
 * side needs them: counts for the list, the rows the results are computed from, and their removal
 * with the contest. The engine owns these tables and all their SQL ({@code io.jingda.live.LiveStore}
 * implements this port); the port points down, as {@link ContestEngine} does.
 */
public interface ContestRecords {

    /** Participants still in (removed ones left out) of each of these contests that has any. */
    Map<Long, Integer> participantCounts(Collection<Long> contestIds);

    /** The participants still in (removed ones left out), in join order. */
    List<Entrant> entrants(long contestId);

    /** Every stored answer of the contest, in no particular order. */
    List<ScoredAnswer> scoredAnswers(long contestId);

    /** Deletes the contest's answers and participants, in the caller's transaction. */
    void deleteAll(long contestId);

    /** The host rulings of a contest, in order. */
    List<Ruling> rulings(long contestId);

    /** What each team got from its team rounds (judgements and false starts), from the stored events. */
    List<TeamRoundPoints> teamRoundPoints(long contestId);

    /** A host's ruling: points to a team or to a participant, with who, when (epoch ms) and why. */
    record Ruling(long id, Integer teamId, Long participantId, int points, String reason, Long undoes, String by,
                  long at) {
    }

    /** How many tie-breaks each team has won (a team contest's standings rank equal scores by them). */
    Map<Integer, Integer> tiebreakWins(long contestId);

    record TeamRoundPoints(int teamId, long points) {
    }

    /** A participant: {@code teamId} is the team they play for in a team contest (null: none). */
    record Entrant(long id, String nickname, Integer teamId) {
    }

    record ScoredAnswer(long participantId, int questionIdx, String choiceKey, boolean correct, int points,
                        long responseMs) {
    }
}
