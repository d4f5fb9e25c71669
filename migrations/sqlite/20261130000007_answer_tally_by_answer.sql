-- The submitted answers counted per background answer: for every single-choice
-- item of a consultation (a survey's "which offer does your child attend?"), each
-- item's answers per option chosen there, and per group for the report's filter.
-- Kept in step with `submitted_answer` in the same transactions as `answer_tally`
-- (app/src/backend/tally.rs), so a breakdown by a background question reads a few
-- thousand rows instead of joining every answer of 50,000 responses. Who left the
-- background question blank is the whole (`answer_tally`) minus these.
CREATE TABLE answer_tally_by_answer (
    consultation_id  INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    background_item  INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    background_value TEXT    NOT NULL,
    group_name       TEXT    NOT NULL,
    item_id          INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    value            TEXT    NOT NULL,
    answers          BIGINT  NOT NULL,
    commented        BIGINT  NOT NULL,
    PRIMARY KEY (consultation_id, background_item, background_value, group_name, item_id, value)
);

INSERT INTO answer_tally_by_answer
SELECT rs.consultation_id, bg.item_id, bg.value, rs.group_name, sa.item_id, sa.value,
       COUNT(*), SUM(CASE WHEN sa.comment <> '' THEN 1 ELSE 0 END)
FROM response rs
JOIN submitted_answer bg ON bg.response_id = rs.id
JOIN item bi ON bi.id = bg.item_id AND bi.kind = 'single'
JOIN submitted_answer sa ON sa.response_id = rs.id
GROUP BY rs.consultation_id, bg.item_id, bg.value, rs.group_name, sa.item_id, sa.value;
