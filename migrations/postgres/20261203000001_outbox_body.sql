-- A mail's bodies apart from the row the worker updates: see the SQLite migration of
-- the same name. Here it keeps the two schemas alike; an update of the small row also
-- leaves PostgreSQL's TOASTed bodies alone.
CREATE TABLE outbox_body (
    mail_id   BIGINT PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    body_text TEXT   NOT NULL,
    body_html TEXT   NOT NULL
);
INSERT INTO outbox_body (mail_id, body_text, body_html)
    SELECT id, body_text, body_html FROM outbox;
ALTER TABLE outbox DROP COLUMN body_text;
ALTER TABLE outbox DROP COLUMN body_html;
