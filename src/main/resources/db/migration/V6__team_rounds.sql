-- Team contests in rounds. Portable SQL: runs on H2 and PostgreSQL.
-- A plan's teams and rounds live in the settings JSON, which needs more room.
ALTER TABLE contest ALTER COLUMN settings SET DATA TYPE VARCHAR(32000);

-- The team a participant plays for (1..N in the plan's order), or NULL.
ALTER TABLE participant ADD COLUMN team_id INTEGER;

-- What happened in the team rounds, in order (seq): a round begun, stakes opened and picked, a question
-- opened, a turn given, the buzz opened, a false start, the buzz won, a judgement, a pause shifted the
-- timers... Written before it is announced; a restart replays it to rebuild the rounds exactly.
-- until_ms: a deadline (turn, buzz, stakes); points: what it gave a team (or a stake); detail: the rest.
CREATE TABLE round_event (
    contest_id     BIGINT       NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    seq            BIGINT       NOT NULL,
    at_ms          BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    round_idx      INTEGER      NOT NULL,
    question_idx   INTEGER,
    team_id        INTEGER,
    participant_id BIGINT,
    points         INTEGER,
    until_ms       BIGINT,
    detail         VARCHAR(400),
    CONSTRAINT pk_round_event PRIMARY KEY (contest_id, seq)
);

-- Host rulings: points given to or taken from a team or a participant, with who, when and why. An undo is
-- a ruling of the opposite points that cites the one it undoes; the UNIQUE key lets each be undone once.
CREATE TABLE contest_ruling (
    contest_id     BIGINT       NOT NULL REFERENCES contest (id) ON DELETE CASCADE,
    id             BIGINT       NOT NULL,
    team_id        INTEGER,
    participant_id BIGINT,
    points         INTEGER      NOT NULL,
    reason         VARCHAR(200) NOT NULL,
    undoes         BIGINT,
    by_name        VARCHAR(64)  NOT NULL,
    at_ms          BIGINT       NOT NULL,
    CONSTRAINT pk_contest_ruling PRIMARY KEY (contest_id, id),
    CONSTRAINT uq_contest_ruling_undo UNIQUE (contest_id, undoes)
);
