//! Who has answered: the overview of consultations with their response rates, and
//! one consultation's page data — its bodies with their status, the rates per group
//! and per unit, and how far its mails have got.

use super::catalogue::StoredItem;
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
use crate::model::listing::{BodyFilter, BodyQuery, PageInfo, PAGE_SIZE};
use crate::model::{
    BodyId, ConsultationId, ConsultationKind, ConsultationStatus, ItemId, SectionId,
};
use sqlx::{FromRow, Row};
use std::collections::{BTreeMap, HashMap};

pub async fn overview(db: &Db, lang: Lang) -> Result<Vec<ConsultationSummary>, AppError> {
    let rows: Vec<(ConsultationId, String, ConsultationStatus, i64, i64, i64)> = sqlx::query_as(
        "SELECT c.id, c.title, c.status, c.deadline,
                (SELECT COUNT(*) FROM respondent r WHERE r.consultation_id = c.id
                   AND (r.open_link_id IS NULL OR r.state = 'submitted')),
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
                status,
                deadline: format_datetime(deadline, lang),
                invited,
                submitted,
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
struct ConsultationRow {
    kind: ConsultationKind,
    title: String,
    intro_md: String,
    status: ConsultationStatus,
    deadline: i64,
    sender_name: String,
    contact_text: String,
    reminder_days: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct BodyRowDb {
    id: BodyId,
    name: String,
    group_name: String,
    unit: String,
    state: BodyState,
    since: Option<i64>,
    emails: Option<String>,
    invited_at: Option<i64>,
    reminded_at: Option<i64>,
    pending: i64,
    failure: Option<String>,
}

/// The reader's search and filters over the consultation's bodies `b` (`$1`
/// consultation, `$2` search pattern, `$3` group, `$4` unit, `$5` state, `$6` "not
/// submitted"): the one filter that the list and its count share.
const BODY_FILTER: &str = "
    b.consultation_id = $1
    AND b.open_link_id IS NULL
    AND ($2 = '' OR lower(b.name) LIKE $2 ESCAPE '\\'
             OR EXISTS (SELECT 1 FROM respondent_email e
                        WHERE e.respondent_id = b.id AND lower(e.email) LIKE $2 ESCAPE '\\'))
    AND ($3 IS NULL OR b.group_name = $3)
    AND ($4 IS NULL OR b.unit = $4)
    AND ($5 IS NULL OR b.state = $5)
    AND ($6 = 0 OR b.state <> 'submitted')";

/// `%text%` for LIKE, with the wildcards in the text itself taken literally.
fn like_pattern(search: &str) -> String {
    if search.is_empty() {
        return String::new();
    }
    let escaped = search
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// One page of the consultation's bodies as the reader's query asks, and how many
/// matched in all. Only the page's rows get their mail details read.
async fn bodies_page(
    db: &Db,
    id: ConsultationId,
    query: &BodyQuery,
    lang: Lang,
) -> Result<(Vec<BodyStatus>, PageInfo), AppError> {
    let (state, not_submitted) = match query.state {
        Some(BodyFilter::Is(state)) => (Some(state.as_str()), 0i64),
        Some(BodyFilter::NotSubmitted) => (None, 1),
        None => (None, 0),
    };
    let pattern = like_pattern(&query.search);
    let count_sql = format!("SELECT COUNT(*) FROM respondent b WHERE {BODY_FILTER}");
    // `$1`…`$6` of [`BODY_FILTER`], for both queries.
    let filtered = |sql| {
        sqlx::query(sql)
            .bind(id)
            .bind(pattern.clone())
            .bind(query.group.clone())
            .bind(query.unit.clone())
            .bind(state)
            .bind(not_submitted)
    };
    let string_agg = db.engine.string_agg();
    let page_sql = format!(
        "SELECT b.id, b.name, b.group_name, b.unit, b.state,
                CASE b.state
                  WHEN 'submitted' THEN (SELECT p.submitted_at FROM response p WHERE p.respondent_id = b.id)
                  WHEN 'draft' THEN (SELECT p.updated_at FROM response p WHERE p.respondent_id = b.id)
                  ELSE (SELECT MIN(opened_at) FROM invitation i WHERE i.respondent_id = b.id) END AS since,
                (SELECT {string_agg}(email, ', ') FROM respondent_email e WHERE e.respondent_id = b.id) AS emails,
                (SELECT MIN(sent_at) FROM outbox o WHERE o.respondent_id = b.id AND o.kind = 'invitation') AS invited_at,
                (SELECT MAX(sent_at) FROM outbox o WHERE o.respondent_id = b.id AND o.kind = 'reminder') AS reminded_at,
                (SELECT COUNT(*) FROM outbox o WHERE o.respondent_id = b.id AND o.sent_at IS NULL AND o.failed_at IS NULL) AS pending,
                (SELECT o.last_error FROM outbox o WHERE o.respondent_id = b.id AND o.failed_at IS NOT NULL
                   AND o.last_error <> 'link replaced'
                   AND NOT EXISTS (SELECT 1 FROM outbox n WHERE n.respondent_id = b.id AND n.id > o.id AND n.sent_at IS NOT NULL)
                 ORDER BY o.id DESC LIMIT 1) AS failure
         FROM respondent b
         WHERE {BODY_FILTER}
         ORDER BY b.group_name, b.name, b.id
         LIMIT $7 OFFSET $8"
    );
    let fetch_page = |page: PageInfo| {
        filtered(&page_sql)
            .bind(i64::from(PAGE_SIZE))
            .bind(i64::from(page.offset()))
            .fetch_all(&db.read)
    };
    // A first page that is not full is every match: no need to count them (a search
    // usually finds a few bodies, and counting costs as much as finding).
    let first_page = if query.page <= 1 {
        Some(fetch_page(PageInfo::new(1, u32::MAX)).await?)
    } else {
        None
    };
    let total: i64 = match &first_page {
        Some(rows) if rows.len() < PAGE_SIZE as usize => rows.len() as i64,
        _ => filtered(&count_sql).fetch_one(&db.read).await?.try_get(0)?,
    };
    let page = PageInfo::new(query.page, u32::try_from(total).unwrap_or(u32::MAX));
    let rows = match first_page {
        Some(rows) => rows,
        None => fetch_page(page).await?,
    };
    let rows = rows
        .iter()
        .map(BodyRowDb::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let when = |ms: Option<i64>| ms.map(|t| format_datetime(t, lang));
    let bodies = rows
        .into_iter()
        .map(|b| BodyStatus {
            id: b.id,
            name: b.name,
            group: b.group_name,
            unit: b.unit,
            emails: b
                .emails
                .map(|e| e.split(", ").map(str::to_owned).collect())
                .unwrap_or_default(),
            state: b.state,
            since: when(b.since).unwrap_or_default(),
            invited_at: when(b.invited_at),
            reminded_at: when(b.reminded_at),
            mail_failure: b.failure,
            mail_pending: b.pending > 0,
        })
        .collect();
    Ok((bodies, page))
}

/// Invited and submitted overall, per group and per unit, counted in the database.
async fn rates(db: &Db, id: ConsultationId) -> Result<(Rate, Vec<Rate>, Vec<Rate>), AppError> {
    let counts: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT r.group_name, r.unit, COUNT(*),
                SUM(CASE WHEN r.state = 'submitted' THEN 1 ELSE 0 END)
         FROM respondent r
         WHERE r.consultation_id = $1 AND (r.open_link_id IS NULL OR r.state = 'submitted')
         GROUP BY r.group_name, r.unit",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let mut overall = Rate {
        name: String::new(),
        invited: 0,
        submitted: 0,
    };
    let mut groups: BTreeMap<String, Rate> = BTreeMap::new();
    let mut units: BTreeMap<String, Rate> = BTreeMap::new();
    for (group, unit, invited, submitted) in counts {
        for (map, key) in [(&mut groups, group), (&mut units, unit)] {
            let rate = map.entry(key.clone()).or_insert_with(|| Rate {
                name: key,
                invited: 0,
                submitted: 0,
            });
            rate.invited += invited;
            rate.submitted += submitted;
        }
        overall.invited += invited;
        overall.submitted += submitted;
    }
    units.remove("");
    Ok((
        overall,
        groups.into_values().collect(),
        units.into_values().collect(),
    ))
}

/// An item as the administration page lists and edits it: as stored, and how many
/// have answered it.
#[derive(sqlx::FromRow)]
struct ItemRow {
    #[sqlx(flatten)]
    item: StoredItem,
    answered: i64,
}

/// One consultation's page: its settings, items, rates and one page of its bodies.
pub async fn consultation(
    db: &Db,
    id: ConsultationId,
    role: Role,
    bodies: &BodyQuery,
    lang: Lang,
) -> Result<AdminConsultation, AppError> {
    let c: ConsultationRow = sqlx::query_as(
        "SELECT kind, title, intro_md, status, deadline, sender_name, contact_text, reminder_days
         FROM consultation WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.read)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = c.status;
    let sections: Vec<(SectionId, String)> = sqlx::query_as(
        "SELECT id, title FROM section WHERE consultation_id = $1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    // How many submitted an answer to each item, from the kept tallies; a draft has
    // none to count.
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT i.id, i.section_id, i.code, i.text,
                CASE WHEN $2 THEN 0 ELSE
                  (SELECT CAST(COALESCE(SUM(t.answers), 0) AS BIGINT) FROM answer_tally t
                   WHERE t.consultation_id = $1 AND t.item_id = i.id AND t.value <> '') END AS answered,
                i.kind, i.options_json, i.max_choices, CAST(i.allow_comment AS INTEGER) AS allow_comment,
                CAST(i.required AS INTEGER) AS required, i.show_if_item,
                i.show_if_any
         FROM item i WHERE i.consultation_id = $1 ORDER BY i.position",
    )
    .bind(id)
    .bind(status == ConsultationStatus::Draft)
    .fetch_all(&db.read)
    .await?;
    let translated: Vec<(ItemId, String, String, String)> = sqlx::query_as(
        "SELECT t.item_id, t.lang, t.text, t.options_json FROM item_translation t
         JOIN item i ON i.id = t.item_id WHERE i.consultation_id = $1 ORDER BY t.lang",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let mut translations: HashMap<ItemId, Vec<(String, String, Vec<String>)>> = HashMap::new();
    for (item, lang, text, options) in translated {
        let options = serde_json::from_str(&options).unwrap_or_default();
        translations
            .entry(item)
            .or_default()
            .push((lang, text, options));
    }
    let (overall, groups, units) = rates(db, id).await?;
    let (page_rows, page) = bodies_page(db, id, bodies, lang).await?;
    let mut by_section: HashMap<SectionId, Vec<AdminItem>> = HashMap::new();
    for ItemRow { item, answered } in items {
        let kind = item.item_kind()?;
        let show_if = item.condition().map(|c| (c.item_id, c.any_of));
        by_section
            .entry(item.section_id)
            .or_default()
            .push(AdminItem {
                translations: translations.remove(&item.id).unwrap_or_default(),
                id: item.id,
                code: item.code,
                text: item.text,
                answered,
                kind,
                required: item.required,
                show_if,
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
    let survey = c.kind == ConsultationKind::Survey;
    Ok(AdminConsultation {
        id,
        survey,
        open_links: Vec::new(),
        languages: Vec::new(),
        series: None,
        periods: Vec::new(),
        intro_html: markdown::render(&c.intro_md),
        title: c.title,
        intro_md: c.intro_md,
        status,
        deadline_input: format_input(c.deadline),
        deadline: format_datetime(c.deadline, lang),
        sender_name: c.sender_name,
        contact_text: c.contact_text,
        reminder_days: c.reminder_days,
        sections,
        bodies: page_rows,
        body_query: bodies.clone(),
        body_page: page,
        overall,
        groups,
        units,
        progress: outbox::progress(db, Some(id)).await?,
        may_edit: role.can_run_consultations(),
    })
}
