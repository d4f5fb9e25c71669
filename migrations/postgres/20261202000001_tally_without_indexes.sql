-- Every submission adds its ~42 answers to `answer_tally`. The two covering indexes
-- held the counts in their keys, so each +1 wrote an entry in both besides the row;
-- without them no indexed column changes and the row is updated in place (a HOT
-- update). The report reads the primary key's order (see the SQLite migration).
DROP INDEX answer_tally_by_group;
DROP INDEX answer_tally_by_unit;
