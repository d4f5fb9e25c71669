//! The ids of stored things, one type each.
//!
//! A consultation's id and an item's id are both integers in the database, and a
//! function taking `(i64, i64)` compiles just as well with the two swapped: a report
//! of the wrong consultation, or another consultation's item accepted in a form. As
//! their own types, the compiler refuses the swap. They are transparent everywhere
//! they cross a boundary — the same integer in a column (`sqlx(transparent)`, so a
//! row decodes straight into them on either engine), in JSON and in an address — so
//! nothing stored or linked changes.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::num::ParseIntError;
use std::str::FromStr;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)+) => {$(
        $(#[$doc])*
        ///
        /// The default, 0, is no row's id (an address that does not hold a number
        /// reads as it, and is answered "not found").
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "ssr", derive(sqlx::Type), sqlx(transparent))]
        pub struct $name(i64);

        impl $name {
            /// An id as the database numbered it (a row, an address, a form field).
            pub const fn new(raw: i64) -> Self {
                Self(raw)
            }

            /// The integer, for the few places that need arithmetic or a text key.
            pub const fn get(self) -> i64 {
                self.0
            }

            /// `prefix` and the id, as the page's element ids and field names are
            /// written (`item-42`, `v42`): some six hundred of them on a respondent's
            /// page, so without `format!`'s machinery.
            pub fn tagged(self, prefix: &str) -> String {
                let mut digits = itoa::Buffer::new();
                let digits = digits.format(self.0);
                let mut tag = String::with_capacity(prefix.len() + digits.len());
                tag.push_str(prefix);
                tag.push_str(digits);
                tag
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = ParseIntError;

            fn from_str(raw: &str) -> Result<Self, Self::Err> {
                raw.parse().map(Self)
            }
        }
    )+};
}

ids! {
    /// A hearing or a survey.
    ConsultationId;
    /// An area (indsatsområde) or a survey's section.
    SectionId;
    /// A proposal or a question.
    ItemId;
    /// A consulted body, or a survey's invited person.
    BodyId;
    /// One body's (or one anonymous person's) answer to a consultation.
    ResponseId;
    /// A staff account of the administration.
    UserId;
    /// A sheet read but not yet turned into a consultation or a list of bodies.
    DraftId;
    /// A queued mail.
    MailId;
    /// A survey's open link (a poster, a message in the parents' app).
    OpenLinkId;
    /// The editions of one recurring consultation.
    SeriesId;
    /// A period of guideposts (pejlemærker).
    PeriodId;
    /// A guidepost (pejlemærke).
    GuidepostId;
    /// A quote the administration chose from a learning story.
    QuoteId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_reads_and_writes_as_its_plain_integer() {
        let id: ItemId = "42".parse().unwrap();
        assert_eq!(id, ItemId::new(42));
        assert_eq!(id.to_string(), "42");
        assert_eq!(serde_json::to_string(&id).unwrap(), "42");
        assert_eq!(serde_json::from_str::<ItemId>("42").unwrap(), id);
        assert!("4x".parse::<ItemId>().is_err());
    }

    #[test]
    fn a_tagged_id_is_the_prefix_and_the_integer_as_format_writes_them() {
        for raw in [0, 7, 42, 1_000_000, -3, i64::MAX, i64::MIN] {
            let id = ItemId::new(raw);
            assert_eq!(id.tagged("item-"), format!("item-{raw}"));
            assert_eq!(id.tagged(""), raw.to_string());
        }
        assert_eq!(
            ItemId::new(5).tagged("v"),
            crate::wire::respond::field('v', ItemId::new(5))
        );
    }
}
