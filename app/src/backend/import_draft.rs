//! Sheet imports awaiting confirmation. The parsed rows and their problems are kept
//! in `import_draft`, the administrator sees them, and confirming writes all rows in
//! one transaction — or nothing, when any row has a problem.

use super::audit::{self, Action};
use super::db::Db;
use super::error::AppError;
use super::mail::outbox::{enqueue_links, Audience, MailKind};
use super::manage::{add_items, insert_body, NewItem};
use super::rules::Act;
use super::sheet;
use crate::model::admin::{
    BodyRow, ImportPreview, ItemRow, Msg, Problem, UserView, PREVIEW_PROBLEMS, PREVIEW_ROWS,
};
use crate::model::{ConsultationId, ConsultationStatus, DraftId};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    Bodies,
    Items,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Bodies => "bodies",
            Self::Items => "items",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "bodies" => Some(Self::Bodies),
            "items" => Some(Self::Items),
            _ => None,
        }
    }
}

#[derive(Serialize, Deserialize)]
struct Payload {
    bodies: Vec<BodyRow>,
    items: Vec<ItemRow>,
    problems: Vec<Problem>,
}

/// Reads a sheet and stores the result for the preview. A file that cannot be read at
/// all is refused at once (`Err`); row problems go into the preview.
pub async fn save(
    db: &Db,
    user: &UserView,
    consultation_id: ConsultationId,
    kind: ImportKind,
    file_name: &str,
    bytes: &[u8],
    now_ms: i64,
) -> Result<Result<DraftId, Problem>, AppError> {
    let table = match sheet::read_off_runtime(bytes.to_vec()).await {
        Ok(table) => table,
        Err(problem) => return Ok(Err(problem)),
    };
    let (status,): (String,) = sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
        .bind(consultation_id)
        .fetch_optional(&db.read)
        .await?
        .ok_or(AppError::NotFound)?;
    let payload = match kind {
        ImportKind::Bodies => {
            let names: Vec<(String,)> =
                sqlx::query_as("SELECT lower(name) FROM respondent WHERE consultation_id = $1")
                    .bind(consultation_id)
                    .fetch_all(&db.read)
                    .await?;
            let existing: HashSet<String> = names.into_iter().map(|(n,)| n).collect();
            let (bodies, problems) = super::import::bodies(&table, &existing);
            Payload {
                bodies,
                items: Vec::new(),
                problems,
            }
        }
        ImportKind::Items => {
            if status != ConsultationStatus::Draft.as_str() {
                return Ok(Err(Problem::new("file", Act::ChangeItems.refusal())));
            }
            let (items, problems) = super::import::items(&table);
            Payload {
                bodies: Vec::new(),
                items,
                problems,
            }
        }
    };
    let json = serde_json::to_string(&payload)
        .map_err(|e| AppError::Internal(format!("import payload: {e}")))?;
    let mut tx = db.write.begin().await?;
    // Only the latest preview per user and consultation is kept.
    sqlx::query("DELETE FROM import_draft WHERE consultation_id = $1 AND user_id = $2")
        .bind(consultation_id)
        .bind(user.id)
        .execute(&mut *tx)
        .await?;
    let (id,): (DraftId,) = sqlx::query_as(
        "INSERT INTO import_draft (consultation_id, user_id, kind, file_name, payload, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(consultation_id)
    .bind(user.id)
    .bind(kind.as_str())
    .bind(file_name)
    .bind(json)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(id))
}

async fn load(
    conn: &mut sqlx::AnyConnection,
    user: &UserView,
    consultation_id: ConsultationId,
    draft_id: DraftId,
) -> Result<(ImportKind, String, Payload), AppError> {
    let row: Option<(String, String, String)> = sqlx::query_as(
        "SELECT kind, file_name, payload FROM import_draft
         WHERE id = $1 AND consultation_id = $2 AND user_id = $3",
    )
    .bind(draft_id)
    .bind(consultation_id)
    .bind(user.id)
    .fetch_optional(&mut *conn)
    .await?;
    let (kind, file_name, payload) = row.ok_or(AppError::NotFound)?;
    let kind = ImportKind::parse(&kind)
        .ok_or_else(|| AppError::Internal(format!("import draft {draft_id} kind {kind}")))?;
    let payload: Payload = serde_json::from_str(&payload)
        .map_err(|e| AppError::Internal(format!("import draft {draft_id}: {e}")))?;
    Ok((kind, file_name, payload))
}

pub async fn preview(
    db: &Db,
    user: &UserView,
    consultation_id: ConsultationId,
    draft_id: DraftId,
) -> Result<ImportPreview, AppError> {
    let mut conn = db.read.acquire().await?;
    let (_, file_name, payload) = load(&mut conn, user, consultation_id, draft_id).await?;
    let (title,): (String,) = sqlx::query_as("SELECT title FROM consultation WHERE id = $1")
        .bind(consultation_id)
        .fetch_one(&mut *conn)
        .await?;
    let mut payload = payload;
    let rows = payload.bodies.len() + payload.items.len();
    let problem_count = payload.problems.len();
    payload.bodies.truncate(PREVIEW_ROWS);
    payload.items.truncate(PREVIEW_ROWS);
    payload.problems.truncate(PREVIEW_PROBLEMS);
    Ok(ImportPreview {
        draft_id,
        consultation_id,
        consultation_title: title,
        file_name,
        bodies: payload.bodies,
        items: payload.items,
        rows,
        problems: payload.problems,
        problem_count,
    })
}

/// Saves every row of a preview without problems, in one transaction; bodies added to
/// an open consultation get their invitations in the same transaction.
pub async fn confirm(
    db: &Db,
    user: &UserView,
    consultation_id: ConsultationId,
    draft_id: DraftId,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<usize, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (kind, file_name, payload) = load(&mut tx, user, consultation_id, draft_id).await?;
    if let Some(problem) = payload.problems.first() {
        return Ok(Err(problem.clone()));
    }
    let (status,): (String,) = sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
        .bind(consultation_id)
        .fetch_one(&mut *tx)
        .await?;
    let count = match kind {
        ImportKind::Bodies => {
            // Names may have been taken since the preview.
            for body in &payload.bodies {
                let taken: Option<(i64,)> = sqlx::query_as(
                    "SELECT id FROM respondent WHERE consultation_id = $1 AND lower(name) = lower($2)",
                )
                .bind(consultation_id)
                .bind(&body.name)
                .fetch_optional(&mut *tx)
                .await?;
                if taken.is_some() {
                    return Ok(Err(Problem::with(
                        body.row.to_string(),
                        Msg::DuplicateBody,
                        &body.name,
                    )));
                }
                insert_body(&mut tx, consultation_id, body, now_ms).await?;
            }
            if status == ConsultationStatus::Open.as_str() {
                enqueue_links(
                    &mut tx,
                    consultation_id,
                    MailKind::Invitation,
                    Audience::Uninvited,
                    base_url,
                    now_ms,
                )
                .await?;
            }
            payload.bodies.len()
        }
        ImportKind::Items => {
            if status != ConsultationStatus::Draft.as_str() {
                return Ok(Err(Problem::new("file", Act::ChangeItems.refusal())));
            }
            let rows: Vec<NewItem> = payload
                .items
                .iter()
                .map(|i| NewItem {
                    section: &i.section,
                    code: &i.code,
                    text: &i.text,
                    kind: i.kind.as_ref(),
                    required: i.required,
                    show_if: i.show_if.as_ref(),
                    translations: &i.translations,
                })
                .collect();
            add_items(&mut tx, consultation_id, &rows).await?;
            payload.items.len()
        }
    };
    sqlx::query("DELETE FROM import_draft WHERE id = $1")
        .bind(draft_id)
        .execute(&mut *tx)
        .await?;
    let what = match kind {
        ImportKind::Bodies => "høringsparter",
        ImportKind::Items => "forslag",
    };
    audit::commit(
        tx,
        Some(user),
        Action::Imported,
        Some(consultation_id),
        &format!("{count} {what} fra {file_name}"),
        now_ms,
    )
    .await?;
    Ok(Ok(count))
}

pub async fn discard(
    db: &Db,
    user: &UserView,
    consultation_id: ConsultationId,
    draft_id: DraftId,
) -> Result<(), AppError> {
    sqlx::query("DELETE FROM import_draft WHERE id = $1 AND consultation_id = $2 AND user_id = $3")
        .bind(draft_id)
        .bind(consultation_id)
        .bind(user.id)
        .execute(&db.write)
        .await?;
    Ok(())
}
