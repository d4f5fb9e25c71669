//! A consultation's items as the report and the exports read them, and an item's kind
//! read back from its stored columns.

use super::db::{Db, Flag};
use super::error::AppError;
use crate::model::logic::Condition;
use crate::model::{ConsultationId, ItemId, ItemKind, SectionId};

/// One item of the catalogue, with its area, kind and the administration's note.
pub struct CatalogueItem {
    pub id: ItemId,
    pub section_id: SectionId,
    pub section: String,
    pub code: String,
    pub text: String,
    /// How its answers are counted and read.
    pub kind: ItemKind,
    pub note: String,
    /// Asked only of some (skip logic): its base is who answered it, not everyone
    /// who submitted.
    pub conditional: bool,
}

/// An item's kind as the store keeps it — `item.kind`, `item.options_json` and
/// `item.max_choices` — flattened into every row that reads an item, and read back
/// into an [`ItemKind`] in one place.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredKind {
    pub kind: String,
    pub options_json: String,
    pub max_choices: Option<i64>,
}

impl StoredKind {
    /// The kind of item `id`. The columns are written only by the builder and the
    /// importers, which validate them, so a value that does not read back is a fault
    /// of ours, not the user's.
    pub fn read(&self, id: ItemId) -> Result<ItemKind, AppError> {
        let options: Vec<String> = serde_json::from_str(&self.options_json)
            .map_err(|e| AppError::Internal(format!("item {id} options: {e}")))?;
        let max = self.max_choices.and_then(|m| u32::try_from(m).ok());
        ItemKind::from_parts(&self.kind, options, max)
            .ok_or_else(|| AppError::Internal(format!("item {id} has unknown kind {}", self.kind)))
    }
}

/// An item as the store keeps it: what the respondent's page and the administration's
/// list read.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct StoredItem {
    pub id: ItemId,
    pub section_id: SectionId,
    pub code: String,
    pub text: String,
    #[sqlx(flatten)]
    pub kind: StoredKind,
    #[sqlx(try_from = "Flag")]
    pub allow_comment: bool,
    #[sqlx(try_from = "Flag")]
    pub required: bool,
    pub show_if_item: Option<ItemId>,
    pub show_if_any: String,
}

impl StoredItem {
    pub fn item_kind(&self) -> Result<ItemKind, AppError> {
        self.kind.read(self.id)
    }

    /// When it is asked (skip logic); `None`: always.
    pub fn condition(&self) -> Option<Condition> {
        Condition::from_parts(self.show_if_item, &self.show_if_any)
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: ItemId,
    section_id: SectionId,
    section: String,
    code: String,
    text: String,
    #[sqlx(flatten)]
    kind: StoredKind,
    admin_note: String,
    #[sqlx(try_from = "Flag")]
    conditional: bool,
}

/// Consultation `id`'s items in catalogue order.
pub async fn items(db: &Db, id: ConsultationId) -> Result<Vec<CatalogueItem>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT i.id, s.id AS section_id, s.title AS section, i.code, i.text, i.kind, i.options_json, i.max_choices,
                i.admin_note, i.show_if_item IS NOT NULL AS conditional
         FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.consultation_id = $1
         ORDER BY s.position, i.position",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(CatalogueItem {
                kind: r.kind.read(r.id)?,
                conditional: r.conditional,
                id: r.id,
                section_id: r.section_id,
                section: r.section,
                code: r.code,
                text: r.text,
                note: r.admin_note,
            })
        })
        .collect()
}
