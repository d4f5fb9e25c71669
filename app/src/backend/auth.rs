//! Staff accounts and their sessions.
//!
//! Passwords are hashed with argon2id on the blocking pool (a hash takes tens of
//! milliseconds of CPU, which must not stall the async workers). Session ids are
//! random and stored hashed, like respondent tokens. A session ends after
//! [`IDLE_TIMEOUT_MS`] without activity or [`ABSOLUTE_TIMEOUT_MS`] after sign-in,
//! whichever comes first. Failed sign-ins are throttled per account and per client.

use super::audit::{self, Action};
use super::db::Db;
use super::error::AppError;
use super::token::{hash_token, Token};
use crate::model::admin::{Msg, Problem, Role, UserView};
use crate::model::{Email, UserId};
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, SaltString};
use argon2::{Argon2, PasswordVerifier};

pub const SESSION_COOKIE: &str = "samrad_session";
pub const IDLE_TIMEOUT_MS: i64 = 2 * 3_600_000;
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 3_600_000;
/// Activity is written back at most this often, to spare the writer.
const TOUCH_EVERY_MS: i64 = 60_000;
/// The throttling window. Within it, an account takes [`FREE_FAILURES_PER_ACCOUNT`]
/// failed attempts without delay; after that each attempt must wait twice as long
/// after the last failure as the one before (1 s, 2 s, 4 s … at most
/// [`MAX_ACCOUNT_DELAY_MS`]). A growing delay instead of a lock: anyone can send five
/// wrong passwords for `admin@…`, and a lock would keep the real admin out. The
/// client (an IPv4 address, an IPv6 /64) that sends them gets a hard limit.
pub const THROTTLE_WINDOW_MS: i64 = 15 * 60_000;
pub const FREE_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_ACCOUNT_DELAY_MS: i64 = 60_000;
pub const MAX_FAILURES_PER_CLIENT: i64 = 20;
/// At most this many password hashes are computed at once (argon2id takes 19 MiB and
/// tens of milliseconds of CPU each); a sign-in that cannot get a slot within
/// [`VERIFY_WAIT`] is told to try again, instead of a flood exhausting the memory.
const VERIFY_SLOTS: usize = 4;
const VERIFY_WAIT: std::time::Duration = std::time::Duration::from_secs(3);
static VERIFYING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(VERIFY_SLOTS);
pub const PASSWORD_MIN_CHARS: usize = 10;
const PASSWORD_MAX_CHARS: usize = 200;

/// A password that meets the length rule. Never `Debug`, never logged.
pub struct Password(String);

impl Password {
    pub fn parse(raw: &str) -> Result<Self, Problem> {
        let chars = raw.chars().count();
        if chars < PASSWORD_MIN_CHARS {
            return Err(Problem::with(
                "password",
                Msg::PasswordShort,
                PASSWORD_MIN_CHARS.to_string(),
            ));
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(Problem::with(
                "password",
                Msg::TooLong,
                PASSWORD_MAX_CHARS.to_string(),
            ));
        }
        if is_common(raw) {
            return Err(Problem::new("password", Msg::PasswordCommon));
        }
        Ok(Self(raw.to_owned()))
    }
}

/// Passwords that are tried first (ASVS 6.2.4): the most used ones of at least ten
/// characters, and Danish words people build them from. Checked after lower-casing and
/// taking off the digits and signs people add at the end ("Sommer2025!" is "sommer").
/// A short list, not a breach corpus: it stops the obvious, the length rule and the
/// throttling the rest.
const COMMON_PASSWORDS: &[&str] = &[
    "1234567890",
    "0123456789",
    "1q2w3e4r5t",
    "qwertyuiop",
    "1qaz2wsx3edc",
    "asdfghjkl",
    "password",
    "passw0rd",
    "iloveyou",
    "princess",
    "football",
    "baseball",
    "welcome",
    "sunshine",
    "superman",
    "starwars",
    "whatever",
    "trustno1",
    "letmein",
    "qwerty",
    "abc123",
    "admin",
    "administrator",
    "changeme",
    "secret",
    "master",
    "dragon",
    "adgangskode",
    "kodeord",
    "password123",
    "hemmelig",
    "velkommen",
    "sommer",
    "vinter",
    "foraar",
    "forår",
    "efteraar",
    "efterår",
    "januar",
    "februar",
    "marts",
    "april",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
    "danmark",
    "københavn",
    "kobenhavn",
    "kommune",
    "skole",
    "skolen",
    "børnehave",
    "boernehave",
    "forvaltningen",
    "samrad",
    "samråd",
    "hoering",
    "høring",
    "mandag",
    "tirsdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "søndag",
    "test",
    "testtest",
    "brugernavn",
];

fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    let base = lower.trim_end_matches(|c: char| !c.is_alphabetic());
    let repeated = lower.chars().all(|c| lower.starts_with(c));
    repeated || base.is_empty() || COMMON_PASSWORDS.iter().any(|p| *p == lower || *p == base)
}

pub async fn hash_password(password: Password) -> Result<String, AppError> {
    let _slot = VERIFYING
        .acquire()
        .await
        .map_err(|e| AppError::Internal(format!("hashing slots: {e}")))?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.0.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("argon2: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("hashing task: {e}")))?
}

/// Checks a password against a stored hash; with no hash (unknown account) it checks
/// against a fixed one, so both cases cost the same time. `None` when no hashing slot
/// came free in time.
async fn verify_password(stored: Option<String>, candidate: String) -> Option<bool> {
    let _slot = tokio::time::timeout(VERIFY_WAIT, VERIFYING.acquire())
        .await
        .ok()?
        .ok()?;
    let verified = tokio::task::spawn_blocking(move || {
        let stored = stored.unwrap_or_else(|| DUMMY_HASH.to_owned());
        PasswordHash::new(&stored)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(candidate.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false)
    })
    .await
    .unwrap_or(false);
    Some(verified)
}

/// An argon2id hash of a random string nobody knows, with the default parameters.
const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FtcmFkZHVtbXlzYWx0$K3j0ml4XSeX0vVd3CRhXqJ4mT2y2m3x+yq1kqzvJ7Uc";

/// Creates a staff account, audited in the same transaction as `by` (`None`: from the
/// command line or the demo).
pub async fn create_user(
    db: &Db,
    by: Option<&UserView>,
    email: &Email,
    name: &str,
    password: Password,
    role: Role,
    now_ms: i64,
) -> Result<Result<UserId, Problem>, AppError> {
    let hash = hash_password(password).await?;
    let mut tx = db.write.begin().await?;
    let inserted: Option<(UserId,)> = sqlx::query_as(
        "INSERT INTO app_user (email, name, password_hash, role, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING RETURNING id",
    )
    .bind(email.key())
    .bind(crate::model::without_bidi_controls(name.trim()))
    .bind(hash)
    .bind(role.as_str())
    .bind(now_ms)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id,)) = inserted else {
        return Ok(Err(Problem::new("email", Msg::EmailTaken)));
    };
    let detail = format!("{} ({})", email.as_str(), role.as_str());
    audit::commit(tx, by, Action::UserCreated, None, &detail, now_ms).await?;
    Ok(Ok(id))
}

pub async fn user_by_id(db: &Db, id: UserId) -> Result<Option<UserView>, AppError> {
    let row: Option<(UserId, String, String, String)> =
        sqlx::query_as("SELECT id, email, name, role FROM app_user WHERE id = $1")
            .bind(id)
            .fetch_optional(&db.read)
            .await?;
    Ok(row.and_then(|(id, email, name, role)| {
        Some(UserView {
            id,
            email,
            name,
            role: Role::parse(&role)?,
        })
    }))
}

/// Why a sign-in was refused. Deliberately the same for an unknown account and a
/// wrong password.
#[derive(Debug, PartialEq, Eq)]
pub enum SignInError {
    BadCredentials,
    Throttled,
}

/// A new session: the raw id goes into the cookie and nowhere else.
pub struct NewSession {
    pub id: Token,
    pub user_id: UserId,
}

/// Signs in: checks the throttles, the password, and starts a fresh session (a new id
/// every time, so a session id planted before sign-in is worthless after it). The
/// session in `replacing`, if any, is ended.
pub async fn sign_in(
    db: &Db,
    email: &str,
    password: &str,
    client: &str,
    replacing: Option<&str>,
    now_ms: i64,
) -> Result<Result<NewSession, SignInError>, AppError> {
    let email_key = email.trim().to_lowercase();
    let since = now_ms - THROTTLE_WINDOW_MS;
    let Some(attempt) = count_attempt(db, &email_key, client, now_ms).await? else {
        return Ok(Err(SignInError::Throttled));
    };
    let account: Option<(UserId, String, String, String, String)> = sqlx::query_as(
        "SELECT id, email, name, role, password_hash FROM app_user
         WHERE email = $1 AND disabled_at IS NULL",
    )
    .bind(&email_key)
    .fetch_optional(&db.read)
    .await?;
    let (user, stored) = match account {
        Some((id, email, name, role, hash)) => {
            let role = Role::parse(&role)
                .ok_or_else(|| AppError::Internal(format!("user {id} has unknown role {role}")))?;
            let user = UserView {
                id,
                email,
                name,
                role,
            };
            (Some(user), Some(hash))
        }
        None => (None, None),
    };
    let Some(matches) = judge_attempt(db, attempt, stored, password).await? else {
        return Ok(Err(SignInError::Throttled));
    };
    let Some(user_id) = user.as_ref().filter(|_| matches).map(|u| u.id) else {
        // The typed address is not logged for an unknown account: people type their
        // password into the wrong field.
        let detail = match &user {
            Some(_) => format!("forkert adgangskode, fra {client}"),
            None => format!("ukendt konto, fra {client}"),
        };
        audit::record_alone(
            db,
            user.as_ref(),
            Action::SignInFailed,
            None,
            &detail,
            now_ms,
        )
        .await?;
        return Ok(Err(SignInError::BadCredentials));
    };
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM login_failure WHERE email = $1 OR at <= $2")
        .bind(&email_key)
        .bind(since)
        .execute(&mut *tx)
        .await?;
    if let Some(old) = replacing {
        sqlx::query("DELETE FROM user_session WHERE id_hash = $1")
            .bind(hash_token(old))
            .execute(&mut *tx)
            .await?;
    }
    let id = Token::generate();
    sqlx::query(
        "INSERT INTO user_session (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)",
    )
    .bind(id.hash())
    .bind(user_id)
    .bind(now_ms)
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE app_user SET last_sign_in_at = $1 WHERE id = $2")
        .bind(now_ms)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(Ok(NewSession { id, user_id }))
}

/// Writes a password attempt down as a failure before the password is checked, in
/// the one transaction that counts the earlier ones (SQLite's writer is a single
/// connection; on PostgreSQL the transaction first waits for others on the same
/// account and client): parallel attempts see each other, and only a success takes
/// it back.
/// `None` when the account or the client must wait.
pub(super) async fn count_attempt(
    db: &Db,
    email_key: &str,
    client: &str,
    now_ms: i64,
) -> Result<Option<i64>, AppError> {
    let since = now_ms - THROTTLE_WINDOW_MS;
    let mut tx = db.write.begin().await?;
    for key in [email_key, client] {
        db.engine
            .serialize_on(&mut tx, &format!("sign-in {key}"))
            .await?;
    }
    let (per_account, last_failure, per_client): (i64, Option<i64>, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM login_failure WHERE email = $1 AND at > $3),
                (SELECT MAX(at) FROM login_failure WHERE email = $1 AND at > $3),
                (SELECT COUNT(*) FROM login_failure WHERE client = $2 AND at > $3)",
    )
    .bind(email_key)
    .bind(client)
    .bind(since)
    .fetch_one(&mut *tx)
    .await?;
    let waited = now_ms - last_failure.unwrap_or(since);
    if waited < account_delay_ms(per_account) || per_client >= MAX_FAILURES_PER_CLIENT {
        tracing::warn!(
            client,
            per_account,
            per_client,
            "password attempt refused: throttled"
        );
        return Ok(None);
    }
    let (attempt,): (i64,) = sqlx::query_as(
        "INSERT INTO login_failure (email, client, at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(email_key)
    .bind(client)
    .bind(now_ms)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(attempt))
}

/// Checks the password of a counted attempt. `None` when no hashing slot came free in
/// time: the attempt was not judged, so it no longer counts.
pub(super) async fn judge_attempt(
    db: &Db,
    attempt: i64,
    stored: Option<String>,
    candidate: &str,
) -> Result<Option<bool>, AppError> {
    let verdict = verify_password(stored, candidate.to_owned()).await;
    if verdict.is_none() {
        sqlx::query("DELETE FROM login_failure WHERE id = $1")
            .bind(attempt)
            .execute(&db.write)
            .await?;
    }
    Ok(verdict)
}

/// How long after its last failure an account's next attempt must wait, with
/// `failures` failures in the window.
fn account_delay_ms(failures: i64) -> i64 {
    if failures < FREE_FAILURES_PER_ACCOUNT {
        return 0;
    }
    let doublings = (failures - FREE_FAILURES_PER_ACCOUNT).min(16) as u32;
    (1_000i64 << doublings).min(MAX_ACCOUNT_DELAY_MS)
}

/// The key a client's failed sign-ins are counted under: its IPv4 address, or its
/// IPv6 /64 (one subscriber usually has a whole /64 to pick addresses from).
pub fn client_key(ip: std::net::IpAddr) -> String {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// How long a timed-out session is kept before it is deleted: whoever comes back
/// within the day is told that they were signed out, not just shown the sign-in form.
/// It can no longer be used ([`lookup_session`] checks the time-outs).
pub const EXPIRED_KEPT_MS: i64 = 24 * 3_600_000;

/// Deletes the sessions timed out for longer than [`EXPIRED_KEPT_MS`] and the failed
/// sign-ins older than the throttling window: kept, they would only be personal data
/// without a purpose (the audit log keeps the sign-ins and failures themselves).
/// Returns how many rows went.
pub async fn purge_expired(db: &Db, now_ms: i64) -> Result<u64, AppError> {
    let mut tx = db.write.begin().await?;
    let sessions =
        sqlx::query("DELETE FROM user_session WHERE last_seen_at < $1 OR created_at < $2")
            .bind(now_ms - IDLE_TIMEOUT_MS - EXPIRED_KEPT_MS)
            .bind(now_ms - ABSOLUTE_TIMEOUT_MS - EXPIRED_KEPT_MS)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    let failures = sqlx::query("DELETE FROM login_failure WHERE at < $1")
        .bind(now_ms - THROTTLE_WINDOW_MS)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    tx.commit().await?;
    Ok(sessions + failures)
}

/// What a session cookie turned out to be.
#[derive(Debug, PartialEq)]
pub enum SessionLookup {
    Active(UserView),
    /// It existed but timed out (and is now deleted): say so instead of a bare login.
    Expired,
    Unknown,
}

/// Finds the user behind a session id and notes the activity.
pub async fn lookup_session(db: &Db, raw_id: &str, now_ms: i64) -> Result<SessionLookup, AppError> {
    let id_hash = hash_token(raw_id);
    let row: Option<(UserId, String, String, String, i64, i64)> = sqlx::query_as(
        "SELECT u.id, u.email, u.name, u.role, s.created_at, s.last_seen_at
         FROM user_session s JOIN app_user u ON u.id = s.user_id
         WHERE s.id_hash = $1 AND u.disabled_at IS NULL",
    )
    .bind(&id_hash)
    .fetch_optional(&db.read)
    .await?;
    let Some((id, email, name, role, created_at, last_seen_at)) = row else {
        return Ok(SessionLookup::Unknown);
    };
    // A timed-out session stays until the purge (a day later), so every request of
    // the page that finds it — the frame's and the page's — says the same: expired.
    if now_ms - last_seen_at > IDLE_TIMEOUT_MS || now_ms - created_at > ABSOLUTE_TIMEOUT_MS {
        return Ok(SessionLookup::Expired);
    }
    if now_ms - last_seen_at > TOUCH_EVERY_MS {
        sqlx::query("UPDATE user_session SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now_ms)
            .bind(&id_hash)
            .execute(&db.write)
            .await?;
    }
    let role = Role::parse(&role)
        .ok_or_else(|| AppError::Internal(format!("user {id} has unknown role {role}")))?;
    Ok(SessionLookup::Active(UserView {
        id,
        email,
        name,
        role,
    }))
}

/// Ends a session; returns whose it was (for the audit log), if it existed.
pub async fn sign_out(db: &Db, raw_id: &str) -> Result<Option<UserView>, AppError> {
    let ended: Option<(UserId,)> =
        sqlx::query_as("DELETE FROM user_session WHERE id_hash = $1 RETURNING user_id")
            .bind(hash_token(raw_id))
            .fetch_optional(&db.write)
            .await?;
    match ended {
        Some((user_id,)) => user_by_id(db, user_id).await,
        None => Ok(None),
    }
}

/// The `Set-Cookie` value for a session (or, with `None`, one that clears it).
pub fn session_cookie(id: Option<&str>, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    match id {
        Some(id) => format!(
            "{SESSION_COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
            ABSOLUTE_TIMEOUT_MS / 1000
        ),
        None => format!("{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dummy_hash_is_a_valid_argon2id_hash() {
        let parsed = PasswordHash::new(DUMMY_HASH).expect("parses");
        assert_eq!(parsed.algorithm.as_str(), "argon2id");
    }

    #[test]
    fn the_account_delay_grows_after_the_free_failures_and_is_capped() {
        assert_eq!(account_delay_ms(0), 0);
        assert_eq!(account_delay_ms(4), 0);
        assert_eq!(account_delay_ms(5), 1_000);
        assert_eq!(account_delay_ms(6), 2_000);
        assert_eq!(account_delay_ms(8), 8_000);
        assert_eq!(account_delay_ms(500), MAX_ACCOUNT_DELAY_MS);
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64() {
        let key = |s: &str| client_key(s.parse().unwrap());
        assert_eq!(key("192.0.2.7"), "192.0.2.7");
        assert_eq!(key("::ffff:192.0.2.7"), "192.0.2.7");
        assert_eq!(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:bbbb::9"));
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
    }

    #[test]
    fn common_passwords_and_their_usual_endings_are_refused() {
        for common in [
            "Sommer2025!",
            "adgangskode1",
            "Password123",
            "aaaaaaaaaaaa",
            "12345678901",
        ] {
            assert!(Password::parse(common).is_err(), "{common}");
        }
        for fine in [
            "korrekt-hest-batteri",
            "demo-admin-2027",
            "Sommerhus ved Vesterhavet",
        ] {
            assert!(Password::parse(fine).is_ok(), "{fine}");
        }
    }

    #[test]
    fn password_length_rules() {
        assert!(Password::parse("kort").is_err());
        assert!(Password::parse("præcis ti!").is_ok());
        assert!(Password::parse(&"x".repeat(201)).is_err());
    }

    #[test]
    fn session_cookie_is_http_only_and_secure_behind_https() {
        let cookie = session_cookie(Some("abc"), true);
        assert!(cookie.starts_with("samrad_session=abc;"));
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
        assert!(cookie.ends_with("; Secure"));
        assert!(!session_cookie(Some("abc"), false).contains("Secure"));
        assert!(session_cookie(None, false).contains("Max-Age=0"));
    }
}
