//! Retention: what is kept about the consulted bodies' people ends with its purpose.
//!
//! The addresses a consultation was sent to, its personal links and its mails are
//! needed while it runs and for a while after (a late question, a reopening). A set
//! number of days after a consultation was closed — or, if nobody closed it, after its
//! deadline — they are deleted, in one
//! transaction per consultation: the addresses, every mail in the outbox (recipients,
//! links, the texts), the pending sheet imports (which hold addresses), and every link
//! stops working. What remains is the decision material — the bodies' names and
//! their answers — which is a public record the municipality must keep (arkivloven),
//! and the audit log.

use super::audit::{self, Action};
use super::db::Db;
use super::error::AppError;
use crate::model::ConsultationId;

pub const DAY_MS: i64 = 86_400_000;

/// What one run deleted.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub consultations: usize,
    pub addresses: u64,
    pub mails: u64,
    /// The `Message-ID`s of the deleted mails, to find their `.eml` files by.
    pub message_ids: Vec<String>,
}

/// Deletes the contact data of every consultation closed more than `days` days ago,
/// or still open more than `days` days after its deadline (which it then closes),
/// whose contact data is still there.
pub async fn purge_closed(db: &Db, days: u32, now_ms: i64) -> Result<Purged, AppError> {
    let due: Vec<(ConsultationId,)> = sqlx::query_as(
        "SELECT id FROM consultation
         WHERE contacts_purged_at IS NULL
           AND ((status IN ('closed', 'archived') AND closed_at <= $1)
                OR (status = 'open' AND deadline <= $1))
         ORDER BY id",
    )
    .bind(now_ms - i64::from(days) * DAY_MS)
    .fetch_all(&db.read)
    .await?;
    let mut purged = Purged::default();
    for (id,) in due {
        let mut tx = db.write.begin().await?;
        let bodies = "SELECT id FROM respondent WHERE consultation_id = $1";
        let ids: Vec<(String,)> =
            sqlx::query_as("SELECT message_id FROM outbox WHERE consultation_id = $1")
                .bind(id)
                .fetch_all(&mut *tx)
                .await?;
        let mails = sqlx::query("DELETE FROM outbox WHERE consultation_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        let addresses = sqlx::query(&format!(
            "DELETE FROM respondent_email WHERE respondent_id IN ({bodies})"
        ))
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query(&format!(
            "UPDATE invitation SET revoked_at = $2
             WHERE revoked_at IS NULL AND respondent_id IN ({bodies})"
        ))
        .bind(id)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM import_draft WHERE consultation_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE consultation SET contacts_purged_at = $1, closed_at = COALESCE(closed_at, $1),
                    status = CASE WHEN status = 'open' THEN 'closed' ELSE status END
             WHERE id = $2",
        )
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let detail = format!("{addresses} adresser, {mails} mails, efter {days} dage");
        audit::commit(tx, None, Action::ContactsPurged, Some(id), &detail, now_ms).await?;
        tracing::info!(
            consultation = id.get(),
            addresses,
            mails,
            "contact data purged after the retention period"
        );
        purged.consultations += 1;
        purged.addresses += addresses;
        purged.mails += mails;
        purged.message_ids.extend(ids.into_iter().map(|(m,)| m));
    }
    Ok(purged)
}
