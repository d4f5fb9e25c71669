#!/usr/bin/env python3
"""What a submission's count costs in `answer_tally`, and what the report's reads of it
cost, for the table as it was (a rowid table, its primary key's own index and two
covering indexes that held the counts) and as it is (WITHOUT ROWID, no other index;
migrations/sqlite/20261202000001_tally_without_indexes.sql).

A hearing of 42 items answered by bodies in 3 groups and 50 units (the respondents
benchmark's spread): 3,000 submissions' answers, the first 1,500 counted to fill the
table (19,000 rows), then 1,500 more timed, 100 per transaction, with the statement
`app/src/backend/tally.rs` runs. SQLite through Python's own module (its SQLite may
be older than the server's bundled one; the comparison is what matters). Prints
microseconds per submission and milliseconds per report read.
"""

import os
import random
import sqlite3
import tempfile
import time

BEFORE = """
CREATE TABLE answer_tally (consultation_id INTEGER NOT NULL, item_id INTEGER NOT NULL,
    group_name TEXT NOT NULL, unit TEXT NOT NULL, value TEXT NOT NULL,
    answers BIGINT NOT NULL, commented BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, item_id, group_name, unit, value));
CREATE INDEX answer_tally_by_group ON answer_tally
    (consultation_id, item_id, group_name, value, answers, commented);
CREATE INDEX answer_tally_by_unit ON answer_tally
    (consultation_id, item_id, unit, value, group_name, answers, commented);
"""
AFTER = """
CREATE TABLE answer_tally (consultation_id INTEGER NOT NULL, item_id INTEGER NOT NULL,
    group_name TEXT NOT NULL, unit TEXT NOT NULL, value TEXT NOT NULL,
    answers BIGINT NOT NULL, commented BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, item_id, group_name, unit, value)) WITHOUT ROWID;
"""
ANSWERS = """
CREATE TABLE response (id INTEGER PRIMARY KEY, consultation_id INTEGER NOT NULL,
    group_name TEXT NOT NULL, unit TEXT NOT NULL);
CREATE TABLE submitted_answer (response_id INTEGER NOT NULL, item_id INTEGER NOT NULL,
    value TEXT NOT NULL, comment TEXT NOT NULL, PRIMARY KEY (response_id, item_id));
"""
ADD_UP = """
INSERT INTO answer_tally (consultation_id, item_id, group_name, unit, value, answers, commented)
SELECT rs.consultation_id, sa.item_id, rs.group_name, rs.unit,
       sa.value, ? * COUNT(*), ? * SUM(CASE WHEN sa.comment <> '' THEN 1 ELSE 0 END)
FROM response rs JOIN submitted_answer sa ON sa.response_id = rs.id
WHERE rs.id = ?
GROUP BY rs.consultation_id, sa.item_id, rs.group_name, rs.unit, sa.value
ON CONFLICT (consultation_id, item_id, group_name, unit, value) DO UPDATE
SET answers = answer_tally.answers + excluded.answers,
    commented = answer_tally.commented + excluded.commented
"""
# The report's breakdowns (report.rs, `tallied`) and the count per item (tracking.rs).
BREAKDOWN = """
SELECT item_id, {column}, value, SUM(answers), SUM(commented) FROM answer_tally
WHERE consultation_id = 1 AND answers > 0 GROUP BY item_id, {column}, value
"""
PER_ITEM = """
SELECT COALESCE(SUM(answers), 0) FROM answer_tally
WHERE consultation_id = 1 AND item_id = ? AND value <> ''
"""
GROUPS = ["Skolebestyrelse", "MED-udvalg", "Forældrebestyrelse"]
VALUES = ["agree", "disagree", "dont_know"]
ITEMS, BODIES, TIMED = 42, 3000, 1500


def measure(schema: str, folder: str) -> None:
    db = sqlite3.connect(os.path.join(folder, "tally.db"), isolation_level=None)
    db.executescript("PRAGMA journal_mode = WAL;" + schema + ANSWERS)
    rng = random.Random(1)
    db.execute("BEGIN")
    for body in range(BODIES):
        db.execute(
            "INSERT INTO response VALUES (?, 1, ?, ?)",
            (body, GROUPS[body % 3], f"Institution {body % 50 + 1:02}"),
        )
        db.executemany(
            "INSERT INTO submitted_answer VALUES (?, ?, ?, '')",
            [(body, item, rng.choice(VALUES)) for item in range(ITEMS)],
        )
    db.execute("COMMIT")

    def count(first: int, last: int) -> None:
        for start in range(first, last, 100):
            db.execute("BEGIN")
            for body in range(start, min(start + 100, last)):
                db.execute(ADD_UP, (1, 1, body))
            db.execute("COMMIT")

    count(0, BODIES - TIMED)
    started = time.perf_counter()
    count(BODIES - TIMED, BODIES)
    per_submission = (time.perf_counter() - started) / TIMED * 1e6
    rows = db.execute("SELECT COUNT(*) FROM answer_tally").fetchone()[0]
    print(f"  a submission's count: {per_submission:6.0f} µs ({rows} tally rows)")

    def read(label: str, run) -> None:
        started = time.perf_counter()
        for _ in range(20):
            run()
        print(f"  {label}: {(time.perf_counter() - started) / 20 * 1e3:6.1f} ms")

    for column, label in [("group_name", "by group"), ("unit", "by unit")]:
        sql = BREAKDOWN.format(column=column)
        read(f"report, {label}", lambda sql=sql: db.execute(sql).fetchall())
    read(
        "count per item (42 reads)",
        lambda: [db.execute(PER_ITEM, (item,)).fetchone() for item in range(ITEMS)],
    )
    db.close()


def main() -> None:
    print(f"SQLite {sqlite3.sqlite_version}")
    for name, schema in [("before (rowid, covering indexes)", BEFORE), ("now (WITHOUT ROWID)", AFTER)]:
        print(name)
        with tempfile.TemporaryDirectory() as folder:
            measure(schema, folder)


if __name__ == "__main__":
    main()
