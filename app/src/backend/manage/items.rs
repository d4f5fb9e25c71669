//! The items (proposals) of a consultation and the sections they are grouped in.

use super::super::audit::{self, Action};
use super::super::catalogue::StoredKind;
use super::super::db::Db;
use super::super::error::AppError;
use super::super::import::{kind_from, MAX_ITEM_CHARS, MAX_NAME_CHARS};
use super::super::rules::Act;
use super::super::translation;
use super::state;
use crate::model::admin::{ItemTranslation, Msg, Problem, ShowIf, UserView};
use crate::model::{
    without_bidi_controls, ConsultationId, ConsultationKind, ItemId, ItemKind, LangTag, SectionId,
};
use sqlx::AnyConnection;

/// What can be done to one item.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemEdit {
    Add { section: String, text: String },
    Text { item: ItemId, text: String },
    Up { item: ItemId },
    Down { item: ItemId },
    Remove { item: ItemId },
    Settings(ItemSettings),
}

/// A question's kind, options, maximum, whether it must be answered, when it is
/// asked, and its texts in the survey's other languages: the builder's settings form,
/// in the words of the item sheet's columns, so both are checked by the same rules.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemSettings {
    pub item: ItemId,
    /// The kind by its sheet name (`likert5`, `flervalg` …).
    pub kind: String,
    /// The options, one per line (so an option may contain `|` or a comma).
    pub options: String,
    /// The most a multiple choice takes; empty for any number.
    pub max: String,
    pub required: bool,
    /// The answers that make it asked, each `<item id>:<option number>` of one
    /// earlier choice question; none: always asked.
    pub show_if: Vec<String>,
    /// (language tag, text, options one per line) per further language.
    pub translations: Vec<(String, String, String)>,
}

/// Changes the item list. Drafts allow everything; once open only text fixes are
/// allowed, and an item that has answers is never removed.
pub async fn edit_items(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    edit: &ItemEdit,
    now_ms: i64,
) -> Result<Result<Msg, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    let structural = !matches!(edit, ItemEdit::Text { .. });
    if let Some(problem) = Act::ChangeItems
        .check(status, "items")
        .filter(|_| structural)
    {
        return Ok(Err(problem));
    }
    let item_section = |item: ItemId| {
        sqlx::query_as::<_, (SectionId, i64)>(
            "SELECT section_id, position FROM item WHERE id = $1 AND consultation_id = $2",
        )
        .bind(item)
        .bind(id)
    };
    let (msg, detail) = match edit {
        ItemEdit::Add { section, text } => {
            let problem = typed("section", section, Msg::SectionMissing, MAX_NAME_CHARS)
                .or_else(|| typed("text", text, Msg::TextMissing, MAX_ITEM_CHARS));
            if let Some(problem) = problem {
                return Ok(Err(problem));
            }
            let (section, text) = (without_bidi_controls(section), without_bidi_controls(text));
            let item = NewItem {
                section: section.trim(),
                code: "",
                text: text.trim(),
                kind: None,
                required: false,
                show_if: None,
                translations: &[],
            };
            let codes = add_items(&mut tx, id, &[item]).await?;
            (Msg::ItemAdded, format!("tilføjet {}", codes.join(", ")))
        }
        ItemEdit::Text { item, text } => {
            if let Some(problem) = typed("text", text, Msg::TextMissing, MAX_ITEM_CHARS) {
                return Ok(Err(problem));
            }
            let done =
                sqlx::query("UPDATE item SET text = $1 WHERE id = $2 AND consultation_id = $3")
                    .bind(without_bidi_controls(text.trim()))
                    .bind(item)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            if done.rows_affected() == 0 {
                return Err(AppError::NotFound);
            }
            (Msg::Saved, format!("tekst ændret, forslag {item}"))
        }
        ItemEdit::Up { item } | ItemEdit::Down { item } => {
            let (section, position) = item_section(*item)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let neighbour: Option<(ItemId, i64)> = if matches!(edit, ItemEdit::Up { .. }) {
                sqlx::query_as("SELECT id, position FROM item WHERE section_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1")
            } else {
                sqlx::query_as("SELECT id, position FROM item WHERE section_id = $1 AND position > $2 ORDER BY position LIMIT 1")
            }
            .bind(section)
            .bind(position)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((other, other_position)) = neighbour {
                for (target, to) in [(*item, other_position), (other, position)] {
                    sqlx::query("UPDATE item SET position = $1 WHERE id = $2")
                        .bind(to)
                        .bind(target)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            // A question is asked on an earlier answer; a move may not put it first.
            let decider_after: Option<(String,)> = sqlx::query_as(
                "SELECT d.code FROM item i
                 JOIN item d ON d.id = i.show_if_item
                 JOIN section si ON si.id = i.section_id
                 JOIN section sd ON sd.id = d.section_id
                 WHERE i.consultation_id = $1
                   AND (sd.position > si.position OR (sd.position = si.position AND d.position >= i.position))
                 LIMIT 1",
            )
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((code,)) = decider_after {
                return Ok(Err(Problem::with("items", Msg::MoveBreaksCondition, code)));
            }
            (Msg::ItemMoved, format!("flyttet, forslag {item}"))
        }
        ItemEdit::Remove { item } => {
            item_section(*item)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let (answers,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM answer WHERE item_id = $1 AND (value <> '' OR comment <> '')",
            )
            .bind(item)
            .fetch_one(&mut *tx)
            .await?;
            if answers > 0 {
                return Ok(Err(Problem::new("items", Msg::ItemAnswered)));
            }
            sqlx::query("DELETE FROM item WHERE id = $1")
                .bind(item)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "DELETE FROM section WHERE consultation_id = $1
                 AND NOT EXISTS (SELECT 1 FROM item WHERE item.section_id = section.id)",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (Msg::ItemRemoved, format!("fjernet, forslag {item}"))
        }
        ItemEdit::Settings(settings) => {
            if let Err(problem) = set_settings(&mut tx, id, settings).await? {
                return Ok(Err(problem));
            }
            (
                Msg::Saved,
                format!("indstillinger ændret, spørgsmål {}", settings.item),
            )
        }
    };
    audit::commit(
        tx,
        Some(user),
        Action::ItemChanged,
        Some(id),
        &detail,
        now_ms,
    )
    .await?;
    Ok(Ok(msg))
}

/// Where the settings form's problems are shown: the items' card.
const SETTINGS_FIELD: &str = "items";

/// Checks and stores a question's settings; on a problem nothing is written (the
/// caller's transaction is dropped).
async fn set_settings(
    tx: &mut AnyConnection,
    consultation_id: ConsultationId,
    s: &ItemSettings,
) -> Result<Result<(), Problem>, AppError> {
    let problem = |msg: Msg, arg: &str| Ok(Err(Problem::with(SETTINGS_FIELD, msg, arg)));
    let place: Option<(i64, i64)> = sqlx::query_as(
        "SELECT s.position, i.position FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.id = $1 AND i.consultation_id = $2",
    )
    .bind(s.item)
    .bind(consultation_id)
    .fetch_optional(&mut *tx)
    .await?;
    let place = place.ok_or(AppError::NotFound)?;
    let kind = match kind_from(&s.kind, s.options.lines(), &s.max) {
        Ok(Some(kind)) => kind,
        Ok(None) => return problem(Msg::UnknownType, &s.kind),
        Err((msg, arg)) => return problem(msg, &arg),
    };
    let condition = match asked_when(tx, consultation_id, place, &s.show_if).await? {
        Ok(condition) => condition,
        Err(problem) => return Ok(Err(problem)),
    };
    // The questions asked after an answer to this one must still find that answer.
    let dependents: Vec<(String, String)> =
        sqlx::query_as("SELECT code, show_if_any FROM item WHERE show_if_item = $1")
            .bind(s.item)
            .fetch_all(&mut *tx)
            .await?;
    for (code, any_of) in dependents {
        let any_of: Vec<String> = serde_json::from_str(&any_of).unwrap_or_default();
        if any_of.iter().any(|o| !kind.options().contains(o)) {
            return problem(Msg::ConditionStillUsed, &code);
        }
    }
    let available = translation::languages(&mut *tx, consultation_id).await?;
    let mut translations = Vec::new();
    for (tag, text, options) in &s.translations {
        let Some(lang) = LangTag::parse(tag).filter(|l| available.contains(l)) else {
            continue;
        };
        let text = without_bidi_controls(text.trim());
        let options: Vec<String> = options
            .lines()
            .map(str::trim)
            .filter(|o| !o.is_empty())
            .map(without_bidi_controls)
            .collect();
        if !options.is_empty() && options.len() != kind.options().len() {
            return problem(Msg::TranslatedOptions, lang.autonym());
        }
        if text.chars().count() > MAX_ITEM_CHARS {
            return problem(Msg::TooLong, &MAX_ITEM_CHARS.to_string());
        }
        if options.iter().any(|o| o.chars().count() > MAX_NAME_CHARS) {
            return problem(Msg::TooLong, &MAX_NAME_CHARS.to_string());
        }
        translations.push((lang, text, options));
    }
    let (decider, any_of) = match condition {
        Some((decider, any_of)) => (Some(decider), any_of),
        None => (None, Vec::new()),
    };
    sqlx::query(
        "UPDATE item SET kind = $1, options_json = $2, max_choices = $3, required = $4,
                         allow_comment = $5, show_if_item = $6, show_if_any = $7
         WHERE id = $8",
    )
    .bind(kind.name())
    .bind(kind.options_json())
    .bind(kind.max_choices().map(i64::from))
    .bind(s.required)
    .bind(kind == ItemKind::AgreeDisagree)
    .bind(decider)
    .bind(serde_json::to_string(&any_of).unwrap_or_else(|_| "[]".to_owned()))
    .bind(s.item)
    .execute(&mut *tx)
    .await?;
    for (lang, text, options) in translations {
        if text.is_empty() && options.is_empty() {
            sqlx::query("DELETE FROM item_translation WHERE item_id = $1 AND lang = $2")
                .bind(s.item)
                .bind(lang.as_str())
                .execute(&mut *tx)
                .await?;
        } else {
            let options = if options.is_empty() {
                kind.options().to_vec()
            } else {
                options
            };
            translation::set_item(&mut *tx, s.item, &lang, &text, &options).await?;
        }
    }
    Ok(Ok(()))
}

/// The condition the settings form's ticked answers make: all must be options of one
/// choice question that comes before the item at `place` (section and item position).
async fn asked_when(
    tx: &mut AnyConnection,
    consultation_id: ConsultationId,
    place: (i64, i64),
    picked: &[String],
) -> Result<Result<Option<(ItemId, Vec<String>)>, Problem>, AppError> {
    let problem = |msg: Msg, arg: &str| Ok(Err(Problem::with(SETTINGS_FIELD, msg, arg)));
    let mut decider = None;
    let mut numbers = Vec::new();
    for pick in picked {
        let parsed = pick
            .split_once(':')
            .and_then(|(item, n)| Some((item.parse::<ItemId>().ok()?, n.parse::<usize>().ok()?)));
        let Some((item, n)) = parsed else {
            return problem(Msg::ConditionUnreadable, pick);
        };
        if decider.is_some_and(|d| d != item) {
            return problem(Msg::ConditionOneQuestion, "");
        }
        decider = Some(item);
        numbers.push(n);
    }
    let Some(decider) = decider else {
        return Ok(Ok(None));
    };
    #[derive(sqlx::FromRow)]
    struct Decider {
        code: String,
        #[sqlx(flatten)]
        kind: StoredKind,
        section: i64,
        position: i64,
    }
    let row: Option<Decider> = sqlx::query_as(
        "SELECT i.code, i.kind, i.options_json, i.max_choices, s.position AS section, i.position
         FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.id = $1 AND i.consultation_id = $2",
    )
    .bind(decider)
    .bind(consultation_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(row) = row else {
        return problem(Msg::ConditionUnreadable, &decider.to_string());
    };
    let code = row.code;
    if (row.section, row.position) >= place {
        return problem(Msg::ConditionNotEarlier, &code);
    }
    let kind = row.kind.read(decider)?;
    if !matches!(kind, ItemKind::Single { .. } | ItemKind::Multi { .. }) {
        return problem(Msg::ConditionNotChoice, &code);
    }
    let mut any_of = Vec::new();
    for n in numbers {
        match kind.options().get(n) {
            Some(option) if !any_of.contains(option) => any_of.push(option.clone()),
            Some(_) => {}
            None => return problem(Msg::ConditionUnknownOption, &n.to_string()),
        }
    }
    Ok(Ok(Some((decider, any_of))))
}

/// What is wrong with a text typed into field `name`, if anything: the same caps as
/// the sheet import's.
fn typed(name: &str, text: &str, missing: Msg, max: usize) -> Option<Problem> {
    if text.trim().is_empty() {
        Some(Problem::new(name, missing))
    } else if text.trim().chars().count() > max {
        Some(Problem::with(name, Msg::TooLong, max.to_string()))
    } else {
        None
    }
}

/// An item to append: its section's title, its code (empty: the next free number),
/// its text, its kind (`None`: the consultation's own scale) and whether it must be
/// answered.
pub struct NewItem<'a> {
    pub section: &'a str,
    pub code: &'a str,
    pub text: &'a str,
    pub kind: Option<&'a ItemKind>,
    pub required: bool,
    /// Shown only when an earlier item (by its code in this batch, or an item already
    /// there) is answered with one of the options.
    pub show_if: Option<&'a ShowIf>,
    /// The item (and its section's title) in further languages.
    pub translations: &'a [ItemTranslation],
}

/// Appends items; sections are matched by title or created at the end, and an empty
/// code gets the next free number. Returns the codes.
pub async fn add_items(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    items: &[NewItem<'_>],
) -> Result<Vec<String>, sqlx::Error> {
    let mut codes = Vec::new();
    // A hearing's proposals are answered enig / uenig / ved ikke, a survey's
    // statements on the five-step scale.
    let kind = super::kind(&mut *conn, consultation_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    let own_scale = match kind {
        ConsultationKind::Survey => ItemKind::Likert5,
        ConsultationKind::Hearing => ItemKind::AgreeDisagree,
    };
    let existing: Vec<(String,)> =
        sqlx::query_as("SELECT code FROM item WHERE consultation_id = $1")
            .bind(consultation_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut taken: std::collections::HashSet<String> = existing.into_iter().map(|(c,)| c).collect();
    let mut next = taken
        .iter()
        .filter_map(|c| c.parse::<i64>().ok())
        .max()
        .unwrap_or(0);
    let mut added: std::collections::HashMap<String, ItemId> = std::collections::HashMap::new();
    for item in items {
        let (section, code, text) = (item.section, item.code, item.text);
        let kind = item.kind.unwrap_or(&own_scale);
        let found: Option<(SectionId,)> = sqlx::query_as(
            "SELECT id FROM section WHERE consultation_id = $1 AND lower(title) = lower($2)",
        )
        .bind(consultation_id)
        .bind(section)
        .fetch_optional(&mut *conn)
        .await?;
        let section_id = match found {
            Some((sid,)) => sid,
            None => {
                let (sid,): (SectionId,) = sqlx::query_as(
                    "INSERT INTO section (consultation_id, position, title)
                     VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM section WHERE consultation_id = $1), $2)
                     RETURNING id",
                )
                .bind(consultation_id)
                .bind(section)
                .fetch_one(&mut *conn)
                .await?;
                sid
            }
        };
        let code = if code.is_empty() || taken.contains(code) {
            loop {
                next += 1;
                if !taken.contains(&next.to_string()) {
                    break next.to_string();
                }
            }
        } else {
            code.to_string()
        };
        taken.insert(code.clone());
        let decider = match item.show_if {
            Some(condition) => match added.get(&condition.code) {
                Some(id) => Some(*id),
                None => sqlx::query_as::<_, (ItemId,)>(
                    "SELECT id FROM item WHERE consultation_id = $1 AND code = $2",
                )
                .bind(consultation_id)
                .bind(&condition.code)
                .fetch_optional(&mut *conn)
                .await?
                .map(|(id,)| id),
            },
            None => None,
        };
        let any_of = item.show_if.map_or_else(
            || "[]".to_owned(),
            |c| serde_json::to_string(&c.any_of).unwrap_or_else(|_| "[]".to_owned()),
        );
        let (id,): (ItemId,) = sqlx::query_as(
            "INSERT INTO item (consultation_id, section_id, position, code, text, kind, options_json,
                               max_choices, required, allow_comment, show_if_item, show_if_any)
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM item WHERE section_id = $2),
                     $3, $4, $5, $6, $7, $8, $9, $10, $11)
             RETURNING id",
        )
        .bind(consultation_id)
        .bind(section_id)
        .bind(&code)
        .bind(text)
        .bind(kind.name())
        .bind(kind.options_json())
        .bind(kind.max_choices().map(i64::from))
        .bind(item.required)
        // Comments belong to a hearing's proposals; a survey asks for words in its
        // free-text items.
        .bind(*kind == ItemKind::AgreeDisagree)
        .bind(decider)
        .bind(any_of)
        .fetch_one(&mut *conn)
        .await?;
        for t in item.translations {
            let Some(lang) = LangTag::parse(&t.lang) else {
                continue;
            };
            translation::add_language(&mut *conn, consultation_id, &lang, "", "").await?;
            let options = if t.options.is_empty() {
                kind.options()
            } else {
                &t.options
            };
            translation::set_item(&mut *conn, id, &lang, &t.text, options).await?;
            if !t.section.is_empty() {
                translation::set_section(&mut *conn, section_id, &lang, &t.section, "").await?;
            }
        }
        // A sheet's conditions name the codes the sheet gave, even where a taken code
        // was renumbered.
        if !item.code.is_empty() {
            added.insert(item.code.to_owned(), id);
        }
        codes.push(code);
    }
    Ok(codes)
}
