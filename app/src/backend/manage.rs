//! What the administration does to a consultation: create (from the template, blank,
//! or a copy of last year's), change, open, close, reopen, add and remove bodies and
//! items, send invitations and reminders. Each action is one transaction with its
//! audit entry and the mails it causes.

use super::audit::{self, Action};
use super::consultation::create_hearing;
use super::dates::parse_local;
use super::db::Db;
use super::error::AppError;
use super::mail::outbox::{enqueue_links, Audience, MailKind};
use super::rules::Act;
use super::tally::{self, Sign};
use super::template::{Template, DEVELOPMENT_PLAN};
use crate::model::admin::{BodyRow, Msg, Problem, UserView};
use crate::model::{split_addresses, ConsultationStatus, Email, ItemKind};
use sqlx::SqliteConnection;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_INTRO_CHARS: usize = 20_000;
pub const MAX_CONTACT_CHARS: usize = 1_000;

/// The editable settings of a consultation, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub title: String,
    pub intro_md: String,
    pub deadline_ms: i64,
    pub sender_name: String,
    pub contact_text: String,
    pub reminder_days: Option<i64>,
}

fn field<'a>(values: &'a [(String, String)], name: &str) -> &'a str {
    values
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.trim())
        .unwrap_or("")
}

fn check_len(problems: &mut Vec<Problem>, name: &str, text: &str, max: usize) {
    if text.chars().count() > max {
        problems.push(Problem::with(name, Msg::TooLong, max.to_string()));
    }
}

/// A title that is present and not too long.
pub fn parse_title(raw: &str, problems: &mut Vec<Problem>) -> String {
    let title = raw.trim().to_owned();
    if title.is_empty() {
        problems.push(Problem::new("title", Msg::TitleMissing));
    }
    check_len(problems, "title", &title, MAX_TITLE_CHARS);
    title
}

/// A deadline in the future, written `YYYY-MM-DD HH:MM` (Copenhagen time).
pub fn parse_deadline(raw: &str, now_ms: i64, problems: &mut Vec<Problem>) -> i64 {
    match parse_local(raw) {
        Some(ms) if ms > now_ms => ms,
        Some(_) => {
            problems.push(Problem::new("deadline", Msg::DeadlinePast));
            0
        }
        None => {
            problems.push(Problem::new("deadline", Msg::DeadlineInvalid));
            0
        }
    }
}

/// Reads the settings form. A deadline already in the past is accepted only when it
/// is unchanged (`current_deadline`), so fixing a typo in a closed hearing works.
pub fn parse_settings(
    values: &[(String, String)],
    current_deadline: Option<i64>,
    now_ms: i64,
) -> Result<Settings, Vec<Problem>> {
    let mut problems = Vec::new();
    let title = parse_title(field(values, "title"), &mut problems);
    let intro_md = field(values, "intro").replace("\r\n", "\n");
    check_len(&mut problems, "intro", &intro_md, MAX_INTRO_CHARS);
    let raw_deadline = field(values, "deadline");
    let deadline_ms = match (parse_local(raw_deadline), current_deadline) {
        (Some(ms), Some(current)) if ms == current => ms,
        _ => parse_deadline(raw_deadline, now_ms, &mut problems),
    };
    let sender_name = field(values, "sender_name").to_owned();
    check_len(&mut problems, "sender_name", &sender_name, MAX_TITLE_CHARS);
    let contact_text = field(values, "contact_text").replace("\r\n", "\n");
    check_len(
        &mut problems,
        "contact_text",
        &contact_text,
        MAX_CONTACT_CHARS,
    );
    let reminder_days = match field(values, "reminder_days") {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=60).contains(&n) => Some(n),
            _ => {
                problems.push(Problem::new("reminder_days", Msg::NumberInvalid));
                None
            }
        },
    };
    if problems.is_empty() {
        Ok(Settings {
            title,
            intro_md,
            deadline_ms,
            sender_name,
            contact_text,
            reminder_days,
        })
    } else {
        Err(problems)
    }
}

/// A body entered by hand, validated like a sheet row.
pub fn parse_body(values: &[(String, String)]) -> Result<BodyRow, Vec<Problem>> {
    let mut problems = Vec::new();
    let name = field(values, "name").to_owned();
    let group = field(values, "group").to_owned();
    let unit = field(values, "unit").to_owned();
    if name.is_empty() {
        problems.push(Problem::new("name", Msg::NameMissing));
    }
    if group.is_empty() {
        problems.push(Problem::new("group", Msg::GroupMissing));
    }
    for (n, text) in [("name", &name), ("group", &group), ("unit", &unit)] {
        check_len(&mut problems, n, text, super::import::MAX_NAME_CHARS);
    }
    let mut emails = Vec::new();
    let pieces = split_addresses(field(values, "emails"));
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

/// Where a new consultation's content comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Template,
    Blank,
}

pub async fn create(
    db: &Db,
    user: &UserView,
    title: &str,
    deadline_ms: i64,
    source: Source,
    now_ms: i64,
) -> Result<i64, AppError> {
    let empty = Template {
        title: "",
        intro: "",
        sections: &[],
    };
    let template = match source {
        Source::Template => &DEVELOPMENT_PLAN,
        Source::Blank => &empty,
    };
    let id = create_hearing(db, template, ConsultationStatus::Draft, deadline_ms, now_ms).await?;
    let mut tx = db.write.begin().await?;
    sqlx::query("UPDATE consultation SET title = $1, created_by = $2 WHERE id = $3")
        .bind(title)
        .bind(user.id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = match source {
        Source::Template => "skabelon",
        Source::Blank => "tom",
    };
    audit::commit(tx, Some(user), Action::Created, Some(id), detail, now_ms).await?;
    Ok(id)
}

/// Status and deadline, for the checks every action makes.
async fn state(
    conn: &mut SqliteConnection,
    id: i64,
) -> Result<(ConsultationStatus, i64), AppError> {
    let row: Option<(String, i64)> =
        sqlx::query_as("SELECT status, deadline FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let (status, deadline) = row.ok_or(AppError::NotFound)?;
    let status = ConsultationStatus::parse(&status)
        .ok_or_else(|| AppError::Internal(format!("consultation {id} has status {status}")))?;
    Ok((status, deadline))
}

/// The current deadline, to let an unchanged past deadline through validation.
pub async fn current_deadline(db: &Db, id: i64) -> Result<i64, AppError> {
    let mut conn = db.read.acquire().await?;
    Ok(state(&mut conn, id).await?.1)
}

/// Next year's hearing starts from last year's: the same text, sections, items and
/// bodies, as a new draft without answers, links or notes.
pub async fn duplicate(db: &Db, user: &UserView, id: i64, now_ms: i64) -> Result<i64, AppError> {
    let mut tx = db.write.begin().await?;
    let (_, deadline) = state(&mut tx, id).await?;
    let year_ms = 365 * 24 * 3_600_000;
    let mut new_deadline = deadline;
    while new_deadline <= now_ms {
        new_deadline += year_ms;
    }
    let (copy,): (i64,) = sqlx::query_as(
        "INSERT INTO consultation (kind, title, intro_md, status, deadline, anonymous, min_group_size,
                                   sender_name, contact_text, reminder_days, created_by, created_at, updated_at)
         SELECT kind, title || ' (kopi)', intro_md, 'draft', $1, anonymous, min_group_size,
                sender_name, contact_text, reminder_days, $2, $3, $3
         FROM consultation WHERE id = $4 RETURNING id",
    )
    .bind(new_deadline)
    .bind(user.id)
    .bind(now_ms)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let sections: Vec<(i64, i64, String, String)> = sqlx::query_as(
        "SELECT id, position, title, description FROM section WHERE consultation_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (old_section, position, title, description) in sections {
        let (new_section,): (i64,) = sqlx::query_as(
            "INSERT INTO section (consultation_id, position, title, description) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(copy)
        .bind(position)
        .bind(title)
        .bind(description)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO item (consultation_id, section_id, position, code, text, kind, options_json, required, allow_comment)
             SELECT $1, $2, position, code, text, kind, options_json, required, allow_comment
             FROM item WHERE section_id = $3",
        )
        .bind(copy)
        .bind(new_section)
        .bind(old_section)
        .execute(&mut *tx)
        .await?;
    }
    // Bodies are told apart by name within a consultation, which pairs the copies.
    sqlx::query(
        "INSERT INTO respondent (consultation_id, name, group_name, unit, created_at)
         SELECT $1, name, group_name, unit, $2 FROM respondent WHERE consultation_id = $3 ORDER BY id",
    )
    .bind(copy)
    .bind(now_ms)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO respondent_email (respondent_id, email)
         SELECT copied.id, e.email
         FROM respondent original
         JOIN respondent_email e ON e.respondent_id = original.id
         JOIN respondent copied ON copied.consultation_id = $1 AND copied.name = original.name
         WHERE original.consultation_id = $2
         ON CONFLICT DO NOTHING",
    )
    .bind(copy)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(user),
        Action::Duplicated,
        Some(copy),
        &format!("kopi af høring {id}"),
        now_ms,
    )
    .await?;
    Ok(copy)
}

pub async fn update_settings(
    db: &Db,
    user: &UserView,
    id: i64,
    settings: &Settings,
    now_ms: i64,
) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    state(&mut tx, id).await?;
    sqlx::query(
        "UPDATE consultation SET title = $1, intro_md = $2, deadline = $3, sender_name = $4,
                contact_text = $5, reminder_days = $6, updated_at = $7
         WHERE id = $8",
    )
    .bind(&settings.title)
    .bind(&settings.intro_md)
    .bind(settings.deadline_ms)
    .bind(&settings.sender_name)
    .bind(&settings.contact_text)
    .bind(settings.reminder_days)
    .bind(now_ms)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(user),
        Action::Changed,
        Some(id),
        "indstillinger",
        now_ms,
    )
    .await?;
    Ok(())
}

/// Opens a draft (or reopens a closed consultation with a new deadline) and queues an
/// invitation to every body that has no link yet. Returns how many were queued.
pub async fn open(
    db: &Db,
    user: &UserView,
    id: i64,
    new_deadline: Option<i64>,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<i64, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, deadline) = state(&mut tx, id).await?;
    let deadline = new_deadline.unwrap_or(deadline);
    let (bodies, items): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM respondent WHERE consultation_id = $1),
                (SELECT COUNT(*) FROM item WHERE consultation_id = $1)",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let refusal = if let Some(problem) = Act::Open.check(status, "status") {
        Some(problem)
    } else if items == 0 {
        Some(Problem::new("status", Msg::NoItems))
    } else if bodies == 0 {
        Some(Problem::new("status", Msg::NoBodies))
    } else if deadline <= now_ms {
        Some(Problem::new("deadline", Msg::DeadlinePast))
    } else {
        None
    };
    if let Some(problem) = refusal {
        return Ok(Err(problem));
    }
    sqlx::query(
        "UPDATE consultation SET status = 'open', deadline = $1, opens_at = COALESCE(opens_at, $2),
                auto_reminded_at = NULL, updated_at = $2
         WHERE id = $3",
    )
    .bind(deadline)
    .bind(now_ms)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    let queued = enqueue_links(
        &mut tx,
        id,
        MailKind::Invitation,
        Audience::Uninvited,
        base_url,
        now_ms,
    )
    .await?;
    let action = if status == ConsultationStatus::Draft {
        Action::Opened
    } else {
        Action::Reopened
    };
    audit::commit(
        tx,
        Some(user),
        action,
        Some(id),
        &format!("{queued} invitationer"),
        now_ms,
    )
    .await?;
    Ok(Ok(queued))
}

pub async fn close(db: &Db, user: &UserView, id: i64, now_ms: i64) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    state(&mut tx, id).await?;
    sqlx::query("UPDATE consultation SET status = 'closed', updated_at = $1 WHERE id = $2")
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::commit(tx, Some(user), Action::Closed, Some(id), "", now_ms).await?;
    Ok(())
}

/// Adds one body; in an open consultation its invitation is queued at once.
pub async fn add_body(
    db: &Db,
    user: &UserView,
    id: i64,
    body: &BodyRow,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<i64, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    if let Some(problem) = name_taken(&mut tx, id, &body.name, None).await? {
        return Ok(Err(problem));
    }
    let body_id = insert_body(&mut tx, id, body, now_ms).await?;
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
    conn: &mut SqliteConnection,
    id: i64,
    body_id: i64,
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
    conn: &mut SqliteConnection,
    id: i64,
    name: &str,
    except: Option<i64>,
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
    Ok(taken.map(|_| Problem::with("name", Msg::DuplicateBody, name)))
}

pub async fn insert_body(
    conn: &mut SqliteConnection,
    consultation_id: i64,
    body: &BodyRow,
    now_ms: i64,
) -> Result<i64, sqlx::Error> {
    let (body_id,): (i64,) = sqlx::query_as(
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
    conn: &mut SqliteConnection,
    body_id: i64,
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
    id: i64,
    body_id: i64,
    body: &BodyRow,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    body_name(&mut tx, id, body_id).await?;
    if let Some(problem) = name_taken(&mut tx, id, &body.name, Some(body_id)).await? {
        return Ok(Err(problem));
    }
    let response: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM response WHERE consultation_id = $1 AND respondent_id = $2")
            .bind(id)
            .bind(body_id)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some((response,)) = response {
        tally::count(&mut tx, response, Sign::Remove).await?;
    }
    sqlx::query("UPDATE respondent SET name = $1, group_name = $2, unit = $3 WHERE id = $4")
        .bind(&body.name)
        .bind(&body.group)
        .bind(&body.unit)
        .bind(body_id)
        .execute(&mut *tx)
        .await?;
    if let Some((response,)) = response {
        tally::count(&mut tx, response, Sign::Add).await?;
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
    id: i64,
    body_id: i64,
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

async fn body_name(conn: &mut SqliteConnection, id: i64, body_id: i64) -> Result<String, AppError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT name FROM respondent WHERE id = $1 AND consultation_id = $2")
            .bind(body_id)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(row.ok_or(AppError::NotFound)?.0)
}

/// Sends a body its invitation again (with a new link; the old one keeps working).
/// With `replace`, every earlier link stops working at once.
pub async fn reinvite(
    db: &Db,
    user: &UserView,
    id: i64,
    body_id: i64,
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
        sqlx::query(
            "UPDATE invitation SET revoked_at = $1 WHERE respondent_id = $2 AND revoked_at IS NULL",
        )
        .bind(now_ms)
        .bind(body_id)
        .execute(&mut *tx)
        .await?;
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
    id: i64,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<i64, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    if let Some(problem) = Act::Remind.check(status, "status") {
        return Ok(Err(problem));
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
    if user.is_none() {
        sqlx::query("UPDATE consultation SET auto_reminded_at = $1 WHERE id = $2")
            .bind(now_ms)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
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
/// at most `reminder_days` away and that have not had theirs.
pub async fn send_due_reminders(db: &Db, base_url: &str, now_ms: i64) -> Result<usize, AppError> {
    let due: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM consultation
         WHERE status = 'open' AND reminder_days IS NOT NULL AND auto_reminded_at IS NULL
           AND deadline > $1 AND deadline - reminder_days * 86400000 <= $1",
    )
    .bind(now_ms)
    .fetch_all(&db.read)
    .await?;
    for (id,) in &due {
        remind(db, None, *id, base_url, now_ms).await?.ok();
    }
    Ok(due.len())
}

/// What can be done to one item.
#[derive(Clone, Debug, PartialEq)]
pub enum ItemEdit {
    Add { section: String, text: String },
    Text { item: i64, text: String },
    Up { item: i64 },
    Down { item: i64 },
    Remove { item: i64 },
}

/// Changes the item list. Drafts allow everything; once open only text fixes are
/// allowed, and an item that has answers is never removed.
pub async fn edit_items(
    db: &Db,
    user: &UserView,
    id: i64,
    edit: &ItemEdit,
    now_ms: i64,
) -> Result<Result<Msg, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, _) = state(&mut tx, id).await?;
    let structural = !matches!(edit, ItemEdit::Text { .. });
    if let Some(problem) = Act::ChangeItems
        .check(status, "items")
        .filter(|_| structural)
    {
        return Ok(Err(problem));
    }
    let item_section = |item: i64| {
        sqlx::query_as::<_, (i64, i64)>(
            "SELECT section_id, position FROM item WHERE id = $1 AND consultation_id = $2",
        )
        .bind(item)
        .bind(id)
    };
    let (msg, detail) = match edit {
        ItemEdit::Add { section, text } => {
            let mut problems = Vec::new();
            if section.trim().is_empty() {
                problems.push(Problem::new("section", Msg::SectionMissing));
            }
            if text.trim().is_empty() {
                problems.push(Problem::new("text", Msg::TextMissing));
            }
            if let Some(p) = problems.into_iter().next() {
                return Ok(Err(p));
            }
            let codes = add_items(&mut tx, id, &[(section.trim(), "", text.trim())]).await?;
            (Msg::ItemAdded, format!("tilføjet {}", codes.join(", ")))
        }
        ItemEdit::Text { item, text } => {
            if text.trim().is_empty() {
                return Ok(Err(Problem::new("text", Msg::TextMissing)));
            }
            if text.chars().count() > super::import::MAX_ITEM_CHARS {
                return Ok(Err(Problem::with(
                    "text",
                    Msg::TooLong,
                    super::import::MAX_ITEM_CHARS.to_string(),
                )));
            }
            let done =
                sqlx::query("UPDATE item SET text = $1 WHERE id = $2 AND consultation_id = $3")
                    .bind(text.trim())
                    .bind(item)
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
            if done.rows_affected() == 0 {
                return Err(AppError::NotFound);
            }
            (Msg::Saved, format!("tekst ændret, forslag {item}"))
        }
        ItemEdit::Up { item } | ItemEdit::Down { item } => {
            let (section, position) = item_section(*item)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let neighbour: Option<(i64, i64)> = if matches!(edit, ItemEdit::Up { .. }) {
                sqlx::query_as("SELECT id, position FROM item WHERE section_id = $1 AND position < $2 ORDER BY position DESC LIMIT 1")
            } else {
                sqlx::query_as("SELECT id, position FROM item WHERE section_id = $1 AND position > $2 ORDER BY position LIMIT 1")
            }
            .bind(section)
            .bind(position)
            .fetch_optional(&mut *tx)
            .await?;
            if let Some((other, other_position)) = neighbour {
                for (target, to) in [(*item, other_position), (other, position)] {
                    sqlx::query("UPDATE item SET position = $1 WHERE id = $2")
                        .bind(to)
                        .bind(target)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            (Msg::ItemMoved, format!("flyttet, forslag {item}"))
        }
        ItemEdit::Remove { item } => {
            item_section(*item)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(AppError::NotFound)?;
            let (answers,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM answer WHERE item_id = $1 AND (value <> '' OR comment <> '')",
            )
            .bind(item)
            .fetch_one(&mut *tx)
            .await?;
            if answers > 0 {
                return Ok(Err(Problem::new("items", Msg::ItemAnswered)));
            }
            sqlx::query("DELETE FROM item WHERE id = $1")
                .bind(item)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "DELETE FROM section WHERE consultation_id = $1
                 AND NOT EXISTS (SELECT 1 FROM item WHERE item.section_id = section.id)",
            )
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (Msg::ItemRemoved, format!("fjernet, forslag {item}"))
        }
    };
    audit::commit(
        tx,
        Some(user),
        Action::ItemChanged,
        Some(id),
        &detail,
        now_ms,
    )
    .await?;
    Ok(Ok(msg))
}

/// Appends items `(section title, code, text)`; sections are matched by title or
/// created at the end, and an empty code gets the next free number. Returns the codes.
pub async fn add_items(
    conn: &mut SqliteConnection,
    consultation_id: i64,
    items: &[(&str, &str, &str)],
) -> Result<Vec<String>, sqlx::Error> {
    let mut codes = Vec::new();
    let existing: Vec<(String,)> =
        sqlx::query_as("SELECT code FROM item WHERE consultation_id = $1")
            .bind(consultation_id)
            .fetch_all(&mut *conn)
            .await?;
    let mut taken: std::collections::HashSet<String> = existing.into_iter().map(|(c,)| c).collect();
    let mut next = taken
        .iter()
        .filter_map(|c| c.parse::<i64>().ok())
        .max()
        .unwrap_or(0);
    for (section, code, text) in items {
        let found: Option<(i64,)> = sqlx::query_as(
            "SELECT id FROM section WHERE consultation_id = $1 AND lower(title) = lower($2)",
        )
        .bind(consultation_id)
        .bind(section)
        .fetch_optional(&mut *conn)
        .await?;
        let section_id = match found {
            Some((sid,)) => sid,
            None => {
                let (sid,): (i64,) = sqlx::query_as(
                    "INSERT INTO section (consultation_id, position, title)
                     VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM section WHERE consultation_id = $1), $2)
                     RETURNING id",
                )
                .bind(consultation_id)
                .bind(section)
                .fetch_one(&mut *conn)
                .await?;
                sid
            }
        };
        let code = if code.is_empty() || taken.contains(*code) {
            loop {
                next += 1;
                if !taken.contains(&next.to_string()) {
                    break next.to_string();
                }
            }
        } else {
            code.to_string()
        };
        taken.insert(code.clone());
        sqlx::query(
            "INSERT INTO item (consultation_id, section_id, position, code, text, kind)
             VALUES ($1, $2, (SELECT COALESCE(MAX(position), -1) + 1 FROM item WHERE section_id = $2), $3, $4, $5)",
        )
        .bind(consultation_id)
        .bind(section_id)
        .bind(&code)
        .bind(text)
        .bind(ItemKind::AgreeDisagree.name())
        .execute(&mut *conn)
        .await?;
        codes.push(code);
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn settings_are_validated_field_by_field() {
        let now = parse_local("2027-01-01 12:00").unwrap();
        let err = parse_settings(
            &values(&[
                ("title", "  "),
                ("deadline", "1. marts"),
                ("reminder_days", "0"),
                ("contact_text", &"x".repeat(1001)),
            ]),
            None,
            now,
        )
        .unwrap_err();
        let msgs: Vec<Msg> = err.iter().map(|p| p.msg).collect();
        assert_eq!(
            msgs,
            vec![
                Msg::TitleMissing,
                Msg::DeadlineInvalid,
                Msg::TooLong,
                Msg::NumberInvalid
            ]
        );
        let ok = parse_settings(
            &values(&[
                ("title", " Udviklingsplan "),
                ("deadline", "2027-03-01 12:00"),
                ("reminder_days", "3"),
            ]),
            None,
            now,
        )
        .unwrap();
        assert_eq!(ok.title, "Udviklingsplan");
        assert_eq!(ok.reminder_days, Some(3));
    }

    #[test]
    fn a_past_deadline_passes_only_when_unchanged() {
        let now = parse_local("2027-06-01 12:00").unwrap();
        let old = parse_local("2027-03-01 12:00").unwrap();
        let form = values(&[("title", "Plan"), ("deadline", "2027-03-01 12:00")]);
        assert!(parse_settings(&form, Some(old), now).is_ok());
        let err = parse_settings(&form, None, now).unwrap_err();
        assert_eq!(err[0].msg, Msg::DeadlinePast);
    }

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
