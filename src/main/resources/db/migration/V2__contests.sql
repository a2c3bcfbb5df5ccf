-- Live contests. Portable SQL: runs on H2 and PostgreSQL.
-- Times of the live engine are epoch milliseconds (BIGINT): the server clock decides everything.

CREATE TABLE contest (
    id             BIGINT        NOT NULL PRIMARY KEY,
    title          VARCHAR(200)  NOT NULL,
    owner          VARCHAR(64)   NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    phase          VARCHAR(16),
    question_index INTEGER       NOT NULL,
    question_count INTEGER       NOT NULL,
    code           VARCHAR(6),
    -- equals code while the contest is open (LOBBY, RUNNING, PAUSED), NULL otherwise:
    -- the unique constraint makes codes unique among open contests only
    open_code      VARCHAR(6),
    settings       VARCHAR(8000) NOT NULL,
    opened_at      BIGINT,
    deadline_at    BIGINT,
    closed_at      BIGINT,
    remaining_ms   BIGINT,
    phase_until    BIGINT,
    heartbeat_at   BIGINT,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_contest_open_code UNIQUE (open_code)
);
CREATE SEQUENCE contest_seq START WITH 1 INCREMENT BY 50;
CREATE INDEX ix_contest_status ON contest (status);

-- The questions a contest uses, copied from the bank when the contest is created or edited,
-- so that bank edits never change a contest. Options carry opaque ids; answer holds the correct
-- option ids (choice types), the accepted texts (text) or the number (numeric).
CREATE TABLE contest_question (
    contest_id     BIGINT        NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    idx            INTEGER       NOT NULL,
    public_id      VARCHAR(16)   NOT NULL,
    bank_id        VARCHAR(100),
    type           VARCHAR(16)   NOT NULL,
    stem           VARCHAR(2000) NOT NULL,
    options        VARCHAR(8000),
    answer         VARCHAR(8000) NOT NULL,
    tolerance      DOUBLE PRECISION,
    explanation    VARCHAR(4000),
    source_report  VARCHAR(200),
    source_excerpt VARCHAR(500),
    source_url     VARCHAR(1000),
    time_limit     INTEGER       NOT NULL,
    points         INTEGER       NOT NULL,
    CONSTRAINT pk_contest_question PRIMARY KEY (contest_id, idx)
);

-- id is the join order inside the contest. The token itself is never stored, only its SHA-256.
CREATE TABLE participant (
    contest_id   BIGINT       NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    id           BIGINT       NOT NULL,
    nickname     VARCHAR(100) NOT NULL,
    nickname_key VARCHAR(100) NOT NULL,
    token_hash   VARCHAR(64)  NOT NULL,
    joined_at    BIGINT       NOT NULL,
    kicked       BOOLEAN      NOT NULL,
    CONSTRAINT pk_participant PRIMARY KEY (contest_id, id),
    CONSTRAINT uq_participant_nickname UNIQUE (contest_id, nickname_key),
    CONSTRAINT uq_participant_token UNIQUE (token_hash)
);

-- One answer per participant per question, enforced here (the primary key).
CREATE TABLE answer (
    contest_id     BIGINT        NOT NULL,
    participant_id BIGINT        NOT NULL,
    question_idx   INTEGER       NOT NULL,
    choice         VARCHAR(2000) NOT NULL,
    choice_key     VARCHAR(200),
    request_id     VARCHAR(64),
    received_at    BIGINT        NOT NULL,
    response_ms    BIGINT        NOT NULL,
    correct        BOOLEAN       NOT NULL,
    points         INTEGER       NOT NULL,
    CONSTRAINT pk_answer PRIMARY KEY (contest_id, participant_id, question_idx),
    CONSTRAINT fk_answer_participant FOREIGN KEY (contest_id, participant_id)
        REFERENCES participant (contest_id, id) ON DELETE CASCADE
);
