-- A body's name is unique within its consultation, ignoring case: the report, the
-- exports and the reminders tell bodies apart by name. The forms check it and say so
-- in Danish; this index makes it a guarantee. Any duplicates an older version let in
-- are renamed first (their id appended), so the migration cannot fail on them.
UPDATE respondent SET name = name || ' (' || id || ')'
WHERE EXISTS (
    SELECT 1 FROM respondent o
    WHERE o.consultation_id = respondent.consultation_id
      AND lower(o.name) = lower(respondent.name)
      AND o.id < respondent.id
);
CREATE UNIQUE INDEX respondent_name_unique ON respondent (consultation_id, lower(name));
