package io.jingda.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.jingda.contest.Caller;
import io.jingda.live.protocol.Audience;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The way to the owner of an open contest that this node does not run (docs/cluster.md): an edge
 * forwards its sockets' messages and the calls it receives, and looks up tokens, codes and contests in
 * the database instead of memory. On one node ({@link #NONE}) there is no other owner: every method
 * is unused behind {@link #enabled()}.
 */
public interface Relay {

    /** What an edge knows of a contest from its row ({@code code} is null for a draft). */
    record OpenContest(long id, String owner, String code, io.jingda.contest.ContestStatus status) {
        public boolean open() {
            return status.isOpen();
        }
    }

    /** The calls an edge forwards to the owner; their arguments and results are JSON. */
    enum Call {
        ACT, RULE, ASSIGN_TEAM, KICK, PARTICIPANTS, ALLOWED_ACTIONS, JOINED, SETTINGS, JOIN, LOOKUP
    }

    /** The arguments of the calls that take more than one value. */
    record ActCall(String action, io.jingda.contest.ActionRequest body) {
    }

    record AssignCall(long participantId, Integer teamId) {
    }

    record JoinCall(JoinRequest request, String address) {
    }

    record LookupCall(String code, String address) {
    }

    boolean enabled();

    /** The participant a token hash names in an open contest, from this node's cache only (never blocks). */
    Optional<Long> cachedParticipant(long contestId, String tokenHash);

    /** The participant a token hash names in an open contest: the cache, else the database (off the caller's thread). */
    CompletionStage<Optional<Long>> participant(long contestId, String tokenHash);

    /** An open contest by id or by join code: cached briefly, else the database (off the caller's thread). */
    CompletionStage<Optional<OpenContest>> contest(long contestId);

    CompletionStage<Optional<OpenContest>> contestByCode(String code);

    /** Blocking, for worker threads: whether this open contest is run by another node (so its calls are forwarded). */
    boolean runsElsewhere(long contestId);

    /** A participant's {@code answer}, {@code buzz} or {@code wager}, forwarded; the owner's replies go to {@code reply}. */
    void answer(LiveSessions.Player player, String questionId, JsonNode choice, String requestId, Consumer<String> reply);

    void buzz(LiveSessions.Player player, String questionId, String requestId, Consumer<String> reply);

    void wager(LiveSessions.Player player, int roundIndex, int stake, String requestId, Consumer<String> reply);

    /** The frames a new connection gets, from the owner (participant: {@code participantId}; else null). */
    void connectFrames(long contestId, Audience audience, Long participantId, Consumer<List<String>> frames);

    /**
     * A call run by the owner; completes with its result (null for none), or exceptionally with the
     * owner's {@code ApiException} (503 OWNER_UNAVAILABLE when it does not answer in time).
     */
    <T> CompletableFuture<T> call(long contestId, Call call, Object argument, Caller caller, TypeReference<T> result);

    /** This node now runs the contest: it reads the contest's forwarded messages. */
    void owned(long contestId);

    /** This node no longer runs the contest. */
    void released(long contestId);

    /** A participant was removed: their cached token stops working here. */
    void forget(long contestId, long participantId);

    Relay NONE = new Relay() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Optional<Long> cachedParticipant(long contestId, String tokenHash) {
            return Optional.empty();
        }

        @Override
        public CompletionStage<Optional<Long>> participant(long contestId, String tokenHash) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Optional<OpenContest>> contest(long contestId) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Optional<OpenContest>> contestByCode(String code) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public boolean runsElsewhere(long contestId) {
            return false;
        }

        @Override
        public void answer(LiveSessions.Player player, String questionId, JsonNode choice, String requestId,
                           Consumer<String> reply) {
            throw new IllegalStateException("one node: nothing is forwarded");
        }

        @Override
        public void buzz(LiveSessions.Player player, String questionId, String requestId, Consumer<String> reply) {
            throw new IllegalStateException("one node: nothing is forwarded");
        }

        @Override
        public void wager(LiveSessions.Player player, int roundIndex, int stake, String requestId,
                          Consumer<String> reply) {
            throw new IllegalStateException("one node: nothing is forwarded");
        }

        @Override
        public void connectFrames(long contestId, Audience audience, Long participantId,
                                  Consumer<List<String>> frames) {
            frames.accept(List.of());
        }

        @Override
        public <T> CompletableFuture<T> call(long contestId, Call call, Object argument, Caller caller,
                                             TypeReference<T> result) {
            throw new IllegalStateException("one node: nothing is forwarded");
        }

        @Override
        public void owned(long contestId) {
        }

        @Override
        public void released(long contestId) {
        }

        @Override
        public void forget(long contestId, long participantId) {
        }
    };
}
