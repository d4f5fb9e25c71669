//! The outbox: every mail is a row written in the transaction of the action that
//! caused it, and the worker delivers it from here.
//!
//! Delivery: the worker *claims* due rows with a lease (`claimed_until`), sends them,
//! and writes the outcomes. A worker that stops cleanly finishes what it claimed, so
//! nothing is sent twice; one that is killed leaves its claims to expire and be sent
//! again — with the same `Message-ID`, so a re-sent mail is recognisably the same mail
//! (SMTP cannot tell us whether a mail accepted just before a crash was recorded).

use super::compose::{self, Composed, MailContext, LINK};
use crate::backend::batch::Batch;
use crate::backend::dates::format_datetime;
use crate::backend::db::{parameters, Db};
use crate::backend::token::Token;
use crate::i18n::Lang;
use crate::model::admin::{MailState, OutboxRow, SendProgress};
use crate::model::listing::{PageInfo, PAGE_SIZE};
use crate::model::{BodyId, ConsultationId, MailId, Receipt};
use rand::RngCore;
use sqlx::AnyConnection;
use std::collections::HashMap;

/// Mails are written in the consultation's language: Danish, until a consultation can
/// carry another.
const MAIL_LANG: Lang = Lang::Da;

/// Transient failures are retried this many times before the mail counts as failed.
pub const MAX_ATTEMPTS: i64 = 8;
/// Who signs when a consultation names nobody.
const DEFAULT_SENDER: &str = "Forvaltningen";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MailKind {
    Invitation,
    Reminder,
    Receipt,
}

impl MailKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Invitation => "invitation",
            Self::Reminder => "reminder",
            Self::Receipt => "receipt",
        }
    }
}

fn message_id() -> String {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("<{hex}@samrad.local>")
}

/// Adds the mail's rows to `batch`: sent with the other statements of the action that
/// caused it, in its transaction. The values are the batch's own (`mail` is taken).
/// The bodies go to `outbox_body`, found by the mail's `message_id` (the id the
/// database gives the mail is not known before the batch runs).
#[allow(clippy::too_many_arguments)]
fn enqueue_in(
    batch: &mut Batch<'_>,
    kind: MailKind,
    consultation_id: ConsultationId,
    respondent_id: BodyId,
    recipients: &[String],
    mail: Composed,
    link: Option<String>,
    now_ms: i64,
) {
    let recipients = serde_json::to_string(recipients).unwrap_or_else(|_| "[]".into());
    let message_id = message_id();
    batch
        .push(
            "INSERT INTO outbox (kind, consultation_id, respondent_id, recipients, subject, link,
                                 message_id, created_at, next_attempt_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(kind.as_str())
        .bind(consultation_id)
        .bind(respondent_id)
        .bind(recipients)
        .bind(mail.subject)
        .bind(link)
        .bind(message_id.clone())
        .bind(now_ms);
    batch
        .push(
            "INSERT INTO outbox_body (mail_id, body_text, body_html)
             SELECT id, $2, $3 FROM outbox WHERE message_id = $1",
        )
        .bind(message_id)
        .bind(mail.text)
        .bind(mail.html);
}

#[derive(sqlx::FromRow)]
struct ConsultationMail {
    title: String,
    deadline: i64,
    sender_name: String,
    contact_text: String,
}

async fn consultation_mail(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
) -> Result<ConsultationMail, sqlx::Error> {
    sqlx::query_as(
        "SELECT title, deadline, sender_name, contact_text FROM consultation WHERE id = $1",
    )
    .bind(consultation_id)
    .fetch_one(conn)
    .await
}

/// The consultation's mail texts and the body's addresses in one query: a receipt is
/// queued inside every submission's transaction, where each statement counts.
async fn receipt_context(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    respondent_id: BodyId,
) -> Result<(ConsultationMail, Vec<String>), sqlx::Error> {
    let rows: Vec<(String, i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.title, c.deadline, c.sender_name, c.contact_text, e.email
         FROM consultation c
         LEFT JOIN respondent_email e ON e.respondent_id = $2
         WHERE c.id = $1
         ORDER BY e.email",
    )
    .bind(consultation_id)
    .bind(respondent_id)
    .fetch_all(conn)
    .await?;
    let mut to = Vec::with_capacity(rows.len());
    let mut consultation = None;
    for (title, deadline, sender_name, contact_text, email) in rows {
        to.extend(email);
        consultation.get_or_insert(ConsultationMail {
            title,
            deadline,
            sender_name,
            contact_text,
        });
    }
    Ok((consultation.ok_or(sqlx::Error::RowNotFound)?, to))
}

async fn recipients(
    conn: &mut AnyConnection,
    respondent_id: BodyId,
) -> Result<Vec<String>, sqlx::Error> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT email FROM respondent_email WHERE respondent_id = $1 ORDER BY email",
    )
    .bind(respondent_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().map(|(e,)| e).collect())
}

/// Which bodies a send-out goes to.
pub enum Audience<'a> {
    /// Every body that has no working link yet (opening a consultation, or bodies
    /// added to an open one).
    Uninvited,
    /// Bodies without a submitted response (reminders).
    NotSubmitted,
    /// These bodies, whatever their state (resending one invitation).
    Only(&'a [BodyId]),
}

/// Queues invitations or reminders, each with a fresh personal link (the raw token
/// goes into the mail only; the invitation row keeps its hash). Earlier links are
/// superseded: they keep working for [`SUPERSEDED_LINK_GRACE_MS`], so members in the
/// middle of a draft are not locked out, and then stop — a body never has more than
/// a week's worth of working links. Returns how many mails were queued.
pub async fn enqueue_links(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    kind: MailKind,
    audience: Audience<'_>,
    base_url: &str,
    now_ms: i64,
) -> Result<i64, sqlx::Error> {
    let consultation = consultation_mail(conn, consultation_id).await?;
    let deadline = format_datetime(consultation.deadline, Lang::Da);
    let filter = match audience {
        Audience::Uninvited => "AND NOT EXISTS (SELECT 1 FROM invitation i WHERE i.respondent_id = r.id AND i.revoked_at IS NULL)".to_owned(),
        Audience::NotSubmitted => "AND r.state <> 'submitted'".to_owned(),
        Audience::Only(ids) => format!(
            "AND r.id IN ({})",
            ids.iter().map(BodyId::to_string).collect::<Vec<_>>().join(",")
        ),
    };
    if matches!(audience, Audience::Only(ids) if ids.is_empty()) {
        return Ok(0);
    }
    let bodies: Vec<(BodyId, String)> = sqlx::query_as(&format!(
        "SELECT r.id, r.name FROM respondent r WHERE r.consultation_id = $1 {filter} ORDER BY r.id"
    ))
    .bind(consultation_id)
    .fetch_all(&mut *conn)
    .await?;
    let sender = if consultation.sender_name.trim().is_empty() {
        DEFAULT_SENDER
    } else {
        consultation.sender_name.as_str()
    };
    let mut queued = 0;
    for (respondent_id, name) in bodies {
        let to = recipients(conn, respondent_id).await?;
        if to.is_empty() {
            continue;
        }
        let ctx = MailContext {
            title: &consultation.title,
            deadline: &deadline,
            body_name: &name,
            sender_name: sender,
            contact_text: &consultation.contact_text,
            lang: MAIL_LANG,
        };
        let mail = match kind {
            MailKind::Reminder => compose::reminder(&ctx),
            _ => compose::invitation(&ctx),
        };
        supersede_links(conn, respondent_id, now_ms).await?;
        let token = Token::issue(conn, respondent_id, now_ms).await?;
        if kind == MailKind::Reminder {
            sqlx::query("UPDATE invitation SET reminded_at = $1 WHERE respondent_id = $2")
                .bind(now_ms)
                .bind(respondent_id)
                .execute(&mut *conn)
                .await?;
        }
        let link = format!("{}/svar/{}", base_url.trim_end_matches('/'), token.as_str());
        let mut batch = Batch::new(conn);
        enqueue_in(
            &mut batch,
            kind,
            consultation_id,
            respondent_id,
            &to,
            mail,
            Some(link),
            now_ms,
        );
        batch.execute(conn).await?;
        queued += 1;
    }
    Ok(queued)
}

/// How long a link keeps working after a newer one was sent to the same body.
pub const SUPERSEDED_LINK_GRACE_MS: i64 = 7 * 86_400_000;

/// Sets the end of every working link of a body that has none yet.
async fn supersede_links(
    conn: &mut AnyConnection,
    respondent_id: BodyId,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitation SET expires_at = $1
         WHERE respondent_id = $2 AND revoked_at IS NULL AND expires_at IS NULL",
    )
    .bind(now_ms + SUPERSEDED_LINK_GRACE_MS)
    .bind(respondent_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Queues the receipt of a submission: adds its row to the submission's `batch`, so
/// it is written in the submission's transaction.
pub async fn enqueue_receipt(
    conn: &mut AnyConnection,
    batch: &mut Batch<'_>,
    consultation_id: ConsultationId,
    respondent_id: BodyId,
    receipt: &Receipt,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let (consultation, to) = receipt_context(conn, consultation_id, respondent_id).await?;
    if to.is_empty() {
        return Ok(());
    }
    let sender = if consultation.sender_name.trim().is_empty() {
        DEFAULT_SENDER
    } else {
        consultation.sender_name.as_str()
    };
    let mail = compose::receipt(
        &MailContext {
            title: &consultation.title,
            deadline: &receipt.deadline,
            body_name: &receipt.respondent_name,
            sender_name: sender,
            contact_text: &consultation.contact_text,
            lang: MAIL_LANG,
        },
        receipt,
    );
    enqueue_in(
        batch,
        MailKind::Receipt,
        consultation_id,
        respondent_id,
        &to,
        mail,
        None,
        now_ms,
    );
    Ok(())
}

/// A mail the worker has claimed, ready to send.
#[derive(Clone, Debug)]
pub struct Claimed {
    pub id: MailId,
    pub recipients: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub link: Option<String>,
    pub message_id: String,
    pub attempts: i64,
}

impl Claimed {
    pub fn recipient_list(&self) -> Vec<String> {
        serde_json::from_str(&self.recipients).unwrap_or_default()
    }

    /// The text and HTML bodies with the personal link filled in.
    pub fn bodies(&self) -> (String, String) {
        let link = self.link.as_deref().unwrap_or("");
        (
            self.body_text.replace(LINK, link),
            self.body_html.replace(LINK, &crate::html::escape(link)),
        )
    }
}

/// Claims up to `limit` due mails for `lease_ms`. The claim itself is a write of the
/// small rows; the bodies, written once with the mail and never changed, are read
/// after it on a reading connection, off the one writer's path.
pub async fn claim(
    db: &Db,
    limit: i64,
    lease_ms: i64,
    now_ms: i64,
) -> Result<Vec<Claimed>, sqlx::Error> {
    // On PostgreSQL the due rows are locked as they are picked, and rows another
    // instance's worker is picking are passed over: two workers never claim one mail.
    let skip_locked = db.engine.skip_locked();
    type Row = (MailId, String, String, Option<String>, String, i64);
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "UPDATE outbox SET claimed_until = $1, attempts = attempts + 1
         WHERE id IN (SELECT id FROM outbox
                      WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $2
                        AND (claimed_until IS NULL OR claimed_until < $2)
                      ORDER BY id LIMIT $3{skip_locked})
         RETURNING id, recipients, subject, link, message_id, attempts"
    ))
    .bind(now_ms + lease_ms)
    .bind(now_ms)
    .bind(limit)
    .fetch_all(&db.write)
    .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT mail_id, body_text, body_html FROM outbox_body WHERE mail_id IN ({})",
        parameters(1, rows.len())
    );
    let mut query = sqlx::query_as(&sql);
    for (id, ..) in &rows {
        query = query.bind(*id);
    }
    let mut bodies: HashMap<MailId, (String, String)> = query
        .fetch_all(&db.read)
        .await?
        .into_iter()
        .map(|(id, text, html): (MailId, String, String)| (id, (text, html)))
        .collect();
    Ok(rows
        .into_iter()
        .map(|(id, recipients, subject, link, message_id, attempts)| {
            // Every mail has its bodies: both rows are written by one batch, and the
            // bodies go only with the mail (the foreign key's cascade).
            let (body_text, body_html) = bodies.remove(&id).unwrap_or_default();
            Claimed {
                id,
                recipients,
                subject,
                body_text,
                body_html,
                link,
                message_id,
                attempts,
            }
        })
        .collect())
}

/// What became of one send.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Sent,
    /// The relay answered this message "not now" (4xx): tried again after a backoff,
    /// and given up after [`MAX_ATTEMPTS`].
    Transient(String),
    /// The server refused for good (5xx).
    Permanent(String),
    /// The relay could not be reached or closed the channel (421): nothing was said
    /// about this message, so the attempt does not count against it — a relay down
    /// for a day loses no mail — and it waits for the relay as the worker does.
    Unreachable(String),
}

/// While the relay is unreachable the worker waits this long before trying again:
/// a second after the first failed batch, doubling with every batch that reached
/// nothing, at most a minute, so mail flows within a minute of the relay's return.
pub fn relay_wait_ms(failed_batches: u32) -> i64 {
    1_000i64
        .saturating_mul(1i64 << failed_batches.clamp(1, 7).saturating_sub(1))
        .min(60_000)
}

/// How long to wait before attempt `attempts + 1`: doubling from `base_ms`, at most
/// an hour.
pub fn backoff_ms(base_ms: i64, attempts: i64) -> i64 {
    let factor = 1i64 << attempts.clamp(1, 12).saturating_sub(1);
    (base_ms.saturating_mul(factor)).min(3_600_000)
}

/// Writes the outcomes of a batch in one transaction. A sent mail forgets its link,
/// unless `keep_links` (the development transport, whose `.eml` files hold the links
/// anyway and whose outbox page is where the developer follows them).
/// A mail the relay could not be reached for is due again after `relay_wait_ms`.
pub async fn record(
    db: &Db,
    outcomes: &[(Claimed, Outcome)],
    (retry_base_ms, relay_wait_ms): (i64, i64),
    keep_links: bool,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let mut tx = db.write.begin().await?;
    for (mail, outcome) in outcomes {
        match outcome {
            Outcome::Sent => {
                sqlx::query(
                    "UPDATE outbox SET sent_at = $1, claimed_until = NULL, last_error = '',
                            link = CASE WHEN $2 THEN link ELSE NULL END
                     WHERE id = $3",
                )
                .bind(now_ms)
                .bind(keep_links)
                .bind(mail.id)
                .execute(&mut *tx)
                .await?;
            }
            Outcome::Transient(error) if mail.attempts < MAX_ATTEMPTS => {
                sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1, claimed_until = NULL, last_error = $2
                     WHERE id = $3",
                )
                .bind(now_ms + backoff_ms(retry_base_ms, mail.attempts))
                .bind(error)
                .bind(mail.id)
                .execute(&mut *tx)
                .await?;
            }
            Outcome::Unreachable(error) => {
                sqlx::query(
                    "UPDATE outbox SET next_attempt_at = $1, claimed_until = NULL, last_error = $2,
                                       attempts = attempts - 1
                     WHERE id = $3",
                )
                .bind(now_ms + relay_wait_ms)
                .bind(error)
                .bind(mail.id)
                .execute(&mut *tx)
                .await?;
            }
            Outcome::Transient(error) | Outcome::Permanent(error) => {
                sqlx::query(
                    "UPDATE outbox SET failed_at = $1, link = NULL, claimed_until = NULL, last_error = $2
                     WHERE id = $3",
                )
                .bind(now_ms)
                .bind(error)
                .bind(mail.id)
                .execute(&mut *tx)
                .await?;
            }
        }
    }
    tx.commit().await
}

/// The earliest moment a mail becomes due, so an idle worker knows how long to sleep.
pub async fn next_due(db: &Db) -> Result<Option<i64>, sqlx::Error> {
    let (at,): (Option<i64>,) = sqlx::query_as(
        "SELECT MIN(CASE WHEN claimed_until IS NOT NULL AND claimed_until > next_attempt_at
                         THEN claimed_until ELSE next_attempt_at END)
         FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
    )
    .fetch_one(&db.read)
    .await?;
    Ok(at)
}

/// How far the mails of one consultation (or all, with `None`) have got.
pub async fn progress(
    db: &Db,
    consultation_id: Option<ConsultationId>,
) -> Result<SendProgress, sqlx::Error> {
    let (total, sent, failed, retrying): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*),
                COALESCE(SUM(CASE WHEN sent_at IS NOT NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL AND last_error <> '' THEN 1 ELSE 0 END), 0)
         FROM outbox WHERE ($1 IS NULL OR consultation_id = $1)",
    )
    .bind(consultation_id)
    .fetch_one(&db.read)
    .await?;
    Ok(SendProgress {
        total,
        sent,
        failed,
        retrying,
    })
}

/// One page of the mails, newest first, for the outbox page, and how many there are.
/// Bodies show the personal link while the database still has it, a placeholder after.
pub async fn list(
    db: &Db,
    page: u32,
    lang: Lang,
) -> Result<(Vec<OutboxRow>, PageInfo), sqlx::Error> {
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox")
        .fetch_one(&db.read)
        .await?;
    let page = PageInfo::counted(page, total);
    type Row = (
        MailId,
        String,
        String,
        String,
        i64,
        Option<i64>,
        Option<i64>,
        i64,
        String,
        String,
        Option<String>,
    );
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT o.id, o.kind, o.recipients, o.subject, o.created_at, o.sent_at, o.failed_at,
                o.attempts, o.last_error, b.body_text, o.link
         FROM outbox o JOIN outbox_body b ON b.mail_id = o.id
         ORDER BY o.id DESC LIMIT $1 OFFSET $2",
    )
    .bind(i64::from(PAGE_SIZE))
    .bind(i64::from(page.offset()))
    .fetch_all(&db.read)
    .await?;
    let rows = rows
        .into_iter()
        .map(
            |(
                id,
                kind,
                recipients,
                subject,
                created,
                sent,
                failed,
                attempts,
                last_error,
                body,
                link,
            )| {
                let state = match (sent, failed) {
                    (Some(_), _) => MailState::Sent,
                    (None, Some(_)) => MailState::Failed,
                    _ if !last_error.is_empty() => MailState::Retrying,
                    _ => MailState::Pending,
                };
                OutboxRow {
                    id,
                    kind,
                    recipients: serde_json::from_str::<Vec<String>>(&recipients)
                        .map(|r| r.join(", "))
                        .unwrap_or(recipients),
                    subject,
                    created: format_datetime(created, lang),
                    state,
                    attempts,
                    last_error,
                    body_text: body.replace(LINK, link.as_deref().unwrap_or("[personligt link]")),
                }
            },
        )
        .collect();
    Ok((rows, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_for_an_unreachable_relay_doubles_to_a_minute() {
        let waits: Vec<i64> = (0..9).map(relay_wait_ms).collect();
        assert_eq!(
            waits,
            [1_000, 1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000]
        );
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_ms(30_000, 1), 30_000);
        assert_eq!(backoff_ms(30_000, 2), 60_000);
        assert_eq!(backoff_ms(30_000, 3), 120_000);
        assert_eq!(backoff_ms(30_000, 40), 3_600_000);
    }

    #[test]
    fn message_ids_are_unique_and_well_formed() {
        let a = message_id();
        assert!(a.starts_with('<') && a.ends_with("@samrad.local>"));
        assert_ne!(a, message_id());
    }
}
