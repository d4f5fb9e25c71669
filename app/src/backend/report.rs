//! The decision material, computed from the submitted responses: rates, tallies per
//! item and group (or unit), the comments, and the administration's notes.
//!
//! Only submitted responses count, each body once, as last submitted: the working
//! copy (`answer`) is never read here, only `submitted_answer` and
//! `response.submitted_general_comment`. The counts come from `answer_tally`, which
//! the submissions keep up to date (see `tally`); Rust only folds its few hundred
//! rows into the columns the reader asked for.

use super::audit::{self, Action};
use super::catalogue::{items, CatalogueItem};
use super::dates::format_datetime;
use super::db::Db;
use super::error::AppError;
use super::targets::Targets;
use crate::i18n::{Key, Lang};
use crate::model::admin::{Msg, Problem, Rate, UserView};
use crate::model::report::{
    contested_order, min_group_size, suppressed, Breakdown, CommentEntry, ItemReport, MissingBody,
    Report, ReportQuery, ReportSort, Tally, COMMENTS_INLINE_MAX, GENERAL, MISSING_INLINE_MAX,
};
use crate::model::target::{AreaTarget, Metric, TargetView};
use crate::model::{
    Bucket, ConsultationId, ConsultationKind, ConsultationStatus, ItemId, ItemKind,
};
use std::collections::{BTreeMap, HashMap};

/// The longest note the administration can write per item.
pub const NOTE_MAX_CHARS: usize = 10_000;

/// How many comments per item to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Comments {
    /// All of them when there are few; else only the expanded item's (the report page).
    Preview,
    /// Every comment (the memo).
    All,
    /// Counts only (the summary export).
    None,
}

#[derive(sqlx::FromRow)]
struct ConsultationRow {
    kind: ConsultationKind,
    title: String,
    status: ConsultationStatus,
    deadline: i64,
    opens_at: Option<i64>,
    min_group_size: i64,
}

/// Builds the report of consultation `id` as `query` asks.
pub async fn report(
    db: &Db,
    id: ConsultationId,
    query: &ReportQuery,
    comments: Comments,
    can_edit_notes: bool,
    lang: Lang,
    now_ms: i64,
) -> Result<Report, AppError> {
    let c: ConsultationRow = sqlx::query_as(
        "SELECT kind, title, status, deadline, opens_at, min_group_size FROM consultation WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.read)
    .await?
    .ok_or(AppError::NotFound)?;
    let status = c.status;
    let survey = c.kind == ConsultationKind::Survey;
    let k = if survey {
        min_group_size(c.min_group_size)
    } else {
        1
    };
    let group = query.group.as_deref();
    let catalogue = items(db, id).await?;
    let targets = if survey {
        super::targets::load(db, id).await?
    } else {
        Targets::default()
    };
    let areas = if survey {
        area_targets(&catalogue, &targets)
    } else {
        Vec::new()
    };
    // A survey's single-choice questions are its background questions.
    let background_items: Vec<(ItemId, String)> = catalogue
        .iter()
        .filter(|i| survey && matches!(i.kind, ItemKind::Single { .. }))
        .map(|i| (i.id, shortened(&format!("{} {}", i.code, i.text))))
        .collect();
    // One unit beside the whole is the breakdown by unit, narrowed at the end: its
    // cell is suppressed as it is among all the units. A breakdown by a question that
    // is not a background question is the default one.
    let breakdown = match (query.unit.as_ref(), query.breakdown) {
        (Some(_), _) => Breakdown::Unit,
        (None, Breakdown::Answer(item)) if !background_items.iter().any(|(i, _)| *i == item) => {
            Breakdown::Group
        }
        (None, chosen) => chosen,
    };
    let column_of = |group_name: &str, unit: &str| -> String {
        match breakdown {
            Breakdown::Unit => unit.to_owned(),
            _ => group_name.to_owned(),
        }
    };

    // Invited and answered per (group, unit), folded into the chosen columns. An answer
    // started through an open link counts once it is submitted: nobody was invited.
    let rates: Vec<(String, String, i64, i64)> = sqlx::query_as(
        "SELECT r.group_name, r.unit, COUNT(*), SUM(CASE WHEN r.state = 'submitted' THEN 1 ELSE 0 END)
         FROM respondent r
         WHERE r.consultation_id = $1 AND (r.open_link_id IS NULL OR r.state = 'submitted')
         GROUP BY r.group_name, r.unit",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let mut groups: Vec<String> = rates.iter().map(|(g, ..)| g.clone()).collect();
    groups.sort();
    groups.dedup();
    let mut units: Vec<String> = rates.iter().map(|(_, u, ..)| u.clone()).collect();
    units.sort();
    units.dedup();
    units.retain(|u| !u.is_empty());
    let mut columns: BTreeMap<String, Rate> = BTreeMap::new();
    for (group_name, unit, invited, submitted) in &rates {
        if group.is_some_and(|g| g != group_name) {
            continue;
        }
        let name = column_of(group_name, unit);
        let rate = columns.entry(name.clone()).or_insert(Rate {
            name,
            invited: 0,
            submitted: 0,
        });
        rate.invited += invited;
        rate.submitted += submitted;
    }
    let overall = Rate {
        name: String::new(),
        invited: columns.values().map(|r| r.invited).sum(),
        submitted: columns.values().map(|r| r.submitted).sum(),
    };
    let (columns, counts) = match breakdown {
        Breakdown::Answer(item) => {
            let options = catalogue
                .iter()
                .find(|i| i.id == item)
                .map(|i| i.kind.options().to_vec())
                .unwrap_or_default();
            by_answer(db, id, group, item, &options, overall.submitted, lang).await?
        }
        _ => {
            let columns = columns
                .into_values()
                .map(|rate| Column {
                    key: rate.name.clone(),
                    rate,
                })
                .collect();
            (columns, tallied(db, id, group, breakdown).await?)
        }
    };
    let index: HashMap<String, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| (c.key.clone(), i))
        .collect();
    let columns: Vec<Rate> = columns.into_iter().map(|c| c.rate).collect();

    let buckets: Vec<Vec<Bucket>> = catalogue.iter().map(|i| i.kind.buckets()).collect();
    let position: HashMap<ItemId, usize> = catalogue
        .iter()
        .enumerate()
        .map(|(p, i)| (i.id, p))
        .collect();
    let mut tallies: HashMap<ItemId, (Vec<Tally>, u32)> = HashMap::new();
    for (item, column, value, n, commented) in counts {
        let Some((kind, buckets)) = position
            .get(&item)
            .map(|&p| (&catalogue[p].kind, &buckets[p]))
        else {
            continue;
        };
        let asked_all = !catalogue[position[&item]].conditional;
        let (breakdown, comment_count) = tallies.entry(item).or_insert_with(|| {
            let empty = |r: &Rate| Tally::of(buckets.len(), base(asked_all, r.submitted));
            (columns.iter().map(empty).collect(), 0)
        });
        // A comment without an answer leaves the item unanswered.
        let answer = kind.parse_value(&value).ok();
        // A free-text item's answers are read like comments.
        *comment_count += match kind {
            ItemKind::Text if answer.is_some() => count(n),
            _ => count(commented),
        };
        if let (Some(answer), Some(&col)) = (answer, index.get(&column)) {
            breakdown[col].record(buckets, &kind.indices_of(answer), count(n));
        }
    }
    // Which columns, or the whole, hold too few responses to show (surveys only).
    let sizes: Vec<u32> = columns.iter().map(|r| count(r.submitted)).collect();
    let hide = suppressed(&sizes, k);
    // Free text too is shown only where the whole has enough responses.
    let comment_mode = if hide.total { Comments::None } else { comments };

    let total_comments: u32 = tallies.values().map(|(_, n)| n).sum();
    let only_item = match comment_mode {
        Comments::All => Some(None),
        Comments::Preview if total_comments <= COMMENTS_INLINE_MAX => Some(None),
        Comments::Preview => query.expand.map(Some),
        Comments::None => None,
    };
    let mut item_comments = match only_item {
        Some(item) => load_comments(db, id, group, item).await?,
        None => HashMap::new(),
    };
    // The report page shows the general comments inline only up to a limit; every
    // other view has them all (the memo) or none (the summary export).
    let (mut general_comments, general_count) = match comment_mode {
        Comments::None => (Vec::new(), 0),
        Comments::Preview if query.expand != Some(GENERAL) => {
            match count_general_comments(db, id, group).await? {
                n if n > COMMENTS_INLINE_MAX => (Vec::new(), n),
                _ => counted(load_general_comments(db, id, group).await?),
            }
        }
        _ => counted(load_general_comments(db, id, group).await?),
    };
    if survey {
        general_comments.iter_mut().for_each(unattributed);
    }

    let mut items: Vec<ItemReport> = catalogue
        .into_iter()
        .zip(buckets)
        .map(|(row, buckets)| {
            let kind = row.kind;
            let (breakdown, comment_count) = tallies.remove(&row.id).unwrap_or_else(|| {
                let empty = |n: &u32| Tally::of(buckets.len(), base(!row.conditional, *n as i64));
                (sizes.iter().map(empty).collect(), 0)
            });
            // An item asked only of some is shown where enough of them answered it.
            let own;
            let hide = if row.conditional {
                let answered: Vec<u32> = breakdown.iter().map(|t| t.answered).collect();
                own = suppressed(&answered, k);
                &own
            } else {
                &hide
            };
            let mut overall = Tally::of(buckets.len(), 0);
            breakdown.iter().for_each(|t| overall.add(t));
            let overall = (!hide.total).then_some(overall);
            let target =
                targets
                    .for_item(row.id, row.section_id, &kind)
                    .map(|(target, from_area)| TargetView {
                        target,
                        from_area,
                        whole: overall.as_ref().and_then(|t| target.judge(&kind, t)),
                        column: None,
                    });
            let mut comments = item_comments.remove(&row.id).unwrap_or_default();
            for c in &mut comments {
                c.answer = c.answer.take().and_then(|v| kind.answer_label(lang, &v));
                if survey {
                    unattributed(c);
                }
            }
            ItemReport {
                id: row.id,
                code: row.code,
                section: row.section,
                text: row.text,
                overall,
                breakdown: breakdown
                    .into_iter()
                    .zip(&hide.cells)
                    .map(|(t, &hidden)| (!hidden && !hide.total).then_some(t))
                    .collect(),
                comment_count,
                comments,
                note: row.note,
                target,
                kind,
                trend: None,
            }
        })
        .collect();
    if query.sort == ReportSort::Contested {
        items.sort_by(|a, b| match (&a.overall, &b.overall) {
            (Some(a), Some(b)) => contested_order(a, b),
            _ => std::cmp::Ordering::Equal,
        });
    }

    let missing_count = count(overall.invited - overall.submitted);
    let missing_limit = match comments {
        Comments::Preview => i64::from(MISSING_INLINE_MAX),
        Comments::All => i64::from(missing_count),
        Comments::None => 0,
    };
    let missing: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT r.name, r.group_name, r.unit
         FROM respondent r
         WHERE r.consultation_id = $1 AND r.state <> 'submitted' AND r.open_link_id IS NULL
           AND ($2 IS NULL OR r.group_name = $2)
         ORDER BY r.group_name, r.name
         LIMIT $3",
    )
    .bind(id)
    .bind(group)
    .bind(missing_limit)
    .fetch_all(&db.read)
    .await?;

    let (columns, items) = match &query.unit {
        Some(unit) => beside_the_whole(columns, items, unit),
        None => (columns, items),
    };
    Ok(Report {
        consultation_id: id,
        title: c.title,
        status,
        deadline: format_datetime(c.deadline, lang),
        opened: c.opens_at.map(|t| format_datetime(t, lang)),
        // As shown: a breakdown by what is not a background question is by group.
        query: ReportQuery {
            breakdown: match query.unit {
                Some(_) => query.breakdown,
                None => breakdown,
            },
            ..query.clone()
        },
        groups,
        units,
        background_items,
        overall,
        columns,
        min_group_size: k,
        survey,
        items,
        general_comments,
        general_comment_count: general_count,
        missing: missing
            .into_iter()
            .map(|(name, group, unit)| MissingBody { name, group, unit })
            .collect(),
        missing_count,
        can_edit_notes,
        generated: format_datetime(now_ms, lang),
        areas,
        series: None,
    })
}

/// A survey's areas in catalogue order, with the figures their questions have.
fn area_targets(catalogue: &[CatalogueItem], targets: &Targets) -> Vec<AreaTarget> {
    let mut areas: Vec<AreaTarget> = Vec::new();
    for item in catalogue {
        if areas.last().is_none_or(|a| a.section_id != item.section_id) {
            areas.push(AreaTarget {
                section_id: item.section_id,
                title: item.section.clone(),
                metrics: Vec::new(),
                target: targets.for_area(item.section_id),
            });
        }
        if let Some(area) = areas.last_mut() {
            for metric in Metric::for_kind(&item.kind) {
                if !area.metrics.contains(&metric) {
                    area.metrics.push(metric);
                }
            }
        }
    }
    areas
}

/// A breakdown column: the value the counts name it by, and its rate as shown.
struct Column {
    key: String,
    rate: Rate,
}

/// Every answer and comment count per item, column and answer (see `tally`), for
/// the breakdown by group or unit.
async fn tallied(
    db: &Db,
    id: ConsultationId,
    group: Option<&str>,
    breakdown: Breakdown,
) -> Result<Vec<Counted>, AppError> {
    let column = match breakdown {
        Breakdown::Unit => "unit",
        _ => "group_name",
    };
    Ok(sqlx::query_as(&format!(
        "SELECT item_id, {column}, value, CAST(SUM(answers) AS BIGINT), CAST(SUM(commented) AS BIGINT)
         FROM answer_tally
         WHERE consultation_id = $1 AND answers > 0 AND ($2 IS NULL OR group_name = $2)
         GROUP BY item_id, {column}, value"
    ))
    .bind(id)
    .bind(group)
    .fetch_all(&db.read)
    .await?)
}

/// (item, column, answer, answers, comments).
type Counted = (ItemId, String, String, i64, i64);

/// The columns and counts of the breakdown by the answer to background question
/// `item`: one column per option somebody chose, in the options' order, and one for
/// those who did not answer it (the whole minus the others), so the columns add up to
/// the whole and the same suppression holds. Read from the running counts
/// (`answer_tally_by_answer`, see `tally`); each column's "invited" is its answered,
/// since nobody is invited to an answer. `submitted` is the whole's.
async fn by_answer(
    db: &Db,
    id: ConsultationId,
    group: Option<&str>,
    item: ItemId,
    options: &[String],
    submitted: i64,
    lang: Lang,
) -> Result<(Vec<Column>, Vec<Counted>), AppError> {
    let by_answer: Vec<Counted> = sqlx::query_as(
        "SELECT item_id, background_value, value, CAST(SUM(answers) AS BIGINT),
                CAST(SUM(commented) AS BIGINT)
         FROM answer_tally_by_answer
         WHERE consultation_id = $1 AND background_item = $2 AND answers > 0
           AND ($3 IS NULL OR group_name = $3)
         GROUP BY item_id, background_value, value",
    )
    .bind(id)
    .bind(item)
    .bind(group)
    .fetch_all(&db.read)
    .await?;
    // Each option's size is how many chose it: the background item's own count; the
    // blank column's is the rest of the whole.
    let mut sizes: HashMap<&str, i64> = HashMap::new();
    for (i, bg, value, n, _) in &by_answer {
        if *i == item && bg == value {
            *sizes.entry(bg.as_str()).or_default() += n;
        }
    }
    let answered: i64 = sizes.values().sum();
    let size_of = |key: &str| match key {
        "" => submitted - answered,
        option => sizes.get(option).copied().unwrap_or(0),
    };
    let columns = options
        .iter()
        .map(|o| (o.clone(), o.clone()))
        .chain([(String::new(), lang.t(Key::NotAnswered).to_owned())])
        .filter(|(key, _)| size_of(key) > 0)
        .map(|(key, name)| Column {
            rate: Rate {
                name,
                invited: size_of(&key),
                submitted: size_of(&key),
            },
            key,
        })
        .collect();
    // Who left the background question blank: the whole's counts minus the others.
    let mut blank: BTreeMap<(ItemId, String), (i64, i64)> = BTreeMap::new();
    for (item, _, value, n, commented) in tallied(db, id, group, Breakdown::Group).await? {
        let cell = blank.entry((item, value)).or_default();
        cell.0 += n;
        cell.1 += commented;
    }
    for (item, _, value, n, commented) in &by_answer {
        if let Some(cell) = blank.get_mut(&(*item, value.clone())) {
            cell.0 -= n;
            cell.1 -= commented;
        }
    }
    let counts = by_answer
        .into_iter()
        .chain(
            blank
                .into_iter()
                .filter(|(_, (n, commented))| *n > 0 || *commented > 0)
                .map(|((item, value), (n, commented))| (item, String::new(), value, n, commented)),
        )
        .collect();
    Ok((columns, counts))
}

/// Keeps only `unit`'s column (none if it has no respondents); the totals stay the
/// whole's.
fn beside_the_whole(
    columns: Vec<Rate>,
    mut items: Vec<ItemReport>,
    unit: &str,
) -> (Vec<Rate>, Vec<ItemReport>) {
    let at = columns.iter().position(|c| c.name == unit);
    for item in &mut items {
        item.breakdown = at.map(|i| item.breakdown[i].clone()).into_iter().collect();
        let cell = item.breakdown.first().cloned().flatten();
        if let (Some(view), Some(cell)) = (item.target.as_mut(), cell) {
            view.column = view.target.judge(&item.kind, &cell);
        }
    }
    (at.map(|i| columns[i].clone()).into_iter().collect(), items)
}

/// A question as a select's option names it: its first 60 characters.
fn shortened(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Whom an item's tally starts out counting as "not answered": everyone who submitted,
/// or — for an item the skip logic asked of only some — nobody, since who was not
/// asked did not leave it blank; its base is who answered it.
fn base(asked_all: bool, submitted: i64) -> u32 {
    if asked_all {
        count(submitted)
    } else {
        0
    }
}

/// A survey's free text is shown without who wrote it, nor their group or unit: in an
/// anonymous survey these could name the person.
fn unattributed(comment: &mut CommentEntry) {
    comment.body.clear();
    comment.group.clear();
    comment.unit.clear();
}

/// The comments with their number.
fn counted(comments: Vec<CommentEntry>) -> (Vec<CommentEntry>, u32) {
    let n = count(comments.len() as i64);
    (comments, n)
}

/// How many bodies wrote a general comment.
async fn count_general_comments(
    db: &Db,
    id: ConsultationId,
    group: Option<&str>,
) -> Result<u32, AppError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM response rs
         WHERE rs.consultation_id = $1 AND rs.submitted_at IS NOT NULL
           AND rs.submitted_general_comment <> '' AND ($2 IS NULL OR rs.group_name = $2)",
    )
    .bind(id)
    .bind(group)
    .fetch_one(&db.read)
    .await?;
    Ok(count(n))
}

type CommentRow = (
    ItemId,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// The comments on the items (all, or those on `item`), ordered by group and body.
async fn load_comments(
    db: &Db,
    id: ConsultationId,
    group: Option<&str>,
    item: Option<ItemId>,
) -> Result<HashMap<ItemId, Vec<CommentEntry>>, AppError> {
    let rows: Vec<CommentRow> = sqlx::query_as(
        "SELECT sa.item_id, COALESCE(r.name, ''), rs.group_name, rs.unit, sa.value, sa.comment, i.kind,
                rs.lang
         FROM response rs
         LEFT JOIN respondent r ON r.id = rs.respondent_id
         JOIN submitted_answer sa ON sa.response_id = rs.id
         JOIN item i ON i.id = sa.item_id
         WHERE rs.consultation_id = $1 AND rs.submitted_at IS NOT NULL
           AND (sa.comment <> '' OR (i.kind = 'text' AND sa.value <> ''))
           AND ($2 IS NULL OR rs.group_name = $2) AND ($3 IS NULL OR sa.item_id = $3)
         ORDER BY sa.item_id, rs.group_name, COALESCE(r.name, ''), rs.id",
    )
    .bind(id)
    .bind(group)
    .bind(item)
    .fetch_all(&db.read)
    .await?;
    let mut per_item: HashMap<ItemId, Vec<CommentEntry>> = HashMap::new();
    for (item, body, group, unit, value, comment, kind, lang) in rows {
        let (answer, text) = if kind == ItemKind::Text.name() {
            (None, value)
        } else {
            ((!value.is_empty()).then_some(value), comment)
        };
        per_item.entry(item).or_default().push(CommentEntry {
            body,
            group,
            unit,
            answer,
            text,
            lang,
        });
    }
    Ok(per_item)
}

/// The general comments, ordered by group and body.
async fn load_general_comments(
    db: &Db,
    id: ConsultationId,
    group: Option<&str>,
) -> Result<Vec<CommentEntry>, AppError> {
    let general: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT COALESCE(r.name, ''), rs.group_name, rs.unit, rs.submitted_general_comment, rs.lang
         FROM response rs LEFT JOIN respondent r ON r.id = rs.respondent_id
         WHERE rs.consultation_id = $1 AND rs.submitted_at IS NOT NULL
           AND rs.submitted_general_comment <> '' AND ($2 IS NULL OR rs.group_name = $2)
         ORDER BY rs.group_name, COALESCE(r.name, ''), rs.id",
    )
    .bind(id)
    .bind(group)
    .fetch_all(&db.read)
    .await?;
    Ok(general
        .into_iter()
        .map(|(body, group, unit, text, lang)| CommentEntry {
            body,
            group,
            unit,
            answer: None,
            text,
            lang,
        })
        .collect())
}

/// Checks a note: at most [`NOTE_MAX_CHARS`], surrounding blanks trimmed.
pub fn parse_note(raw: &str) -> Result<String, Problem> {
    let note = crate::model::without_bidi_controls(&raw.trim().replace("\r\n", "\n"));
    if note.chars().count() > NOTE_MAX_CHARS {
        return Err(Problem::with(
            "note",
            Msg::TooLong,
            NOTE_MAX_CHARS.to_string(),
        ));
    }
    Ok(note)
}

/// Saves the administration's note on one item of consultation `id`, in any status:
/// the note is written after the hearing, for the memo.
pub async fn save_note(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    item: ItemId,
    note: &str,
    now_ms: i64,
) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    let code: Option<(String,)> =
        sqlx::query_as("SELECT code FROM item WHERE id = $1 AND consultation_id = $2")
            .bind(item)
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (code,) = code.ok_or(AppError::NotFound)?;
    sqlx::query("UPDATE item SET admin_note = $1 WHERE id = $2")
        .bind(note)
        .bind(item)
        .execute(&mut *tx)
        .await?;
    audit::commit(tx, Some(user), Action::NoteChanged, Some(id), &code, now_ms).await?;
    Ok(())
}
