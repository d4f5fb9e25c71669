//! A consultation's life: created (from the template, blank, or as a copy of last
//! year's), opened, closed, reopened.

use super::super::audit::{self, Action};
use super::super::db::Db;
use super::super::error::AppError;
use super::super::mail::outbox::{enqueue_links, Audience, MailKind};
use super::super::rules::Act;
use super::super::template::Template;
use super::super::translation;
use super::state;
use crate::model::admin::{Msg, Problem, UserView};
use crate::model::{
    ConsultationId, ConsultationKind, ConsultationStatus, ItemId, LangTag, SectionId,
};
use sqlx::AnyConnection;

/// Where a new consultation's content comes from.
#[derive(Clone, Copy)]
pub enum Source {
    /// A built-in template, under its name in [`Template::BUILT_IN`].
    Template(&'static str, &'static Template),
    /// Nothing yet, of this kind (a survey is anonymous until the settings say not).
    Blank(ConsultationKind),
}

/// Creates a draft from the template or blank, with its audit entry, in one
/// transaction: a failure leaves no half-made consultation behind.
pub async fn create(
    db: &Db,
    user: &UserView,
    title: &str,
    deadline_ms: i64,
    source: Source,
    now_ms: i64,
) -> Result<ConsultationId, AppError> {
    let blank = |kind| Template {
        kind,
        anonymous: kind == ConsultationKind::Survey,
        title: "",
        intro: "",
        sections: &[],
        translations: &[],
    };
    let empty;
    let (template, detail) = match source {
        Source::Template(name, template) => (template, name),
        Source::Blank(kind) => {
            empty = blank(kind);
            (&empty, "tom")
        }
    };
    let mut tx = db.write.begin().await?;
    let id = insert_from_template(
        &mut tx,
        template,
        ConsultationStatus::Draft,
        deadline_ms,
        now_ms,
    )
    .await?;
    sqlx::query("UPDATE consultation SET title = $1, created_by = $2 WHERE id = $3")
        .bind(title)
        .bind(user.id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    audit::commit(tx, Some(user), Action::Created, Some(id), detail, now_ms).await?;
    Ok(id)
}

/// Creates a consultation from a template in the given status, for the demo data and
/// the tests (the administration creates drafts through [`create`]).
pub async fn create_hearing(
    db: &Db,
    template: &Template,
    status: ConsultationStatus,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<ConsultationId, sqlx::Error> {
    let mut tx = db.write.begin().await?;
    let id = insert_from_template(&mut tx, template, status, deadline_ms, now_ms).await?;
    tx.commit().await?;
    Ok(id)
}

/// Inserts a consultation with the template's sections and items, numbered
/// `<section>.<item>`.
async fn insert_from_template(
    conn: &mut AnyConnection,
    template: &Template,
    status: ConsultationStatus,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<ConsultationId, sqlx::Error> {
    let (consultation_id,): (ConsultationId,) = sqlx::query_as(
        "INSERT INTO consultation (kind, title, intro_md, status, deadline, created_at, updated_at,
                                   closed_at, anonymous)
         VALUES ($1, $2, $3, $4, $5, $6, $6,
                 CASE WHEN $4 IN ('closed', 'archived') THEN $6 END, $7) RETURNING id",
    )
    .bind(template.kind.as_str())
    .bind(template.title)
    .bind(template.intro)
    .bind(status.as_str())
    .bind(deadline_ms)
    .bind(now_ms)
    .bind(template.anonymous)
    .fetch_one(&mut *conn)
    .await?;
    let mut added: Vec<(String, ItemId)> = Vec::new();
    let mut asked = Vec::new();
    let mut made = Vec::new();
    for (s, section) in template.sections.iter().enumerate() {
        let (section_id,): (SectionId,) = sqlx::query_as(
            "INSERT INTO section (consultation_id, position, title, description)
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(consultation_id)
        .bind(s as i64)
        .bind(section.title)
        .bind(section.description)
        .fetch_one(&mut *conn)
        .await?;
        let decider = section
            .show_if
            .and_then(|(code, _)| added.iter().find(|(c, _)| *c == code).map(|(_, id)| *id));
        let any_of = section.show_if.map_or_else(
            || "[]".to_owned(),
            |(_, any)| serde_json::to_string(any).unwrap_or_else(|_| "[]".to_owned()),
        );
        for (i, item) in section.items.iter().enumerate() {
            let kind = item.kind();
            let code = format!("{}.{}", s + 1, i + 1);
            let (id,): (ItemId,) = sqlx::query_as(
                "INSERT INTO item (consultation_id, section_id, position, code, text, kind,
                                   options_json, max_choices, allow_comment, show_if_item, show_if_any)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(consultation_id)
            .bind(section_id)
            .bind(i as i64)
            .bind(&code)
            .bind(item.text())
            .bind(kind.name())
            .bind(kind.options_json())
            .bind(kind.max_choices().map(i64::from))
            // A survey's statements are answered, not commented; its open
            // questions are the place for words.
            .bind(template.kind == ConsultationKind::Hearing)
            .bind(decider)
            .bind(&any_of)
            .fetch_one(&mut *conn)
            .await?;
            added.push((code, id));
            asked.push((id, item));
        }
        made.push((section_id, section));
    }
    for (tag, pairs) in template.translations {
        let Some(lang) = LangTag::parse(tag) else {
            continue;
        };
        let tr = |da: &str| pairs.iter().find(|(d, _)| *d == da).map(|(_, t)| *t);
        translation::add_language(
            conn,
            consultation_id,
            &lang,
            tr(template.title).unwrap_or(""),
            tr(template.intro).unwrap_or(""),
        )
        .await?;
        for (id, section) in &made {
            if let Some(title) = tr(section.title) {
                let description = tr(section.description).unwrap_or("");
                translation::set_section(conn, *id, &lang, title, description).await?;
            }
        }
        for (id, item) in &asked {
            let options: Vec<String> = item
                .kind()
                .options()
                .iter()
                .map(|o| tr(o).unwrap_or(o).to_owned())
                .collect();
            if let Some(text) = tr(item.text()) {
                translation::set_item(conn, *id, &lang, text, &options).await?;
            }
        }
    }
    Ok(consultation_id)
}

/// Next year's hearing starts from last year's: the same text, sections, items (with
/// their codes, by which the editions of a series are compared, and the learning
/// stories' guideposts, so next year's stories are read beside this year's) and
/// bodies, in the same series, as a new draft without answers, links or notes.
pub async fn duplicate(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    now_ms: i64,
) -> Result<ConsultationId, AppError> {
    let mut tx = db.write.begin().await?;
    let (_, deadline) = state(&mut tx, id).await?;
    let year_ms = 365 * 24 * 3_600_000;
    let mut new_deadline = deadline;
    while new_deadline <= now_ms {
        new_deadline += year_ms;
    }
    let (copy,): (ConsultationId,) = sqlx::query_as(
        "INSERT INTO consultation (kind, title, intro_md, status, deadline, anonymous, min_group_size,
                                   sender_name, contact_text, reminder_days, series_id, stories_attributed,
                                   created_by, created_at, updated_at)
         SELECT kind, title || ' (kopi)', intro_md, 'draft', $1, anonymous, min_group_size,
                sender_name, contact_text, reminder_days, series_id, stories_attributed, $2, $3, $3
         FROM consultation WHERE id = $4 RETURNING id",
    )
    .bind(new_deadline)
    .bind(user.id)
    .bind(now_ms)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let sections: Vec<(SectionId, i64, String, String)> = sqlx::query_as(
        "SELECT id, position, title, description FROM section WHERE consultation_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *tx)
    .await?;
    for (old_section, position, title, description) in sections {
        let (new_section,): (SectionId,) = sqlx::query_as(
            "INSERT INTO section (consultation_id, position, title, description) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(copy)
        .bind(position)
        .bind(title)
        .bind(description)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO item (consultation_id, section_id, position, code, text, kind, options_json,
                               max_choices, required, allow_comment, show_if_item, show_if_any,
                               guidepost_id, story_part)
             SELECT $1, $2, position, code, text, kind, options_json, max_choices, required,
                    allow_comment, show_if_item, show_if_any, guidepost_id, story_part
             FROM item WHERE section_id = $3",
        )
        .bind(copy)
        .bind(new_section)
        .bind(old_section)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO section_translation (section_id, lang, title, description)
             SELECT $1, lang, title, description FROM section_translation WHERE section_id = $2",
        )
        .bind(new_section)
        .bind(old_section)
        .execute(&mut *tx)
        .await?;
    }
    // The translations go along: the languages, and each item's by its code; and
    // the targets, each question's by its code and each area's by its place.
    for copied in [
        "INSERT INTO consultation_language (consultation_id, lang, title, intro_md)
         SELECT $1, lang, title, intro_md FROM consultation_language WHERE consultation_id = $2",
        "INSERT INTO item_translation (item_id, lang, text, options_json)
         SELECT n.id, t.lang, t.text, t.options_json
         FROM item_translation t
         JOIN item o ON o.id = t.item_id
         JOIN item n ON n.code = o.code AND n.consultation_id = $1
         WHERE o.consultation_id = $2",
        "INSERT INTO target (consultation_id, item_id, section_id, metric, threshold, updated_at)
         SELECT $1, new_item.id, new_area.id, t.metric, t.threshold, t.updated_at
         FROM target t
         LEFT JOIN item old_item ON old_item.id = t.item_id
         LEFT JOIN item new_item ON new_item.code = old_item.code AND new_item.consultation_id = $1
         LEFT JOIN section old_area ON old_area.id = t.section_id
         LEFT JOIN section new_area
                ON new_area.position = old_area.position AND new_area.consultation_id = $1
         WHERE t.consultation_id = $2 AND (new_item.id IS NOT NULL OR new_area.id IS NOT NULL)",
    ] {
        sqlx::query(copied)
            .bind(copy)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    // The copies' conditions still name last year's items: point them at this year's
    // item of the same code (codes are unique within a consultation).
    sqlx::query(
        "UPDATE item SET show_if_item =
            (SELECT n.id FROM item n JOIN item o ON o.code = n.code
             WHERE n.consultation_id = $1 AND o.id = item.show_if_item)
         WHERE consultation_id = $1 AND show_if_item IS NOT NULL",
    )
    .bind(copy)
    .execute(&mut *tx)
    .await?;
    // Bodies are told apart by name within a consultation, which pairs the copies.
    sqlx::query(
        "INSERT INTO respondent (consultation_id, name, group_name, unit, created_at)
         SELECT $1, name, group_name, unit, $2 FROM respondent
         WHERE consultation_id = $3 AND open_link_id IS NULL ORDER BY id",
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

/// Opens a draft (or reopens a closed consultation with a new deadline) and queues an
/// invitation to every body that has no link yet. Returns how many were queued.
pub async fn open(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    new_deadline: Option<i64>,
    base_url: &str,
    now_ms: i64,
) -> Result<Result<i64, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (status, deadline) = state(&mut tx, id).await?;
    let deadline = new_deadline.unwrap_or(deadline);
    let (bodies, items, purged): (i64, i64, Option<i64>) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM respondent WHERE consultation_id = $1)
                + (SELECT COUNT(*) FROM open_link WHERE consultation_id = $1 AND revoked_at IS NULL),
                (SELECT COUNT(*) FROM item WHERE consultation_id = $1),
                (SELECT contacts_purged_at FROM consultation WHERE id = $1)",
    )
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    let refusal = if let Some(problem) = Act::Open.check(status, "status") {
        Some(problem)
    } else if purged.is_some() {
        // The addresses are gone: the bodies could not be told, and answers would
        // arrive through no link at all.
        Some(Problem::new("status", Msg::ContactsPurged))
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
                auto_reminded_at = NULL, closed_at = NULL, updated_at = $2
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

pub async fn close(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    now_ms: i64,
) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    state(&mut tx, id).await?;
    sqlx::query(
        "UPDATE consultation SET status = 'closed', closed_at = $1, updated_at = $1 WHERE id = $2",
    )
    .bind(now_ms)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::commit(tx, Some(user), Action::Closed, Some(id), "", now_ms).await?;
    Ok(())
}

/// Moves a consultation's deadline; returns false when there is no such consultation.
pub async fn set_deadline(
    db: &Db,
    consultation_id: ConsultationId,
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
    consultation_id: ConsultationId,
    status: ConsultationStatus,
    now_ms: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE consultation SET status = $1, updated_at = $2,
                closed_at = CASE WHEN $1 IN ('closed', 'archived') THEN COALESCE(closed_at, $2) END
         WHERE id = $3",
    )
    .bind(status.as_str())
    .bind(now_ms)
    .bind(consultation_id)
    .execute(&db.write)
    .await?;
    Ok(done.rows_affected() == 1)
}
