-- The report sums the tallies per item and group, or per item and unit. These
-- covering indexes hand them over in that order, so the sums stream instead of sorting
-- tens of thousands of rows by text on every view of a large hearing's report.
CREATE INDEX answer_tally_by_group ON answer_tally
    (consultation_id, item_id, group_name, value, answers, commented);
CREATE INDEX answer_tally_by_unit ON answer_tally
    (consultation_id, item_id, unit, value, group_name, answers, commented);
