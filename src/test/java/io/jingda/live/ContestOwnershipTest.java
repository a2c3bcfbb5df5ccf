package io.jingda.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;

import static io.jingda.live.LiveApi.act;
import static io.jingda.live.LiveApi.admin;
import static io.jingda.live.LiveApi.create;
import static io.jingda.live.LiveApi.openLobby;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lease SQL on the embedded database: another node is played by writing its name into the row.
 * A node claims only a contest without a live lease of another node's, writes the state only of a
 * contest it owns, and lets go of one another node has taken. (Two real nodes on PostgreSQL:
 * {@link ContestOwnershipIT}.)
 */
@QuarkusTest
class ContestOwnershipTest {
    private static final String OTHER = "another-node";

    @Inject
    LiveStore store;
    @Inject
    LiveContests registry;
    @Inject
    AgroalDataSource ds;

    private long openContest() {
        long id = create(admin(), LiveApi.contestBody(List.of(LiveApi.questionOf("single", 20))));
        openLobby(admin(), id);
        return id;
    }

    @Test
    void openingAContestClaimsItForThisNode() {
        long id = openContest();
        LiveStore.Lease lease = store.lease(id);
        assertEquals(store.node(), lease.owner());
        assertNotNull(lease.until());
        act(admin(), id, "finish").statusCode(200);
    }

    @Test
    void aContestAnotherNodeHoldsUnderALiveLeaseIsNeitherClaimedNorWritten() throws Exception {
        long id = openContest();
        long now = System.currentTimeMillis();
        ContestRuntime rt = registry.get(id).orElseThrow();
        try {
            registry.unload(rt);
            hand(id, OTHER, now + 60_000);

            assertFalse(store.claimable(false, now).contains(id));
            assertFalse(store.claimable(true, now).contains(id));
            assertFalse(store.claim(id, now, now));
            assertFalse(store.save(LiveStore.stateOf(rt, now)), "the state of another node's contest is not written");
            assertEquals(List.of(id), store.renew(List.of(id), Set.of(id), now));
            assertEquals(OTHER, store.lease(id).owner());
            assertNull(heartbeatOf(id), "nothing of this node's reached the row");

            // two minutes later the lease has expired: the contest is this node's to take, in one conditional UPDATE
            long later = now + 120_000;
            assertTrue(store.claimable(false, later).contains(id));
            assertTrue(store.claimable(true, later).contains(id));
            assertTrue(store.claim(id, now, later));
            assertEquals(store.node(), store.lease(id).owner());
            assertTrue(store.save(LiveStore.stateOf(rt, now)));
            assertEquals(List.of(), store.renew(List.of(id), Set.of(id), now));
            assertEquals(now, heartbeatOf(id));
            // a contest this node owns is claimable at a restart, not at a heartbeat
            assertTrue(store.claimable(true, now).contains(id));
            assertFalse(store.claimable(false, now).contains(id));
        } finally {
            registry.register(rt);
            act(admin(), id, "finish").statusCode(200);
        }
    }

    @Test
    void aNodeWhoseContestWasTakenUnloadsItAndRefusesItsHostActions() throws Exception {
        long id = openContest();
        hand(id, OTHER, System.currentTimeMillis() + 60_000);
        // the next heartbeat's renewal finds another owner
        await().until(() -> registry.get(id).isEmpty());
        act(admin(), id, "start").statusCode(409);
        assertEquals(OTHER, store.lease(id).owner());
        assertEquals("LOBBY", statusOf(id));
        // give it back (expired), so the contest can be finished: this node takes it over at a heartbeat
        hand(id, OTHER, 0);
        await().until(() -> registry.get(id).isPresent());
        assertEquals(store.node(), store.lease(id).owner());
        act(admin(), id, "finish").statusCode(200).body("status", equalTo("FINISHED"));
    }

    private void hand(long id, String owner, long until) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE contest SET owner_node = ?, lease_until = ?, "
                     + "heartbeat_at = NULL WHERE id = ?")) {
            ps.setString(1, owner);
            ps.setLong(2, until);
            ps.setLong(3, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private String statusOf(long id) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM contest WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private Long heartbeatOf(long id) throws Exception {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT heartbeat_at FROM contest WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }
}
