-- Moves with every change to what a respondent is asked — a section, an item, a
-- language offered or a translation — so that each instance serves its cached
-- questionnaire (backend/questionnaire.rs) only while it is the stored one.
ALTER TABLE consultation ADD COLUMN catalogue_version BIGINT NOT NULL DEFAULT 0;

-- The consultation of the changed row, before and after: its own column, or that of
-- the section or item a translation belongs to.
CREATE FUNCTION catalogue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed JSONB;
BEGIN
    FOREACH changed IN ARRAY ARRAY[to_jsonb(OLD), to_jsonb(NEW)] LOOP
        CONTINUE WHEN changed IS NULL;
        UPDATE consultation SET catalogue_version = catalogue_version + 1
        WHERE id = COALESCE(
            (changed ->> 'consultation_id')::BIGINT,
            (SELECT consultation_id FROM section WHERE id = (changed ->> 'section_id')::BIGINT),
            (SELECT consultation_id FROM item WHERE id = (changed ->> 'item_id')::BIGINT));
    END LOOP;
    RETURN NULL;
END $$;

CREATE TRIGGER section_catalogue AFTER INSERT OR UPDATE OR DELETE ON section
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
-- Not for the administration's note, which the respondent never sees.
CREATE TRIGGER item_catalogue AFTER INSERT OR DELETE OR UPDATE OF section_id, consultation_id,
    position, code, text, kind, options_json, max_choices, allow_comment, required,
    show_if_item, show_if_any ON item
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER language_catalogue AFTER INSERT OR UPDATE OR DELETE ON consultation_language
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER section_translation_catalogue AFTER INSERT OR UPDATE OR DELETE ON section_translation
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
CREATE TRIGGER item_translation_catalogue AFTER INSERT OR UPDATE OR DELETE ON item_translation
    FOR EACH ROW EXECUTE FUNCTION catalogue_changed();
