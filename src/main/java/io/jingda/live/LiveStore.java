package io.jingda.live;

import io.jingda.contest.ContestStatus;
import io.jingda.contest.QuestionPhase;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC for the live engine: the persisted state of a contest (one UPDATE per transition,
 * auto-committed, so a transition is durable before it is announced) and the rows a restarted
 * engine reads back. Blocking: called from worker threads and the ticker, never an event loop.
 */
@ApplicationScoped
public class LiveStore {
    private final AgroalDataSource ds;

    public LiveStore(AgroalDataSource ds) {
        this.ds = ds;
    }

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

    void save(StateRow s) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE contest SET status = ?, phase = ?, question_index = ?, "
                     + "open_code = ?, opened_at = ?, deadline_at = ?, closed_at = ?, remaining_ms = ?, phase_until = ?, "
                     + "heartbeat_at = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
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
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the state of contest " + s.id(), e);
        }
    }

    void heartbeat(List<Long> ids, long now) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE contest SET heartbeat_at = ? WHERE id = ?")) {
            for (Long id : ids) {
                ps.setLong(1, now);
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the heartbeat", e);
        }
    }

    void kick(long contestId, long participantId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE participant SET kicked = TRUE WHERE contest_id = ? AND id = ?")) {
            ps.setLong(1, contestId);
            ps.setLong(2, participantId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not kick participant " + participantId, e);
        }
    }

    record ParticipantRow(long id, String nickname, String nicknameKey, String tokenHash, long joinedAt, boolean kicked) {
    }

    record StoredAnswer(long participantId, int questionIdx, String choice, String choiceKey, String requestId,
                        long receivedAt, long responseMs, boolean correct, int points) {
    }

    List<ParticipantRow> participants(long contestId) {
        List<ParticipantRow> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, nickname, nickname_key, token_hash, joined_at, kicked "
                     + "FROM participant WHERE contest_id = ? ORDER BY id")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ParticipantRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getLong(5), rs.getBoolean(6)));
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

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }
}
