-- The submitted answers counted per item, group, unit and answer. Kept in step with
-- `submitted_answer` in the same transactions that change it or the body's group
-- (app/src/backend/tally.rs), so the report reads a few hundred rows instead of
-- counting every answer of a hearing with thousands of bodies.
CREATE TABLE answer_tally (
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    group_name      TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    answers         BIGINT  NOT NULL,
    commented       BIGINT  NOT NULL,
    PRIMARY KEY (consultation_id, item_id, group_name, unit, value)
);

-- What was submitted before this table existed.
INSERT INTO answer_tally
SELECT rs.consultation_id, sa.item_id, COALESCE(r.group_name, ''), COALESCE(r.unit, ''), sa.value,
       COUNT(*), SUM(CASE WHEN sa.comment <> '' THEN 1 ELSE 0 END)
FROM response rs JOIN submitted_answer sa ON sa.response_id = rs.id
LEFT JOIN respondent r ON r.id = rs.respondent_id
GROUP BY rs.consultation_id, sa.item_id, r.group_name, r.unit, sa.value;

-- The bodies in the order of the exports and the list of missing replies, so those
-- read in index order instead of sorting every answer.
CREATE INDEX respondent_in_order ON respondent (consultation_id, group_name, name);
