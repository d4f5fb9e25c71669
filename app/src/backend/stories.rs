//! Pejlemærker and learning stories (see `model::guidepost`): the periods and their
//! guideposts, the stories asked through a consultation, the administration's themes
//! and quotes, the meta-narratives, and the committee memo.
//!
//! A story is not stored apart: it is a submitted response's answers to the three
//! free-text questions a guidepost added to the consultation (`item.guidepost_id`,
//! `item.story_part`), so it is drafted, saved, edited until the deadline and
//! submitted exactly like every other answer. Whether the memo names a story's unit
//! is the consultation's choice (`consultation.stories_attributed`).

use super::audit::{self, Action};
use super::dates::format_datetime;
use super::db::{parameters, Db, Flag};
use super::error::AppError;
use super::manage::{add_items, NewItem};
use super::report::{report, Comments};
use crate::i18n::Lang;
use crate::model::admin::{Msg, Problem, UserView};
use crate::model::guidepost::{
    GuidepostPage, GuidepostView, MemoGuidepost, NarrativeMemo, PeriodRow, PeriodView, QuoteView,
    Story, StoryPart,
};
use crate::model::listing::{PageInfo, PAGE_SIZE};
use crate::model::report::{Report, ReportQuery};
use crate::model::{
    ConsultationId, ConsultationKind, ConsultationStatus, GuidepostId, ItemId, ItemKind, PeriodId,
    QuoteId, ResponseId,
};
use std::collections::{BTreeMap, HashMap};

/// Every period, newest first, with how many guideposts and stories it has.
pub async fn periods(db: &Db) -> Result<Vec<PeriodRow>, AppError> {
    let rows: Vec<(PeriodId, String, i64, i64)> = sqlx::query_as(
        "SELECT p.id, p.title,
                (SELECT COUNT(*) FROM guidepost g WHERE g.period_id = p.id),
                (SELECT COUNT(DISTINCT sa.response_id) FROM guidepost g
                   JOIN item i ON i.guidepost_id = g.id
                   JOIN submitted_answer sa ON sa.item_id = i.id
                 WHERE g.period_id = p.id AND sa.value <> '')
         FROM guidepost_period p ORDER BY p.id DESC",
    )
    .fetch_all(&db.read)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, guideposts, stories)| PeriodRow {
            id,
            title,
            guideposts: count(guideposts),
            stories: count(stories),
        })
        .collect())
}

/// A new period; refused when its title is taken.
pub async fn create_period(
    db: &Db,
    by: &UserView,
    title: &str,
    now_ms: i64,
) -> Result<Result<PeriodId, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let taken: Option<(PeriodId,)> =
        sqlx::query_as("SELECT id FROM guidepost_period WHERE lower(title) = lower($1)")
            .bind(title)
            .fetch_optional(&mut *tx)
            .await?;
    if taken.is_some() {
        return Ok(Err(Problem::with("title", Msg::PeriodExists, title)));
    }
    let (id,): (PeriodId,) = sqlx::query_as(
        "INSERT INTO guidepost_period (title, created_at) VALUES ($1, $2) RETURNING id",
    )
    .bind(title)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(by),
        Action::GuidepostChanged,
        None,
        &format!("periode: {title}"),
        now_ms,
    )
    .await?;
    Ok(Ok(id))
}

/// A period with its guideposts in order. A period holds a handful of guideposts (a
/// municipality's policy names three to ten), so each is read by the same
/// [`guidepost`] the stories page uses rather than by a second, joined query.
pub async fn period(db: &Db, id: PeriodId) -> Result<PeriodView, AppError> {
    let (title,): (String,) = sqlx::query_as("SELECT title FROM guidepost_period WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.read)
        .await?
        .ok_or(AppError::NotFound)?;
    let ids: Vec<(GuidepostId,)> =
        sqlx::query_as("SELECT id FROM guidepost WHERE period_id = $1 ORDER BY position, id")
            .bind(id)
            .fetch_all(&db.read)
            .await?;
    let mut guideposts = Vec::with_capacity(ids.len());
    for (gp,) in ids {
        guideposts.push(guidepost(db, gp).await?);
    }
    Ok(PeriodView {
        id,
        title,
        guideposts,
    })
}

#[derive(sqlx::FromRow)]
struct GuidepostRow {
    period_id: PeriodId,
    title: String,
    body: String,
    narrative: String,
    survey_id: Option<ConsultationId>,
    survey_title: Option<String>,
    survey_codes: String,
}

/// One guidepost with its survey, story count and themes.
async fn guidepost(db: &Db, id: GuidepostId) -> Result<GuidepostView, AppError> {
    let row: GuidepostRow = sqlx::query_as(
        "SELECT g.period_id, g.title, g.body, g.narrative, g.survey_id, c.title AS survey_title,
                g.survey_codes
         FROM guidepost g LEFT JOIN consultation c ON c.id = g.survey_id WHERE g.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.read)
    .await?
    .ok_or(AppError::NotFound)?;
    let (stories,): (i64,) = sqlx::query_as(
        "SELECT COUNT(DISTINCT sa.response_id) FROM item i
         JOIN submitted_answer sa ON sa.item_id = i.id
         WHERE i.guidepost_id = $1 AND sa.value <> ''",
    )
    .bind(id)
    .fetch_one(&db.read)
    .await?;
    let themes: Vec<(String, i64)> = sqlx::query_as(
        "SELECT tag, COUNT(*) FROM story_tag WHERE guidepost_id = $1
         GROUP BY tag ORDER BY COUNT(*) DESC, tag",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    Ok(GuidepostView {
        id,
        period_id: row.period_id,
        title: row.title,
        body: row.body,
        narrative: row.narrative,
        survey: row.survey_id.zip(row.survey_title),
        codes: row
            .survey_codes
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
        stories: count(stories),
        themes: themes.into_iter().map(|(t, n)| (t, count(n))).collect(),
    })
}

/// The period guidepost `id` belongs to.
pub async fn period_of(db: &Db, id: GuidepostId) -> Result<PeriodId, AppError> {
    let row: Option<(PeriodId,)> = sqlx::query_as("SELECT period_id FROM guidepost WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.read)
        .await?;
    row.map(|(p,)| p).ok_or(AppError::NotFound)
}

/// Adds a guidepost at the end of `period`.
pub async fn add_guidepost(
    db: &Db,
    by: &UserView,
    period: PeriodId,
    title: &str,
    body: &str,
    now_ms: i64,
) -> Result<GuidepostId, AppError> {
    let mut tx = db.write.begin().await?;
    let found: Option<(PeriodId,)> =
        sqlx::query_as("SELECT id FROM guidepost_period WHERE id = $1")
            .bind(period)
            .fetch_optional(&mut *tx)
            .await?;
    found.ok_or(AppError::NotFound)?;
    let (id,): (GuidepostId,) = sqlx::query_as(
        "INSERT INTO guidepost (period_id, position, title, body, updated_at)
         VALUES ($1, (SELECT COALESCE(MAX(position), -1) + 1 FROM guidepost WHERE period_id = $1),
                 $2, $3, $4)
         RETURNING id",
    )
    .bind(period)
    .bind(title)
    .bind(body)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(by),
        Action::GuidepostChanged,
        None,
        &format!("pejlemærke: {title}"),
        now_ms,
    )
    .await?;
    Ok(id)
}

/// What an administrator changes on a guidepost.
pub enum Change {
    /// Its title and text.
    Text { title: String, body: String },
    /// Its meta-narrative.
    Narrative(String),
    /// The survey whose questions (by code) bear on it; `None` for none.
    Survey(Option<(ConsultationId, Vec<String>)>),
}

/// Changes guidepost `id`. A survey must be a survey and have every code named.
pub async fn change(
    db: &Db,
    by: &UserView,
    id: GuidepostId,
    change: &Change,
    now_ms: i64,
) -> Result<Result<Msg, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let found: Option<(String,)> = sqlx::query_as("SELECT title FROM guidepost WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
    let (name,) = found.ok_or(AppError::NotFound)?;
    let (msg, what) = match change {
        Change::Text { title, body } => {
            sqlx::query(
                "UPDATE guidepost SET title = $1, body = $2, updated_at = $3 WHERE id = $4",
            )
            .bind(title)
            .bind(body)
            .bind(now_ms)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (Msg::GuidepostSaved, "tekst")
        }
        Change::Narrative(text) => {
            sqlx::query("UPDATE guidepost SET narrative = $1, updated_at = $2 WHERE id = $3")
                .bind(text)
                .bind(now_ms)
                .bind(id)
                .execute(&mut *tx)
                .await?;
            (Msg::NarrativeSaved, "metafortælling")
        }
        Change::Survey(survey) => {
            if let Some((survey, codes)) = survey {
                let kind: Option<(ConsultationKind,)> =
                    sqlx::query_as("SELECT kind FROM consultation WHERE id = $1")
                        .bind(*survey)
                        .fetch_optional(&mut *tx)
                        .await?;
                if kind != Some((ConsultationKind::Survey,)) {
                    return Ok(Err(Problem::new("survey", Msg::NotASurvey)));
                }
                for code in codes {
                    let found: Option<(ItemId,)> = sqlx::query_as(
                        "SELECT id FROM item WHERE consultation_id = $1 AND code = $2",
                    )
                    .bind(*survey)
                    .bind(code)
                    .fetch_optional(&mut *tx)
                    .await?;
                    if found.is_none() {
                        return Ok(Err(Problem::with("codes", Msg::CodeNotInSurvey, code)));
                    }
                }
            }
            let (survey, codes) = match survey {
                Some((s, codes)) => (Some(*s), codes.join(" ")),
                None => (None, String::new()),
            };
            sqlx::query(
                "UPDATE guidepost SET survey_id = $1, survey_codes = $2, updated_at = $3 WHERE id = $4",
            )
            .bind(survey)
            .bind(codes)
            .bind(now_ms)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            (Msg::GuidepostSaved, "tal fra undersøgelsen")
        }
    };
    audit::commit(
        tx,
        Some(by),
        Action::GuidepostChanged,
        None,
        &format!("{name}: {what}"),
        now_ms,
    )
    .await?;
    Ok(Ok(msg))
}

/// A guidepost's page of stories (a page at a time, `theme` filtering), its quotes, and
/// the surveys it can name questions of.
pub async fn page(
    db: &Db,
    id: GuidepostId,
    page: u32,
    theme: Option<&str>,
) -> Result<GuidepostPage, AppError> {
    let guidepost = guidepost(db, id).await?;
    let (period_title,): (String,) =
        sqlx::query_as("SELECT title FROM guidepost_period WHERE id = $1")
            .bind(guidepost.period_id)
            .fetch_one(&db.read)
            .await?;
    let filter = "FROM item i
         JOIN submitted_answer sa ON sa.item_id = i.id
         JOIN response r ON r.id = sa.response_id
         JOIN consultation c ON c.id = i.consultation_id
         WHERE i.guidepost_id = $1 AND sa.value <> '' AND r.status = 'submitted'
           AND ($2 IS NULL OR EXISTS (SELECT 1 FROM story_tag t WHERE t.guidepost_id = $1
                                      AND t.response_id = r.id AND t.tag = $2))";
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(DISTINCT r.id) {filter}"))
        .bind(id)
        .bind(theme)
        .fetch_one(&db.read)
        .await?;
    let info = PageInfo::counted(page, total);
    let ids: Vec<(ResponseId,)> = sqlx::query_as(&format!(
        "SELECT r.id {filter} GROUP BY r.id, c.deadline, r.unit
         ORDER BY c.deadline DESC, r.unit, r.id LIMIT $3 OFFSET $4"
    ))
    .bind(id)
    .bind(theme)
    .bind(i64::from(PAGE_SIZE))
    .bind(i64::from(info.offset()))
    .fetch_all(&db.read)
    .await?;
    let ids: Vec<ResponseId> = ids.into_iter().map(|(r,)| r).collect();
    let stories = stories(db, id, &ids).await?;
    let quotes = quotes(db, id).await?;
    let surveys: Vec<(ConsultationId, String)> = sqlx::query_as(
        "SELECT id, title FROM consultation WHERE kind = 'survey' AND status <> 'draft'
         ORDER BY deadline DESC LIMIT 200",
    )
    .fetch_all(&db.read)
    .await?;
    Ok(GuidepostPage {
        period_title,
        guidepost,
        stories,
        page: info,
        theme: theme.map(str::to_owned),
        quotes,
        surveys,
    })
}

#[derive(sqlx::FromRow)]
struct PartRow {
    response_id: ResponseId,
    consultation: String,
    #[sqlx(try_from = "Flag")]
    attributed: bool,
    unit: String,
    part: String,
    item_id: ItemId,
    value: String,
}

/// The stories of `responses` for guidepost `id`, in the order of `responses`.
async fn stories(
    db: &Db,
    id: GuidepostId,
    responses: &[ResponseId],
) -> Result<Vec<Story>, AppError> {
    if responses.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT r.id AS response_id, c.title AS consultation,
                CAST(c.stories_attributed AS INTEGER) AS attributed,
                COALESCE(NULLIF(r.unit, ''), p.name, '') AS unit,
                i.story_part AS part, i.id AS item_id, sa.value
         FROM item i
         JOIN submitted_answer sa ON sa.item_id = i.id
         JOIN response r ON r.id = sa.response_id
         JOIN consultation c ON c.id = i.consultation_id
         LEFT JOIN respondent p ON p.id = r.respondent_id
         WHERE i.guidepost_id = $1 AND r.id IN ({})",
        parameters(2, responses.len())
    );
    let mut query = sqlx::query_as::<_, PartRow>(&sql).bind(id);
    for r in responses {
        query = query.bind(*r);
    }
    let rows = query.fetch_all(&db.read).await?;
    let tags: Vec<(ResponseId, String)> = sqlx::query_as(
        "SELECT response_id, tag FROM story_tag WHERE guidepost_id = $1 ORDER BY tag",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    let mut by_response: BTreeMap<ResponseId, Story> = BTreeMap::new();
    for row in rows {
        let Some(part) = StoryPart::parse(&row.part) else {
            continue;
        };
        let story = by_response.entry(row.response_id).or_insert_with(|| Story {
            response_id: row.response_id,
            consultation: row.consultation.clone(),
            unit: row.attributed.then(|| row.unit.clone()),
            parts: Vec::new(),
            tags: tags
                .iter()
                .filter(|(r, _)| *r == row.response_id)
                .map(|(_, t)| t.clone())
                .collect(),
        });
        story.parts.push((part, row.item_id, row.value));
    }
    Ok(responses
        .iter()
        .filter_map(|r| by_response.remove(r))
        .map(|mut s| {
            s.parts
                .sort_by_key(|(p, ..)| StoryPart::ALL.iter().position(|x| x == p));
            s
        })
        .collect())
}

/// The quotes chosen for guidepost `id`, in the order chosen.
async fn quotes(db: &Db, id: GuidepostId) -> Result<Vec<QuoteView>, AppError> {
    let rows: Vec<(QuoteId, String, String, Flag, String)> = sqlx::query_as(
        "SELECT q.id, q.excerpt, i.story_part, CAST(c.stories_attributed AS INTEGER),
                COALESCE(NULLIF(r.unit, ''), p.name, '')
         FROM story_quote q
         JOIN item i ON i.id = q.item_id
         JOIN consultation c ON c.id = i.consultation_id
         JOIN response r ON r.id = q.response_id
         LEFT JOIN respondent p ON p.id = r.respondent_id
         WHERE q.guidepost_id = $1 ORDER BY q.id",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, excerpt, part, attributed, unit)| {
            Some(QuoteView {
                id,
                excerpt,
                part: StoryPart::parse(&part)?,
                unit: attributed.0.then_some(unit),
            })
        })
        .collect())
}

/// The text of one story's part, `None` when response `response` has no story for
/// guidepost `id` with that item.
async fn part_text(
    db: &Db,
    id: GuidepostId,
    response: ResponseId,
    item: ItemId,
) -> Result<Option<String>, AppError> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT sa.value FROM submitted_answer sa JOIN item i ON i.id = sa.item_id
         JOIN response r ON r.id = sa.response_id
         WHERE sa.response_id = $1 AND sa.item_id = $2 AND i.guidepost_id = $3
           AND r.status = 'submitted'",
    )
    .bind(response)
    .bind(item)
    .bind(id)
    .fetch_optional(&db.read)
    .await?;
    Ok(row.map(|(v,)| v))
}

/// Replaces a story's themes.
pub async fn tag(
    db: &Db,
    by: &UserView,
    id: GuidepostId,
    response: ResponseId,
    tags: &[String],
    now_ms: i64,
) -> Result<(), AppError> {
    let exists: Option<(i64,)> = sqlx::query_as(
        "SELECT 1 FROM submitted_answer sa JOIN item i ON i.id = sa.item_id
         WHERE sa.response_id = $1 AND i.guidepost_id = $2 LIMIT 1",
    )
    .bind(response)
    .bind(id)
    .fetch_optional(&db.read)
    .await?;
    exists.ok_or(AppError::NotFound)?;
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM story_tag WHERE guidepost_id = $1 AND response_id = $2")
        .bind(id)
        .bind(response)
        .execute(&mut *tx)
        .await?;
    for tag in tags {
        sqlx::query("INSERT INTO story_tag (response_id, guidepost_id, tag) VALUES ($1, $2, $3)")
            .bind(response)
            .bind(id)
            .bind(tag)
            .execute(&mut *tx)
            .await?;
    }
    let detail = format!("temaer: {}", tags.join(", "));
    audit::commit(
        tx,
        Some(by),
        Action::GuidepostChanged,
        None,
        &detail,
        now_ms,
    )
    .await?;
    Ok(())
}

/// Chooses a quote from a story's part: the whole part, or an excerpt of it word
/// for word.
pub async fn quote(
    db: &Db,
    by: &UserView,
    id: GuidepostId,
    response: ResponseId,
    item: ItemId,
    excerpt: &str,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let text = part_text(db, id, response, item)
        .await?
        .ok_or(AppError::NotFound)?;
    let excerpt = match crate::model::guidepost::quote_of(&text, excerpt) {
        Ok(excerpt) => excerpt,
        Err(problem) => return Ok(Err(problem)),
    };
    let mut tx = db.write.begin().await?;
    sqlx::query(
        "INSERT INTO story_quote (guidepost_id, response_id, item_id, excerpt, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(response)
    .bind(item)
    .bind(&excerpt)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(by),
        Action::GuidepostChanged,
        None,
        "citat valgt",
        now_ms,
    )
    .await?;
    Ok(Ok(()))
}

/// Takes a quote back.
pub async fn unquote(
    db: &Db,
    by: &UserView,
    id: GuidepostId,
    quote: QuoteId,
    now_ms: i64,
) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    let gone = sqlx::query("DELETE FROM story_quote WHERE id = $1 AND guidepost_id = $2")
        .bind(quote)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if gone == 0 {
        return Err(AppError::NotFound);
    }
    audit::commit(
        tx,
        Some(by),
        Action::GuidepostChanged,
        None,
        "citat fjernet",
        now_ms,
    )
    .await?;
    Ok(())
}

/// Asks each unit of draft consultation `id` for a learning story per guidepost of
/// `period`: per guidepost an area of three free-text questions, numbered `L<n>.1`–`.3`
/// so the editions of a series match. Refused when the consultation is no longer a
/// draft, the period has no guideposts, or it already asks for them.
pub async fn ask(
    db: &Db,
    by: &UserView,
    id: ConsultationId,
    period: PeriodId,
    attributed: bool,
    now_ms: i64,
) -> Result<Result<Msg, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let status: Option<(ConsultationStatus,)> =
        sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    if status.ok_or(AppError::NotFound)?.0 != ConsultationStatus::Draft {
        return Ok(Err(Problem::new("period", Msg::StoriesOnlyInDraft)));
    }
    let guideposts: Vec<(GuidepostId, String, String)> = sqlx::query_as(
        "SELECT id, title, body FROM guidepost WHERE period_id = $1 ORDER BY position, id",
    )
    .bind(period)
    .fetch_all(&mut *tx)
    .await?;
    if guideposts.is_empty() {
        return Ok(Err(Problem::new("period", Msg::PeriodEmpty)));
    }
    let asked: Option<(ItemId,)> = sqlx::query_as(
        "SELECT i.id FROM item i JOIN guidepost g ON g.id = i.guidepost_id
         WHERE i.consultation_id = $1 AND g.period_id = $2 LIMIT 1",
    )
    .bind(id)
    .bind(period)
    .fetch_optional(&mut *tx)
    .await?;
    if asked.is_some() {
        return Ok(Err(Problem::new("period", Msg::StoriesAlreadyAsked)));
    }
    let kind = ItemKind::Text;
    for (n, (guidepost, title, body)) in guideposts.iter().enumerate() {
        let section = format!("Pejlemærke: {title}");
        let codes: Vec<String> = StoryPart::ALL
            .iter()
            .enumerate()
            .map(|(p, _)| format!("L{}.{}", n + 1, p + 1))
            .collect();
        let taken: Option<(ItemId,)> = sqlx::query_as(
            "SELECT id FROM item WHERE consultation_id = $1 AND code IN ($2, $3, $4)",
        )
        .bind(id)
        .bind(&codes[0])
        .bind(&codes[1])
        .bind(&codes[2])
        .fetch_optional(&mut *tx)
        .await?;
        if taken.is_some() {
            return Ok(Err(Problem::with("period", Msg::DuplicateCode, &codes[0])));
        }
        let items: Vec<NewItem> = StoryPart::ALL
            .iter()
            .zip(&codes)
            .map(|(part, code)| NewItem {
                section: &section,
                code,
                text: part.question(),
                kind: Some(&kind),
                required: false,
                show_if: None,
                translations: &[],
            })
            .collect();
        add_items(&mut tx, id, &items).await?;
        for (part, code) in StoryPart::ALL.iter().zip(&codes) {
            sqlx::query(
                "UPDATE item SET guidepost_id = $1, story_part = $2, allow_comment = FALSE
                 WHERE consultation_id = $3 AND code = $4",
            )
            .bind(*guidepost)
            .bind(part.as_str())
            .bind(id)
            .bind(code)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "UPDATE section SET description = $1
             WHERE consultation_id = $2 AND title = $3",
        )
        .bind(body)
        .bind(id)
        .bind(&section)
        .execute(&mut *tx)
        .await?;
    }
    sqlx::query("UPDATE consultation SET stories_attributed = $1, updated_at = $2 WHERE id = $3")
        .bind(attributed)
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = format!("læringshistorier: {} pejlemærker", guideposts.len());
    audit::commit(tx, Some(by), Action::ItemChanged, Some(id), &detail, now_ms).await?;
    Ok(Ok(Msg::StoriesAsked))
}

/// The committee memo of `period`: per guidepost its text, meta-narrative, themes,
/// quotes, and the named survey questions with their figures and trends.
pub async fn memo(
    db: &Db,
    period: PeriodId,
    lang: Lang,
    now_ms: i64,
) -> Result<NarrativeMemo, AppError> {
    let view = self::period(db, period).await?;
    let mut guideposts = Vec::with_capacity(view.guideposts.len());
    // Guideposts of a period usually draw on the same survey: its report, with the
    // trends of every earlier edition, is built once.
    let mut reports: HashMap<ConsultationId, Report> = HashMap::new();
    for gp in view.guideposts {
        let quotes = quotes(db, gp.id).await?;
        let (figures, min_group_size) = match &gp.survey {
            Some((survey, _)) if !gp.codes.is_empty() => {
                if !reports.contains_key(survey) {
                    let query = ReportQuery::default();
                    let mut r =
                        report(db, *survey, &query, Comments::None, false, lang, now_ms).await?;
                    super::series::attach(db, &mut r, lang, now_ms).await?;
                    reports.insert(*survey, r);
                }
                let r = &reports[survey];
                let k = r.min_group_size;
                let figures = gp
                    .codes
                    .iter()
                    .filter_map(|code| r.items.iter().find(|i| &i.code == code).cloned())
                    .collect();
                (figures, k)
            }
            _ => (Vec::new(), 0),
        };
        guideposts.push(MemoGuidepost {
            view: gp,
            quotes,
            figures,
            min_group_size,
        });
    }
    Ok(NarrativeMemo {
        title: view.title,
        generated: format_datetime(now_ms, lang),
        guideposts,
    })
}

fn count(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}
