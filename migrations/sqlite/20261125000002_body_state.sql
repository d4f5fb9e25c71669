-- A body's state (not opened, opened, draft, submitted) is kept on the body and moved
-- forward in the same transaction as what moves it (the link opened, the first save,
-- a submission). The administration's list of 10,000 bodies then filters, counts and
-- sorts by a column through an index, instead of working the state out per body from
-- the invitations and the response on every page view. The index covers the counts
-- per group and unit.
ALTER TABLE respondent ADD COLUMN state TEXT NOT NULL DEFAULT 'not_opened'
    CHECK (state IN ('not_opened', 'opened', 'draft', 'submitted'));

UPDATE respondent SET state = CASE
    WHEN EXISTS (SELECT 1 FROM response p WHERE p.respondent_id = respondent.id AND p.status = 'submitted')
        THEN 'submitted'
    WHEN EXISTS (SELECT 1 FROM response p WHERE p.respondent_id = respondent.id)
        THEN 'draft'
    WHEN EXISTS (SELECT 1 FROM invitation i WHERE i.respondent_id = respondent.id AND i.opened_at IS NOT NULL)
        THEN 'opened'
    ELSE 'not_opened' END;

CREATE INDEX respondent_rates ON respondent (consultation_id, group_name, unit, state);
