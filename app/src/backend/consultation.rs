//! Creating consultations and their consulted bodies. The administration UI builds on
//! these; the demo data and the tests use them today.

use super::db::Db;
use super::template::Template;
use super::token::Token;
use crate::model::{ConsultationKind, ConsultationStatus, ItemKind};

/// Creates a hearing from a template, with items numbered `<section>.<item>`.
pub async fn create_hearing(
    db: &Db,
    template: &Template,
    status: ConsultationStatus,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<i64, sqlx::Error> {
    let mut tx = db.write.begin().await?;
    let (consultation_id,): (i64,) = sqlx::query_as(
        "INSERT INTO consultation (kind, title, intro_md, status, deadline, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(ConsultationKind::Hearing.as_str())
    .bind(template.title)
    .bind(template.intro)
    .bind(status.as_str())
    .bind(deadline_ms)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    for (s, section) in template.sections.iter().enumerate() {
        let (section_id,): (i64,) = sqlx::query_as(
            "INSERT INTO section (consultation_id, position, title, description)
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(consultation_id)
        .bind(s as i64)
        .bind(section.title)
        .bind(section.description)
        .fetch_one(&mut *tx)
        .await?;
        for (i, text) in section.items.iter().enumerate() {
            sqlx::query(
                "INSERT INTO item (consultation_id, section_id, position, code, text, kind)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(consultation_id)
            .bind(section_id)
            .bind(i as i64)
            .bind(format!("{}.{}", s + 1, i + 1))
            .bind(*text)
            .bind(ItemKind::AgreeDisagree.name())
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(consultation_id)
}

/// A consulted body to add to a consultation.
pub struct NewRespondent<'a> {
    pub name: &'a str,
    pub group: &'a str,
    pub unit: &'a str,
    pub emails: &'a [&'a str],
}

/// Adds a body with its invitation and returns the body's id and the raw token — the
/// only moment the token exists outside the link.
pub async fn add_respondent(
    db: &Db,
    consultation_id: i64,
    respondent: &NewRespondent<'_>,
    now_ms: i64,
) -> Result<(i64, Token), sqlx::Error> {
    let token = Token::generate();
    let mut tx = db.write.begin().await?;
    let (respondent_id,): (i64,) = sqlx::query_as(
        "INSERT INTO respondent (consultation_id, name, group_name, unit, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(consultation_id)
    .bind(respondent.name)
    .bind(respondent.group)
    .bind(respondent.unit)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    for email in respondent.emails {
        sqlx::query("INSERT INTO respondent_email (respondent_id, email) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(respondent_id)
            .bind(*email)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO invitation (respondent_id, token_hash, created_at) VALUES ($1, $2, $3)",
    )
    .bind(respondent_id)
    .bind(token.hash())
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok((respondent_id, token))
}

/// Moves a consultation's deadline; returns false when there is no such consultation.
pub async fn set_deadline(
    db: &Db,
    consultation_id: i64,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE consultation SET deadline = $1, updated_at = $2 WHERE id = $3")
        .bind(deadline_ms)
        .bind(now_ms)
        .bind(consultation_id)
        .execute(&db.write)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Changes a consultation's status; returns false when there is no such consultation.
pub async fn set_status(
    db: &Db,
    consultation_id: i64,
    status: ConsultationStatus,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE consultation SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(now_ms)
        .bind(consultation_id)
        .execute(&db.write)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Stops a body's link from working, at once.
pub async fn revoke_invitations(
    db: &Db,
    respondent_id: i64,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitation SET revoked_at = $1 WHERE respondent_id = $2 AND revoked_at IS NULL",
    )
    .bind(now_ms)
    .bind(respondent_id)
    .execute(&db.write)
    .await?;
    Ok(())
}
