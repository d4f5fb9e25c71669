//! The demo's surveys. The staff wellbeing survey, sent to about 400 staff in twelve
//! units, three in four of whom have answered — anonymously, through the same save
//! path a respondent uses; two small units have fewer answers than the minimum group
//! size, so the report shows what suppression looks like. And the parents' survey in
//! Danish, English and Arabic, answered by 800 parents through open links of four
//! units, started and saved as a parent's phone would.

use super::db::Db;
use super::error::AppError;
use super::form::{Intent, Posting, RawField, Target};
use super::manage::{add_respondent, create_hearing, NewRespondent};
use super::respond::{save, SaveResult};
use super::template::{
    Template, PARENT_DAYCARE, PARENT_SATISFACTION, PARENT_SCHOOL, STAFF_WELLBEING,
};
use super::token::fingerprint;
use crate::model::{ConsultationId, ConsultationStatus, ItemId, ItemKind, LangTag, DONT_KNOW};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;

/// (unit, staff, how many answer, the unit's climate from -1 (poor) to 1 (good)).
const UNITS: [(&str, usize, usize, f64); 12] = [
    ("Nordskolen", 62, 49, 0.4),
    ("Engskolen", 58, 41, -0.2),
    ("Bakkeskolen", 55, 44, 0.1),
    ("Søndermarkskolen", 48, 35, -0.5),
    ("Vestskolen", 44, 36, 0.6),
    ("Børnehuset Kastanjen", 26, 21, 0.3),
    ("Børnehuset Mælkebøtten", 24, 17, -0.1),
    ("Vuggestuen Spiren", 22, 18, 0.5),
    ("Fritidscentret Østen", 20, 14, 0.0),
    ("Dagplejen", 24, 15, 0.2),
    ("Skovbørnehaven", 7, 4, 0.7),
    ("PPR", 6, 3, -0.3),
];

/// (unit, parents who answer, the unit's climate.)
const PARENT_UNITS: [(&str, usize, f64); 4] = [
    ("Børnehuset Kastanjen", 180, 0.4),
    ("Vuggestuen Spiren", 120, 0.2),
    ("Nordskolen", 280, -0.1),
    ("Engskolen", 220, 0.1),
];

const PARENT_ANSWERS: [&str; 6] = [
    "Personalet er altid venligt og ser mit barn.",
    "Legepladsen og turene ud af huset.",
    "Mere information om, hvad børnene laver i løbet af dagen.",
    "Flere voksne om eftermiddagen.",
    "Bedre mad og mere tid til at spise.",
    "Oversættelse af beskederne i forældreappen.",
];

/// What some parents write when they answer the Arabic page.
const PARENT_ANSWERS_AR: [&str; 3] = [
    "المعلمون لطفاء ويهتمون بطفلي.",
    "نريد رسائل مترجمة إلى العربية.",
    "المزيد من اللقاءات مع أولياء الأمور.",
];

/// … and the English one.
const PARENT_ANSWERS_EN: [&str; 3] = [
    "The staff are kind and know my child well.",
    "More information in English, please.",
    "Longer opening hours on Fridays.",
];

const OPEN_ANSWERS: [&str; 8] = [
    "Kollegerne og børnene. Der er altid nogen at spørge.",
    "At vi har frihed til at tilrettelægge arbejdet selv.",
    "Den faglige sparring i teamet.",
    "Mere tid til forberedelse og færre møder.",
    "Bedre information om beslutninger, inden de træder i kraft.",
    "Et bedre indeklima i de gamle bygninger.",
    "Flere hænder i ydertimerne.",
    "At ledelsen er mere synlig i hverdagen.",
];

/// The surveys' ids, the links of a few staff who have not answered yet (unit,
/// token), for trying the survey out, and the parents' open links (unit, code).
pub struct DemoSurvey {
    pub consultation_id: ConsultationId,
    pub open_links: Vec<(String, String)>,
    pub parent_survey_id: ConsultationId,
    pub parent_links: Vec<(String, String)>,
}

pub async fn load(db: &Db, deadline_ms: i64, now_ms: i64) -> Result<DemoSurvey, AppError> {
    let id = create_hearing(
        db,
        &STAFF_WELLBEING,
        ConsultationStatus::Open,
        deadline_ms,
        now_ms,
    )
    .await?;
    let items = catalogue(db, id).await?;
    let mut rng = StdRng::seed_from_u64(2026);
    let mut open_links = Vec::new();
    for (unit, staff, answering, climate) in UNITS {
        let slug: String = unit
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        for n in 0..staff {
            let email = format!("medarbejder{}@{slug}.example.dk", n + 1);
            let (_, token) = add_respondent(
                db,
                id,
                &NewRespondent {
                    name: &format!("Medarbejder {} ({unit})", n + 1),
                    group: "Medarbejdere",
                    unit,
                    emails: &[email.as_str()],
                },
                now_ms,
            )
            .await?;
            if n >= answering {
                if n == answering && open_links.len() < 3 {
                    open_links.push((unit.to_owned(), token.as_str().to_owned()));
                }
                continue;
            }
            let fields = answers(&mut rng, &items, climate, &OPEN_ANSWERS);
            submit(db, token.as_str(), &fields, Vec::new(), now_ms).await?;
        }
    }
    targets(db, id, now_ms).await?;
    last_year(db, id, deadline_ms, now_ms).await?;
    let (parent_survey_id, parent_links) = parents(db, &mut rng, deadline_ms, now_ms).await?;
    Ok(DemoSurvey {
        consultation_id: id,
        open_links,
        parent_survey_id,
        parent_links,
    })
}

/// How much better (or worse) each unit of [`UNITS`] is doing than a year ago.
const CHANGE_SINCE_LAST_YEAR: [f64; 12] = [
    0.25, -0.3, 0.1, 0.2, 0.0, -0.15, 0.3, 0.05, -0.2, 0.1, 0.0, 0.0,
];

/// Last year's edition of the staff survey, answered through the same save path and
/// closed, and both editions in the series "Trivselsundersøgelsen": a year ago 2.3
/// was worded otherwise, 4.5 was not asked, and 4.6 was (and is gone this year).
async fn last_year(
    db: &Db,
    this_year: ConsultationId,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(), AppError> {
    const YEAR_MS: i64 = 365 * 24 * 3_600_000;
    let id = create_hearing(
        db,
        &STAFF_WELLBEING,
        ConsultationStatus::Open,
        deadline_ms,
        now_ms,
    )
    .await?;
    let last_deadline = deadline_ms - YEAR_MS;
    for (sql, text, code) in [
        (
            "UPDATE item SET text = $1 WHERE consultation_id = $2 AND code = $3",
            "Ledelsen informerer om beslutninger, der har betydning for mit arbejde.",
            "2.3",
        ),
        (
            "UPDATE item SET text = $1, code = '4.6' WHERE consultation_id = $2 AND code = $3",
            "Jeg har et godt fysisk arbejdsmiljø.",
            "4.5",
        ),
    ] {
        sqlx::query(sql)
            .bind(text)
            .bind(id)
            .bind(code)
            .execute(&db.write)
            .await?;
    }
    let items = catalogue(db, id).await?;
    let mut rng = StdRng::seed_from_u64(2025);
    for ((unit, staff, answering, climate), change) in UNITS.into_iter().zip(CHANGE_SINCE_LAST_YEAR)
    {
        let slug: String = unit
            .to_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        // A few more staff answered a year ago.
        let answered = (answering + 2).min(staff);
        for n in 0..answered {
            let email = format!("medarbejder{}@{slug}.example.dk", n + 1);
            let (_, token) = add_respondent(
                db,
                id,
                &NewRespondent {
                    name: &format!("Medarbejder {} ({unit})", n + 1),
                    group: "Medarbejdere",
                    unit,
                    emails: &[email.as_str()],
                },
                now_ms,
            )
            .await?;
            let fields = answers(&mut rng, &items, climate - change, &OPEN_ANSWERS);
            submit(db, token.as_str(), &fields, Vec::new(), now_ms).await?;
        }
    }
    let year = super::dates::local_date(last_deadline);
    sqlx::query(
        "UPDATE consultation SET title = title || ' ' || $1, status = 'closed', deadline = $2,
                                 closed_at = $2, created_at = $2 - 30 * 86400000
         WHERE id = $3",
    )
    .bind(year.get(..4).unwrap_or_default())
    .bind(last_deadline)
    .bind(id)
    .execute(&db.write)
    .await?;
    let (series,): (crate::model::SeriesId,) = sqlx::query_as(
        "INSERT INTO series (kind, title, questions_json, created_at) VALUES ('survey', $1, $2, $3)
         RETURNING id",
    )
    .bind("Trivselsundersøgelsen")
    .bind(serde_json::to_string(&DISCUSSION_QUESTIONS).unwrap_or_default())
    .bind(now_ms)
    .fetch_one(&db.write)
    .await?;
    sqlx::query("UPDATE consultation SET series_id = $1 WHERE id IN ($2, $3)")
        .bind(series)
        .bind(id)
        .bind(this_year)
        .execute(&db.write)
        .await?;
    Ok(())
}

/// What the administration asks every MED committee to talk about.
const DISCUSSION_QUESTIONS: [&str; 3] = [
    "Hvad vil I fortsætte med, som medarbejderne oplever som en styrke?",
    "Hvilket af de svageste punkter vil I arbejde med først, og hvordan?",
    "Hvordan følger I op inden næste undersøgelse, og hvem har ansvaret?",
];

/// "Hvad er godt nok?": a mean of at least 3.8 for the first area, 60 % positive on
/// the nearest leader's recognition (2.1), and an NPS of at least 10 (6.1).
async fn targets(db: &Db, id: ConsultationId, now_ms: i64) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO target (consultation_id, section_id, metric, threshold, updated_at)
         SELECT $1, id, 'mean', 380, $2 FROM section WHERE consultation_id = $1 AND position = 0",
    )
    .bind(id)
    .bind(now_ms)
    .execute(&db.write)
    .await?;
    for (code, metric, threshold) in [("2.1", "positive", 6000), ("6.1", "nps", 1000)] {
        sqlx::query(
            "INSERT INTO target (consultation_id, item_id, metric, threshold, updated_at)
             SELECT $1, id, $2, $3, $4 FROM item WHERE consultation_id = $1 AND code = $5",
        )
        .bind(id)
        .bind(metric)
        .bind(threshold)
        .bind(now_ms)
        .bind(code)
        .execute(&db.write)
        .await?;
    }
    Ok(())
}

/// The parents' survey: an open link per unit, and answers started through each
/// (every parent from an address of their own, as phones on different networks).
async fn parents(
    db: &Db,
    rng: &mut StdRng,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(ConsultationId, Vec<(String, String)>), AppError> {
    let id = create_hearing(
        db,
        &PARENT_SATISFACTION,
        ConsultationStatus::Open,
        deadline_ms,
        now_ms,
    )
    .await?;
    let items = catalogue(db, id).await?;
    let mut links = Vec::new();
    let mut parent = 0u32;
    for (unit, answering, climate) in PARENT_UNITS {
        let code = {
            let mut conn = db.write.acquire().await?;
            super::open_link::insert(&mut conn, id, "Forældre", unit, "", now_ms).await?
        };
        for _ in 0..answering {
            parent += 1;
            let address =
                std::net::IpAddr::from([10, 20, (parent / 250) as u8, (parent % 250) as u8]);
            let token = match super::open_link::start(db, &code, "", address, now_ms).await? {
                Ok(token) => token,
                Err(refusal) => {
                    return Err(AppError::Internal(format!(
                        "demo parent refused: {refusal:?}"
                    )))
                }
            };
            // One parent in eight answers the Arabic page, one in ten the English.
            let (written_in, texts): (&str, &[&str]) = match rng.gen_range(0..40) {
                0..=4 => ("ar", &PARENT_ANSWERS_AR),
                5..=8 => ("en", &PARENT_ANSWERS_EN),
                _ => ("da", &PARENT_ANSWERS),
            };
            let mut fields = answers(rng, &items, climate, texts);
            // The first question asks which offer; a school's parents say school,
            // and the logic then asks the school's questions.
            if let Some(offer) = items
                .first()
                .and_then(|(id, _)| fields.get_mut(&Target::Item(*id)))
            {
                offer.value = if unit.ends_with("skolen") {
                    PARENT_SCHOOL
                } else {
                    PARENT_DAYCARE
                }
                .to_owned();
            }
            let wanted: Vec<LangTag> = LangTag::parse(written_in).into_iter().collect();
            submit(db, &token, &fields, wanted, now_ms).await?;
        }
        links.push((unit.to_owned(), code));
    }
    Ok((id, links))
}

/// Submits one person's answers through the respondent's own save path.
async fn submit(
    db: &Db,
    token: &str,
    fields: &BTreeMap<Target, RawField>,
    wanted: Vec<LangTag>,
    now_ms: i64,
) -> Result<(), AppError> {
    let posting = Posting {
        wanted,
        ..Posting::button(Intent::ConfirmSubmit)
    };
    match save(db, token, fields, &posting, now_ms).await? {
        SaveResult::Submitted { .. } => Ok(()),
        other => Err(AppError::Internal(format!(
            "demo survey answers were not submitted: {other:?}"
        ))),
    }
}

/// The items of consultation `id` with their kinds.
async fn catalogue(db: &Db, id: ConsultationId) -> Result<Vec<(ItemId, ItemKind)>, AppError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: ItemId,
        #[sqlx(flatten)]
        kind: super::catalogue::StoredKind,
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, kind, options_json, max_choices FROM item WHERE consultation_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    rows.into_iter()
        .map(|r| Ok((r.id, r.kind.read(r.id)?)))
        .collect()
}

/// A closed survey of `template` with `people` generated anonymous responses spread
/// over `units` units, written directly and counted afresh at the end: for the
/// benchmarks, where saving each through the respondent's path would take minutes.
pub async fn synthetic(
    db: &Db,
    template: &Template,
    people: usize,
    units: usize,
    seed: u64,
    now_ms: i64,
) -> Result<ConsultationId, AppError> {
    let id = create_hearing(db, template, ConsultationStatus::Closed, now_ms, now_ms).await?;
    let items = catalogue(db, id).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let climates: Vec<f64> = (0..units).map(|_| rng.gen_range(-0.7..0.7)).collect();
    let mut used = std::collections::HashSet::new();
    let mut tx = db.write.begin().await?;
    for n in 0..people {
        let unit = format!("Enhed {:03}", n % units + 1);
        sqlx::query(
            "INSERT INTO respondent (consultation_id, name, group_name, unit, created_at, state)
             VALUES ($1, $2, 'Medarbejdere', $3, $4, 'submitted')",
        )
        .bind(id)
        .bind(format!("Medarbejder {:05}", n + 1))
        .bind(&unit)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
        let response = loop {
            let candidate = (rng.gen::<u64>() >> 11) as i64 + 1;
            if used.insert(candidate) {
                break candidate;
            }
        };
        sqlx::query(
            "INSERT INTO response (id, consultation_id, status, submission_no, submitted_at,
                                   updated_at, group_name, unit)
             VALUES ($1, $2, 'submitted', 1, $3, $3, 'Medarbejdere', $4)",
        )
        .bind(response)
        .bind(id)
        .bind(now_ms)
        .bind(&unit)
        .execute(&mut *tx)
        .await?;
        for (target, field) in answers(&mut rng, &items, climates[n % units], &OPEN_ANSWERS) {
            let (Target::Item(item), false) = (target, field.value.is_empty()) else {
                continue;
            };
            sqlx::query(
                "INSERT INTO submitted_answer (response_id, item_id, value) VALUES ($1, $2, $3)",
            )
            .bind(response)
            .bind(item)
            .bind(&field.value)
            .execute(&mut *tx)
            .await?;
        }
    }
    super::tally::recount(&mut tx, id).await?;
    tx.commit().await?;
    Ok(id)
}

/// One person's answers: each statement around the unit's climate, now and then
/// "ved ikke" or blank, the NPS following the same mood, an option or two of each
/// choice, and now and then a few words (from `texts`) in an open question.
fn answers(
    rng: &mut StdRng,
    items: &[(ItemId, ItemKind)],
    climate: f64,
    texts: &[&str],
) -> BTreeMap<Target, RawField> {
    let mood = climate + rng.gen_range(-0.8..0.8);
    let mut fields = BTreeMap::new();
    for (id, kind) in items {
        let value = match kind {
            ItemKind::Likert5 => {
                let roll: f64 = rng.gen();
                if roll < 0.03 {
                    String::new()
                } else if roll < 0.07 {
                    DONT_KNOW.to_owned()
                } else {
                    let step = 3.4 + 1.2 * mood + rng.gen_range(-1.3..1.3);
                    (step.round().clamp(1.0, 5.0) as u8).to_string()
                }
            }
            ItemKind::Nps => {
                let score = 7.0 + 2.5 * mood + rng.gen_range(-2.5..2.5);
                (score.round().clamp(0.0, 10.0) as u8).to_string()
            }
            ItemKind::Single { options } => options[rng.gen_range(0..options.len())].clone(),
            ItemKind::Multi { options, max } => {
                let first = rng.gen_range(0..options.len());
                let mut chosen = vec![&options[first]];
                if max.is_none_or(|m| m > 1) && rng.gen_bool(0.5) {
                    chosen.push(&options[(first + 1) % options.len()]);
                }
                serde_json::to_string(&chosen).unwrap_or_default()
            }
            ItemKind::Text if rng.gen_bool(0.3) => texts[rng.gen_range(0..texts.len())].into(),
            _ => String::new(),
        };
        fields.insert(
            Target::Item(*id),
            RawField {
                value,
                comment: String::new(),
                fingerprint: fingerprint("", ""),
            },
        );
    }
    fields
}
