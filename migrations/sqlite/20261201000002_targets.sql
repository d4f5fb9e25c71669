-- "Hvad er godt nok?" (issue 11): the administration's target for a survey question,
-- or for an area (each of its questions without one of its own). `metric` is the
-- figure (share positive, mean, NPS), `threshold` the least good-enough value in
-- hundredths of the figure as shown (80 % = 8000, a mean of 4.0 = 400).
CREATE TABLE target (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    item_id         INTEGER REFERENCES item (id) ON DELETE CASCADE,
    section_id      INTEGER REFERENCES section (id) ON DELETE CASCADE,
    metric          TEXT    NOT NULL CHECK (metric IN ('positive', 'mean', 'nps')),
    threshold       BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL,
    CHECK ((item_id IS NULL) <> (section_id IS NULL))
);
CREATE UNIQUE INDEX target_by_item ON target (item_id);
CREATE UNIQUE INDEX target_by_section ON target (section_id);
CREATE INDEX target_by_consultation ON target (consultation_id);
