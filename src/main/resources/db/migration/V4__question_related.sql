-- Questions that must not appear in the same contest (a JSON array of question ids, written on
-- either side of the pair). Portable SQL: runs on H2 and PostgreSQL.
ALTER TABLE question ADD COLUMN related VARCHAR(4000);
