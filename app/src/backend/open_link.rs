//! Open links: a survey's way in for people the administration has no list of
//! (parents reached by a poster at the entrance). One link per unit tags every answer
//! with that unit — the unit comes from the link, never from what is posted. Each
//! start makes a respondent with no name and no address and a personal link, which
//! the browser keeps in a cookie: the person can come back to their draft, and after
//! submitting is asked whether to answer again (another child, another parent). The
//! report says that answers through open links are not verified.

use super::audit::{self, Action};
use super::auth::client_key;
use super::db::Db;
use super::error::AppError;
use super::manage::insert_body;
use super::token::Token;
use crate::model::admin::{BodyRow, Msg, OpenLinkInfo, Poster, Posters, Problem, UserView};
use crate::model::{
    ConsultationId, ConsultationKind, ConsultationStatus, LangTag, LockReason, OpenLinkId,
    OpenLinkView,
};
use rand::Rng;

/// How many answers one client may start through open links within the window: a
/// family answers for a few children, a shared address at a school for more.
pub const STARTS_PER_WINDOW: i64 = 60;
pub const WINDOW_MS: i64 = 60 * 60 * 1000;

/// The alphabet of link codes: no 0/O or 1/l/I, so a code read off a poster is typed
/// right.
const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
/// 12 characters of 31: about 59 bits, far beyond guessing at the rate limit.
const CODE_LEN: usize = 12;

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: OpenLinkId,
    consultation_id: ConsultationId,
    group_name: String,
    unit: String,
    access_code: String,
    title: String,
    status: ConsultationStatus,
    opens_at: Option<i64>,
    deadline: i64,
}

impl LinkRow {
    fn lock(&self, now_ms: i64) -> Option<LockReason> {
        LockReason::of(self.status, self.opens_at, self.deadline, now_ms)
    }
}

async fn find(db: &Db, code: &str) -> Result<Option<LinkRow>, AppError> {
    Ok(sqlx::query_as(
        "SELECT l.id, l.consultation_id, l.group_name, l.unit, l.access_code,
                c.title, c.status, c.opens_at, c.deadline
         FROM open_link l JOIN consultation c ON c.id = l.consultation_id
         WHERE l.code = $1 AND l.revoked_at IS NULL",
    )
    .bind(code)
    .fetch_optional(&db.read)
    .await?)
}

/// What opening an open link leads to.
pub enum Arrival {
    /// This browser has a draft through this link: back to it.
    Resume(String),
    Page(OpenLinkView),
}

/// Opens link `code` for a browser that holds `kept` (the personal link from its
/// cookie, if any).
pub async fn arrive(
    db: &Db,
    code: &str,
    kept: Option<&str>,
    wanted: &[LangTag],
    deadline_text: impl Fn(i64) -> String,
    now_ms: i64,
) -> Result<Arrival, AppError> {
    let link = find(db, code).await?.ok_or(AppError::InvalidLink)?;
    let mut conn = db.read.acquire().await?;
    let available = super::translation::languages(&mut conn, link.consultation_id).await?;
    let content = crate::model::language::best_of(&available, wanted);
    let title = if content.is_danish() {
        link.title.clone()
    } else {
        let texts = super::translation::texts(&mut conn, link.consultation_id, &content).await?;
        super::translation::or_danish(&texts.title, &link.title)
    };
    drop(conn);
    let mut answered_before = false;
    if let Some(token) = kept {
        let state: Option<(String,)> = sqlx::query_as(
            "SELECT r.state FROM invitation i JOIN respondent r ON r.id = i.respondent_id
             WHERE i.token_hash = $1 AND i.revoked_at IS NULL AND r.open_link_id = $2",
        )
        .bind(super::token::hash_token(token))
        .bind(link.id)
        .fetch_optional(&db.read)
        .await?;
        match state {
            Some((s,)) if s == "submitted" => answered_before = true,
            Some(_) if link.lock(now_ms).is_none() => return Ok(Arrival::Resume(token.into())),
            _ => {}
        }
    }
    Ok(Arrival::Page(OpenLinkView {
        code: code.to_owned(),
        content_lang: content.as_str().to_owned(),
        languages: available
            .iter()
            .map(|t| (t.as_str().to_owned(), t.autonym().to_owned()))
            .collect(),
        title,
        unit: link.unit.clone(),
        deadline: deadline_text(link.deadline),
        lock: link.lock(now_ms),
        needs_code: !link.access_code.is_empty(),
        answered_before,
        problem: None,
    }))
}

/// Why a start was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    WrongCode,
    TooMany,
    Locked(LockReason),
}

/// Starts an answer through link `code`: a respondent in the link's group and unit
/// with a personal link, returned raw for the browser's cookie and the redirect.
pub async fn start(
    db: &Db,
    code: &str,
    access_code: &str,
    client: std::net::IpAddr,
    now_ms: i64,
) -> Result<Result<String, Refusal>, AppError> {
    let link = find(db, code).await?.ok_or(AppError::InvalidLink)?;
    if let Some(reason) = link.lock(now_ms) {
        return Ok(Err(Refusal::Locked(reason)));
    }
    let given = access_code.trim().to_lowercase();
    if !link.access_code.is_empty() && given != link.access_code.to_lowercase() {
        return Ok(Err(Refusal::WrongCode));
    }
    let key = client_key(client);
    let mut tx = db.write.begin().await?;
    db.engine
        .serialize_on(&mut tx, &format!("open-start {key}"))
        .await?;
    let (recent,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM open_start WHERE client_key = $1 AND started_at > $2")
            .bind(&key)
            .bind(now_ms - WINDOW_MS)
            .fetch_one(&mut *tx)
            .await?;
    if recent >= STARTS_PER_WINDOW {
        return Ok(Err(Refusal::TooMany));
    }
    sqlx::query("INSERT INTO open_start (client_key, started_at) VALUES ($1, $2)")
        .bind(&key)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?;
    // Bodies are told apart by name; an open link's respondents have none of their
    // own, so each gets a random one that says where it came from.
    let body = BodyRow {
        row: 0,
        name: format!("{} ({})", link.unit, random_code()),
        group: link.group_name.clone(),
        unit: link.unit.clone(),
        emails: Vec::new(),
    };
    let respondent = insert_body(&mut tx, link.consultation_id, &body, now_ms).await?;
    sqlx::query("UPDATE respondent SET open_link_id = $1 WHERE id = $2")
        .bind(link.id)
        .bind(respondent)
        .execute(&mut *tx)
        .await?;
    let token = Token::issue(&mut tx, respondent, now_ms).await?;
    tx.commit().await?;
    Ok(Ok(token.as_str().to_owned()))
}

/// The open links of consultation `id`, with how many started and answered.
pub async fn list(
    db: &Db,
    id: ConsultationId,
    base_url: &str,
) -> Result<Vec<OpenLinkInfo>, AppError> {
    let rows: Vec<(OpenLinkId, String, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT l.id, l.group_name, l.unit, l.code, l.access_code,
                COUNT(r.id) AS started,
                COALESCE(SUM(CASE WHEN r.state = 'submitted' THEN 1 ELSE 0 END), 0) AS answered
         FROM open_link l LEFT JOIN respondent r ON r.open_link_id = l.id
         WHERE l.consultation_id = $1 AND l.revoked_at IS NULL
         GROUP BY l.id, l.group_name, l.unit, l.code, l.access_code
         ORDER BY l.unit",
    )
    .bind(id)
    .fetch_all(&db.read)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, group_name, unit, code, access_code, started, answered)| OpenLinkInfo {
                id,
                group_name,
                unit,
                url: format!("{}/u/{code}", base_url.trim_end_matches('/')),
                access_code,
                started,
                answered,
            },
        )
        .collect())
}

/// The link's QR code as an SVG element (the XML prolog left off, so it can stand in
/// a page), drawn in whole modules so a phone's camera reads it from print.
pub fn qr_svg(url: &str) -> Result<String, AppError> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::new(url.as_bytes())
        .map_err(|e| AppError::Internal(format!("QR code: {e}")))?;
    let image = code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    Ok(match image.find("<svg") {
        Some(at) => image[at..].to_owned(),
        None => image,
    })
}

/// The posters of survey `id`: one per open link, with its QR code.
pub async fn posters(
    db: &Db,
    id: ConsultationId,
    base_url: &str,
    lang: crate::i18n::Lang,
) -> Result<Posters, AppError> {
    let (title, deadline): (String, i64) =
        sqlx::query_as("SELECT title, deadline FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.read)
            .await?
            .ok_or(AppError::NotFound)?;
    let posters = list(db, id, base_url)
        .await?
        .into_iter()
        .map(|link| {
            Ok(Poster {
                qr_svg: qr_svg(&link.url)?,
                link,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(Posters {
        consultation_id: id,
        title,
        deadline: super::dates::format_datetime(deadline, lang),
        posters,
    })
}

/// Creates an open link for `unit` of survey `id`; audited.
pub async fn create(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    group: &str,
    unit: &str,
    access_code: &str,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let (group, unit) = (group.trim(), unit.trim());
    let access_code = access_code.trim();
    if unit.is_empty() {
        return Ok(Err(Problem::new("unit", Msg::UnitMissing)));
    }
    if group.is_empty() {
        return Ok(Err(Problem::new("group", Msg::GroupMissing)));
    }
    let too_long = super::import::MAX_NAME_CHARS;
    for (field, text) in [
        ("unit", unit),
        ("group", group),
        ("access_code", access_code),
    ] {
        if text.chars().count() > too_long {
            return Ok(Err(Problem::with(
                field,
                Msg::TooLong,
                too_long.to_string(),
            )));
        }
    }
    let mut tx = db.write.begin().await?;
    let kind = super::manage::kind(&mut tx, id).await?;
    // A hearing is answered through personal links only: it has no such form.
    if kind != Some(ConsultationKind::Survey) {
        return Err(AppError::NotFound);
    }
    let taken: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM open_link WHERE consultation_id = $1 AND lower(unit) = lower($2)",
    )
    .bind(id)
    .bind(unit)
    .fetch_optional(&mut *tx)
    .await?;
    if taken.is_some() {
        return Ok(Err(Problem::with("unit", Msg::OpenLinkExists, unit)));
    }
    insert(&mut tx, id, group, unit, access_code, now_ms).await?;
    audit::commit(
        tx,
        Some(user),
        Action::OpenLinkCreated,
        Some(id),
        unit,
        now_ms,
    )
    .await?;
    Ok(Ok(()))
}

/// Writes a new open link with a fresh code, and returns the code.
pub async fn insert(
    conn: &mut sqlx::AnyConnection,
    id: ConsultationId,
    group: &str,
    unit: &str,
    access_code: &str,
    now_ms: i64,
) -> Result<String, sqlx::Error> {
    let code = random_code();
    sqlx::query(
        "INSERT INTO open_link (consultation_id, group_name, unit, code, access_code, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(group)
    .bind(unit)
    .bind(&code)
    .bind(access_code)
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    Ok(code)
}

/// [`CODE_LEN`] characters of [`ALPHABET`].
fn random_code() -> String {
    let mut rng = rand::thread_rng();
    (0..CODE_LEN)
        .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
        .collect()
}

/// Forgets starts older than the window: kept, they would only be addresses without
/// a purpose.
pub async fn purge_starts(db: &Db, now_ms: i64) -> Result<u64, AppError> {
    Ok(sqlx::query("DELETE FROM open_start WHERE started_at <= $1")
        .bind(now_ms - WINDOW_MS)
        .execute(&db.write)
        .await?
        .rows_affected())
}
