-- Pictures in questions (issue 19). Portable SQL: runs on H2 and PostgreSQL (BYTEA is H2's
-- alias of VARBINARY and PostgreSQL's byte array). content is null with jingda.media.store=dir.
CREATE TABLE media (
    sha256  VARCHAR(64) NOT NULL PRIMARY KEY,
    ext     VARCHAR(8)  NOT NULL,
    width   INTEGER     NOT NULL,
    height  INTEGER     NOT NULL,
    bytes   INTEGER     NOT NULL,
    content BYTEA,
    used_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_media_used ON media (used_at);

-- A question's picture (a /media/ URL) and its options' pictures (a JSON array parallel to options,
-- null entries for options without one); a contest's copy keeps them (option pictures inside options).
ALTER TABLE question ADD COLUMN image VARCHAR(200);
ALTER TABLE question ADD COLUMN option_images VARCHAR(2000);
ALTER TABLE contest_question ADD COLUMN image VARCHAR(200);
