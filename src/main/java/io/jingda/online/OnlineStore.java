package io.jingda.online;

import io.agroal.api.AgroalDataSource;
import io.jingda.online.OnlineRows.AnswerRow;
import io.jingda.online.OnlineRows.AttemptRow;
import io.jingda.online.OnlineRows.ContestRow;
import io.jingda.online.OnlineRows.ParticipantRow;
import io.jingda.online.OnlineRows.UnitRow;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every SQL statement of the self-paced tables, in plain JDBC: reads on their own auto-committed connection,
 * writes on the connection of the group commit's transaction ({@link OnlineWriter}). Each write that depends on
 * what was read is conditional on it ({@code WHERE position = ?}), so nodes that race store one outcome.
 * Blocking: called from worker threads and the writer, never an event loop.
 * <p>
 * Longer than most classes because it is the one SQL owner of those tables: one place to read what is written.
 */
@ApplicationScoped
public class OnlineStore {
    private static final String ATTEMPT_COLUMNS = "id, contest_id, participant_id, num, seed, paper, status, position, "
            + "served_at, started_at, expires_at, finished_at, score, correct_count, answered, fast_answers, void_reason, "
            + "voided_by, voided_at";
    private static final String PARTICIPANT_COLUMNS = "id, contest_id, name, unit_id, attempts, active_attempt, "
            + "best_attempt, best_score, best_time_ms, best_finished_at, registered_at";
    private static final String BETTER = "best_score IS NOT NULL AND (best_score > ? OR (best_score = ? AND "
            + "(best_time_ms < ? OR (best_time_ms = ? AND best_finished_at < ?))))";

    private final AgroalDataSource ds;
    private final Map<String, long[]> idBlocks = new HashMap<>();
    private volatile Boolean postgres;

    public OnlineStore(AgroalDataSource ds) {
        this.ds = ds;
    }

    // ------------------------------------------------------------------ ids

    /** The next id of a sequence that steps by 50: one round trip per 50 ids. */
    synchronized long nextId(String sequence) throws SQLException {
        long[] b = idBlocks.get(sequence);
        if (b == null || b[0] >= b[1]) {
            long first;
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(postgres(c)
                    ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence);
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                first = rs.getLong(1);
            }
            b = new long[]{first, first + 50};
            idBlocks.put(sequence, b);
        }
        return b[0]++;
    }

    private boolean postgres(Connection c) throws SQLException {
        if (postgres == null) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
        return postgres;
    }

    // ------------------------------------------------------------------ contests

    public ContestRow contest(long id) {
        return one("SELECT id, title, owner, status, code, settings, opens_at, closes_at, token_key, question_count "
                + "FROM contest WHERE id = ? AND opens_at IS NOT NULL", OnlineStore::contestRow, id);
    }

    public ContestRow contestByCode(String code) {
        return one("SELECT id, title, owner, status, code, settings, opens_at, closes_at, token_key, question_count "
                + "FROM contest WHERE open_code = ? AND opens_at IS NOT NULL", OnlineStore::contestRow, code);
    }

    private static ContestRow contestRow(ResultSet rs) throws SQLException {
        return new ContestRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getLong(8), rs.getString(9), rs.getInt(10));
    }

    /** The window ends of the scheduled and open contests whose stored status lags their window. */
    public List<long[]> lagging(long now) {
        return list("SELECT id, CASE WHEN closes_at <= ? THEN 2 WHEN opens_at <= ? THEN 1 ELSE 0 END FROM contest "
                        + "WHERE opens_at IS NOT NULL AND ((status = 'SCHEDULED' AND (opens_at <= ? OR closes_at <= ?)) "
                        + "OR (status = 'OPEN' AND closes_at <= ?) OR (status = 'CLOSED' AND closes_at > ?))",
                rs -> new long[]{rs.getLong(1), rs.getInt(2)}, now, now, now, now, now, now);
    }

    public void storeStatus(long contestId, String status) {
        update("UPDATE contest SET status = ? WHERE id = ? AND opens_at IS NOT NULL AND status <> 'DRAFT'", status, contestId);
    }

    // ------------------------------------------------------------------ units

    public List<UnitRow> units(long contestId) {
        return list("SELECT id, name, parent_id, headcount, registered, participants, score_sum, full_count "
                + "FROM contest_unit WHERE contest_id = ? ORDER BY id", rs -> new UnitRow(rs.getLong(1), rs.getString(2),
                (Long) rs.getObject(3, Long.class), (Integer) rs.getObject(4, Integer.class), rs.getInt(5), rs.getInt(6),
                rs.getLong(7), rs.getInt(8)), contestId);
    }

    /** Per unit, how many participants have each counted score. */
    public Map<Long, Map<Integer, Integer>> unitScores(long contestId) {
        Map<Long, Map<Integer, Integer>> out = new HashMap<>();
        list("SELECT unit_id, score, n FROM online_unit_score WHERE contest_id = ? AND n > 0", rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getInt(3));
            return null;
        }, contestId);
        return out;
    }

    public boolean unitInUse(long contestId, long unitId) {
        return count("SELECT COUNT(*) FROM online_participant WHERE contest_id = ? AND unit_id = ?", contestId, unitId) > 0;
    }

    Long unitIdByKey(Connection c, long contestId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM contest_unit WHERE contest_id = ? AND name_key = ?")) {
            ps.setLong(1, contestId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** A unit typed by a participant ({@code units: free}): the next id of the contest's units. */
    long insertUnit(Connection c, long contestId, String name, String key) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM contest_unit WHERE contest_id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        exec(c, "INSERT INTO contest_unit (contest_id, id, name, name_key) VALUES (?, ?, ?, ?)", contestId, id, name, key);
        return id;
    }

    // ------------------------------------------------------------------ participants

    public ParticipantRow participant(long id) {
        return one("SELECT " + PARTICIPANT_COLUMNS + " FROM online_participant WHERE id = ?", OnlineStore::participantRow, id);
    }

    ParticipantRow participantByIdentity(Connection c, long contestId, String identityHash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PARTICIPANT_COLUMNS
                + " FROM online_participant WHERE contest_id = ? AND identity_hash = ?")) {
            ps.setLong(1, contestId);
            ps.setString(2, identityHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? participantRow(rs) : null;
            }
        }
    }

    ParticipantRow participantIn(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + PARTICIPANT_COLUMNS + " FROM online_participant WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? participantRow(rs) : null;
            }
        }
    }

    private static ParticipantRow participantRow(ResultSet rs) throws SQLException {
        return new ParticipantRow(rs.getLong(1), rs.getLong(2), rs.getString(3), (Long) rs.getObject(4, Long.class),
                rs.getInt(5), (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class),
                (Integer) rs.getObject(8, Integer.class), (Long) rs.getObject(9, Long.class),
                (Long) rs.getObject(10, Long.class), rs.getLong(11));
    }

    int participantCount(Connection c, long contestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM online_participant WHERE contest_id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    void insertParticipant(Connection c, long id, long contestId, String identityHash, String name, Long unitId,
                           String memberHash, long now) throws SQLException {
        exec(c, "INSERT INTO online_participant (id, contest_id, identity_hash, name, unit_id, member_hash, registered_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", id, contestId, identityHash, name, unitId, memberHash, now);
        if (unitId != null) {
            exec(c, "UPDATE contest_unit SET registered = registered + 1 WHERE contest_id = ? AND id = ?", contestId, unitId);
        }
    }

    public Map<Long, Integer> participantCounts(List<Long> contestIds) {
        Map<Long, Integer> out = new HashMap<>();
        for (Long id : contestIds) {
            out.put(id, (int) count("SELECT COUNT(*) FROM online_participant WHERE contest_id = ?", id));
        }
        return out;
    }

    // ------------------------------------------------------------------ attempts

    public AttemptRow attempt(long id) {
        return one("SELECT " + ATTEMPT_COLUMNS + " FROM online_attempt WHERE id = ?", OnlineStore::attemptRow, id);
    }

    AttemptRow attempt(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ATTEMPT_COLUMNS + " FROM online_attempt WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? attemptRow(rs) : null;
            }
        }
    }

    public List<AttemptRow> attemptsOf(long participantId) {
        return list("SELECT " + ATTEMPT_COLUMNS + " FROM online_attempt WHERE participant_id = ? ORDER BY num",
                OnlineStore::attemptRow, participantId);
    }

    private static AttemptRow attemptRow(ResultSet rs) throws SQLException {
        return new AttemptRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getLong(5),
                Paper.decode(rs.getString(6)), rs.getString(7), rs.getInt(8), rs.getLong(9), rs.getLong(10),
                rs.getLong(11), (Long) rs.getObject(12, Long.class), rs.getInt(13), rs.getInt(14), rs.getInt(15),
                rs.getInt(16), rs.getString(17), rs.getString(18), (Long) rs.getObject(19, Long.class));
    }

    /** Takes one of the participant's attempts for a new one: false if none is left or one is running. */
    boolean claimAttempt(Connection c, long participantId, int allowed, long attemptId) throws SQLException {
        return exec(c, "UPDATE online_participant SET attempts = attempts + 1, active_attempt = ? WHERE id = ? "
                + "AND attempts < ? AND active_attempt IS NULL", attemptId, participantId, allowed) == 1;
    }

    void insertAttempt(Connection c, AttemptRow a) throws SQLException {
        exec(c, "INSERT INTO online_attempt (id, contest_id, participant_id, num, seed, paper, status, position, served_at, "
                        + "started_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', 0, ?, ?, ?)", a.id(), a.contestId(),
                a.participantId(), a.num(), a.seed(), Paper.encode(a.paper()), a.servedAt(), a.startedAt(), a.expiresAt());
    }

    /**
     * Moves an attempt on from where it was read: to {@code position}, its question served at {@code servedAt},
     * with the answer's points. Only while it is where it was, still running and its contest still open at
     * {@code at}: false when another request (or node) got there first, or the window closed.
     */
    boolean advance(Connection c, long attemptId, int fromPosition, int position, long servedAt, int points,
                    int correct, int answered, int fast, Long finishedAt, long contestId, long at) throws SQLException {
        return exec(c, "UPDATE online_attempt SET position = ?, served_at = ?, score = score + ?, correct_count = "
                        + "correct_count + ?, answered = answered + ?, fast_answers = fast_answers + ?, status = ?, "
                        + "finished_at = ? WHERE id = ? AND position = ? AND status = 'ACTIVE' AND EXISTS (SELECT 1 FROM "
                        + "contest WHERE id = ? AND closes_at > ?)", position, servedAt, points, correct, answered, fast,
                finishedAt == null ? AttemptRow.ACTIVE : AttemptRow.FINISHED, finishedAt, attemptId, fromPosition,
                contestId, at) == 1;
    }

    /** Serves a waiting question now; false if the attempt moved on or it was served already. */
    boolean serve(Connection c, long attemptId, int position, long servedAt, long now) throws SQLException {
        return exec(c, "UPDATE online_attempt SET served_at = ? WHERE id = ? AND position = ? AND served_at = ? AND "
                + "status = 'ACTIVE'", now, attemptId, position, servedAt) == 1;
    }

    /** Ends a running attempt with what it has (time out, close); false if it was not running. */
    boolean finish(Connection c, long attemptId, int position, long finishedAt) throws SQLException {
        return exec(c, "UPDATE online_attempt SET status = 'FINISHED', position = ?, finished_at = ? WHERE id = ? "
                + "AND status = 'ACTIVE'", position, finishedAt, attemptId) == 1;
    }

    boolean voidAttempt(Connection c, long attemptId, String reason, String by, long at) throws SQLException {
        return exec(c, "UPDATE online_attempt SET status = 'VOID', void_reason = ?, voided_by = ?, voided_at = ?, "
                + "finished_at = COALESCE(finished_at, ?) WHERE id = ? AND status <> 'VOID'", reason, by, at, at, attemptId) == 1;
    }

    void insertAnswer(Connection c, AnswerRow a) throws SQLException {
        exec(c, "INSERT INTO online_answer (attempt_id, position, question_idx, choice, request_id, status, received_at, "
                        + "response_ms, correct, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.attemptId(), a.position(),
                a.questionIdx(), a.choice(), a.requestId(), a.status(), a.receivedAt(), a.responseMs(), a.correct(), a.points());
    }

    void bumpQuestion(Connection c, long contestId, int questionIdx, long answered, long correct) throws SQLException {
        exec(c, "UPDATE online_question_stat SET answered = answered + ?, correct = correct + ? WHERE contest_id = ? "
                + "AND question_idx = ?", answered, correct, contestId, questionIdx);
    }

    static long hourOf(long at) {
        return at / 3_600_000L * 3_600_000L;
    }

    void bumpHour(Connection c, long contestId, long hour, long attempts, long answers) throws SQLException {
        if (exec(c, "UPDATE online_hour SET attempts = attempts + ?, answers = answers + ? WHERE contest_id = ? AND hour_start = ?",
                attempts, answers, contestId, hour) == 0) {
            exec(c, "INSERT INTO online_hour (contest_id, hour_start, attempts, answers) VALUES (?, ?, ?, ?)", contestId, hour,
                    attempts, answers);
        }
    }

    public List<AnswerRow> answers(long attemptId) {
        return list("SELECT attempt_id, position, question_idx, choice, request_id, status, received_at, response_ms, "
                + "correct, points FROM online_answer WHERE attempt_id = ? ORDER BY position", OnlineStore::answerRow, attemptId);
    }

    public AnswerRow answerByRequest(long attemptId, String requestId) {
        return one("SELECT attempt_id, position, question_idx, choice, request_id, status, received_at, response_ms, "
                        + "correct, points FROM online_answer WHERE attempt_id = ? AND request_id = ?", OnlineStore::answerRow,
                attemptId, requestId);
    }

    private static AnswerRow answerRow(ResultSet rs) throws SQLException {
        return new AnswerRow(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getLong(8), rs.getBoolean(9), rs.getInt(10));
    }

    /** Running attempts past their last possible moment, or of contests whose window has ended. */
    public List<Long> dueAttempts(long now, int limit) {
        List<Long> out = new ArrayList<>(list("SELECT id FROM online_attempt WHERE status = 'ACTIVE' AND expires_at < ? "
                + "ORDER BY expires_at LIMIT " + limit, rs -> rs.getLong(1), now));
        return out;
    }

    public List<Long> activeAttempts(long contestId) {
        return list("SELECT id FROM online_attempt WHERE contest_id = ? AND status = 'ACTIVE'", rs -> rs.getLong(1), contestId);
    }

    // ------------------------------------------------------------------ the counted attempt and the unit counters

    /**
     * Recomputes which of a participant's attempts counts ({@code best}: highest score, then shortest time, then
     * earliest finish; {@code last}: the latest finished), stores it, and moves the unit's counters and score
     * histogram by the difference. Locks the participant's row, so finishes and voids of one participant apply in turn.
     */
    void recount(Connection c, long participantId, boolean best, int fullCorrect) throws SQLException {
        Long unit;
        Integer oldScore;
        Long oldAttempt;
        long contestId;
        try (PreparedStatement ps = c.prepareStatement("SELECT contest_id, unit_id, best_score, best_attempt FROM "
                + "online_participant WHERE id = ? FOR UPDATE")) {
            ps.setLong(1, participantId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                contestId = rs.getLong(1);
                unit = (Long) rs.getObject(2, Long.class);
                oldScore = (Integer) rs.getObject(3, Integer.class);
                oldAttempt = (Long) rs.getObject(4, Long.class);
            }
        }
        AttemptRow counted = null;
        boolean oldFull = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ATTEMPT_COLUMNS + " FROM online_attempt WHERE "
                + "participant_id = ? AND status IN ('FINISHED', 'VOID') ORDER BY num")) {
            ps.setLong(1, participantId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AttemptRow a = attemptRow(rs);
                    if (oldAttempt != null && a.id() == oldAttempt) {
                        oldFull = a.correctCount() >= fullCorrect;
                    }
                    if (!AttemptRow.FINISHED.equals(a.status())) {
                        continue;
                    }
                    if (counted == null || !best || OnlineRanking.better(a.score(), a.timeMs(), a.finishedAt(),
                            counted.score(), counted.timeMs(), counted.finishedAt())) {
                        counted = a;
                    }
                }
            }
        }
        exec(c, "UPDATE online_participant SET best_attempt = ?, best_score = ?, best_time_ms = ?, best_finished_at = ?, "
                        + "active_attempt = CASE WHEN active_attempt IN (SELECT id FROM online_attempt WHERE participant_id = ? "
                        + "AND status <> 'ACTIVE') THEN NULL ELSE active_attempt END WHERE id = ?",
                counted == null ? null : counted.id(), counted == null ? null : counted.score(),
                counted == null ? null : counted.timeMs(), counted == null ? null : counted.finishedAt(), participantId,
                participantId);
        if (unit == null) {
            return;
        }
        Integer newScore = counted == null ? null : counted.score();
        boolean newFull = counted != null && counted.correctCount() >= fullCorrect;
        if (java.util.Objects.equals(oldScore, newScore) && oldFull == newFull) {
            return;
        }
        int dParticipants = (newScore == null ? 0 : 1) - (oldScore == null ? 0 : 1);
        long dSum = (newScore == null ? 0 : newScore) - (oldScore == null ? 0 : oldScore);
        int dFull = (newFull ? 1 : 0) - (oldFull ? 1 : 0);
        exec(c, "UPDATE contest_unit SET participants = participants + ?, score_sum = score_sum + ?, full_count = "
                + "full_count + ? WHERE contest_id = ? AND id = ?", dParticipants, dSum, dFull, contestId, unit);
        if (oldScore != null) {
            exec(c, "UPDATE online_unit_score SET n = n - 1 WHERE contest_id = ? AND unit_id = ? AND score = ?", contestId,
                    unit, oldScore);
        }
        if (newScore != null && exec(c, "UPDATE online_unit_score SET n = n + 1 WHERE contest_id = ? AND unit_id = ? "
                + "AND score = ?", contestId, unit, newScore) == 0) {
            exec(c, "INSERT INTO online_unit_score (contest_id, unit_id, score, n) VALUES (?, ?, ?, 1)", contestId, unit, newScore);
        }
    }

    // ------------------------------------------------------------------ rankings and reports

    /** 1 + the participants with a better counted result. */
    public long rankOf(long contestId, Long unitId, int score, long timeMs, long finishedAt) {
        return 1 + count("SELECT COUNT(*) FROM online_participant WHERE contest_id = ? AND "
                + (unitId == null ? "" : "unit_id = " + unitId + " AND ") + BETTER, contestId, score, score, timeMs, timeMs, finishedAt);
    }

    public long ranked(long contestId, Long unitId) {
        return count("SELECT COUNT(*) FROM online_participant WHERE contest_id = ? AND "
                + (unitId == null ? "" : "unit_id = " + unitId + " AND ") + "best_score IS NOT NULL", contestId);
    }

    /** A page of the person ranking, best first. */
    public List<ParticipantRow> rankingPage(long contestId, Long unitId, int offset, int size) {
        return list("SELECT " + PARTICIPANT_COLUMNS + " FROM online_participant WHERE contest_id = ? AND "
                + (unitId == null ? "" : "unit_id = " + unitId + " AND ") + "best_score IS NOT NULL ORDER BY best_score DESC, "
                + "best_time_ms, best_finished_at, id LIMIT " + size + " OFFSET " + offset, OnlineStore::participantRow, contestId);
    }

    public record QuestionStat(int questionIdx, long answered, long correct) {
    }

    public List<QuestionStat> questionStats(long contestId) {
        return list("SELECT question_idx, answered, correct FROM online_question_stat WHERE contest_id = ? ORDER BY question_idx",
                rs -> new QuestionStat(rs.getInt(1), rs.getLong(2), rs.getLong(3)), contestId);
    }

    public record Hour(long hour, long attempts, long answers) {
    }

    public List<Hour> hours(long contestId) {
        return list("SELECT hour_start, attempts, answers FROM online_hour WHERE contest_id = ? ORDER BY hour_start",
                rs -> new Hour(rs.getLong(1), rs.getLong(2), rs.getLong(3)), contestId);
    }

    public long countActive(long contestId) {
        return count("SELECT COUNT(*) FROM online_attempt WHERE contest_id = ? AND status = 'ACTIVE'", contestId);
    }

    public long countParticipants(long contestId) {
        return count("SELECT COUNT(*) FROM online_participant WHERE contest_id = ?", contestId);
    }

    public long countFlagged(long contestId, int half) {
        return count("SELECT COUNT(*) FROM online_attempt WHERE contest_id = ? AND status <> 'VOID' AND fast_answers * 2 >= ? "
                + "AND fast_answers > 0", contestId, half);
    }

    /** A page of attempts (newest first), optionally only the flagged ones, with the participant's name and unit. */
    public record AttemptListRow(AttemptRow attempt, String name, Long unitId) {
    }

    public List<AttemptListRow> attemptPage(long contestId, boolean flaggedOnly, int questions, int offset, int size) {
        return list("SELECT a." + ATTEMPT_COLUMNS.replace(", ", ", a.") + ", p.name, p.unit_id FROM online_attempt a JOIN "
                        + "online_participant p ON p.id = a.participant_id WHERE a.contest_id = ?"
                        + (flaggedOnly ? " AND a.fast_answers > 0 AND a.fast_answers * 2 >= " + questions : "")
                        + " ORDER BY a.id DESC LIMIT " + size + " OFFSET " + offset,
                rs -> new AttemptListRow(attemptRow(rs), rs.getString(20), (Long) rs.getObject(21, Long.class)), contestId);
    }

    // ------------------------------------------------------------------ lifecycle

    /** The counters of a newly scheduled contest: one per question of its pool. */
    public void createQuestionStats(long contestId, int poolSize) {
        try (Connection c = ds.getConnection()) {
            exec(c, "DELETE FROM online_question_stat WHERE contest_id = ?", contestId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO online_question_stat (contest_id, question_idx) VALUES (?, ?)")) {
                for (int i = 0; i < poolSize; i++) {
                    ps.setLong(1, contestId);
                    ps.setInt(2, i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void deleteAll(long contestId) {
        try (Connection c = ds.getConnection()) {
            exec(c, "DELETE FROM online_answer WHERE attempt_id IN (SELECT id FROM online_attempt WHERE contest_id = ?)", contestId);
            exec(c, "DELETE FROM online_attempt WHERE contest_id = ?", contestId);
            exec(c, "DELETE FROM online_participant WHERE contest_id = ?", contestId);
            exec(c, "DELETE FROM online_unit_score WHERE contest_id = ?", contestId);
            exec(c, "DELETE FROM online_question_stat WHERE contest_id = ?", contestId);
            exec(c, "DELETE FROM online_hour WHERE contest_id = ?", contestId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the writes of one group commit in one transaction. */
    void transaction(SqlWork work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    // ------------------------------------------------------------------ plumbing

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> T one(String sql, Mapper<T> m, Object... args) {
        List<T> l = list(sql, m, args);
        return l.isEmpty() ? null : l.get(0);
    }

    private <T> List<T> list(String sql, Mapper<T> m, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    T t = m.map(rs);
                    if (t != null) {
                        out.add(t);
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object... args) {
        Long n = one(sql, rs -> rs.getLong(1), args);
        return n == null ? 0 : n;
    }

    private void update(String sql, Object... args) {
        try (Connection c = ds.getConnection()) {
            exec(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (a instanceof String s) {
                ps.setString(i + 1, s);
            } else if (a instanceof Integer n) {
                ps.setInt(i + 1, n);
            } else if (a instanceof Long n) {
                ps.setLong(i + 1, n);
            } else if (a instanceof Boolean b) {
                ps.setBoolean(i + 1, b);
            } else {
                throw new IllegalArgumentException(a.getClass().getName());
            }
        }
    }
}
