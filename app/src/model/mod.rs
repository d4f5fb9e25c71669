//! Types shared by the server and the browser: what a consultation, an item and an
//! answer are, and the validation rules that both sides must agree on.

pub mod accept;
pub mod admin;
mod answer;
mod comment;
pub mod dialogue;
mod email;
pub mod guidepost;
mod id;
pub mod language;
pub mod listing;
pub mod logic;
mod page;
pub mod report;
pub mod series;
pub mod target;

pub use answer::{AgreeValue, AnswerValue, Bucket, ItemKind, Polarity, ValueError, DONT_KNOW};
pub use comment::{
    is_bidi_control, without_bidi_controls, Comment, CommentError, COMMENT_MAX_CHARS,
};
pub use email::{split_addresses, Email};
pub use id::{
    BodyId, ConsultationId, DraftId, GuidepostId, ItemId, MailId, OpenLinkId, PeriodId, QuoteId,
    ResponseId, SectionId, SeriesId, UserId,
};
pub use language::LangTag;
pub use page::*;

use serde::{Deserialize, Serialize};

/// Whether a consultation is a hearing of bodies or a survey of people.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
// Stored as the same words in TEXT columns: rows decode straight into the type
// (`backend::db`), so a store query never hands on a raw string to be parsed later.
#[serde(rename_all = "snake_case")]
pub enum ConsultationKind {
    Hearing,
    Survey,
}

impl ConsultationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Hearing => "hearing",
            Self::Survey => "survey",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Hearing, Self::Survey]
            .into_iter()
            .find(|k| k.as_str() == raw)
    }
}

/// Life cycle of a consultation. Only `Open` accepts answers, and only before the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConsultationStatus {
    Draft,
    Open,
    Closed,
    Archived,
}

impl ConsultationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Archived => "archived",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "draft" => Some(Self::Draft),
            "open" => Some(Self::Open),
            "closed" => Some(Self::Closed),
            "archived" => Some(Self::Archived),
            _ => None,
        }
    }
}

/// A response is a draft until it has been submitted once; after that it stays
/// submitted, and later edits are a working copy until they are submitted again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponseStatus {
    Draft,
    Submitted,
}

impl ResponseStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Draft, Self::Submitted]
            .into_iter()
            .find(|s| s.as_str() == raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The command line's `set-status` reads a status by its stored word.
    #[test]
    fn a_status_round_trips_through_its_stored_word() {
        for status in [
            ConsultationStatus::Draft,
            ConsultationStatus::Open,
            ConsultationStatus::Closed,
            ConsultationStatus::Archived,
        ] {
            assert_eq!(ConsultationStatus::parse(status.as_str()), Some(status));
        }
        assert_eq!(ConsultationStatus::parse("OPEN"), None);
    }
}
