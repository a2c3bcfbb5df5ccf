-- Contest ownership: the node that runs a live contest, and until when (epoch milliseconds) its lease
-- holds. The owner renews the lease at every heartbeat; another node may take the contest once the
-- lease has expired (failover). Every state write of the engine is conditional on owner_node.
-- Portable SQL: runs on H2 and PostgreSQL.
ALTER TABLE contest ADD COLUMN owner_node VARCHAR(200);
ALTER TABLE contest ADD COLUMN lease_until BIGINT;
