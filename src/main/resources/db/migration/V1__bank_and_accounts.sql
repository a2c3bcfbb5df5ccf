-- Question bank and accounts. Portable SQL: runs on H2 and PostgreSQL.

CREATE TABLE account (
    id            BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_account_username UNIQUE (username)
);
CREATE SEQUENCE account_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE question_set (
    id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    title       VARCHAR(200)  NOT NULL,
    description VARCHAR(4000),
    language    VARCHAR(16)   NOT NULL,
    tags        VARCHAR(2000) NOT NULL,
    origin      VARCHAR(8)    NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE question (
    id             VARCHAR(100)  NOT NULL PRIMARY KEY,
    set_id         VARCHAR(64)   NOT NULL REFERENCES question_set (id) ON DELETE CASCADE,
    ord            INTEGER       NOT NULL,
    type           VARCHAR(16)   NOT NULL,
    stem           VARCHAR(2000) NOT NULL,
    options        VARCHAR(8000),
    answer         VARCHAR(8000) NOT NULL,
    tolerance      DOUBLE PRECISION,
    explanation    VARCHAR(4000),
    source_report  VARCHAR(200),
    source_excerpt VARCHAR(500),
    source_url     VARCHAR(1000),
    tags           VARCHAR(2000) NOT NULL,
    difficulty     INTEGER       NOT NULL,
    time_limit     INTEGER       NOT NULL,
    points         INTEGER       NOT NULL,
    origin         VARCHAR(8)    NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_question_set ON question (set_id, ord);
CREATE INDEX ix_question_type ON question (type);

-- One row per file of the questions/ directory that the loader has applied.
CREATE TABLE bank_file (
    file_name    VARCHAR(300) NOT NULL PRIMARY KEY,
    content_hash VARCHAR(64)  NOT NULL,
    set_id       VARCHAR(64)  NOT NULL,
    loaded_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
