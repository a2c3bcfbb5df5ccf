package io.jingda.live;

import io.jingda.contest.ContestRecords;
import io.jingda.live.team.RoundEvent;
import io.jingda.contest.ContestRecords.Ruling;
import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every SQL statement of the engine's tables, {@code participant}, {@code answer} and the state and
 * ownership columns of {@code contest}, in plain JDBC: the persisted state of a contest (one UPDATE per
 * transition, auto-committed, so a transition is durable before it is announced), the lease by which
 * this node owns a contest, the rows a restarted engine reads back, the group commit's inserts (for
 * {@link LiveWriter}, which keeps the batching), and the rows the contest side reads or deletes
 * ({@link ContestRecords}). Every write to a contest's state is conditional on this node owning it.
 * Blocking: called from worker threads and the ticker, never an event loop.
 * <p>
 * Longer than most classes because it is the one SQL owner of those tables: keeping every statement on
 * them here is the point (one place to read what the engine writes), and each method is one statement.
 */
@ApplicationScoped
public class LiveStore implements ContestRecords {
    private static final String OPEN = "status IN ('LOBBY', 'RUNNING', 'PAUSED')";
    /** Bind parameters per statement of {@link #participantCounts}, well under every driver's limit. */
    private static final int IN_CHUNK = 500;

    private final AgroalDataSource ds;
    private final String node;
    private final long leaseMs;
    private volatile Boolean exclusive;

    public LiveStore(AgroalDataSource ds, ClusterConfig cluster,
                     @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.ds = ds;
        this.node = cluster.nodeId().map(String::strip).filter(s -> !s.isEmpty())
                .orElseGet(() -> hostName() + ":" + httpPort);
        this.leaseMs = Math.max(1, cluster.leaseSeconds()) * 1000L;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }

    /** This node's id, as written to {@code contest.owner_node} (and the name of its Redis reply channel). */
    public String node() {
        return node;
    }

    // ------------------------------------------------------------------ ownership

    /**
     * Whether the database is open in this process only (embedded H2, file or memory): then no other
     * node can be running a contest, and a lease left by an earlier run (another port, so another
     * default node id) need not be waited for.
     */
    boolean exclusive() {
        Boolean e = exclusive;
        if (e == null) {
            try (Connection c = ds.getConnection()) {
                String url = c.getMetaData().getURL().toLowerCase(Locale.ROOT);
                e = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                        && !url.contains("auto_server=true");
            } catch (SQLException ex) {
                throw new IllegalStateException("could not read the database URL", ex);
            }
            exclusive = e;
        }
        return e;
    }

    /**
     * Leases that end before this have expired, at start or when opening a contest: with an exclusive
     * database every lease has (any other owner is an earlier run of this very process).
     */
    long expiredBefore(long now) {
        return exclusive() ? Long.MAX_VALUE : now;
    }

    /**
     * Takes the contest for this node, in one conditional UPDATE: it succeeds when the contest has no
     * owner, is this node's already, or its owner's lease ended before {@code expiredBefore}. False:
     * another node holds it.
     */
    boolean claim(long id, long now, long expiredBefore) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE contest SET owner_node = ?, lease_until = ? WHERE id = ? "
                     + "AND (owner_node IS NULL OR owner_node = ? OR COALESCE(lease_until, 0) < ?)")) {
            ps.setString(1, node);
            ps.setLong(2, now + leaseMs);
            ps.setLong(3, id);
            ps.setString(4, node);
            ps.setLong(5, expiredBefore);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not claim contest " + id, e);
        }
    }

    /**
     * The open contests this node may take: those without an owner or whose owner's lease ended before
     * {@code expiredBefore}, and with {@code own} also those this node owns already (a restart with the
     * same node id).
     */
    List<Long> claimable(boolean own, long expiredBefore) {
        String whose = own ? "(owner_node IS NULL OR owner_node = ? OR COALESCE(lease_until, 0) < ?)"
                : "(owner_node IS NULL OR (owner_node <> ? AND COALESCE(lease_until, 0) < ?))";
        List<Long> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM contest WHERE " + OPEN + " AND " + whose
                     + " ORDER BY id")) {
            ps.setString(1, node);
            ps.setLong(2, expiredBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the contests to take", e);
        }
        return out;
    }

    /**
     * The heartbeat: renews this node's lease on each of these contests (and records the heartbeat of
     * the running ones), each UPDATE conditional on this node still owning the contest.
     *
     * @return the contests this node found it no longer owns
     */
    List<Long> renew(Collection<Long> ids, Set<Long> running, long now) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> order = List.copyOf(ids);
        List<Long> lost = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE contest SET lease_until = ?, "
                     + "heartbeat_at = CASE WHEN ? THEN ? ELSE heartbeat_at END WHERE id = ? AND owner_node = ?")) {
            for (Long id : order) {
                ps.setLong(1, now + leaseMs);
                ps.setBoolean(2, running.contains(id));
                ps.setLong(3, now);
                ps.setLong(4, id);
                ps.setString(5, node);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    lost.add(order.get(i));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not renew the leases", e);
        }
        return lost;
    }

    /** The owner of a contest and until when its lease holds (tests, diagnostics). */
    record Lease(String owner, Long until) {
    }

    Lease lease(long id) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT owner_node, lease_until FROM contest WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long until = rs.getLong(2);
                return new Lease(rs.getString(1), rs.wasNull() ? null : until);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ contest state

    /** The state columns of a contest, as written at each transition. */
    record StateRow(long id, ContestStatus status, QuestionPhase phase, int index, String openCode, Long openedAt,
                    Long deadline, Long closedAt, Long remainingMs, Long phaseUntil, Long heartbeat) {
    }

    static StateRow stateOf(ContestRuntime rt, long now) {
        ContestRuntime.Snapshot s = rt.snapshot();
        boolean question = s.index() >= 0;
        return new StateRow(rt.id(), s.status(), s.phase(), s.index(), s.isOpen() ? rt.code() : null,
                question ? s.openedAt() : null, question ? s.deadline() : null,
                s.closedAt() > 0 ? s.closedAt() : null, s.remainingMs(), s.phaseUntil(), now);
    }

    /** Stores the state, if this node owns the contest; false (and nothing written) if another node does. */
    boolean save(StateRow s) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE contest SET status = ?, phase = ?, question_index = ?, "
                     + "open_code = ?, opened_at = ?, deadline_at = ?, closed_at = ?, remaining_ms = ?, phase_until = ?, "
                     + "heartbeat_at = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ? AND owner_node = ?")) {
            ps.setString(1, s.status().name());
            ps.setString(2, s.phase() == null ? null : s.phase().name());
            ps.setInt(3, s.index());
            ps.setString(4, s.openCode());
            setLong(ps, 5, s.openedAt());
            setLong(ps, 6, s.deadline());
            setLong(ps, 7, s.closedAt());
            setLong(ps, 8, s.remainingMs());
            setLong(ps, 9, s.phaseUntil());
            setLong(ps, 10, s.heartbeat());
            ps.setLong(11, s.id());
            ps.setString(12, node);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the state of contest " + s.id(), e);
        }
    }

    /** Marks a participant removed, if this node owns the contest. */
    void kick(long contestId, long participantId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE participant SET kicked = TRUE WHERE contest_id = ? AND id = ? "
                     + "AND EXISTS (SELECT 1 FROM contest WHERE contest.id = ? AND contest.owner_node = ?)")) {
            ps.setLong(1, contestId);
            ps.setLong(2, participantId);
            ps.setLong(3, contestId);
            ps.setString(4, node);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not kick participant " + participantId, e);
        }
    }

    // ------------------------------------------------------------------ the group commit's inserts

    /**
     * One transaction of the writer: the participants, then the answers (an answer may belong to a
     * participant of the same batch), each kind as one JDBC batch, in queue order; committed, or rolled
     * back and thrown. The UNIQUE keys decide nickname, token and "one answer per question".
     */
    void insert(List<LiveWriter.ParticipantRow> people, List<LiveWriter.AnswerRow> answers,
                List<LiveWriter.EventRow> events) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!people.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO participant (contest_id, id, nickname, "
                            + "nickname_key, token_hash, joined_at, kicked, team_id) VALUES (?, ?, ?, ?, ?, ?, FALSE, ?)")) {
                        for (LiveWriter.ParticipantRow r : people) {
                            ps.setLong(1, r.contestId());
                            ps.setLong(2, r.id());
                            ps.setString(3, r.nickname());
                            ps.setString(4, r.nicknameKey());
                            ps.setString(5, r.tokenHash());
                            ps.setLong(6, r.joinedAt());
                            setInt(ps, 7, r.teamId());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                if (!answers.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer (contest_id, participant_id, "
                            + "question_idx, choice, choice_key, request_id, received_at, response_ms, correct, points) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (LiveWriter.AnswerRow r : answers) {
                            ps.setLong(1, r.contestId());
                            ps.setLong(2, r.participantId());
                            ps.setInt(3, r.questionIdx());
                            ps.setString(4, r.choice());
                            ps.setString(5, r.choiceKey());
                            ps.setString(6, r.requestId());
                            ps.setLong(7, r.receivedAt());
                            ps.setLong(8, r.responseMs());
                            ps.setBoolean(9, r.correct());
                            ps.setInt(10, r.points());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                if (!events.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO round_event (contest_id, seq, at_ms, kind, "
                            + "round_idx, question_idx, team_id, participant_id, points, until_ms, detail) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                        for (LiveWriter.EventRow r : events) {
                            RoundEvent e = r.event();
                            ps.setLong(1, r.contestId());
                            ps.setLong(2, e.seq());
                            ps.setLong(3, e.at());
                            ps.setString(4, e.kind());
                            ps.setInt(5, e.round());
                            setInt(ps, 6, e.question());
                            setInt(ps, 7, e.team());
                            setLong(ps, 8, e.participant());
                            setInt(ps, 9, e.points());
                            setLong(ps, 10, e.until());
                            ps.setString(11, e.detail());
                            ps.addBatch();
                        }
                        ps.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------ what a restarted engine reads

    record ParticipantRow(long id, String nickname, String nicknameKey, String tokenHash, long joinedAt, boolean kicked,
                          Integer teamId) {
        ParticipantRow(long id, String nickname, String nicknameKey, String tokenHash, long joinedAt, boolean kicked) {
            this(id, nickname, nicknameKey, tokenHash, joinedAt, kicked, null);
        }
    }

    record StoredAnswer(long participantId, int questionIdx, String choice, String choiceKey, String requestId,
                        long receivedAt, long responseMs, boolean correct, int points) {
    }

    List<ParticipantRow> participants(long contestId) {
        List<ParticipantRow> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, nickname, nickname_key, token_hash, joined_at, kicked, "
                     + "team_id FROM participant WHERE contest_id = ? ORDER BY id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ParticipantRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getBoolean(6), (Integer) rs.getObject(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    List<StoredAnswer> answers(long contestId) {
        List<StoredAnswer> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT participant_id, question_idx, choice, choice_key, request_id, "
                     + "received_at, response_ms, correct, points FROM answer WHERE contest_id = ? "
                     + "ORDER BY question_idx, received_at, participant_id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredAnswer(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getBoolean(8), rs.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** A contest's team round events, in the order they took effect. */
    List<RoundEvent> events(long contestId) {
        List<RoundEvent> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, at_ms, kind, round_idx, question_idx, team_id, "
                     + "participant_id, points, until_ms, detail FROM round_event WHERE contest_id = ? ORDER BY seq")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RoundEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            (Integer) rs.getObject(5), (Integer) rs.getObject(6), longOrNull(rs, 7),
                            (Integer) rs.getObject(8), longOrNull(rs, 9), rs.getString(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static Long longOrNull(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /** Stores a host's ruling; false when the ruling it undoes has been undone already (the UNIQUE key). */
    boolean insertRuling(long contestId, Ruling r) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO contest_ruling (contest_id, id, team_id, "
                     + "participant_id, points, reason, undoes, by_name, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, contestId);
            ps.setLong(2, r.id());
            setInt(ps, 3, r.teamId());
            setLong(ps, 4, r.participantId());
            ps.setInt(5, r.points());
            ps.setString(6, r.reason());
            setLong(ps, 7, r.undoes());
            ps.setString(8, r.by());
            ps.setLong(9, r.at());
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("could not store a ruling of contest " + contestId, e);
        }
    }

    @Override
    public List<Ruling> rulings(long contestId) {
        List<Ruling> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, team_id, participant_id, points, reason, undoes, "
                     + "by_name, at_ms FROM contest_ruling WHERE contest_id = ? ORDER BY id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Ruling(rs.getLong(1), (Integer) rs.getObject(2), longOrNull(rs, 3), rs.getInt(4),
                            rs.getString(5), longOrNull(rs, 6), rs.getString(7), rs.getLong(8)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public List<TeamRoundPoints> teamRoundPoints(long contestId) {
        List<TeamRoundPoints> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT team_id, SUM(points) FROM round_event WHERE contest_id = ? "
                     + "AND team_id IS NOT NULL AND kind IN ('judged', 'falsestart') GROUP BY team_id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TeamRoundPoints(rs.getInt(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public Map<Integer, Integer> tiebreakWins(long contestId) {
        Map<Integer, Integer> out = new HashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT team_id, COUNT(*) FROM round_event WHERE contest_id = ? "
                     + "AND kind = 'won' GROUP BY team_id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The host put a participant in a team (null: in none). */
    void assignTeam(long contestId, long participantId, Integer teamId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE participant SET team_id = ? WHERE contest_id = ? AND id = ?")) {
            setInt(ps, 1, teamId);
            ps.setLong(2, contestId);
            ps.setLong(3, participantId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change the team of participant " + participantId, e);
        }
    }

    // ------------------------------------------------------------------ for edge nodes (docs/cluster.md)

    /** The participant a token hash names, if they are in (not kicked) and the contest is open. */
    public java.util.Optional<Long> participantByToken(long contestId, String tokenHash) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT p.id FROM participant p JOIN contest k ON k.id = p.contest_id "
                     + "WHERE p.token_hash = ? AND p.contest_id = ? AND p.kicked = FALSE AND k." + OPEN)) {
            ps.setString(1, tokenHash);
            ps.setLong(2, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getLong(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A contest's id, owner, code and status (a draft has no code). */
    public java.util.Optional<Relay.OpenContest> contestSummary(long contestId) {
        return summary("SELECT id, owner, code, status FROM contest WHERE id = ?", ps -> ps.setLong(1, contestId));
    }

    /** The contest a join code names: the open one, else the latest that had it. */
    public java.util.Optional<Relay.OpenContest> contestSummaryByCode(String code) {
        return summary("SELECT id, owner, code, status FROM contest WHERE code = ? "
                + "ORDER BY CASE WHEN " + OPEN + " THEN 0 ELSE 1 END, id DESC", ps -> ps.setString(1, code));
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private java.util.Optional<Relay.OpenContest> summary(String sql, Binder binder) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Relay.OpenContest(rs.getLong(1), rs.getString(2),
                        rs.getString(3), ContestStatus.valueOf(rs.getString(4)))) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ for the contest side (ContestRecords)

    @Override
    public Map<Long, Integer> participantCounts(Collection<Long> contestIds) {
        Map<Long, Integer> counts = new HashMap<>();
        List<Long> ids = List.copyOf(contestIds);
        try (Connection c = ds.getConnection()) {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT contest_id, COUNT(*) FROM participant "
                        + "WHERE kicked = FALSE AND contest_id IN (" + marks + ") GROUP BY contest_id")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            counts.put(rs.getLong(1), rs.getInt(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    @Override
    public List<Entrant> entrants(long contestId) {
        List<Entrant> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT id, nickname, team_id FROM participant WHERE contest_id = ? AND kicked = FALSE ORDER BY id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entrant(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public List<ScoredAnswer> scoredAnswers(long contestId) {
        List<ScoredAnswer> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT participant_id, question_idx, choice_key, correct, "
                     + "points, response_ms FROM answer WHERE contest_id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ScoredAnswer(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
                            rs.getInt(5), rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public void deleteAll(long contestId) {
        try (Connection c = ds.getConnection()) {
            for (String table : List.of("answer", "participant", "round_event", "contest_ruling")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE contest_id = ?")) {
                    ps.setLong(1, contestId);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete the participants of contest " + contestId, e);
        }
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
