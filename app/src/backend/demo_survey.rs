//! The demo's staff survey: the built-in wellbeing survey sent to about 400 staff in
//! twelve units, three in four of whom have answered — anonymously, through the same
//! save path a respondent uses. Two small units have fewer answers than the minimum
//! group size, so the report shows what suppression looks like.

use super::db::Db;
use super::error::AppError;
use super::form::{Intent, RawField, Target};
use super::manage::{add_respondent, create_hearing, NewRespondent};
use super::respond::{save, SaveResult};
use super::template::{Template, STAFF_WELLBEING};
use super::token::fingerprint;
use crate::model::{ConsultationStatus, ItemKind, DONT_KNOW};
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

/// The survey's id, the links of a few staff who have not answered yet (unit,
/// token), for trying the survey out, and the open links for parents (unit, code).
pub struct DemoSurvey {
    pub consultation_id: i64,
    pub open_links: Vec<(String, String)>,
    pub parent_links: Vec<(String, String)>,
}

/// Units whose parents are asked through an open link on a poster.
const PARENT_UNITS: [&str; 2] = ["Børnehuset Kastanjen", "Vuggestuen Spiren"];

pub async fn load(db: &Db, deadline_ms: i64, now_ms: i64) -> Result<DemoSurvey, AppError> {
    let id = create_hearing(
        db,
        &STAFF_WELLBEING,
        ConsultationStatus::Open,
        deadline_ms,
        now_ms,
    )
    .await?;
    let items: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, kind FROM item WHERE consultation_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&db.read)
            .await?;
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
            let fields = answers(&mut rng, &items, climate);
            match save(
                db,
                token.as_str(),
                &fields,
                Intent::ConfirmSubmit,
                None,
                now_ms,
            )
            .await?
            {
                SaveResult::Submitted { .. } => {}
                other => {
                    return Err(AppError::Internal(format!(
                        "demo survey answers were not submitted: {other:?}"
                    )))
                }
            }
        }
    }
    let mut parent_links = Vec::new();
    let mut conn = db.write.acquire().await?;
    for unit in PARENT_UNITS {
        let code = super::open_link::insert(&mut conn, id, "Forældre", unit, "", now_ms).await?;
        parent_links.push((unit.to_owned(), code));
    }
    Ok(DemoSurvey {
        consultation_id: id,
        open_links,
        parent_links,
    })
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
) -> Result<i64, AppError> {
    let id = create_hearing(db, template, ConsultationStatus::Closed, now_ms, now_ms).await?;
    let items: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, kind FROM item WHERE consultation_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&db.read)
            .await?;
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
        for (target, field) in answers(&mut rng, &items, climates[n % units]) {
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
/// "ved ikke" or blank, the eNPS following the same mood, and a few words in one of
/// the open questions.
fn answers(rng: &mut StdRng, items: &[(i64, String)], climate: f64) -> BTreeMap<Target, RawField> {
    let mood = climate + rng.gen_range(-0.8..0.8);
    let mut fields = BTreeMap::new();
    for (id, kind) in items {
        let value = match ItemKind::from_parts(kind, Vec::new()) {
            Some(ItemKind::Likert5) => {
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
            Some(ItemKind::Nps) => {
                let score = 7.0 + 2.5 * mood + rng.gen_range(-2.5..2.5);
                (score.round().clamp(0.0, 10.0) as u8).to_string()
            }
            _ if rng.gen_bool(0.3) => OPEN_ANSWERS[rng.gen_range(0..OPEN_ANSWERS.len())].into(),
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
