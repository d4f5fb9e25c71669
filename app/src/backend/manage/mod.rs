//! What the administration does to a consultation: create (from the template, blank,
//! or a copy of last year's), change, open, close, reopen, add and remove bodies and
//! items, send invitations and reminders. Each action is one transaction with its
//! audit entry and the mails it causes. The submodules follow what is acted on: the
//! consultation's [`lifecycle`], its [`settings`], its [`bodies`] and its [`items`].

mod bodies;
mod items;
mod lifecycle;
mod settings;

pub use bodies::*;
pub use items::*;
pub use lifecycle::*;
pub use settings::*;

use super::db::Db;
use super::error::AppError;
use crate::model::admin::{Msg, Problem};
use crate::model::{without_bidi_controls, ConsultationId, ConsultationKind, ConsultationStatus};
use sqlx::AnyConnection;

/// A typed field, trimmed and without bidi controls: a name or a title with a
/// right-to-left override would read differently in every list and mail it is shown
/// in (Arabic or Hebrew letters themselves are kept).
fn field(values: &[(String, String)], name: &str) -> String {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| without_bidi_controls(v.trim()))
        .unwrap_or_default()
}

fn check_len(problems: &mut Vec<Problem>, name: &str, text: &str, max: usize) {
    if text.chars().count() > max {
        problems.push(Problem::with(name, Msg::TooLong, max.to_string()));
    }
}

/// Whether consultation `id` is a hearing or a survey; `None` when there is none.
pub async fn kind(
    conn: &mut AnyConnection,
    id: ConsultationId,
) -> Result<Option<ConsultationKind>, sqlx::Error> {
    let row: Option<(ConsultationKind,)> =
        sqlx::query_as("SELECT kind FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(kind,)| kind))
}

/// Status and deadline, for the checks every action makes.
async fn state(
    conn: &mut AnyConnection,
    id: ConsultationId,
) -> Result<(ConsultationStatus, i64), AppError> {
    let row: Option<(ConsultationStatus, i64)> =
        sqlx::query_as("SELECT status, deadline FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    row.ok_or(AppError::NotFound)
}

/// The current deadline, to let an unchanged past deadline through validation.
pub async fn current_deadline(db: &Db, id: ConsultationId) -> Result<i64, AppError> {
    let mut conn = db.read.acquire().await?;
    Ok(state(&mut conn, id).await?.1)
}

#[cfg(test)]
fn form_values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}
