//! The items (proposals) of a consultation and the sections they are grouped in.

use super::super::audit::{self, Action};
use super::super::db::Db;
use super::super::error::AppError;
use super::super::import::{MAX_ITEM_CHARS, MAX_NAME_CHARS};
use super::super::rules::Act;
use super::super::translation;
use super::state;
use crate::model::admin::{ItemTranslation, Msg, Problem, ShowIf, UserView};
use crate::model::{without_bidi_controls, ConsultationKind, ItemKind, LangTag};
use sqlx::SqliteConnection;

/// What can be done to one item.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemEdit {
    Add { section: String, text: String },
    Text { item: i64, text: String },
    Up { item: i64 },
    Down { item: i64 },
    Remove { item: i64 },
}

/// Changes the item list. Drafts allow everything; once open only text fixes are
/// allowed, and an item that has answers is never removed.
pub async fn edit_items(
    db: &Db,
    user: &UserView,
    id: i64,
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
    let item_section = |item: i64| {
        sqlx::query_as::<_, (i64, i64)>(
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
            let neighbour: Option<(i64, i64)> = if matches!(edit, ItemEdit::Up { .. }) {
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
    conn: &mut SqliteConnection,
    consultation_id: i64,
    items: &[NewItem<'_>],
) -> Result<Vec<String>, sqlx::Error> {
    let mut codes = Vec::new();
    // A hearing's proposals are answered enig / uenig / ved ikke, a survey's
    // statements on the five-step scale.
    let (kind,): (String,) = sqlx::query_as("SELECT kind FROM consultation WHERE id = $1")
        .bind(consultation_id)
        .fetch_one(&mut *conn)
        .await?;
    let own_scale = if ConsultationKind::is_survey(&kind) {
        ItemKind::Likert5
    } else {
        ItemKind::AgreeDisagree
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
    let mut added: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    for item in items {
        let (section, code, text) = (item.section, item.code, item.text);
        let kind = item.kind.unwrap_or(&own_scale);
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM section WHERE consultation_id = $1 AND lower(title) = lower($2)",
        )
        .bind(consultation_id)
        .bind(section)
        .fetch_optional(&mut *conn)
        .await?;
        let section_id = match found {
            Some((sid,)) => sid,
            None => {
                let (sid,): (i64,) = sqlx::query_as(
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
                None => sqlx::query_as::<_, (i64,)>(
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
        let (id,): (i64,) = sqlx::query_as(
            "INSERT INTO item (consultation_id, section_id, position, code, text, kind, options_json,
                               required, allow_comment, show_if_item, show_if_any)
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM item WHERE section_id = $2),
                     $3, $4, $5, $6, $7, $8, $9, $10)
             RETURNING id",
        )
        .bind(consultation_id)
        .bind(section_id)
        .bind(&code)
        .bind(text)
        .bind(kind.name())
        .bind(kind.options_json())
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
