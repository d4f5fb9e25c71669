-- A survey's own texts in further languages (any BCP 47 tag): the consultation's
-- title and intro, each section's title and description, each item's text and
-- options. Danish is in the main tables; a language listed in consultation_language
-- is offered to respondents, and a text missing in it falls back to Danish.
CREATE TABLE consultation_language (
    consultation_id INTEGER NOT NULL REFERENCES consultation (id) ON DELETE CASCADE,
    lang            TEXT    NOT NULL,
    title           TEXT    NOT NULL DEFAULT '',
    intro_md        TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (consultation_id, lang)
);

CREATE TABLE section_translation (
    section_id      INTEGER NOT NULL REFERENCES section (id) ON DELETE CASCADE,
    lang            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    description     TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (section_id, lang)
);

-- options_json: the options in the item's order (answers are stored as the Danish
-- option, so a translation never changes what is counted).
CREATE TABLE item_translation (
    item_id         INTEGER NOT NULL REFERENCES item (id) ON DELETE CASCADE,
    lang            TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    options_json    TEXT    NOT NULL DEFAULT '[]',
    PRIMARY KEY (item_id, lang)
);
