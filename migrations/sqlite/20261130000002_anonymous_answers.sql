-- Submitted answers are kept in the order of their key, not of their insertion: an
-- anonymous response gets a random id at submission, and a table with a rowid would
-- still keep its answers in the order they arrived, which the order of the
-- invitations' "answered" could be matched against.
CREATE TABLE submitted_answer_by_key (
    response_id     INTEGER NOT NULL REFERENCES response (id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    value           TEXT    NOT NULL DEFAULT '',
    comment         TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (response_id, item_id)
) WITHOUT ROWID;
INSERT INTO submitted_answer_by_key (response_id, item_id, value, comment)
SELECT response_id, item_id, value, comment FROM submitted_answer;
DROP TABLE submitted_answer;
ALTER TABLE submitted_answer_by_key RENAME TO submitted_answer;
