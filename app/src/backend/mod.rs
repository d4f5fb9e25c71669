//! Server-only code: the database, tokens, dates, form validation and the stores
//! behind the pages. Nothing here is compiled to wasm.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod batch;
pub mod body_state;
pub mod catalogue;
pub mod copy;
pub mod dates;
pub mod db;
pub mod demo;
pub mod demo_stories;
pub mod demo_survey;
pub mod error;
pub mod export;
pub mod form;
#[cfg(test)]
mod fuzz;
pub mod group_commit;
pub mod import;
pub mod import_draft;
pub mod leaders;
pub mod mail;
pub mod manage;
pub mod markdown;
pub mod open_link;
pub mod openings;
pub mod questionnaire;
pub mod report;
pub mod respond;
pub mod retention;
pub mod rules;
pub mod series;
pub mod sheet;
pub mod stories;
pub mod tally;
pub mod targets;
pub mod template;
pub mod token;
pub mod tracking;
pub mod translation;

/// Now, as the unix milliseconds every timestamp column holds.
pub fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}
