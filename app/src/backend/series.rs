//! Series: which consultations are editions of the same recurring one, how an
//! edition's items stand against the edition before it, and each item's trend.
//!
//! An edition's figures are read from its own report, with the same filter and unit
//! as the report being shown, so every earlier figure is suppressed exactly as it is
//! in its own edition; nothing is stored twice. Editions are ordered by deadline.

use super::audit::{self, Action};
use super::catalogue::items;
use super::dates::local_date;
use super::db::Db;
use super::error::AppError;
use super::report::{report, Comments};
use crate::i18n::Lang;
use crate::model::admin::{Msg, Problem, UserView};
use crate::model::report::{Report, ReportQuery};
use crate::model::series::{
    Comparison, Edition, ItemSig, ItemTrend, Measure, Novelty, SeriesContext, SeriesPanel,
    TrendPoint, QUESTIONS_MAX, QUESTION_MAX_CHARS, SERIES_TITLE_MAX,
};
use crate::model::{ConsultationId, ConsultationKind, SeriesId};
use std::collections::HashMap;

/// What a consultation's series is to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    /// None: it leaves its series.
    Leave,
    Existing(SeriesId),
    /// A new series of this title, of the consultation's kind.
    New(String),
}

impl Choice {
    /// Reads the series form: `series` is an id, `new` or empty; `title` names a new one.
    pub fn parse(series: &str, title: &str) -> Result<Self, Problem> {
        match series.trim() {
            "" => Ok(Self::Leave),
            "new" => {
                let title = title.trim();
                if title.is_empty() {
                    Err(Problem::new("series_title", Msg::TitleMissing))
                } else if title.chars().count() > SERIES_TITLE_MAX {
                    Err(Problem::with(
                        "series_title",
                        Msg::TooLong,
                        SERIES_TITLE_MAX.to_string(),
                    ))
                } else {
                    Ok(Self::New(title.to_owned()))
                }
            }
            id => id
                .parse()
                .map(Self::Existing)
                .map_err(|_| Problem::new("series", Msg::SeriesUnknown)),
        }
    }
}

/// Puts consultation `id` in a series, a new one or none. Refused with a reason when
/// the series holds the other kind of consultation, a new series' title is taken, or
/// two of the consultation's items share a code (the editions could not be compared).
pub async fn assign(
    db: &Db,
    by: &UserView,
    id: ConsultationId,
    choice: &Choice,
    now_ms: i64,
) -> Result<Result<Msg, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let row: Option<(ConsultationKind, Option<SeriesId>)> =
        sqlx::query_as("SELECT kind, series_id FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let (kind, before) = row.ok_or(AppError::NotFound)?;
    if *choice != Choice::Leave {
        let twice: Option<(String,)> = sqlx::query_as(
            "SELECT code FROM item WHERE consultation_id = $1 GROUP BY code HAVING COUNT(*) > 1
             ORDER BY code LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some((code,)) = twice {
            return Ok(Err(Problem::with(
                "series",
                Msg::SeriesDuplicateCode,
                &code,
            )));
        }
    }
    let (series, title) = match choice {
        Choice::Leave => (None, String::new()),
        Choice::Existing(series) => {
            let row: Option<(ConsultationKind, String)> =
                sqlx::query_as("SELECT kind, title FROM series WHERE id = $1")
                    .bind(*series)
                    .fetch_optional(&mut *tx)
                    .await?;
            let Some((series_kind, title)) = row else {
                return Ok(Err(Problem::new("series", Msg::SeriesUnknown)));
            };
            if series_kind != kind {
                let msg = match series_kind {
                    ConsultationKind::Survey => Msg::SeriesHoldsSurveys,
                    ConsultationKind::Hearing => Msg::SeriesHoldsHearings,
                };
                return Ok(Err(Problem::with("series", msg, &title)));
            }
            (Some(*series), title)
        }
        Choice::New(title) => {
            let taken: Option<(SeriesId,)> =
                sqlx::query_as("SELECT id FROM series WHERE lower(title) = lower($1)")
                    .bind(title)
                    .fetch_optional(&mut *tx)
                    .await?;
            if taken.is_some() {
                return Ok(Err(Problem::with("series_title", Msg::SeriesExists, title)));
            }
            let (series,): (SeriesId,) = sqlx::query_as(
                "INSERT INTO series (kind, title, created_at) VALUES ($1, $2, $3) RETURNING id",
            )
            .bind(kind.as_str())
            .bind(title)
            .bind(now_ms)
            .fetch_one(&mut *tx)
            .await?;
            (Some(series), title.clone())
        }
    };
    if series == before {
        return Ok(Ok(Msg::SeriesSaved));
    }
    sqlx::query("UPDATE consultation SET series_id = $1, updated_at = $2 WHERE id = $3")
        .bind(series)
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let detail = match series {
        Some(_) => format!("serie: {title}"),
        None => "ingen serie".to_owned(),
    };
    audit::commit(
        tx,
        Some(by),
        Action::SeriesChanged,
        Some(id),
        &detail,
        now_ms,
    )
    .await?;
    Ok(Ok(match series {
        Some(_) => Msg::SeriesSaved,
        None => Msg::SeriesLeft,
    }))
}

/// The series panel of consultation `id`'s page.
pub async fn panel(db: &Db, id: ConsultationId) -> Result<SeriesPanel, AppError> {
    let (kind, series) = series_of(db, id).await?;
    let choices: Vec<(SeriesId, String)> =
        sqlx::query_as("SELECT id, title FROM series WHERE kind = $1 ORDER BY title")
            .bind(kind.as_str())
            .fetch_all(&db.read)
            .await?;
    let mut panel = SeriesPanel {
        current: None,
        editions: Vec::new(),
        previous: None,
        new: Vec::new(),
        reworded: Vec::new(),
        retyped: Vec::new(),
        gone: Vec::new(),
        choices,
        questions: Vec::new(),
    };
    let Some((series, title)) = series else {
        return Ok(panel);
    };
    panel.current = Some((series, title));
    panel.questions = questions(db, series).await?;
    panel.editions = editions(db, series).await?;
    let at = panel.editions.iter().position(|e| e.id == id);
    if let Some(previous) = at.and_then(|at| at.checked_sub(1)) {
        let previous = &panel.editions[previous];
        let (before, now) = (
            signatures(db, previous.id).await?,
            signatures(db, id).await?,
        );
        let comparison = Comparison::of(&before, &now);
        let listed = |novelty| {
            comparison
                .of_kind(&now, novelty)
                .into_iter()
                .cloned()
                .collect()
        };
        panel.new = listed(Novelty::New);
        panel.reworded = listed(Novelty::Reworded);
        panel.retyped = listed(Novelty::Retyped);
        panel.gone = comparison.gone;
        panel.previous = Some(previous.label.clone());
    }
    Ok(panel)
}

/// Adds to `report` its series and each item's trend across the editions up to its
/// own (by deadline), for the whole and — when the report is of one unit — for that
/// unit; the report of a consultation outside a series is left as it is.
pub async fn attach(db: &Db, report: &mut Report, lang: Lang, now_ms: i64) -> Result<(), AppError> {
    let (_, Some((series, title))) = series_of(db, report.consultation_id).await? else {
        return Ok(());
    };
    let mut editions = editions(db, series).await?;
    let Some(at) = editions.iter().position(|e| e.id == report.consultation_id) else {
        return Ok(());
    };
    editions.truncate(at + 1);
    let query = ReportQuery {
        group: report.query.group.clone(),
        unit: report.query.unit.clone(),
        ..ReportQuery::default()
    };
    let unit = query.unit.is_some();
    // Per earlier edition: each code's kind and figures (whole, unit).
    let mut history: Vec<HashMap<String, Past>> = Vec::new();
    for edition in &editions[..at] {
        let earlier =
            self::report(db, edition.id, &query, Comments::None, false, lang, now_ms).await?;
        history.push(
            earlier
                .items
                .into_iter()
                .map(|i| figures(i, unit))
                .collect(),
        );
    }
    let previous = history.last();
    let current: Vec<ItemSig> = report
        .items
        .iter()
        .map(|i| ItemSig {
            code: i.code.clone(),
            text: i.text.clone(),
            kind: i.kind.clone(),
        })
        .collect();
    let before: Vec<ItemSig> = previous
        .map(|p| {
            let mut before: Vec<&ItemSig> = p.values().map(|past| &past.sig).collect();
            before.sort_by(|a, b| order(&a.code, &b.code));
            before.into_iter().cloned().collect()
        })
        .unwrap_or_default();
    let comparison = Comparison::of(&before, &current);
    let previous_label = at.checked_sub(1).map(|p| editions[p].label.clone());
    for (item, novelty) in report.items.iter_mut().zip(&comparison.novelty) {
        let Some(measure) = Measure::of(&item.kind) else {
            continue;
        };
        let now = TrendPoint {
            edition: editions[at].label.clone(),
            whole: item
                .overall
                .as_ref()
                .and_then(|t| measure.value(&item.kind, t)),
            unit: item
                .breakdown
                .first()
                .cloned()
                .flatten()
                .filter(|_| unit)
                .and_then(|t| measure.value(&item.kind, &t)),
        };
        // Earlier figures follow on only while the code kept its kind of answer.
        let mut points: Vec<TrendPoint> = editions[..at]
            .iter()
            .zip(&history)
            .filter_map(|(edition, codes)| {
                let past = codes.get(&item.code)?;
                (past.sig.kind == item.kind).then(|| TrendPoint {
                    edition: edition.label.clone(),
                    whole: past.whole,
                    unit: past.unit,
                })
            })
            .collect();
        if *novelty == Novelty::Retyped {
            points.clear();
        }
        points.push(now);
        item.trend = Some(ItemTrend {
            measure,
            novelty: *novelty,
            previous: previous_label.clone(),
            points,
        });
    }
    report.series = Some(SeriesContext {
        title,
        editions,
        previous: previous_label,
        gone: comparison.gone,
        questions: questions(db, series).await?,
    });
    Ok(())
}

/// The discussion questions of `series`.
async fn questions(db: &Db, series: SeriesId) -> Result<Vec<String>, AppError> {
    let (json,): (String,) = sqlx::query_as("SELECT questions_json FROM series WHERE id = $1")
        .bind(series)
        .fetch_one(&db.read)
        .await?;
    Ok(serde_json::from_str(&json).unwrap_or_default())
}

/// Reads the dialogue sheet's questions as typed (`q1`…`q3`): blank ones left out,
/// each at most [`QUESTION_MAX_CHARS`].
pub fn parse_questions<'a>(
    typed: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<String>, Problem> {
    let mut questions = Vec::new();
    for (field, text) in typed.take(QUESTIONS_MAX) {
        let text = text.trim();
        if text.chars().count() > QUESTION_MAX_CHARS {
            return Err(Problem::with(
                field,
                Msg::TooLong,
                QUESTION_MAX_CHARS.to_string(),
            ));
        }
        if !text.is_empty() {
            questions.push(text.to_owned());
        }
    }
    Ok(questions)
}

/// Writes the discussion questions of consultation `id`'s series (every edition
/// shares them). Refused when it is in no series.
pub async fn save_questions(
    db: &Db,
    by: &UserView,
    id: ConsultationId,
    questions: &[String],
    now_ms: i64,
) -> Result<Result<Msg, Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let row: Option<(Option<SeriesId>,)> =
        sqlx::query_as("SELECT series_id FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(series) = row.ok_or(AppError::NotFound)?.0 else {
        return Ok(Err(Problem::new("q1", Msg::SeriesMissing)));
    };
    let json = serde_json::to_string(questions).map_err(|e| AppError::Internal(e.to_string()))?;
    sqlx::query("UPDATE series SET questions_json = $1 WHERE id = $2")
        .bind(json)
        .bind(series)
        .execute(&mut *tx)
        .await?;
    let detail = format!("drøftelsesspørgsmål: {}", questions.len());
    audit::commit(
        tx,
        Some(by),
        Action::SeriesChanged,
        Some(id),
        &detail,
        now_ms,
    )
    .await?;
    Ok(Ok(Msg::SeriesQuestionsSaved))
}

/// An earlier edition's item: its signature and its figures for the whole and the unit.
/// One item as an earlier edition had it: what was asked and its figures.
struct Past {
    sig: ItemSig,
    whole: Option<i32>,
    unit: Option<i32>,
}

/// `unit`: whether the report is narrowed to one institution; only then is the
/// first breakdown column that institution's figure.
fn figures(item: crate::model::report::ItemReport, unit: bool) -> (String, Past) {
    let value = |t: Option<&crate::model::report::Tally>| {
        let measure = Measure::of(&item.kind)?;
        t.and_then(|t| measure.value(&item.kind, t))
    };
    let whole = value(item.overall.as_ref());
    let unit = value(
        item.breakdown
            .first()
            .and_then(Option::as_ref)
            .filter(|_| unit),
    );
    let sig = ItemSig {
        code: item.code.clone(),
        text: item.text,
        kind: item.kind,
    };
    (item.code, Past { sig, whole, unit })
}

/// Codes in reading order: "2.10" after "2.9".
fn order(a: &str, b: &str) -> std::cmp::Ordering {
    let key = |code: &str| {
        code.split('.')
            .map(|part| (part.parse::<u64>().unwrap_or(u64::MAX), part.to_owned()))
            .collect::<Vec<_>>()
    };
    key(a).cmp(&key(b))
}

/// The consultation's kind and its series (id, title), if any.
async fn series_of(
    db: &Db,
    id: ConsultationId,
) -> Result<(ConsultationKind, Option<(SeriesId, String)>), AppError> {
    let row: Option<(ConsultationKind, Option<SeriesId>, Option<String>)> = sqlx::query_as(
        "SELECT c.kind, s.id, s.title FROM consultation c LEFT JOIN series s ON s.id = c.series_id
         WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.read)
    .await?;
    let (kind, series, title) = row.ok_or(AppError::NotFound)?;
    Ok((kind, series.zip(title)))
}

/// The editions of `series` by deadline, labelled by year (and month where two
/// share a year).
pub async fn editions(db: &Db, series: SeriesId) -> Result<Vec<Edition>, AppError> {
    let rows: Vec<(ConsultationId, String, i64)> = sqlx::query_as(
        "SELECT id, title, deadline FROM consultation WHERE series_id = $1 ORDER BY deadline, id",
    )
    .bind(series)
    .fetch_all(&db.read)
    .await?;
    let dates: Vec<String> = rows.iter().map(|(_, _, d)| local_date(*d)).collect();
    let year = |date: &str| date.get(..4).unwrap_or(date).to_owned();
    Ok(rows
        .into_iter()
        .zip(&dates)
        .map(|((id, title, _), date)| {
            let shared = dates.iter().filter(|d| year(d) == year(date)).count() > 1;
            let label = match (shared, date.get(5..7)) {
                (true, Some(month)) => format!("{month}/{}", year(date)),
                _ => year(date),
            };
            Edition { id, title, label }
        })
        .collect())
}

/// A consultation's items in catalogue order, as the comparison sees them.
async fn signatures(db: &Db, id: ConsultationId) -> Result<Vec<ItemSig>, AppError> {
    Ok(items(db, id)
        .await?
        .into_iter()
        .map(|i| ItemSig {
            code: i.code,
            text: i.text,
            kind: i.kind,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_series_form_reads_none_an_id_or_a_new_title() {
        assert_eq!(Choice::parse("", "ignored"), Ok(Choice::Leave));
        assert_eq!(
            Choice::parse("7", ""),
            Ok(Choice::Existing(SeriesId::new(7)))
        );
        assert_eq!(
            Choice::parse("new", "  Trivsel  "),
            Ok(Choice::New("Trivsel".into()))
        );
        assert_eq!(
            Choice::parse("new", " "),
            Err(Problem::new("series_title", Msg::TitleMissing))
        );
        assert_eq!(
            Choice::parse("new", &"x".repeat(SERIES_TITLE_MAX + 1)),
            Err(Problem::with("series_title", Msg::TooLong, "120"))
        );
        assert_eq!(
            Choice::parse("x1", ""),
            Err(Problem::new("series", Msg::SeriesUnknown))
        );
    }

    #[test]
    fn discussion_questions_drop_blanks_and_refuse_the_too_long() {
        let typed = [
            ("q1", " Hvad gør vi? "),
            ("q2", ""),
            ("q3", "Hvem?"),
            ("q4", "x"),
        ];
        assert_eq!(
            parse_questions(typed.into_iter()),
            Ok(vec!["Hvad gør vi?".to_owned(), "Hvem?".to_owned()])
        );
        let long = "x".repeat(QUESTION_MAX_CHARS + 1);
        assert_eq!(
            parse_questions([("q1", "ok"), ("q2", long.as_str())].into_iter()),
            Err(Problem::with("q2", Msg::TooLong, "300"))
        );
    }

    #[test]
    fn codes_sort_as_numbers_part_by_part() {
        let mut codes = vec!["2.10", "10.1", "2.9", "A"];
        codes.sort_by(|a, b| order(a, b));
        assert_eq!(codes, vec!["2.9", "2.10", "10.1", "A"]);
    }
}
