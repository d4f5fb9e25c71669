//! Demo data: one open hearing from the built-in template, fifteen consulted bodies
//! across groups and units, about half of them with submitted answers — entered
//! through the same save path a respondent uses.

use super::auth::{create_user, user_by_id, Password};
use super::db::Db;
use super::error::AppError;
use super::form::{Intent, Posting, RawField, Target};
use super::manage::{add_respondent, create_hearing, NewRespondent};
use super::respond::{save, SaveResult};
use super::template::{Template, DEVELOPMENT_PLAN};
use super::token::fingerprint;
use crate::model::admin::{Role, UserView};
use crate::model::{
    AgreeValue, BodyId, ConsultationId, ConsultationStatus, Email, ItemId, ResponseId,
};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::BTreeMap;

const BODIES: [(&str, &str, &str); 15] = [
    (
        "Skolebestyrelsen, Nordskolen",
        "Skolebestyrelse",
        "Nordskolen",
    ),
    (
        "Skolebestyrelsen, Engskolen",
        "Skolebestyrelse",
        "Engskolen",
    ),
    (
        "Skolebestyrelsen, Søndre Skole",
        "Skolebestyrelse",
        "Søndre Skole",
    ),
    (
        "Skolebestyrelsen, Bakkeskolen",
        "Skolebestyrelse",
        "Bakkeskolen",
    ),
    (
        "Forældrebestyrelsen, Børnehuset Kastanjen",
        "Forældrebestyrelse",
        "Børnehuset Kastanjen",
    ),
    (
        "Forældrebestyrelsen, Vuggestuen Mælkebøtten",
        "Forældrebestyrelse",
        "Vuggestuen Mælkebøtten",
    ),
    (
        "Forældrebestyrelsen, Dagtilbud Øst",
        "Forældrebestyrelse",
        "Dagtilbud Øst",
    ),
    ("MED-udvalget, Nordskolen", "MED-udvalg", "Nordskolen"),
    ("MED-udvalget, Engskolen", "MED-udvalg", "Engskolen"),
    ("MED-udvalget, Dagtilbud Øst", "MED-udvalg", "Dagtilbud Øst"),
    (
        "Danmarks Lærerforening, kreds 42",
        "Faglig organisation",
        "",
    ),
    ("BUPL, lokalafdelingen", "Faglig organisation", ""),
    ("FOA, Pædagogisk sektor", "Faglig organisation", ""),
    ("Elevrådet, Nordskolen", "Elevråd", "Nordskolen"),
    ("Elevrådet, Bakkeskolen", "Elevråd", "Bakkeskolen"),
];

const COMMENTS: [&str; 8] = [
    "Vi bakker op, men det kræver, at der følger midler med.",
    "Det er vigtigt, at forældrene inddrages tidligt.",
    "Forslaget er for uklart formuleret til, at vi kan tage stilling.",
    "Vi er bekymrede for, hvad det betyder for personalets arbejdstid.",
    "Godt forslag – det har vi gode erfaringer med på vores skole.",
    "Det bør evalueres efter et år, før det udbredes til alle.",
    "Vi savner, at elevernes perspektiv er med.",
    "Det harmonerer dårligt med de nuværende normeringer.",
];

/// A body of the demo, with its personal link.
pub struct DemoBody {
    pub name: String,
    pub group: String,
    pub token: String,
    pub submitted: bool,
}

pub struct Demo {
    pub consultation_id: ConsultationId,
    pub bodies: Vec<DemoBody>,
}

/// The demo's staff accounts, one per role and two leaders: (e-mail, password,
/// role). Printed by `samrad demo`; for trying the product, never for a real
/// deployment.
pub const USERS: [(&str, &str, &str); 5] = [
    ("admin@samrad.local", "demo-admin-2027", "admin"),
    ("sagsbehandler@samrad.local", "demo-manager-2027", "manager"),
    ("laeser@samrad.local", "demo-viewer-2027", "viewer"),
    (
        "leder.nordskolen@samrad.local",
        "demo-leader-2027",
        "leader",
    ),
    (
        "leder.boernehuse@samrad.local",
        "demo-leader-2027",
        "leader",
    ),
];

/// The leaders' names and institutions: a school leader, and a daycare leader with
/// a children's house and a nursery (both in the staff and the parents' surveys).
const LEADERS: [(&str, &str, &[&str]); 2] = [
    (
        "leder.nordskolen@samrad.local",
        "Lars Skoleleder",
        &["Nordskolen"],
    ),
    (
        "leder.boernehuse@samrad.local",
        "Dorte Dagtilbudsleder",
        &["Børnehuset Kastanjen", "Vuggestuen Spiren"],
    ),
];

/// Loads the demo into an empty, migrated database.
pub async fn load(db: &Db, deadline_ms: i64, now_ms: i64) -> Result<Demo, AppError> {
    for (email, password, role) in USERS {
        let (Some(email), Some(role)) = (Email::parse(email), Role::parse(role)) else {
            return Err(AppError::Internal(format!("demo user {email}")));
        };
        let password = Password::parse(password)
            .map_err(|_| AppError::Internal("demo password too short".into()))?;
        let leader = LEADERS.iter().find(|(e, ..)| *e == email.as_str());
        let name = match (role, leader) {
            (Role::Admin, _) => "Anne Administrator",
            (Role::Manager, _) => "Søren Sagsbehandler",
            (Role::Viewer, _) => "Lise Læser",
            (Role::Leader, Some((_, name, _))) => name,
            (Role::Leader, None) => "Leder",
        };
        let Ok(user) = create_user(db, None, &email, name, password, role, now_ms).await? else {
            continue;
        };
        for unit in leader.map_or(&[][..], |(.., units)| units) {
            sqlx::query("INSERT INTO leader_unit (user_id, unit, assigned_at) VALUES ($1, $2, $3)")
                .bind(user)
                .bind(*unit)
                .bind(now_ms)
                .execute(&db.write)
                .await?;
        }
    }
    let (consultation_id, item_ids) =
        development_plan(db, ConsultationStatus::Open, deadline_ms, now_ms).await?;
    let mut rng = StdRng::seed_from_u64(2027);
    let mut bodies = Vec::new();
    for (n, (name, group, unit)) in BODIES.into_iter().enumerate() {
        let email = format!("hoeringssvar{}@example.dk", n + 1);
        let (_, token) = add_respondent(
            db,
            consultation_id,
            &NewRespondent {
                name,
                group,
                unit,
                emails: &[email.as_str()],
            },
            now_ms,
        )
        .await?;
        // Every other body has answered; the first is left empty for trying it out.
        let submitted = n % 2 == 1;
        if submitted {
            let answers = random_answers(&mut rng, &item_ids);
            match save(
                db,
                token.as_str(),
                &answers,
                &Posting::button(Intent::ConfirmSubmit),
                now_ms,
            )
            .await?
            {
                SaveResult::Submitted { .. } => {}
                other => {
                    return Err(AppError::Internal(format!(
                        "demo answers were not submitted: {other:?}"
                    )))
                }
            }
        }
        bodies.push(DemoBody {
            name: name.into(),
            group: group.into(),
            token: token.as_str().into(),
            submitted,
        });
    }
    Ok(Demo {
        consultation_id,
        bodies,
    })
}

/// An administrator (`admin@kommune.example`) and a draft hearing of the built-in
/// template created by them, for the benchmark and tests that drive the
/// administration's own functions (opening, sending) rather than its pages.
pub async fn admin_with_draft(
    db: &Db,
    title: &str,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(UserView, ConsultationId), AppError> {
    let email = Email::parse("admin@kommune.example")
        .ok_or_else(|| AppError::Internal("admin address".into()))?;
    let password = Password::parse("korrekt-hest-batteri")
        .map_err(|_| AppError::Internal("admin password too short".into()))?;
    let created = create_user(db, None, &email, "Admin", password, Role::Admin, now_ms).await?;
    let id = created.map_err(|_| AppError::Internal("admin exists".into()))?;
    let user = user_by_id(db, id)
        .await?
        .ok_or_else(|| AppError::Internal("admin missing".into()))?;
    let hearing = super::manage::create(
        db,
        &user,
        title,
        deadline_ms,
        super::manage::Source::Template(Template::BUILT_IN[0].0, Template::BUILT_IN[0].1),
        now_ms,
    )
    .await?;
    Ok((user, hearing))
}

/// A hearing of the built-in template, and its items' ids.
async fn development_plan(
    db: &Db,
    status: ConsultationStatus,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(ConsultationId, Vec<(ItemId,)>), AppError> {
    let id = create_hearing(db, &DEVELOPMENT_PLAN, status, deadline_ms, now_ms).await?;
    let items = sqlx::query_as("SELECT id FROM item WHERE consultation_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&db.read)
        .await?;
    Ok((id, items))
}

fn random_answers(rng: &mut StdRng, item_ids: &[(ItemId,)]) -> BTreeMap<Target, RawField> {
    let leaning = rng.gen_range(0.35..0.8);
    let mut fields: BTreeMap<Target, RawField> = item_ids
        .iter()
        .map(|&(id,)| {
            let roll: f64 = rng.gen();
            let value = if roll < 0.06 {
                ""
            } else if roll < leaning {
                AgreeValue::Agree.as_str()
            } else if roll < 0.9 {
                AgreeValue::Disagree.as_str()
            } else {
                AgreeValue::DontKnow.as_str()
            };
            let comment = if rng.gen_bool(0.2) {
                COMMENTS[rng.gen_range(0..COMMENTS.len())]
            } else {
                ""
            };
            let field = RawField {
                value: value.into(),
                comment: comment.into(),
                fingerprint: fingerprint("", ""),
            };
            (Target::Item(id), field)
        })
        .collect();
    fields.insert(
        Target::General,
        RawField {
            value: String::new(),
            comment: "Samlet set en god plan. Vi opfordrer udvalget til at prioritere tidlig indsats og sikre, at indsatserne er fuldt finansierede."
                .into(),
            fingerprint: fingerprint("", ""),
        },
    );
    fields
}

/// A hearing from the template with `bodies` bodies in three groups and fifty units,
/// every one of which has submitted: about 6 % of the items left blank, the rest
/// answered, a share `comment_share` of the answers with a comment, and every body
/// with a general comment. Written straight into the tables in one transaction, for
/// the report benchmark and the tests over generated data. Returns the hearing's id.
pub async fn synthetic(
    db: &Db,
    bodies: usize,
    comment_share: f64,
    seed: u64,
    now_ms: i64,
) -> Result<ConsultationId, AppError> {
    const GROUPS: [&str; 3] = ["Skolebestyrelse", "MED-udvalg", "Forældrebestyrelse"];
    let (consultation_id, item_ids) =
        development_plan(db, ConsultationStatus::Closed, now_ms, now_ms).await?;
    let mut rng = StdRng::seed_from_u64(seed);
    let mut tx = db.write.begin().await?;
    for n in 0..bodies {
        let (group, unit) = (
            GROUPS[n % GROUPS.len()],
            format!("Institution {:02}", n % 50 + 1),
        );
        let (respondent,): (BodyId,) = sqlx::query_as(
            "INSERT INTO respondent (consultation_id, name, group_name, unit, created_at, state)
             VALUES ($1, $2, $3, $4, $5, 'submitted') RETURNING id",
        )
        .bind(consultation_id)
        .bind(format!("Høringspart {:05}", n + 1))
        .bind(group)
        .bind(&unit)
        .bind(now_ms)
        .fetch_one(&mut *tx)
        .await?;
        let (response,): (ResponseId,) = sqlx::query_as(
            "INSERT INTO response (consultation_id, respondent_id, status, general_comment,
                 version, submitted_version, submission_no, submitted_general_comment,
                 submitted_at, updated_at, group_name, unit)
             VALUES ($1, $2, 'submitted', $3, 1, 1, 1, $3, $4, $4, $5, $6) RETURNING id",
        )
        .bind(consultation_id)
        .bind(respondent)
        .bind(COMMENTS[n % COMMENTS.len()])
        .bind(now_ms)
        .bind(group)
        .bind(&unit)
        .fetch_one(&mut *tx)
        .await?;
        let answers = random_answers(&mut rng, &item_ids);
        for (target, field) in answers {
            let Target::Item(item) = target else { continue };
            let comment = if rng.gen_bool(comment_share) {
                COMMENTS[rng.gen_range(0..COMMENTS.len())]
            } else {
                ""
            };
            if field.value.is_empty() && comment.is_empty() {
                continue;
            }
            sqlx::query(
                "INSERT INTO submitted_answer (response_id, item_id, value, comment)
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(response)
            .bind(item)
            .bind(&field.value)
            .bind(comment)
            .execute(&mut *tx)
            .await?;
        }
    }
    super::tally::recount(&mut tx, consultation_id).await?;
    tx.commit().await?;
    Ok(consultation_id)
}
