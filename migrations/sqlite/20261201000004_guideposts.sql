-- Pejlemærker and learning stories (issue 11 §5). The administration defines the
-- guideposts of a period; a consultation asks each unit for a learning story per
-- guidepost as three free-text questions (what we did, saw, learned) tied to it; the
-- administration tags each story with its own themes, picks quotes, and writes a
-- meta-narrative per guidepost, beside the survey questions that bear on it.
CREATE TABLE guidepost_period (
    id         INTEGER PRIMARY KEY,
    title      TEXT    NOT NULL,
    created_at BIGINT  NOT NULL
);
CREATE UNIQUE INDEX guidepost_period_title ON guidepost_period (lower(title));

CREATE TABLE guidepost (
    id           INTEGER PRIMARY KEY,
    period_id    INTEGER NOT NULL REFERENCES guidepost_period (id) ON DELETE CASCADE,
    position     BIGINT  NOT NULL,
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL DEFAULT '',
    narrative    TEXT    NOT NULL DEFAULT '',
    survey_id    INTEGER REFERENCES consultation (id) ON DELETE SET NULL,
    survey_codes TEXT    NOT NULL DEFAULT '',
    updated_at   BIGINT  NOT NULL
);
CREATE INDEX guidepost_by_period ON guidepost (period_id, position);

ALTER TABLE item ADD COLUMN guidepost_id INTEGER REFERENCES guidepost (id) ON DELETE SET NULL;
ALTER TABLE item ADD COLUMN story_part TEXT CHECK (story_part IN ('did', 'saw', 'learned'));
CREATE INDEX item_by_guidepost ON item (guidepost_id);
ALTER TABLE consultation ADD COLUMN stories_attributed BOOLEAN NOT NULL DEFAULT FALSE;

-- A story is one response's answers to one guidepost's questions.
CREATE TABLE story_tag (
    response_id  BIGINT  NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    guidepost_id INTEGER NOT NULL REFERENCES guidepost (id) ON DELETE CASCADE,
    tag          TEXT    NOT NULL,
    PRIMARY KEY (guidepost_id, response_id, tag)
);

CREATE TABLE story_quote (
    id           INTEGER PRIMARY KEY,
    guidepost_id INTEGER NOT NULL REFERENCES guidepost (id) ON DELETE CASCADE,
    response_id  BIGINT  NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    item_id      INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    excerpt      TEXT    NOT NULL,
    created_at   BIGINT  NOT NULL
);
CREATE INDEX story_quote_by_guidepost ON story_quote (guidepost_id, id);
