//! Reading an item's kind back from its stored columns.

use super::error::AppError;
use crate::model::ItemKind;

/// The kind of item `id` from `item.kind` and `item.options_json`. The columns are
/// written only by the builder and the importers, which validate them, so a value
/// that does not read back is a fault of ours, not the user's.
pub fn item_kind(id: i64, kind: &str, options_json: &str) -> Result<ItemKind, AppError> {
    let options: Vec<String> = serde_json::from_str(options_json)
        .map_err(|e| AppError::Internal(format!("item {id} options: {e}")))?;
    ItemKind::from_parts(kind, options)
        .ok_or_else(|| AppError::Internal(format!("item {id} has unknown kind {kind}")))
}
