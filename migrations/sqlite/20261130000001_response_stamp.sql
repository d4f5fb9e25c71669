-- A submitted response carries the group and unit it counts under, stamped at
-- submission. For a hearing they are the body's (and move with it when the
-- administration moves the body); an anonymous survey response has no respondent to
-- look them up from, so the tally and every breakdown read them from here.
ALTER TABLE response ADD COLUMN group_name TEXT NOT NULL DEFAULT '';
ALTER TABLE response ADD COLUMN unit TEXT NOT NULL DEFAULT '';
UPDATE response
SET group_name = COALESCE((SELECT r.group_name FROM respondent r WHERE r.id = response.respondent_id), ''),
    unit = COALESCE((SELECT r.unit FROM respondent r WHERE r.id = response.respondent_id), '');
