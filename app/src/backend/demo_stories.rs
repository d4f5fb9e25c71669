//! The demo's pejlemærker: the period "Pejlemærker 2026" with three guideposts, a
//! consultation that asked six institutions for a learning story per guidepost
//! (answered through the personal-link save path), and the administration's reading
//! of the first two: themes, quotes, a meta-narrative, and the staff survey's
//! questions that bear on them. Built through the same backend functions the pages
//! post to, by the demo's administrator.

use super::auth::user_by_id;
use super::db::Db;
use super::error::AppError;
use super::form::{Intent, Posting, RawField, Target};
use super::manage::{add_respondent, create, NewRespondent, Source};
use super::respond::{save, SaveResult};
use super::stories::{self, Change};
use super::token::fingerprint;
use crate::model::guidepost::StoryPart;
use crate::model::{ConsultationId, ConsultationKind, GuidepostId, ItemId, UserId};
use std::collections::BTreeMap;

/// (title, text) of the period's guideposts.
const GUIDEPOSTS: [(&str, &str); 3] = [
    (
        "Sprog fra første dag",
        "Alle børn udvikler sprog gennem leg, samtale og læsning – i dagtilbud, skole og fritid.",
    ),
    (
        "Fællesskaber, hvor alle er med",
        "Alle børn og unge er en del af et fællesskab, hvor de trives, bliver udfordret og lærer.",
    ),
    (
        "Forældre som partnere",
        "Forældrene inddrages tidligt og ved, hvordan de kan støtte deres barns udvikling og læring.",
    ),
];

/// (unit, [did, saw, learned] per guidepost; an empty story is not written).
const STORIES: [(&str, [[&str; 3]; 3]); 6] = [
    (
        "Nordskolen",
        [
            [
                "Vi indførte ti minutters højtlæsning hver morgen i indskolingen og lånte klassesæt fra biblioteket.",
                "Flere børn bad selv om at låne bøgerne med hjem, og de stille børn deltog mere i samtalerne bagefter.",
                "Faste, korte rutiner virker bedre end store projekter. Det kræver, at bøgerne er lige ved hånden.",
            ],
            [
                "Vi lavede faste legegrupper i frikvartererne på tværs af klasserne, med en voksen som igangsætter.",
                "Færre konflikter i frikvarteret og flere børn, der legede med nogen uden for egen klasse.",
                "Fællesskaber opstår ikke af sig selv; de skal have en ramme og en voksen, der holder fast.",
            ],
            ["", "", ""],
        ],
    ),
    (
        "Engskolen",
        [
            [
                "Dansklærerne og pædagogerne planlagde sprogforløb sammen og delte materialerne i et fælles drev.",
                "Eleverne mødte de samme ord i undervisningen og i fritidsdelen, og ordforrådstestene steg en smule.",
                "Samarbejdet på tværs af faggrupper tager tid at få i gang, men det betaler sig, når først det kører.",
            ],
            ["", "", ""],
            [
                "Vi holdt forældremøder i mindre grupper med tolk og kaffe i stedet for én stor aften i aulaen.",
                "Dobbelt så mange forældre kom, og flere stillede spørgsmål.",
                "Formen betyder mere end indholdet, når forældre skal føle sig velkomne.",
            ],
        ],
    ),
    (
        "Børnehuset Kastanjen",
        [
            [
                "Vi flyttede samlingen ud i små grupper med billedbøger og dialogisk læsning to gange om ugen.",
                "Børnene talte mere og brugte nye ord i legen. De tosprogede børn tog oftere ordet.",
                "Små grupper giver plads til, at alle børn kommer til orde. Vi fortsætter og lærer kollegerne metoden.",
            ],
            [
                "Personalet lavede legezoner, så børnene kunne vælge mellem rolige og vilde lege.",
                "Børn, der før gik rundt alene, fandt legekammerater i de rolige zoner.",
                "Indretningen er en pædagogisk beslutning, ikke kun en praktisk.",
            ],
            [
                "Vi sendte korte billeder og ord fra dagen hjem i forældreappen på flere sprog.",
                "Forældrene fortalte, at de talte med børnene om dagen derhjemme med de samme ord.",
                "Forældre vil gerne hjælpe, når de ved præcis hvordan. Det skal være let og konkret.",
            ],
        ],
    ),
    (
        "Vuggestuen Spiren",
        [
            [
                "Vi satte ord på alt, vi gjorde sammen med børnene i garderoben og ved måltiderne.",
                "Selv de mindste pegede og sagde ord for tøjet og maden efter få uger.",
                "Hverdagens rutiner er de bedste sprogsituationer. Vi har gjort det til en fælles praksis.",
            ],
            ["", "", ""],
            ["", "", ""],
        ],
    ),
    (
        "Fritidscentret Østen",
        [
            [
                "Vi lavede en læseklub med tegneserier og spil, hvor man læser for at kunne spille.",
                "Drenge, der sagde, at de ikke kunne lide at læse, kom igen og igen.",
                "Motivation kommer gennem det, børnene allerede er optaget af.",
            ],
            [
                "De ældste børn blev legeguider for de yngste én eftermiddag om ugen.",
                "De ældste voksede af ansvaret, og de yngste fik nogen at se op til.",
                "Børn kan skabe fællesskaber for hinanden, hvis de voksne giver dem rollen.",
            ],
            ["", "", ""],
        ],
    ),
    (
        "Dagplejen",
        [
            [
                "Dagplejerne mødtes i legestuen og øvede rim og remser med børnene hver uge.",
                "Børnene genkendte remserne og sang med, også hjemme ifølge forældrene.",
                "Gentagelse og fællesskab mellem dagplejerne gør det lettere at holde fast.",
            ],
            [
                "Vi samlede dagplejebørnene i legestuen oftere, så de lærte hinanden at kende før børnehaven.",
                "Overgangen til børnehaven gik lettere, når børnene kendte nogen i forvejen.",
                "Fællesskabet begynder før børnehaven; legestuen er en vigtig bro.",
            ],
            ["", "", ""],
        ],
    ),
];

/// Loads the period, the stories and the administration's reading of them. The
/// survey `survey` (the staff survey) lends its questions to two guideposts.
pub async fn load(
    db: &Db,
    survey: ConsultationId,
    deadline_ms: i64,
    now_ms: i64,
) -> Result<(), AppError> {
    let (admin,): (UserId,) =
        sqlx::query_as("SELECT id FROM app_user WHERE role = 'admin' ORDER BY id LIMIT 1")
            .fetch_one(&db.read)
            .await?;
    let admin = user_by_id(db, admin)
        .await?
        .ok_or_else(|| AppError::Internal("demo admin missing".into()))?;
    let period = stories::create_period(db, &admin, "Pejlemærker 2026", now_ms)
        .await?
        .map_err(|p| AppError::Internal(format!("demo period: {p:?}")))?;
    let mut guideposts: Vec<GuidepostId> = Vec::new();
    for (title, body) in GUIDEPOSTS {
        guideposts.push(stories::add_guidepost(db, &admin, period, title, body, now_ms).await?);
    }
    let source = Source::Blank(ConsultationKind::Hearing);
    let id = create(
        db,
        &admin,
        "Læringshistorier 2026",
        deadline_ms,
        source,
        now_ms,
    )
    .await?;
    stories::ask(db, &admin, id, period, true, now_ms)
        .await?
        .map_err(|p| AppError::Internal(format!("demo stories: {p:?}")))?;
    sqlx::query("UPDATE consultation SET status = 'open', opens_at = $1 WHERE id = $2")
        .bind(now_ms)
        .bind(id)
        .execute(&db.write)
        .await?;
    let items: Vec<(ItemId, GuidepostId, String)> = sqlx::query_as(
        "SELECT id, guidepost_id, story_part FROM item WHERE consultation_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    for (n, (unit, stories)) in STORIES.iter().enumerate() {
        let email = format!("leder{}@institution.example.dk", n + 1);
        let (_, token) = add_respondent(
            db,
            id,
            &NewRespondent {
                name: unit,
                group: "Ledelse",
                unit,
                emails: &[email.as_str()],
            },
            now_ms,
        )
        .await?;
        let mut fields = BTreeMap::new();
        for (item, guidepost, part) in &items {
            let at = guideposts.iter().position(|g| g == guidepost);
            let part = StoryPart::ALL.iter().position(|p| p.as_str() == part);
            let (Some(at), Some(part)) = (at, part) else {
                continue;
            };
            fields.insert(
                Target::Item(*item),
                RawField {
                    value: stories[at][part].to_owned(),
                    comment: String::new(),
                    fingerprint: fingerprint("", ""),
                },
            );
        }
        let posting = Posting::button(Intent::ConfirmSubmit);
        match save(db, token.as_str(), &fields, &posting, now_ms).await? {
            SaveResult::Submitted { .. } => {}
            other => {
                return Err(AppError::Internal(format!(
                    "demo stories were not submitted: {other:?}"
                )))
            }
        }
    }
    reading(db, &admin, &guideposts, survey, now_ms).await
}

/// The administration's reading: themes on the first guidepost's stories, two
/// quotes, the meta-narratives of the first two, and the survey questions.
async fn reading(
    db: &Db,
    admin: &crate::model::admin::UserView,
    guideposts: &[GuidepostId],
    survey: ConsultationId,
    now_ms: i64,
) -> Result<(), AppError> {
    let first = guideposts[0];
    let page = stories::page(db, first, 1, None).await?;
    let themes: [(&str, &[&str]); 6] = [
        ("Nordskolen", &["Højtlæsning", "Faste rutiner"]),
        ("Engskolen", &["Samarbejde på tværs"]),
        (
            "Børnehuset Kastanjen",
            &["Dialogisk læsning", "Små grupper"],
        ),
        ("Vuggestuen Spiren", &["Hverdagsrutiner"]),
        ("Fritidscentret Østen", &["Motivation"]),
        ("Dagplejen", &["Faste rutiner", "Rim og remser"]),
    ];
    let story_of = |unit: &str| {
        page.stories
            .iter()
            .find(|s| s.unit.as_deref() == Some(unit))
    };
    for (unit, tags) in themes {
        let Some(story) = story_of(unit) else {
            continue;
        };
        let tags: Vec<String> = tags.iter().map(|t| (*t).to_owned()).collect();
        stories::tag(db, admin, first, story.response_id, &tags, now_ms).await?;
    }
    for (unit, part, excerpt) in [
        (
            "Børnehuset Kastanjen",
            StoryPart::Learned,
            "Små grupper giver plads til, at alle børn kommer til orde.",
        ),
        ("Nordskolen", StoryPart::Learned, ""),
    ] {
        let Some(story) = story_of(unit) else {
            continue;
        };
        let Some((_, item, _)) = story.parts.iter().find(|(p, ..)| *p == part) else {
            continue;
        };
        stories::quote(db, admin, first, story.response_id, *item, excerpt, now_ms)
            .await?
            .map_err(|p| AppError::Internal(format!("demo quote: {p:?}")))?;
    }
    let narratives = [
        "Seks institutioner har skrevet om sprog. Det, der går igen, er de små, faste rutiner: ti minutters højtlæsning, rim i legestuen, ord på garderoben. Ingen af historierne handler om store projekter.\n\nFlere fortæller, at små grupper får de stille og de tosprogede børn til at tage ordet. Samarbejdet mellem lærere og pædagoger nævnes som svært at få i gang, men værd at holde fast i.\n\nForvaltningen foreslår, at dialogisk læsning i små grupper bliver en fælles praksis i alle dagtilbud fra næste år.",
        "Fællesskaber kommer ikke af sig selv: de institutioner, der lykkes, giver legen en ramme – legegrupper, legezoner, ældre børn som legeguider – og en voksen, der holder fast.",
    ];
    for (gp, text) in guideposts.iter().zip(narratives) {
        stories::change(db, admin, *gp, &Change::Narrative(text.to_owned()), now_ms)
            .await?
            .map_err(|p| AppError::Internal(format!("demo narrative: {p:?}")))?;
    }
    for (gp, codes) in guideposts.iter().zip([["5.1", "3.2"], ["3.1", "3.5"]]) {
        let codes = codes.iter().map(|c| (*c).to_owned()).collect();
        stories::change(
            db,
            admin,
            *gp,
            &Change::Survey(Some((survey, codes))),
            now_ms,
        )
        .await?
        .map_err(|p| AppError::Internal(format!("demo survey link: {p:?}")))?;
    }
    Ok(())
}
