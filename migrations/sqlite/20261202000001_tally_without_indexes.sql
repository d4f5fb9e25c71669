-- Every submission adds its ~42 answers to `answer_tally`, in the one writer's
-- transaction, so what an update of a count costs is paid on the submissions' serial
-- path. The two covering indexes held the counts in their keys: each +1 moved an entry
-- in both (a delete and an insert in each), and the row was found through the
-- primary key's own index first — four b-trees per count. Kept WITHOUT ROWID, the
-- table is its primary key's b-tree, in (consultation, item, group, unit, answer)
-- order: a count is one b-tree's entry. Measured on a hearing's 19,000 tally rows
-- (scripts/tally-cost.py): a submission's count 760–790 → 280 µs; the report's
-- breakdowns 6–8 ms slower (they sort what the indexes handed over in order), the
-- count per item the same.
CREATE TABLE answer_tally_keyed (
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    group_name      TEXT    NOT NULL,
    unit            TEXT    NOT NULL,
    value           TEXT    NOT NULL,
    answers         BIGINT  NOT NULL,
    commented       BIGINT  NOT NULL,
    PRIMARY KEY (consultation_id, item_id, group_name, unit, value)
) WITHOUT ROWID;
INSERT INTO answer_tally_keyed
SELECT consultation_id, item_id, group_name, unit, value, answers, commented FROM answer_tally;
DROP TABLE answer_tally;
ALTER TABLE answer_tally_keyed RENAME TO answer_tally;
