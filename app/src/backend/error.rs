//! The one error type of the backend. User mistakes are variants with their own
//! responses; everything else is `Internal`, logged in full and shown as a generic
//! message — never leaked.

use crate::model::LockReason;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Unknown, malformed or revoked token: all look the same from outside.
    #[error("invalid link")]
    InvalidLink,
    /// The consultation does not accept writes now.
    #[error("consultation locked: {0:?}")]
    Locked(LockReason),
    /// No such consultation, body or item (or not one this user may see).
    #[error("not found")]
    NotFound,
    /// Not signed in, or the session has ended.
    #[error("not signed in")]
    SignedOut,
    /// Signed in, but the role does not allow it.
    #[error("forbidden")]
    Forbidden,
    /// The database broke a transaction off because it collided with another one
    /// (PostgreSQL: a deadlock or a serialisation failure); nothing of it was
    /// written. Retried where it can happen (`db::retrying`); shown as "try again"
    /// only when the retries collide too.
    #[error("transaction collided with another one")]
    Contention,
    /// The database cannot grow: the disk (or SQLite's page limit) is full. Nothing
    /// of the write was kept; the person is told so and keeps what they typed.
    #[error("database storage full")]
    StorageFull,
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        Self::from(&e)
    }
}

impl From<&sqlx::Error> for AppError {
    fn from(e: &sqlx::Error) -> Self {
        match e {
            sqlx::Error::Database(db)
                if matches!(db.code().as_deref(), Some("40001" | "40P01")) =>
            {
                Self::Contention
            }
            sqlx::Error::Database(db) if db.code().as_deref().is_some_and(is_storage_full) => {
                Self::StorageFull
            }
            _ => Self::Internal(format!("database: {e}")),
        }
    }
}

/// PostgreSQL's `disk_full` (its codes have five characters), or SQLite's
/// `SQLITE_FULL` (a number whose low byte is 13, whatever its extended part).
fn is_storage_full(code: &str) -> bool {
    code == "53100" || (code.len() < 5 && code.parse::<i32>().is_ok_and(|c| c & 0xff == 13))
}

impl AppError {
    /// Logs an internal error where it is turned into a response.
    pub fn log(&self) {
        match self {
            Self::Internal(detail) => tracing::error!(%detail, "request failed"),
            Self::Contention => tracing::warn!("request failed: database contention"),
            Self::StorageFull => tracing::error!("request failed: the database's disk is full"),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_storage_full;

    #[test]
    fn a_full_disk_is_known_on_both_engines_and_nothing_else_is() {
        assert!(is_storage_full("13"));
        assert!(is_storage_full("53100"));
        for other in ["5", "19", "2067", "40001", "23505", "53200", "08006", ""] {
            assert!(!is_storage_full(other), "{other}");
        }
    }
}
