//! Unit leaders: the units an administrator binds a leader to, the leader's start
//! page, and the one check every page and download a leader may see goes through.
//!
//! A unit is the name the bodies and open links carry (`respondent.unit`), the same
//! across consultations, so a leader bound to "Nordskolen" sees Nordskolen in this
//! year's survey and in last year's hearing alike. A leader reaches a consultation's
//! figures only through the unit sheet, and only for their own units; every refusal
//! is audited with what was asked for ([`audit::refused`]).

use super::audit::{self, Action};
use super::dates::format_datetime;
use super::db::Db;
use super::error::AppError;
use crate::i18n::Lang;
use crate::model::admin::{LeaderHome, LeaderRow, Msg, Problem, Role, UserView};
use crate::model::listing::{PageInfo, PAGE_SIZE};
use crate::model::report::Report;
use crate::model::{ConsultationId, ConsultationKind, ConsultationStatus, UserId};

/// The longest unit name accepted (as long as a sheet's unit column takes).
pub const UNIT_MAX_CHARS: usize = 200;

/// How many known unit names the user page offers to choose from.
const KNOWN_UNITS_MAX: i64 = 2000;

/// The units `user` is bound to, in name order.
pub async fn units_of(db: &Db, user: UserId) -> Result<Vec<String>, AppError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT unit FROM leader_unit WHERE user_id = $1 ORDER BY unit")
            .bind(user)
            .fetch_all(&db.read)
            .await?;
    Ok(rows.into_iter().map(|(unit,)| unit).collect())
}

/// Every unit name some consultation's bodies or open links carry, for the user
/// page to offer.
pub async fn known_units(db: &Db) -> Result<Vec<String>, AppError> {
    let rows: Vec<(String,)> = sqlx::query_as(
        "SELECT DISTINCT unit FROM respondent WHERE unit <> '' ORDER BY unit LIMIT $1",
    )
    .bind(KNOWN_UNITS_MAX)
    .fetch_all(&db.read)
    .await?;
    Ok(rows.into_iter().map(|(unit,)| unit).collect())
}

/// Binds leader `id` to `unit`. Refused with a reason when the name is empty or too
/// long, the account is not a leader, or the unit is already theirs.
pub async fn assign(
    db: &Db,
    by: &UserView,
    id: UserId,
    unit: &str,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let unit = unit.trim();
    if unit.is_empty() {
        return Ok(Err(Problem::new("unit", Msg::UnitMissing)));
    }
    if unit.chars().count() > UNIT_MAX_CHARS {
        return Ok(Err(Problem::with(
            "unit",
            Msg::TooLong,
            UNIT_MAX_CHARS.to_string(),
        )));
    }
    let mut tx = db.write.begin().await?;
    let found: Option<(String, String)> =
        sqlx::query_as("SELECT email, role FROM app_user WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (email, role) = found.ok_or(AppError::NotFound)?;
    if Role::parse(&role) != Some(Role::Leader) {
        return Ok(Err(Problem::new("unit", Msg::UnitsOnlyForLeaders)));
    }
    let added = sqlx::query(
        "INSERT INTO leader_unit (user_id, unit, assigned_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, unit) DO NOTHING",
    )
    .bind(id)
    .bind(unit)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added == 0 {
        return Ok(Err(Problem::with("unit", Msg::UnitAlreadyAssigned, unit)));
    }
    let detail = format!("{email}: {unit}");
    audit::commit(tx, Some(by), Action::UnitAssigned, None, &detail, now_ms).await?;
    Ok(Ok(()))
}

/// Takes `unit` from leader `id`. Taking one that is not theirs changes nothing.
pub async fn unassign(
    db: &Db,
    by: &UserView,
    id: UserId,
    unit: &str,
    now_ms: i64,
) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    let found: Option<(String,)> = sqlx::query_as("SELECT email FROM app_user WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let (email,) = found.ok_or(AppError::NotFound)?;
    let removed = sqlx::query("DELETE FROM leader_unit WHERE user_id = $1 AND unit = $2")
        .bind(id)
        .bind(unit)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if removed > 0 {
        let detail = format!("{email}: {unit}");
        audit::commit(tx, Some(by), Action::UnitRemoved, None, &detail, now_ms).await?;
    }
    Ok(())
}

/// One consultation and one of the leader's units it covers, with the unit's rate.
#[derive(sqlx::FromRow)]
struct CoveredRow {
    id: ConsultationId,
    title: String,
    kind: ConsultationKind,
    status: ConsultationStatus,
    deadline: i64,
    unit: String,
    invited: i64,
    submitted: i64,
}

/// The consultations that cover the leader's units (drafts are not shown to
/// anyone outside the administration), a row per consultation and unit.
pub async fn home(db: &Db, user: &UserView, page: u32, lang: Lang) -> Result<LeaderHome, AppError> {
    const COVERED: &str = "FROM leader_unit l
         JOIN respondent r ON r.unit = l.unit
         JOIN consultation c ON c.id = r.consultation_id
         WHERE l.user_id = $1 AND c.status <> 'draft'";
    let units = units_of(db, user.id).await?;
    let (total,): (i64,) = sqlx::query_as(&format!(
        "SELECT COUNT(*) FROM (SELECT DISTINCT r.consultation_id, r.unit {COVERED}) covered"
    ))
    .bind(user.id)
    .fetch_one(&db.read)
    .await?;
    let page = PageInfo::counted(page, total);
    // Counted as the report counts: an open link's answer counts once submitted.
    let rows: Vec<CoveredRow> = sqlx::query_as(&format!(
        "SELECT c.id, c.title, c.kind, c.status, c.deadline, r.unit,
                SUM(CASE WHEN r.open_link_id IS NULL OR r.state = 'submitted' THEN 1 ELSE 0 END)
                    AS invited,
                SUM(CASE WHEN r.state = 'submitted' THEN 1 ELSE 0 END) AS submitted
         {COVERED}
         GROUP BY c.id, c.title, c.kind, c.status, c.deadline, r.unit
         ORDER BY c.status = 'archived', c.deadline DESC, c.id DESC, r.unit
         LIMIT $2 OFFSET $3"
    ))
    .bind(user.id)
    .bind(i64::from(PAGE_SIZE))
    .bind(i64::from(page.offset()))
    .fetch_all(&db.read)
    .await?;
    let rows = rows
        .into_iter()
        .map(|row| LeaderRow {
            consultation_id: row.id,
            title: row.title,
            survey: row.kind == ConsultationKind::Survey,
            status: row.status,
            deadline: format_datetime(row.deadline, lang),
            unit: row.unit,
            invited: row.invited,
            submitted: row.submitted,
        })
        .collect();
    Ok(LeaderHome { units, rows, page })
}

/// Lets `user` see `unit`'s figures in consultation `id`: the staff always, a leader
/// only for a unit of theirs in a consultation that is not a draft. Anything else is
/// refused and audited.
pub async fn check_unit(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    unit: &str,
    now_ms: i64,
) -> Result<(), AppError> {
    if user.role.reads_everything() {
        return Ok(());
    }
    let (mine,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM leader_unit l JOIN consultation c ON c.id = $3
         WHERE l.user_id = $1 AND l.unit = $2 AND c.status <> 'draft'",
    )
    .bind(user.id)
    .bind(unit)
    .bind(id)
    .fetch_one(&db.read)
    .await?;
    if mine > 0 {
        Ok(())
    } else {
        Err(audit::refused(db, user, Some(id), &format!("enhed «{unit}»"), now_ms).await)
    }
}

/// A unit sheet as a leader may have it: the figures of their unit and of the whole,
/// without what belongs to the administration (the other units' names, the groups,
/// its notes) — the sheet shows none of it, and none of it may reach the browser.
pub fn for_leader(mut report: Report) -> Report {
    report.units.clear();
    report.groups.clear();
    report.background_items.clear();
    report.general_comments.clear();
    report.general_comment_count = 0;
    report.missing.clear();
    report.areas.clear();
    report.can_edit_notes = false;
    for item in &mut report.items {
        item.comments.clear();
        item.comment_count = 0;
        item.note.clear();
    }
    report
}
