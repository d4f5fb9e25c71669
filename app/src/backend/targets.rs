//! Storing the administration's targets (see [`crate::model::target`]): one per
//! survey question, and one per area that holds for each of its questions without
//! one of their own. Setting, changing and removing a target is audited; a duplicated
//! consultation takes its targets along (`manage::lifecycle::duplicate`).

use super::audit::{self, Action};
use super::db::Db;
use super::error::AppError;
use crate::i18n::Lang;
use crate::model::admin::{Msg, Problem, UserView};
use crate::model::target::{Metric, Target};
use crate::model::{ConsultationId, ConsultationKind, ItemId, ItemKind, SectionId};
use std::collections::HashMap;

/// A consultation's targets, by question and by area.
#[derive(Default)]
pub struct Targets {
    items: HashMap<ItemId, Target>,
    areas: HashMap<SectionId, Target>,
}

impl Targets {
    /// The target a question of `kind` in area `section` is read against, and whether
    /// it is the area's: its own, else its area's where that figure fits the question.
    pub fn for_item(
        &self,
        item: ItemId,
        section: SectionId,
        kind: &ItemKind,
    ) -> Option<(Target, bool)> {
        if let Some(own) = self.items.get(&item) {
            return Some((*own, false));
        }
        self.areas
            .get(&section)
            .filter(|t| t.metric.fits(kind))
            .map(|t| (*t, true))
    }

    pub fn for_area(&self, section: SectionId) -> Option<Target> {
        self.areas.get(&section).copied()
    }
}

type TargetRow = (Option<ItemId>, Option<SectionId>, String, i64);

/// Every target of consultation `id`.
pub async fn load(db: &Db, id: ConsultationId) -> Result<Targets, AppError> {
    let rows: Vec<TargetRow> = sqlx::query_as(
        "SELECT item_id, section_id, metric, threshold FROM target WHERE consultation_id = $1",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let mut targets = Targets::default();
    for (item, section, metric, threshold) in rows {
        let Some(metric) = Metric::parse(&metric) else {
            continue;
        };
        let target = Target { metric, threshold };
        match (item, section) {
            (Some(item), _) => targets.items.insert(item, target),
            (None, Some(section)) => targets.areas.insert(section, target),
            (None, None) => None,
        };
    }
    Ok(targets)
}

/// What a target is set on.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    Item(ItemId),
    Area(SectionId),
}

/// Sets (`Some`) or removes (`None`) the target of a question or an area of survey
/// `id`. Refused with a reason when the question has no such figure, or no question
/// of the area has it; a hearing has no targets.
pub async fn save(
    db: &Db,
    by: &UserView,
    id: ConsultationId,
    scope: Scope,
    target: Option<Target>,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let kind: Option<(ConsultationKind,)> =
        sqlx::query_as("SELECT kind FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    match kind.ok_or(AppError::NotFound)? {
        (ConsultationKind::Survey,) => {}
        (ConsultationKind::Hearing,) => return Ok(Err(Problem::new("metric", Msg::TargetKind))),
    }
    // What the target is on, as the audit names it, and the kinds of its questions
    // (a figure a target can be on is of a kind without options, so the kind's
    // name alone tells).
    let (name, kinds): (String, Vec<String>) = match scope {
        Scope::Item(item) => {
            let row: Option<(String, String)> = sqlx::query_as(
                "SELECT code, kind FROM item WHERE id = $1 AND consultation_id = $2",
            )
            .bind(item)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
            let (code, kind) = row.ok_or(AppError::NotFound)?;
            (code, vec![kind])
        }
        Scope::Area(section) => {
            let row: Option<(String,)> =
                sqlx::query_as("SELECT title FROM section WHERE id = $1 AND consultation_id = $2")
                    .bind(section)
                    .bind(id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (title,) = row.ok_or(AppError::NotFound)?;
            let kinds: Vec<(String,)> =
                sqlx::query_as("SELECT kind FROM item WHERE section_id = $1")
                    .bind(section)
                    .fetch_all(&mut *tx)
                    .await?;
            (title, kinds.into_iter().map(|(k,)| k).collect())
        }
    };
    if let Some(target) = target {
        let fits = |kind: &String| {
            ItemKind::from_parts(kind, Vec::new(), None).is_some_and(|k| target.metric.fits(&k))
        };
        if !kinds.iter().any(fits) {
            let msg = match scope {
                Scope::Item(_) => Msg::TargetKind,
                Scope::Area(_) => Msg::TargetNoItemFits,
            };
            return Ok(Err(Problem::new("metric", msg)));
        }
    }
    let (column, key) = match scope {
        Scope::Item(item) => ("item_id", item.get()),
        Scope::Area(section) => ("section_id", section.get()),
    };
    let removed = sqlx::query(&format!("DELETE FROM target WHERE {column} = $1"))
        .bind(key)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if let Some(target) = target {
        sqlx::query(&format!(
            "INSERT INTO target (consultation_id, {column}, metric, threshold, updated_at)
             VALUES ($1, $2, $3, $4, $5)"
        ))
        .bind(id)
        .bind(key)
        .bind(target.metric.as_str())
        .bind(target.threshold)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
    } else if removed == 0 {
        return Ok(Ok(()));
    }
    let detail = match target {
        Some(target) => format!("{name}: {}", target.text(Lang::Da)),
        None => format!("{name}: fjernet"),
    };
    audit::commit(
        tx,
        Some(by),
        Action::TargetChanged,
        Some(id),
        &detail,
        now_ms,
    )
    .await?;
    Ok(Ok(()))
}
