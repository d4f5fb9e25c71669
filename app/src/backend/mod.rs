//! Server-only code: the database, tokens, dates, form validation and the stores
//! behind the pages. Nothing here is compiled to wasm.

pub mod consultation;
pub mod dates;
pub mod db;
pub mod demo;
pub mod error;
pub mod form;
pub mod respond;
pub mod state;
pub mod template;
pub mod token;

/// Now, as the unix milliseconds every timestamp column holds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
