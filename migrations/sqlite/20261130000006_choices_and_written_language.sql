-- The most options a multiple choice takes (NULL: any number), and the language of
-- the page a response was submitted from, so its free text says which language it
-- was written in (the report and the memo name it; reports stay in Danish).
ALTER TABLE item ADD COLUMN max_choices INTEGER;
ALTER TABLE response ADD COLUMN lang TEXT NOT NULL DEFAULT 'da';
