package io.jingda;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * A PostgreSQL database of a test's own at 127.0.0.1:5432 (trust auth, user postgres), for the ITs that
 * run the pg jar: created afresh, then read directly to check what the nodes stored.
 */
public final class TestDatabase {
    public static final String PG = "jdbc:postgresql://127.0.0.1:5432/";
    public final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    /** Drops the database if it exists (closing its connections) and creates it empty. */
    public static TestDatabase recreate(String name) throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(name);
    }

    public String jdbcUrl() {
        return PG + name;
    }

    /** The system property the pg profile reads its JDBC URL from. */
    public String nodeProperty() {
        return "-DJINGDA_DB_URL=" + jdbcUrl();
    }

    public Connection connect() throws Exception {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    /** One column of a contest's row (owner_node, phase, lease_until, …), or null. */
    public String contestColumn(long contestId, String column) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM contest WHERE id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The requestId of every stored answer of the contest. */
    public Set<String> answerRequestIds(long contestId) throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT request_id FROM answer WHERE contest_id = ?")) {
            ps.setLong(1, contestId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
