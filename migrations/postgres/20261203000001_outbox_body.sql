-- A mail's bodies apart from the row the worker updates: see the SQLite migration of
-- the same name. Here it keeps the two schemas alike, and an update of the small row
-- leaves PostgreSQL's TOASTed bodies alone as well.
CREATE TABLE outbox_body AS
    SELECT id AS mail_id, body_text, body_html FROM outbox;
ALTER TABLE outbox_body
    ADD PRIMARY KEY (mail_id),
    ADD FOREIGN KEY (mail_id) REFERENCES outbox (id) ON DELETE CASCADE,
    ALTER COLUMN body_text SET NOT NULL,
    ALTER COLUMN body_html SET NOT NULL;
ALTER TABLE outbox DROP COLUMN body_text, DROP COLUMN body_html;
