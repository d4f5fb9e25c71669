-- Open links: one per unit of a survey, printed on a poster or sent in the
-- institution's parent app. The code is public by design (it is on the poster), so
-- it is kept as it is, to print the poster again; what it grants is starting an
-- answer in its unit, rate-limited per client. Each start makes a respondent without
-- a name or an address, with a personal link (hashed like every other) that the
-- browser keeps in a cookie.
CREATE TABLE open_link (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    group_name      TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    code            TEXT    NOT NULL UNIQUE,
    access_code     TEXT    NOT NULL DEFAULT '',
    created_at      BIGINT  NOT NULL,
    revoked_at      BIGINT,
    UNIQUE (consultation_id, unit)
);

ALTER TABLE respondent ADD COLUMN open_link_id INTEGER REFERENCES open_link (id) ON DELETE SET NULL;

-- Starts through open links per client (an address, or an IPv6 /64), for the rate
-- limit; purged after the window.
CREATE TABLE open_start (
    client_key      TEXT    NOT NULL,
    started_at      BIGINT  NOT NULL
);
CREATE INDEX open_start_by_client ON open_start (client_key, started_at);
