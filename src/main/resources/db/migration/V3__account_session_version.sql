-- The session version of an account: the time (epoch milliseconds) its sessions were last revoked,
-- by sign-out or a new password. A staff session whose cookie was issued (or renewed) before it no
-- longer works. Portable SQL: runs on H2 and PostgreSQL.
ALTER TABLE account ADD COLUMN session_version BIGINT DEFAULT 0 NOT NULL;
