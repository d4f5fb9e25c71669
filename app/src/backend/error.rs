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
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        Self::Internal(format!("database: {e}"))
    }
}

impl AppError {
    /// Logs an internal error where it is turned into a response.
    pub fn log(&self) {
        if let Self::Internal(detail) = self {
            tracing::error!(%detail, "request failed");
        }
    }
}
