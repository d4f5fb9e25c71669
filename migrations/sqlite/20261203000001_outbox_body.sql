-- A mail's text and HTML (a receipt's repeat every answer: about four overflow pages)
-- apart from the row the worker updates. In one row, the claim (`claimed_until`,
-- `attempts`) and the sent mark (`sent_at`, `link`) changed the row's size, and SQLite
-- freed the bodies' overflow chain and wrote it anew each time: a receipt's bodies
-- went through the one writer three times, and 85 % of that writer's page reads were
-- outbox pages. Apart, the bodies are written once, with the mail, and only read
-- after; the row the worker updates is a few dozen bytes.
CREATE TABLE outbox_body (
    mail_id   INTEGER PRIMARY KEY REFERENCES outbox (id) ON DELETE CASCADE,
    body_text TEXT    NOT NULL,
    body_html TEXT    NOT NULL
);
INSERT INTO outbox_body (mail_id, body_text, body_html)
    SELECT id, body_text, body_html FROM outbox;
ALTER TABLE outbox DROP COLUMN body_text;
ALTER TABLE outbox DROP COLUMN body_html;
