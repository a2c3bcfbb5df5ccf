-- Points per question (issue 19). Portable SQL: runs on H2 and PostgreSQL.
-- The multiplier a contest question's points are scored with: the question's own from the definition's
-- multipliers, else its round's, else 1. 0 = practice (no points), 2 = double; at most 10, two decimals.
ALTER TABLE contest_question ADD COLUMN multiplier DOUBLE PRECISION DEFAULT 1 NOT NULL;
