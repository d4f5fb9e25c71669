-- Skip logic: an item shown only when an earlier single or multiple choice item was
-- answered with one of the given options (`show_if_any`, a JSON array of options).
-- Deleting the deciding item leaves the item always shown.
ALTER TABLE item ADD COLUMN show_if_item INTEGER REFERENCES item (id) ON DELETE SET NULL;
ALTER TABLE item ADD COLUMN show_if_any TEXT NOT NULL DEFAULT '[]';
