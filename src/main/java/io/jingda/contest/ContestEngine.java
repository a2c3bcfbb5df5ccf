package io.jingda.contest;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the contest side asks of the live engine, which implements it ({@code io.jingda.live}).
 * The port points down: the engine depends on contests, never the other way round.
 */
public interface ContestEngine {

    /** Carries out a host action (open, start, next, close, reveal, leaderboard, pause, resume, finish). */
    ContestDto act(long id, String action, Caller caller);

    /** A host action with its body ({@code judge}'s verdict, {@code tiebreak}'s teams); null for none. */
    ContestDto act(long id, String action, ActionRequest body, Caller caller);

    /** A host's ruling on a live contest: points to a team or a participant, or an undo. */
    ContestRecords.Ruling rule(long contestId, RulingRequest ruling, Caller caller);

    /** The host puts a participant of a live team contest in a team (null: in none). */
    void assignTeam(long contestId, long participantId, Integer teamId, Caller caller);

    /** The live contest's participants with their live scores, or empty when the contest is not live here. */
    Optional<List<ParticipantView>> participants(long contestId);

    /** Removes a participant of a live contest: their connection is closed and their token stops working. */
    void kick(long contestId, long participantId, Caller caller);

    /** How many have joined the live contest (removed participants included), or empty when it is not live here. */
    OptionalInt joined(long contestId);

    /** The host changed the settings of a live contest (its join limits). */
    void settingsChanged(long contestId, ContestSettings settings);

    /** The host actions allowed now on a contest live on this node, or empty when it is not live here. */
    Optional<List<String>> allowedActions(long contestId);

    /** Whether a live contest holds this join code. */
    boolean codeInUse(String code);

    /** A participant as the host's list shows them: live scores (not only those shown), so hosts see the truth. */
    record ParticipantView(long participantId, String nickname, long score, Integer rank, boolean kicked,
                           long joinedAt, Integer teamId) {
    }
}
