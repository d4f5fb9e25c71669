//! Keeping staff accounts: an administrator changes a role, disables or enables an
//! account, ends its sessions or gives it a new password; everyone changes their own
//! password. Every change is audited in its own transaction.
//!
//! One rule holds throughout: at least one enabled administrator remains, so no
//! sequence of clicks can lock the municipality out of its own users page.

use super::audit::{self, Action};
use super::auth::{self, count_attempt, hash_password, judge_attempt, Password};
use super::dates::format_datetime;
use super::db::Db;
use super::error::AppError;
use super::leaders;
use super::token::hash_token;
use crate::i18n::Lang;
use crate::model::admin::{Msg, Problem, Role, StaffAccount, UserView};
use crate::model::UserId;
use sqlx::AnyConnection;
use std::collections::HashMap;

#[derive(sqlx::FromRow)]
struct AccountRow {
    id: UserId,
    email: String,
    name: String,
    role: String,
    created_at: i64,
    disabled_at: Option<i64>,
    last_sign_in_at: Option<i64>,
    sessions: i64,
}

impl AccountRow {
    fn view(self, lang: Lang) -> Option<StaffAccount> {
        Some(StaffAccount {
            user: UserView {
                id: self.id,
                email: self.email,
                name: self.name,
                role: Role::parse(&self.role)?,
            },
            disabled: self.disabled_at.is_some(),
            sessions: self.sessions,
            created: format_datetime(self.created_at, lang),
            last_sign_in: self.last_sign_in_at.map(|at| format_datetime(at, lang)),
            units: Vec::new(),
        })
    }
}

const ACCOUNT_COLUMNS: &str = "u.id, u.email, u.name, u.role, u.created_at, u.disabled_at,
     u.last_sign_in_at,
     (SELECT COUNT(*) FROM user_session s WHERE s.user_id = u.id AND s.last_seen_at >= $1
        AND s.created_at >= $2) AS sessions";

/// Every staff account, enabled ones first, leaders with their units. A
/// municipality has tens of staff and a few hundred leaders, not tens of
/// thousands: one page.
pub async fn list(db: &Db, now_ms: i64, lang: Lang) -> Result<Vec<StaffAccount>, AppError> {
    let rows: Vec<AccountRow> = sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM app_user u
         ORDER BY u.disabled_at IS NOT NULL, u.name, u.email"
    ))
    .bind(now_ms - auth::IDLE_TIMEOUT_MS)
    .bind(now_ms - auth::ABSOLUTE_TIMEOUT_MS)
    .fetch_all(&db.read)
    .await?;
    let units: Vec<(UserId, String)> =
        sqlx::query_as("SELECT user_id, unit FROM leader_unit ORDER BY unit")
            .fetch_all(&db.read)
            .await?;
    let mut by_user: HashMap<UserId, Vec<String>> = HashMap::new();
    for (user, unit) in units {
        by_user.entry(user).or_default().push(unit);
    }
    Ok(rows
        .into_iter()
        .filter_map(|r| r.view(lang))
        .map(|mut account| {
            account.units = by_user.remove(&account.user.id).unwrap_or_default();
            account
        })
        .collect())
}

pub async fn one(db: &Db, id: UserId, now_ms: i64, lang: Lang) -> Result<StaffAccount, AppError> {
    let row: Option<AccountRow> = sqlx::query_as(&format!(
        "SELECT {ACCOUNT_COLUMNS} FROM app_user u WHERE u.id = $3"
    ))
    .bind(now_ms - auth::IDLE_TIMEOUT_MS)
    .bind(now_ms - auth::ABSOLUTE_TIMEOUT_MS)
    .bind(id)
    .fetch_optional(&db.read)
    .await?;
    let mut account = row.and_then(|r| r.view(lang)).ok_or(AppError::NotFound)?;
    account.units = leaders::units_of(db, id).await?;
    Ok(account)
}

/// The account as it is now, inside the transaction that will change it.
async fn target(conn: &mut AnyConnection, id: UserId) -> Result<(UserView, bool), AppError> {
    let row: Option<(String, String, String, Option<i64>)> =
        sqlx::query_as("SELECT email, name, role, disabled_at FROM app_user WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let (email, name, role, disabled_at) = row.ok_or(AppError::NotFound)?;
    let role = Role::parse(&role)
        .ok_or_else(|| AppError::Internal(format!("user {id} has unknown role {role}")))?;
    let user = UserView {
        id,
        email,
        name,
        role,
    };
    Ok((user, disabled_at.is_some()))
}

/// Whether `id` is the last enabled administrator (so it must stay one).
async fn is_last_admin(conn: &mut AnyConnection, id: UserId) -> Result<bool, sqlx::Error> {
    let (others,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM app_user
         WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(others == 0)
}

async fn end_all_sessions(
    conn: &mut AnyConnection,
    user_id: UserId,
    except_hash: Option<&str>,
) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("DELETE FROM user_session WHERE user_id = $1 AND id_hash <> $2")
            .bind(user_id)
            .bind(except_hash.unwrap_or(""))
            .execute(&mut *conn)
            .await?
            .rows_affected(),
    )
}

/// Gives an account another role. An administrator who is the last one keeps the role.
/// A leader who becomes anything else loses their units: the role that reads
/// everything needs none, and a later return to leader starts from none rather than
/// from a list nobody has looked at since.
pub async fn change_role(
    db: &Db,
    by: &UserView,
    id: UserId,
    role: Role,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (user, disabled) = target(&mut tx, id).await?;
    if user.role == role {
        return Ok(Ok(()));
    }
    if user.role == Role::Admin && !disabled && is_last_admin(&mut tx, id).await? {
        return Ok(Err(Problem::new("role", Msg::LastAdmin)));
    }
    sqlx::query("UPDATE app_user SET role = $1 WHERE id = $2")
        .bind(role.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let units = sqlx::query("DELETE FROM leader_unit WHERE user_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    let mut detail = format!("{}: {} → {}", user.email, user.role.as_str(), role.as_str());
    if units > 0 {
        detail.push_str(&format!(" ({units} institutioner fjernet)"));
    }
    audit::commit(tx, Some(by), Action::RoleChanged, None, &detail, now_ms).await?;
    Ok(Ok(()))
}

/// Disables an account (it cannot sign in, and its sessions end at once) or enables
/// it again. Its history stays: the audit log and what it created still name it.
pub async fn set_disabled(
    db: &Db,
    by: &UserView,
    id: UserId,
    disabled: bool,
    now_ms: i64,
) -> Result<Result<(), Problem>, AppError> {
    let mut tx = db.write.begin().await?;
    let (user, was_disabled) = target(&mut tx, id).await?;
    if was_disabled == disabled {
        return Ok(Ok(()));
    }
    if disabled {
        if id == by.id {
            return Ok(Err(Problem::new("disabled", Msg::NotYourself)));
        }
        if user.role == Role::Admin && is_last_admin(&mut tx, id).await? {
            return Ok(Err(Problem::new("disabled", Msg::LastAdmin)));
        }
        end_all_sessions(&mut tx, id, None).await?;
    }
    sqlx::query("UPDATE app_user SET disabled_at = $1 WHERE id = $2")
        .bind(disabled.then_some(now_ms))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let action = if disabled {
        Action::UserDisabled
    } else {
        Action::UserEnabled
    };
    audit::commit(tx, Some(by), action, None, &user.email, now_ms).await?;
    Ok(Ok(()))
}

/// Ends every session of an account (a lost phone, a shared computer). Returns how
/// many there were.
pub async fn end_sessions(
    db: &Db,
    by: &UserView,
    id: UserId,
    now_ms: i64,
) -> Result<u64, AppError> {
    let mut tx = db.write.begin().await?;
    let (user, _) = target(&mut tx, id).await?;
    let ended = end_all_sessions(&mut tx, id, None).await?;
    let detail = format!("{}: {ended}", user.email);
    audit::commit(tx, Some(by), Action::SessionsEnded, None, &detail, now_ms).await?;
    Ok(ended)
}

/// An administrator gives an account a new password (the way back for someone who
/// forgot theirs: there is no reset by e-mail, which would make a mailbox the key to
/// the decision material). Every session of the account ends.
pub async fn reset_password(
    db: &Db,
    by: &UserView,
    id: UserId,
    password: Password,
    now_ms: i64,
) -> Result<(), AppError> {
    let hash = hash_password(password).await?;
    let mut tx = db.write.begin().await?;
    let (user, _) = target(&mut tx, id).await?;
    set_hash(&mut tx, id, &hash).await?;
    end_all_sessions(&mut tx, id, None).await?;
    audit::commit(
        tx,
        Some(by),
        Action::PasswordReset,
        None,
        &user.email,
        now_ms,
    )
    .await?;
    Ok(())
}

/// Why changing one's own password was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum ChangeRefused {
    WrongPassword,
    Throttled,
}

/// Changes the signed-in user's own password, after checking the current one (a
/// session left open on a shared computer must not be enough to take the account).
/// The check is throttled like a sign-in. Every other session of the user ends; the
/// one in `keep` (this browser's) goes on.
pub async fn change_own_password(
    db: &Db,
    user: &UserView,
    current: &str,
    new: Password,
    client: &str,
    keep: &str,
    now_ms: i64,
) -> Result<Result<(), ChangeRefused>, AppError> {
    let Some(attempt) = count_attempt(db, &user.email, client, now_ms).await? else {
        return Ok(Err(ChangeRefused::Throttled));
    };
    let stored: Option<(String,)> =
        sqlx::query_as("SELECT password_hash FROM app_user WHERE id = $1")
            .bind(user.id)
            .fetch_optional(&db.read)
            .await?;
    let stored = stored.map(|(hash,)| hash);
    match judge_attempt(db, attempt, stored, current).await? {
        None => return Ok(Err(ChangeRefused::Throttled)),
        Some(false) => {
            audit::record_alone(
                db,
                Some(user),
                Action::SignInFailed,
                None,
                &format!("forkert nuværende adgangskode, fra {client}"),
                now_ms,
            )
            .await?;
            return Ok(Err(ChangeRefused::WrongPassword));
        }
        Some(true) => {}
    }
    let hash = hash_password(new).await?;
    let mut tx = db.write.begin().await?;
    sqlx::query("DELETE FROM login_failure WHERE id = $1")
        .bind(attempt)
        .execute(&mut *tx)
        .await?;
    set_hash(&mut tx, user.id, &hash).await?;
    let ended = end_all_sessions(&mut tx, user.id, Some(&hash_token(keep))).await?;
    let detail = format!("{ended} andre sessioner afsluttet");
    audit::commit(
        tx,
        Some(user),
        Action::PasswordChanged,
        None,
        &detail,
        now_ms,
    )
    .await?;
    Ok(Ok(()))
}

async fn set_hash(conn: &mut AnyConnection, id: UserId, hash: &str) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE app_user SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
