-- The hearing spine: consultations, their sections and items, the consulted bodies,
-- their invitations (capability links), and their responses.
-- Portable by design (see DESIGN §4): INTEGER ids, timestamps as INTEGER unix
-- milliseconds, TEXT enums guarded by CHECK, no engine-specific types.

CREATE TABLE consultation (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('hearing', 'survey')),
    title           TEXT    NOT NULL,
    intro_md        TEXT    NOT NULL DEFAULT '',
    status          TEXT    NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'archived')),
    opens_at        BIGINT,
    deadline        BIGINT  NOT NULL,
    anonymous       BOOLEAN NOT NULL DEFAULT FALSE,
    min_group_size  INTEGER NOT NULL DEFAULT 5,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);

CREATE TABLE section (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX section_by_consultation ON section (consultation_id, position);

CREATE TABLE item (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    section_id      INTEGER NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    code            TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('agree_disagree', 'likert5', 'nps', 'single', 'multi', 'text')),
    options_json    TEXT    NOT NULL DEFAULT '[]',
    required        BOOLEAN NOT NULL DEFAULT FALSE,
    allow_comment   BOOLEAN NOT NULL DEFAULT TRUE,
    admin_note      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX item_by_section ON item (section_id, position);
CREATE INDEX item_by_consultation ON item (consultation_id);

CREATE TABLE respondent (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    group_name      TEXT    NOT NULL,
    unit            TEXT    NOT NULL DEFAULT '',
    created_at      BIGINT  NOT NULL
);
CREATE INDEX respondent_by_consultation ON respondent (consultation_id);

CREATE TABLE respondent_email (
    respondent_id   INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    PRIMARY KEY (respondent_id, email)
);

-- The raw token exists only in the link; we keep its SHA-256 (hex).
CREATE TABLE invitation (
    id              INTEGER PRIMARY KEY,
    respondent_id   INTEGER NOT NULL REFERENCES respondent (id) ON DELETE CASCADE,
    token_hash      TEXT    NOT NULL UNIQUE,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT,
    reminded_at     BIGINT,
    opened_at       BIGINT,
    revoked_at      BIGINT
);
CREATE INDEX invitation_by_respondent ON invitation (respondent_id);

-- One response per body and consultation: the working copy every member edits.
-- `version` grows with every write and is the autosave's sync cursor; the last
-- submitted state is copied to `submitted_answer`, so later edits do not change what
-- was submitted until they are submitted too.
CREATE TABLE response (
    id                         INTEGER PRIMARY KEY,
    consultation_id            INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    respondent_id              INTEGER REFERENCES respondent (id) ON DELETE CASCADE,
    status                     TEXT    NOT NULL CHECK (status IN ('draft', 'submitted')),
    general_comment            TEXT    NOT NULL DEFAULT '',
    general_comment_version    BIGINT  NOT NULL DEFAULT 0,
    version                    BIGINT  NOT NULL DEFAULT 0,
    submitted_version          BIGINT,
    submission_no              INTEGER NOT NULL DEFAULT 0,
    submitted_general_comment  TEXT,
    submitted_at               BIGINT,
    updated_at                 BIGINT  NOT NULL,
    UNIQUE (consultation_id, respondent_id)
);

CREATE TABLE answer (
    response_id     INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    value           TEXT    NOT NULL DEFAULT '',
    comment         TEXT    NOT NULL DEFAULT '',
    changed_version BIGINT  NOT NULL,
    PRIMARY KEY (response_id, item_id)
);

CREATE TABLE submitted_answer (
    response_id     INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    value           TEXT    NOT NULL DEFAULT '',
    comment         TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, item_id)
);
