-- Administration: users and their sessions, sign-in throttling, the audit log, the
-- e-mail outbox, sheet imports awaiting confirmation, and per-consultation mail
-- settings. Portable as the spine: INTEGER ids, unix-millisecond BIGINT times.

CREATE TABLE app_user (
    id              INTEGER PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE,   -- stored lower-cased
    name            TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,          -- argon2id PHC string
    role            TEXT    NOT NULL CHECK (role IN ('admin', 'manager', 'viewer')),
    created_at      BIGINT  NOT NULL,
    disabled_at     BIGINT
);

-- The cookie holds a random id; we keep its SHA-256.
CREATE TABLE user_session (
    id_hash         TEXT    PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at      BIGINT  NOT NULL,
    last_seen_at    BIGINT  NOT NULL
);
CREATE INDEX user_session_by_user ON user_session (user_id);

-- Failed sign-ins, per account (as typed) and per client address, for throttling.
CREATE TABLE login_failure (
    id              INTEGER PRIMARY KEY,
    email           TEXT    NOT NULL,
    client          TEXT    NOT NULL,
    at              BIGINT  NOT NULL
);
CREATE INDEX login_failure_by_email ON login_failure (email, at);
CREATE INDEX login_failure_by_client ON login_failure (client, at);

CREATE TABLE audit_log (
    id              INTEGER PRIMARY KEY,
    at              BIGINT  NOT NULL,
    user_id         INTEGER REFERENCES app_user (id) ON DELETE SET NULL,
    user_email      TEXT    NOT NULL DEFAULT '',
    action          TEXT    NOT NULL,
    consultation_id INTEGER REFERENCES consultation (id) ON DELETE SET NULL,
    detail          TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- Every mail is written here in the transaction that caused it; the worker sends it.
-- `claimed_until` is the worker's lease; `message_id` is fixed at enqueue time, so a
-- mail re-sent after a crash is recognisably the same mail. The bodies hold the
-- placeholder {{link}}; the personal link itself is kept in `link` only until the
-- mail is sent, so the database does not keep working links.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('invitation', 'reminder', 'receipt')),
    consultation_id INTEGER REFERENCES consultation (id) ON DELETE CASCADE,
    respondent_id   INTEGER REFERENCES respondent (id) ON DELETE CASCADE,
    recipients      TEXT    NOT NULL,          -- JSON array of addresses
    subject         TEXT    NOT NULL,
    body_text       TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    link            TEXT,
    message_id      TEXT    NOT NULL UNIQUE,
    created_at      BIGINT  NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    claimed_until   BIGINT,
    sent_at         BIGINT,
    failed_at       BIGINT,
    last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at);
CREATE INDEX outbox_by_respondent ON outbox (respondent_id);

-- A parsed sheet waiting for the administrator to confirm it (all or nothing).
CREATE TABLE import_draft (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    user_id         INTEGER NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('bodies', 'items')),
    file_name       TEXT    NOT NULL,
    payload         TEXT    NOT NULL,          -- JSON of the parsed rows and their problems
    created_at      BIGINT  NOT NULL
);

ALTER TABLE consultation ADD COLUMN sender_name TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation ADD COLUMN contact_text TEXT NOT NULL DEFAULT '';
ALTER TABLE consultation ADD COLUMN reminder_days INTEGER;
ALTER TABLE consultation ADD COLUMN auto_reminded_at BIGINT;
ALTER TABLE consultation ADD COLUMN created_by INTEGER REFERENCES app_user (id) ON DELETE SET NULL;
