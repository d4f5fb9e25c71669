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
            _ => Self::Internal(format!("database: {e}")),
        }
    }
}

impl AppError {
    /// Logs an internal error where it is turned into a response.
    pub fn log(&self) {
        match self {
            Self::Internal(detail) => tracing::error!(%detail, "request failed"),
            Self::Contention => tracing::warn!("request failed: database contention"),
            _ => {}
        }
    }
}
