//! A consultation's items as the report and the exports read them, and an item's kind
//! read back from its stored columns.

use super::db::Db;
use super::error::AppError;
use crate::model::ItemKind;

/// One item of the catalogue, with its area, kind and the administration's note.
pub struct CatalogueItem {
    pub id: i64,
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

/// Consultation `id`'s items in catalogue order.
pub async fn items(db: &Db, id: i64) -> Result<Vec<CatalogueItem>, AppError> {
    type Row = (i64, String, String, String, String, String, String, bool);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT i.id, s.title AS section, i.code, i.text, i.kind, i.options_json, i.admin_note,
                i.show_if_item IS NOT NULL
         FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.consultation_id = $1
         ORDER BY s.position, i.position",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    rows.into_iter()
        .map(
            |(id, section, code, text, kind, options, note, conditional)| {
                Ok(CatalogueItem {
                    kind: item_kind(id, &kind, &options)?,
                    conditional,
                    id,
                    section,
                    code,
                    text,
                    note,
                })
            },
        )
        .collect()
}

/// The kind of item `id` from `item.kind` and `item.options_json`. The columns are
/// written only by the builder and the importers, which validate them, so a value
/// that does not read back is a fault of ours, not the user's.
pub fn item_kind(id: i64, kind: &str, options_json: &str) -> Result<ItemKind, AppError> {
    let options: Vec<String> = serde_json::from_str(options_json)
        .map_err(|e| AppError::Internal(format!("item {id} options: {e}")))?;
    ItemKind::from_parts(kind, options)
        .ok_or_else(|| AppError::Internal(format!("item {id} has unknown kind {kind}")))
}
