//! The consulted bodies of a consultation: added by hand or from a sheet, changed,
//! removed, invited, reminded, their links replaced.

use super::super::audit::{self, Action};
use super::super::db::Db;
use super::super::error::AppError;
use super::super::mail::outbox::{enqueue_links, Audience, MailKind};
use super::super::rules::Act;
use super::super::tally::{self, Background, Sign};
use super::super::token::Token;
use super::{check_len, field, state};
use crate::model::admin::{BodyRow, Msg, Problem, UserView};
use crate::model::{
    split_addresses, BodyId, ConsultationId, ConsultationStatus, Email, ResponseId,
};
use sqlx::AnyConnection;

/// A body entered by hand, validated like a sheet row.
pub fn parse_body(values: &[(String, String)]) -> Result<BodyRow, Vec<Problem>> {
    let mut problems = Vec::new();
    let name = field(values, "name");
    let group = field(values, "group");
    let unit = field(values, "unit");
    if name.is_empty() {
        problems.push(Problem::new("name", Msg::NameMissing));
    }
    if group.is_empty() {
        problems.push(Problem::new("group", Msg::GroupMissing));
    }
    for (n, text) in [("name", &name), ("group", &group), ("unit", &unit)] {
        check_len(&mut problems, n, text, super::super::import::MAX_NAME_CHARS);
    }
    let mut emails = Vec::new();
    let typed_emails = field(values, "emails");
    let pieces = split_addresses(&typed_emails);
    if pieces.is_empty() {
        problems.push(Problem::new("emails", Msg::EmailMissing));
    }
    for piece in pieces {
        match Email::parse(piece) {
            Some(e) => {
                if !emails.contains(&e.as_str().to_owned()) {
                    emails.push(e.as_str().to_owned())
                }
            }
            None => problems.push(Problem::with("emails", Msg::EmailInvalid, piece)),
        }
    }
    if problems.is_empty() {
        Ok(BodyRow {
            row: 0,
            name,
            group,
            unit,
            emails,
        })
    } else {
        Err(problems)
    }
}

/// Adds one body; in an open consultation its invitation is queued at once.
pub async fn add_body(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    body: &BodyRow,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<BodyId, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    if let Some(problem) = name_taken(&mut tx, id, &body.name, None).await? {
        return Ok(Err(problem));
    }
    let body_id = match insert_body(&mut tx, id, body, now_ms).await {
        Err(e) if lost_name_race(&e) => return Ok(Err(duplicate(&body.name))),
        inserted => inserted?,
    };
    if status == ConsultationStatus::Open {
        invite(&mut tx, id, body_id, base_url, now_ms).await?;
    }
    audit::commit(
        tx,
        Some(user),
        Action::BodyAdded,
        Some(id),
        &body.name,
        now_ms,
    )
    .await?;
    Ok(Ok(body_id))
}

/// Queues one body's invitation mail with its personal link.
async fn invite(
    conn: &mut AnyConnection,
    id: ConsultationId,
    body_id: BodyId,
    base_url: &str,
    now_ms: i64,
) -> Result<i64, sqlx::Error> {
    enqueue_links(
        conn,
        id,
        MailKind::Invitation,
        Audience::Only(&[body_id]),
        base_url,
        now_ms,
    )
    .await
}

/// Bodies are told apart by name (case aside) within a consultation: the problem if
/// another body than `except` already has `name`.
async fn name_taken(
    conn: &mut AnyConnection,
    id: ConsultationId,
    name: &str,
    except: Option<BodyId>,
) -> Result<Option<Problem>, sqlx::Error> {
    let taken: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM respondent
         WHERE consultation_id = $1 AND lower(name) = lower($2) AND ($3 IS NULL OR id <> $3)",
    )
    .bind(id)
    .bind(name)
    .bind(except)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(taken.map(|_| duplicate(name)))
}

fn duplicate(name: &str) -> Problem {
    Problem::with("name", Msg::DuplicateBody, name)
}

/// A write the name index refused: another instance added the same name between
/// this one's check and its write (on SQLite the single writer rules that out). The
/// user gets the check's message; the transaction is dropped.
fn lost_name_race(e: &sqlx::Error) -> bool {
    matches!(e, sqlx::Error::Database(db) if db.is_unique_violation())
}

pub async fn insert_body(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
    body: &BodyRow,
    now_ms: i64,
) -> Result<BodyId, sqlx::Error> {
    let (body_id,): (BodyId,) = sqlx::query_as(
        "INSERT INTO respondent (consultation_id, name, group_name, unit, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(consultation_id)
    .bind(&body.name)
    .bind(&body.group)
    .bind(&body.unit)
    .bind(now_ms)
    .fetch_one(&mut *conn)
    .await?;
    add_emails(conn, body_id, &body.emails).await?;
    Ok(body_id)
}

async fn add_emails(
    conn: &mut AnyConnection,
    body_id: BodyId,
    emails: &[String],
) -> Result<(), sqlx::Error> {
    for email in emails {
        sqlx::query(
            "INSERT INTO respondent_email (respondent_id, email) VALUES ($1, $2) ON CONFLICT DO NOTHING",
        )
        .bind(body_id)
        .bind(email)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Changes a body's name, group, unit and addresses, in any status. Its submitted
/// answers move with it to the new group and unit in the report's count; a new
/// address gets the invitation only when a mail is next sent (resend it to reach it
/// at once).
pub async fn update_body(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    body_id: BodyId,
    body: &BodyRow,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    body_name(&mut tx, id, body_id).await?;
    if let Some(problem) = name_taken(&mut tx, id, &body.name, Some(body_id)).await? {
        return Ok(Err(problem));
    }
    let response: Option<(ResponseId,)> =
        sqlx::query_as("SELECT id FROM response WHERE consultation_id = $1 AND respondent_id = $2")
            .bind(id)
            .bind(body_id)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((response,)) = response {
        tally::count(&mut tx, response, Sign::Remove, Background::Unknown).await?;
    }
    let renamed =
        sqlx::query("UPDATE respondent SET name = $1, group_name = $2, unit = $3 WHERE id = $4")
            .bind(&body.name)
            .bind(&body.group)
            .bind(&body.unit)
            .bind(body_id)
            .execute(&mut *tx)
            .await;
    match renamed {
        Err(e) if lost_name_race(&e) => return Ok(Err(duplicate(&body.name))),
        renamed => renamed?,
    };
    if let Some((response,)) = response {
        tally::stamp(&mut tx, response).await?;
        tally::count(&mut tx, response, Sign::Add, Background::Unknown).await?;
    }
    sqlx::query("DELETE FROM respondent_email WHERE respondent_id = $1")
        .bind(body_id)
        .execute(&mut *tx)
        .await?;
    add_emails(&mut tx, body_id, &body.emails).await?;
    audit::commit(
        tx,
        Some(user),
        Action::BodyChanged,
        Some(id),
        &body.name,
        now_ms,
    )
    .await?;
    Ok(Ok(()))
}

/// Removes a body that has not answered (a body with a response is evidence and stays).
pub async fn remove_body(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    body_id: BodyId,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    if let Some(problem) = Act::RemoveBody.check(status, "body") {
        return Ok(Err(problem));
    }
    let name: Option<(String,)> = sqlx::query_as(
        "DELETE FROM respondent WHERE id = $1 AND consultation_id = $2 RETURNING name",
    )
    .bind(body_id)
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let (name,) = name.ok_or(AppError::NotFound)?;
    audit::commit(tx, Some(user), Action::BodyRemoved, Some(id), &name, now_ms).await?;
    Ok(Ok(()))
}

async fn body_name(
    conn: &mut AnyConnection,
    id: ConsultationId,
    body_id: BodyId,
) -> Result<String, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT name FROM respondent WHERE id = $1 AND consultation_id = $2")
            .bind(body_id)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.ok_or(AppError::NotFound)?.0)
}

/// Sends a body its invitation again, with a new link (the old one keeps working for
/// a week, see `enqueue_links`). With `replace`, every earlier link stops working at
/// once.
pub async fn reinvite(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    body_id: BodyId,
    replace: bool,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    let name = body_name(&mut tx, id, body_id).await?;
    if let Some(problem) = Act::Reinvite.check(status, "body") {
        return Ok(Err(problem));
    }
    if replace {
        revoke_links(&mut tx, body_id, now_ms).await?;
        // Unsent mails with the old link must not go out after it stopped working.
        sqlx::query(
            "UPDATE outbox SET failed_at = $1, link = NULL, last_error = 'link replaced'
             WHERE respondent_id = $2 AND sent_at IS NULL AND failed_at IS NULL AND link IS NOT NULL",
        )
        .bind(now_ms)
        .bind(body_id)
        .execute(&mut *tx)
        .await?;
    }
    invite(&mut tx, id, body_id, base_url, now_ms).await?;
    let action = if replace {
        Action::LinkReplaced
    } else {
        Action::InvitationResent
    };
    audit::commit(tx, Some(user), action, Some(id), &name, now_ms).await?;
    Ok(Ok(()))
}

/// Reminds every body without a submitted response. `user` is `None` for the
/// automatic reminder. Returns how many were queued.
pub async fn remind(
    db: &Db,
    user: Option<&UserView>,
    id: ConsultationId,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<i64, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    if let Some(problem) = Act::Remind.check(status, "status") {
        return Ok(Err(problem));
    }
    // The automatic reminder is claimed before it is queued: with several instances
    // on one database, every one of them finds it due, and only the one whose update
    // finds it still unsent goes on (the others wait for its row lock, then find it
    // sent).
    if user.is_none() {
        let claimed = sqlx::query(
            "UPDATE consultation SET auto_reminded_at = $1 WHERE id = $2 AND auto_reminded_at IS NULL",
        )
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if claimed.rows_affected() == 0 {
            return Ok(Ok(0));
        }
    }
    let queued = enqueue_links(
        &mut tx,
        id,
        MailKind::Reminder,
        Audience::NotSubmitted,
        base_url,
        now_ms,
    )
    .await?;
    audit::commit(
        tx,
        user,
        Action::RemindersSent,
        Some(id),
        &format!("{queued} påmindelser"),
        now_ms,
    )
    .await?;
    Ok(Ok(queued))
}

/// Sends the automatic reminders that are due: open consultations whose deadline is
/// at most `reminder_days` away and that have not had theirs. Returns for how many
/// consultations this instance queued reminders (another instance may have taken
/// some of the due ones).
pub async fn send_due_reminders(db: &Db, base_url: &str, now_ms: i64) -> Result<usize, AppError> {
    let due: Vec<(ConsultationId,)> = sqlx::query_as(
        "SELECT id FROM consultation
         WHERE status = 'open' AND reminder_days IS NOT NULL AND auto_reminded_at IS NULL
           AND deadline > $1 AND deadline - reminder_days * 86400000 <= $1",
    )
    .bind(now_ms)
    .fetch_all(&db.read)
    .await?;
    let mut sent = 0;
    for (id,) in &due {
        if let Ok(queued) = remind(db, None, *id, base_url, now_ms).await? {
            sent += usize::from(queued > 0);
        }
    }
    Ok(sent)
}

/// A consulted body to add with [`add_respondent`].
pub struct NewRespondent<'a> {
    pub name: &'a str,
    pub group: &'a str,
    pub unit: &'a str,
    pub emails: &'a [&'a str],
}

/// Adds a body with a personal link but no mail, for the demo data and the tests, and
/// returns the body's id and the raw token — the only moment the token exists outside
/// the link. It goes through [`insert_body`], as every other way of adding a body.
pub async fn add_respondent(
    db: &Db,
    consultation_id: ConsultationId,
    respondent: &NewRespondent<'_>,
    now_ms: i64,
) -> Result<(BodyId, Token), sqlx::Error> {
    let body = BodyRow {
        row: 0,
        name: respondent.name.to_owned(),
        group: respondent.group.to_owned(),
        unit: respondent.unit.to_owned(),
        emails: respondent.emails.iter().map(|e| (*e).to_owned()).collect(),
    };
    let mut tx = db.write.begin().await?;
    let respondent_id = insert_body(&mut tx, consultation_id, &body, now_ms).await?;
    let token = Token::issue(&mut tx, respondent_id, now_ms).await?;
    tx.commit().await?;
    Ok((respondent_id, token))
}

/// Stops a body's link from working, at once.
pub async fn revoke_invitations(
    db: &Db,
    respondent_id: BodyId,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    let mut conn = db.write.acquire().await?;
    revoke_links(&mut conn, respondent_id, now_ms).await
}

async fn revoke_links(
    conn: &mut AnyConnection,
    respondent_id: BodyId,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE invitation SET revoked_at = $1 WHERE respondent_id = $2 AND revoked_at IS NULL",
    )
    .bind(now_ms)
    .bind(respondent_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::form_values as values;
    use super::*;

    #[test]
    fn a_body_needs_name_group_and_valid_addresses() {
        let err = parse_body(&values(&[("emails", "a@x.dk; nope")])).unwrap_err();
        let msgs: Vec<Msg> = err.iter().map(|p| p.msg).collect();
        assert_eq!(
            msgs,
            vec![Msg::NameMissing, Msg::GroupMissing, Msg::EmailInvalid]
        );
        let ok = parse_body(&values(&[
            ("name", "MED-udvalget"),
            ("group", "MED-udvalg"),
            ("emails", "a@x.dk, a@x.dk ,b@x.dk"),
        ]))
        .unwrap();
        assert_eq!(ok.emails, vec!["a@x.dk", "b@x.dk"]);
    }
}
