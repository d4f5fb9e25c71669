//! Who has answered: the overview of consultations with their response rates, and
//! one consultation's page data — its bodies with their status, the rates per group
//! and per unit, and how far its mails have got.

use super::dates::{format_datetime, format_input};
use super::db::Db;
use super::error::AppError;
use super::mail::outbox;
use super::markdown;
use crate::i18n::Lang;
use crate::model::admin::{
    AdminConsultation, AdminItem, AdminSection, BodyState, BodyStatus, ConsultationSummary, Rate,
    Role,
};
use crate::model::ConsultationStatus;
use std::collections::{BTreeMap, HashMap};

pub async fn overview(db: &Db, lang: Lang) -> Result<Vec<ConsultationSummary>, AppError> {
    let rows: Vec<(i64, String, String, i64, i64, i64)> = sqlx::query_as(
        "SELECT c.id, c.title, c.status, c.deadline,
                (SELECT COUNT(*) FROM respondent r WHERE r.consultation_id = c.id),
                (SELECT COUNT(*) FROM response p WHERE p.consultation_id = c.id AND p.status = 'submitted')
         FROM consultation c ORDER BY c.status = 'archived', c.deadline DESC, c.id DESC",
    )
    .fetch_all(&db.read)
    .await?;
    rows.into_iter()
        .map(|(id, title, status, deadline, invited, submitted)| {
            Ok(ConsultationSummary {
                id,
                title,
                status: parse_status(id, &status)?,
                deadline: format_datetime(deadline, lang),
                invited,
                submitted,
            })
        })
        .collect()
}

fn parse_status(id: i64, raw: &str) -> Result<ConsultationStatus, AppError> {
    ConsultationStatus::parse(raw)
        .ok_or_else(|| AppError::Internal(format!("consultation {id} has status {raw}")))
}

#[derive(sqlx::FromRow)]
struct ConsultationRow {
    title: String,
    intro_md: String,
    status: String,
    deadline: i64,
    sender_name: String,
    contact_text: String,
    reminder_days: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct BodyRowDb {
    id: i64,
    name: String,
    group_name: String,
    unit: String,
    emails: Option<String>,
    opened_at: Option<i64>,
    response_status: Option<String>,
    response_updated_at: Option<i64>,
    submitted_at: Option<i64>,
    invited_at: Option<i64>,
    reminded_at: Option<i64>,
    pending: i64,
    failure: Option<String>,
}

pub async fn consultation(
    db: &Db,
    id: i64,
    role: Role,
    lang: Lang,
) -> Result<AdminConsultation, AppError> {
    let c: ConsultationRow = sqlx::query_as(
        "SELECT title, intro_md, status, deadline, sender_name, contact_text, reminder_days
         FROM consultation WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.read)
    .await?
    .ok_or(AppError::NotFound)?;
    let sections: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, title FROM section WHERE consultation_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let items: Vec<(i64, i64, String, String, i64)> = sqlx::query_as(
        "SELECT i.id, i.section_id, i.code, i.text,
                (SELECT COUNT(*) FROM answer a WHERE a.item_id = i.id AND (a.value <> '' OR a.comment <> ''))
         FROM item i WHERE i.consultation_id = $1 ORDER BY i.position",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let bodies: Vec<BodyRowDb> = sqlx::query_as(
        "SELECT r.id, r.name, r.group_name, r.unit,
                (SELECT group_concat(email, ', ') FROM respondent_email e WHERE e.respondent_id = r.id) AS emails,
                (SELECT MIN(opened_at) FROM invitation i WHERE i.respondent_id = r.id) AS opened_at,
                p.status AS response_status, p.updated_at AS response_updated_at, p.submitted_at,
                (SELECT MIN(sent_at) FROM outbox o WHERE o.respondent_id = r.id AND o.kind = 'invitation') AS invited_at,
                (SELECT MAX(sent_at) FROM outbox o WHERE o.respondent_id = r.id AND o.kind = 'reminder') AS reminded_at,
                (SELECT COUNT(*) FROM outbox o WHERE o.respondent_id = r.id AND o.sent_at IS NULL AND o.failed_at IS NULL) AS pending,
                (SELECT o.last_error FROM outbox o WHERE o.respondent_id = r.id AND o.failed_at IS NOT NULL
                   AND o.last_error <> 'link replaced'
                   AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.respondent_id = r.id AND n.id > o.id AND n.sent_at IS NOT NULL)
                 ORDER BY o.id DESC LIMIT 1) AS failure
         FROM respondent r
         LEFT JOIN response p ON p.respondent_id = r.id AND p.consultation_id = r.consultation_id
         WHERE r.consultation_id = $1
         ORDER BY r.group_name, r.name",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;

    let when = |ms: Option<i64>| ms.map(|t| format_datetime(t, lang));
    let mut overall = Rate {
        name: String::new(),
        invited: 0,
        submitted: 0,
    };
    let mut groups: BTreeMap<String, Rate> = BTreeMap::new();
    let mut units: BTreeMap<String, Rate> = BTreeMap::new();
    let mut statuses = Vec::with_capacity(bodies.len());
    for b in bodies {
        let (state, since) = match (b.response_status.as_deref(), b.opened_at) {
            (Some("submitted"), _) => (BodyState::Submitted, b.submitted_at),
            (Some(_), _) => (BodyState::Draft, b.response_updated_at),
            (None, Some(opened)) => (BodyState::Opened, Some(opened)),
            (None, None) => (BodyState::NotOpened, None),
        };
        let submitted = i64::from(state == BodyState::Submitted);
        for (map, key) in [(&mut groups, &b.group_name), (&mut units, &b.unit)] {
            let rate = map.entry(key.clone()).or_insert_with(|| Rate {
                name: key.clone(),
                invited: 0,
                submitted: 0,
            });
            rate.invited += 1;
            rate.submitted += submitted;
        }
        overall.invited += 1;
        overall.submitted += submitted;
        statuses.push(BodyStatus {
            id: b.id,
            name: b.name,
            group: b.group_name,
            unit: b.unit,
            emails: b
                .emails
                .map(|e| e.split(", ").map(str::to_owned).collect())
                .unwrap_or_default(),
            state,
            since: when(since).unwrap_or_default(),
            invited_at: when(b.invited_at),
            reminded_at: when(b.reminded_at),
            mail_failure: b.failure,
            mail_pending: b.pending > 0,
        });
    }
    units.remove("");
    let mut by_section: HashMap<i64, Vec<AdminItem>> = HashMap::new();
    for (item_id, section_id, code, text, answered) in items {
        by_section.entry(section_id).or_default().push(AdminItem {
            id: item_id,
            code,
            text,
            answered,
        });
    }
    let sections = sections
        .into_iter()
        .map(|(sid, title)| AdminSection {
            id: sid,
            title,
            items: by_section.remove(&sid).unwrap_or_default(),
        })
        .collect();
    Ok(AdminConsultation {
        id,
        intro_html: markdown::render(&c.intro_md),
        title: c.title,
        intro_md: c.intro_md,
        status: parse_status(id, &c.status)?,
        deadline_input: format_input(c.deadline),
        deadline: format_datetime(c.deadline, lang),
        sender_name: c.sender_name,
        contact_text: c.contact_text,
        reminder_days: c.reminder_days,
        sections,
        bodies: statuses,
        overall,
        groups: groups.into_values().collect(),
        units: units.into_values().collect(),
        progress: outbox::progress(db, Some(id)).await?,
        may_edit: role.can_run_consultations(),
    })
}
