-- Moves with every change to what a respondent is asked — a section, an item, a
-- language offered or a translation — so that an instance serves its cached
-- questionnaire (backend/questionnaire.rs) only while it is the stored one.
ALTER TABLE consultation ADD COLUMN catalogue_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER section_added AFTER INSERT ON section BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1 WHERE id = NEW.consultation_id;
END;
CREATE TRIGGER section_changed AFTER UPDATE ON section BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id IN (OLD.consultation_id, NEW.consultation_id);
END;
CREATE TRIGGER section_removed AFTER DELETE ON section BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1 WHERE id = OLD.consultation_id;
END;

CREATE TRIGGER item_added AFTER INSERT ON item BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1 WHERE id = NEW.consultation_id;
END;
-- Not for the administration's note, which the respondent never sees.
CREATE TRIGGER item_changed AFTER UPDATE OF section_id, consultation_id, position, code, text, kind,
    options_json, max_choices, allow_comment, required, show_if_item, show_if_any ON item BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id IN (OLD.consultation_id, NEW.consultation_id);
END;
CREATE TRIGGER item_removed AFTER DELETE ON item BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1 WHERE id = OLD.consultation_id;
END;

CREATE TRIGGER language_added AFTER INSERT ON consultation_language BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1 WHERE id = NEW.consultation_id;
END;
CREATE TRIGGER language_changed AFTER UPDATE ON consultation_language BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id IN (OLD.consultation_id, NEW.consultation_id);
END;
CREATE TRIGGER language_removed AFTER DELETE ON consultation_language BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1 WHERE id = OLD.consultation_id;
END;

CREATE TRIGGER section_translated AFTER INSERT ON section_translation BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id = (SELECT consultation_id FROM section WHERE id = NEW.section_id);
END;
CREATE TRIGGER section_translation_changed AFTER UPDATE ON section_translation BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id IN (SELECT consultation_id FROM section WHERE id IN (OLD.section_id, NEW.section_id));
END;
CREATE TRIGGER section_translation_removed AFTER DELETE ON section_translation BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id = (SELECT consultation_id FROM section WHERE id = OLD.section_id);
END;

CREATE TRIGGER item_translated AFTER INSERT ON item_translation BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id = (SELECT consultation_id FROM item WHERE id = NEW.item_id);
END;
CREATE TRIGGER item_translation_changed AFTER UPDATE ON item_translation BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id IN (SELECT consultation_id FROM item WHERE id IN (OLD.item_id, NEW.item_id));
END;
CREATE TRIGGER item_translation_removed AFTER DELETE ON item_translation BEGIN
    UPDATE consultation SET catalogue_version = catalogue_version + 1
    WHERE id = (SELECT consultation_id FROM item WHERE id = OLD.item_id);
END;
