-- When a staff member last signed in, for the users page (the audit log has it too,
-- but finding it there means reading the whole log).
ALTER TABLE app_user ADD COLUMN last_sign_in_at BIGINT;

-- A personal link that a newer one has superseded (a reminder, an invitation sent
-- again) stops working at this moment: a grace period later, so a board member in
-- the middle of a draft is not cut off by the reminder the secretary got.
ALTER TABLE invitation ADD COLUMN expires_at BIGINT;

-- Retention: the clock starts when a consultation is closed; when it runs out the
-- bodies' addresses, links and mails are deleted and this is noted.
ALTER TABLE consultation ADD COLUMN closed_at BIGINT;
ALTER TABLE consultation ADD COLUMN contacts_purged_at BIGINT;
UPDATE consultation SET closed_at = updated_at WHERE status IN ('closed', 'archived');
CREATE INDEX consultation_retention ON consultation (status, closed_at);
