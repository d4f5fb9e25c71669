-- Series (issue 11): the editions of one recurring consultation ("Trivsel 2025",
-- "Trivsel 2026", or last year's hearing and this year's), compared item by item
-- through their codes. A series holds one kind of consultation; its discussion
-- questions are printed on every unit's dialogue sheet.
CREATE TABLE series (
    id             INTEGER PRIMARY KEY,
    kind           TEXT    NOT NULL CHECK (kind IN ('hearing', 'survey')),
    title          TEXT    NOT NULL,
    questions_json TEXT    NOT NULL DEFAULT '[]',
    created_at     BIGINT  NOT NULL
);
CREATE UNIQUE INDEX series_title_unique ON series (lower(title));

ALTER TABLE consultation ADD COLUMN series_id INTEGER REFERENCES series (id) ON DELETE SET NULL;
CREATE INDEX consultation_by_series ON consultation (series_id, deadline);
