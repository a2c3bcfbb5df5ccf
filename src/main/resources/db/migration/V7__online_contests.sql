-- Self-paced online contests (网络答题). Portable SQL: runs on H2 and PostgreSQL. Times are epoch ms.

-- The window (also in the settings JSON, for reading; these columns are the truth the queries use), and
-- the key that signs the participants' tokens (never sent to anyone).
ALTER TABLE contest ADD COLUMN opens_at BIGINT;
ALTER TABLE contest ADD COLUMN closes_at BIGINT;
ALTER TABLE contest ADD COLUMN token_key VARCHAR(64);
CREATE INDEX ix_contest_window ON contest (status, closes_at);

-- A contest's units (单位, 支部): the definition (name, parent, headcount) and the counters the unit ranking
-- is read from, kept incrementally: registered, participants (with a counted attempt), the sum of their
-- counted scores and how many have a full score.
CREATE TABLE contest_unit (
    contest_id   BIGINT       NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    id           BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    name_key     VARCHAR(100) NOT NULL,
    parent_id    BIGINT,
    headcount    INTEGER,
    registered   INTEGER      DEFAULT 0 NOT NULL,
    participants INTEGER      DEFAULT 0 NOT NULL,
    score_sum    BIGINT       DEFAULT 0 NOT NULL,
    full_count   INTEGER      DEFAULT 0 NOT NULL,
    CONSTRAINT pk_contest_unit PRIMARY KEY (contest_id, id),
    CONSTRAINT uq_contest_unit_name UNIQUE (contest_id, name_key)
);

-- How many of a unit's participants have each counted score: the median without reading the participants.
CREATE TABLE online_unit_score (
    contest_id BIGINT  NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    unit_id    BIGINT  NOT NULL,
    score      INTEGER NOT NULL,
    n          INTEGER NOT NULL,
    CONSTRAINT pk_online_unit_score PRIMARY KEY (contest_id, unit_id, score)
);

-- A registered participant. identity_hash is the salted hash of what counts once (name + unit + memberNo, or
-- the device id); member_hash the salted hash of the memberNo, never the number. best_*: the counted attempt.
CREATE TABLE online_participant (
    id               BIGINT       NOT NULL PRIMARY KEY,
    contest_id       BIGINT       NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    identity_hash    VARCHAR(64)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    unit_id          BIGINT,
    member_hash      VARCHAR(64),
    registered_at    BIGINT       NOT NULL,
    attempts         INTEGER      DEFAULT 0 NOT NULL,
    active_attempt   BIGINT,
    best_attempt     BIGINT,
    best_score       INTEGER,
    best_time_ms     BIGINT,
    best_finished_at BIGINT,
    CONSTRAINT uq_online_identity UNIQUE (contest_id, identity_hash)
);
CREATE SEQUENCE online_participant_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX ix_online_rank ON online_participant (contest_id, best_score DESC, best_time_ms, best_finished_at);
CREATE INDEX ix_online_unit_rank ON online_participant (contest_id, unit_id, best_score DESC, best_time_ms, best_finished_at);

-- An attempt: its paper (the pool indexes of its questions, in order, drawn from seed), where it is
-- (position: the question being served; served_at: since when), and its totals.
CREATE TABLE online_attempt (
    id             BIGINT        NOT NULL PRIMARY KEY,
    contest_id     BIGINT        NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    participant_id BIGINT        NOT NULL,
    num            INTEGER       NOT NULL,
    seed           BIGINT        NOT NULL,
    paper          VARCHAR(4000) NOT NULL,
    status         VARCHAR(8)    NOT NULL,
    position       INTEGER       NOT NULL,
    served_at      BIGINT        NOT NULL,
    started_at     BIGINT        NOT NULL,
    expires_at     BIGINT        NOT NULL,
    finished_at    BIGINT,
    score          INTEGER       DEFAULT 0 NOT NULL,
    correct_count  INTEGER       DEFAULT 0 NOT NULL,
    answered       INTEGER       DEFAULT 0 NOT NULL,
    fast_answers   INTEGER       DEFAULT 0 NOT NULL,
    void_reason    VARCHAR(200),
    voided_by      VARCHAR(64),
    voided_at      BIGINT,
    CONSTRAINT uq_online_attempt_num UNIQUE (participant_id, num)
);
CREATE SEQUENCE online_attempt_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX ix_online_attempt_due ON online_attempt (status, expires_at);
CREATE INDEX ix_online_attempt_contest ON online_attempt (contest_id, status);

-- One answer per question of an attempt (the primary key). status: ACCEPTED or LATE.
CREATE TABLE online_answer (
    attempt_id   BIGINT        NOT NULL REFERENCES online_attempt (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    question_idx INTEGER       NOT NULL,
    choice       VARCHAR(2000) NOT NULL,
    request_id   VARCHAR(64),
    status       VARCHAR(8)    NOT NULL,
    received_at  BIGINT        NOT NULL,
    response_ms  BIGINT        NOT NULL,
    correct      BOOLEAN       NOT NULL,
    points       INTEGER       NOT NULL,
    CONSTRAINT pk_online_answer PRIMARY KEY (attempt_id, position)
);

-- Per-question counters of the pool (the dashboard's correct rate) and per-hour counters (attempts per hour).
CREATE TABLE online_question_stat (
    contest_id   BIGINT  NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    question_idx INTEGER NOT NULL,
    answered     BIGINT  DEFAULT 0 NOT NULL,
    correct      BIGINT  DEFAULT 0 NOT NULL,
    CONSTRAINT pk_online_question_stat PRIMARY KEY (contest_id, question_idx)
);
CREATE TABLE online_hour (
    contest_id BIGINT NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    hour_start BIGINT NOT NULL,
    attempts   BIGINT DEFAULT 0 NOT NULL,
    answers    BIGINT DEFAULT 0 NOT NULL,
    CONSTRAINT pk_online_hour PRIMARY KEY (contest_id, hour_start)
);
