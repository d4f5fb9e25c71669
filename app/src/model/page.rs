//! What the respondent page is made of, as the server hands it to the view (and, by
//! hydration, to the browser), and what the autosave sends and gets back.

use super::{ItemId, ResponseStatus, SectionId};
use serde::{Deserialize, Serialize};

/// Everything the respondent page shows. Built by the backend from the database, and
/// — after a rejected form post — from what the respondent typed, so nothing is lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RespondPage {
    /// The language the survey's own texts are shown in (a BCP 47 tag), and the
    /// languages it can be read in: (tag, the language's name in itself).
    pub content_lang: String,
    pub languages: Vec<(String, String)>,
    pub title: String,
    /// The intro text, one entry per paragraph.
    pub intro: Vec<String>,
    /// The deadline, already formatted for the page's language and the municipality's time zone.
    pub deadline: String,
    pub respondent_name: String,
    pub respondent_group: String,
    pub respondent_unit: String,
    /// A survey of people rather than a hearing of bodies: its own wording, and no
    /// general comment (a survey asks its open questions as items).
    pub survey: bool,
    /// The answers are stored anonymously at submission; the page says so first.
    pub anonymous: bool,
    /// The least number of answers a figure is shown for (anonymous surveys).
    pub min_group_size: u32,
    pub lock: Option<LockReason>,
    /// The response version the page was rendered from; sent back with every save.
    pub version: i64,
    pub status: ResponseStatus,
    pub submitted_at: Option<String>,
    pub submission_no: i64,
    /// Saved changes that have not been submitted yet (only meaningful once submitted).
    pub unsubmitted_changes: bool,
    pub sections: Vec<SectionView>,
    /// The page (from 0) to show without JavaScript, where the server has decided it
    /// (a rejected post); otherwise the address's `?side=` says.
    pub page: Option<usize>,
    pub general: FieldState,
    pub notice: Option<Notice>,
    pub errors: Vec<FormError>,
    pub conflicts: Vec<Conflict>,
}

impl RespondPage {
    /// The answer form's part of the page, taken out of it (its sections, fields and
    /// problems are left empty) to become the form island's props.
    pub fn take_form(&mut self) -> FormData {
        FormData {
            content_lang: self.content_lang.clone(),
            survey: self.survey,
            anonymous: self.anonymous,
            lock: self.lock,
            version: self.version,
            sections: std::mem::take(&mut self.sections),
            general: std::mem::take(&mut self.general),
            errors: std::mem::take(&mut self.errors),
            conflicts: std::mem::take(&mut self.conflicts),
        }
    }
}

/// What the answer form, the page's one island, is made from: sent to the browser as
/// the island's props, in the page beside the HTML rendered from it. The page's other
/// texts (intro, title, deadline, who answers) are rendered once, outside the island,
/// and not sent again; the items and sections are sent as JSON arrays rather
/// than objects (their `Serialize` impls below), which halves the props — every quote
/// of a key is six bytes (`&quot;`) in the HTML attribute that holds them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormData {
    pub content_lang: String,
    pub survey: bool,
    pub anonymous: bool,
    pub lock: Option<LockReason>,
    pub version: i64,
    pub sections: Vec<SectionView>,
    pub general: FieldState,
    pub errors: Vec<FormError>,
    pub conflicts: Vec<Conflict>,
}

impl FormData {
    pub fn items(&self) -> impl Iterator<Item = &ItemView> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// Each section's page when answered without JavaScript ([`super::logic::pages`]).
    pub fn pages(&self) -> Vec<usize> {
        let sections: Vec<Vec<&ItemView>> = self
            .sections
            .iter()
            .map(|s| s.items.iter().collect())
            .collect();
        super::logic::pages(&sections)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SectionView {
    pub id: SectionId,
    pub title: String,
    pub description: String,
    pub items: Vec<ItemView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ItemView {
    pub id: ItemId,
    pub code: String,
    pub text: String,
    pub allow_comment: bool,
    pub kind: super::ItemKind,
    /// The options as the reader reads them (translated), in the kind's order; empty
    /// where they read as stored. What is posted is always the stored option.
    pub option_labels: Vec<String>,
    /// Must be answered before the response can be submitted.
    pub required: bool,
    /// Shown only when an earlier choice was answered a certain way.
    pub show_if: Option<super::logic::Condition>,
    pub state: FieldState,
}

impl super::logic::Conditional for ItemView {
    fn item_id(&self) -> ItemId {
        self.id
    }
    fn item_kind(&self) -> &super::ItemKind {
        &self.kind
    }
    fn condition(&self) -> Option<&super::logic::Condition> {
        self.show_if.as_ref()
    }
}

/// One answer as the page holds it: the raw value ("" when unanswered), the comment,
/// and a fingerprint of what the server had when the page was made. The fingerprint
/// goes back with a form post, so the server can tell the fields this respondent
/// changed from those another member changed meanwhile.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FieldState {
    pub value: String,
    pub comment: String,
    pub fingerprint: String,
}

/// Serialized as an array of its fields in their order (see [`FormData`]).
macro_rules! as_array {
    ($type:ident { $($field:ident: $field_type:ty),+ $(,)? }) => {
        impl Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                ($(&self.$field,)+).serialize(serializer)
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let ($($field,)+) = <($($field_type,)+)>::deserialize(deserializer)?;
                Ok(Self { $($field),+ })
            }
        }
    };
}

as_array!(SectionView {
    id: SectionId,
    title: String,
    description: String,
    items: Vec<ItemView>,
});
as_array!(ItemView {
    id: ItemId,
    code: String,
    text: String,
    allow_comment: bool,
    kind: super::ItemKind,
    option_labels: Vec<String>,
    required: bool,
    show_if: Option<super::logic::Condition>,
    state: FieldState,
});

/// Why answers can no longer be changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LockReason {
    DeadlinePassed,
    Closed,
    NotOpenYet,
    /// An anonymous survey, answered: the answers are no longer tied to the link.
    AnsweredAnonymously,
}

/// A message at the top of the page after an action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Notice {
    Saved,
    /// Submitting was asked for with items left blank: list them and ask again.
    ConfirmSubmit {
        unanswered: Vec<ItemRef>,
    },
    /// Saved, and other members' newer answers to these items were kept.
    Merged {
        items: Vec<ItemRef>,
    },
    /// Nothing was saved because another member changed the same answers.
    Conflict,
    /// Nothing was saved because the form had errors.
    Invalid,
    /// A write came in after the deadline or after closing.
    Refused,
    /// The server could not store anything just now (its disk is full, or the
    /// database was busy); nothing changed, and the page keeps what was typed.
    NotStored,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRef {
    pub id: ItemId,
    pub code: String,
}

/// Which field an error or conflict belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    Value(ItemId),
    Comment(ItemId),
    GeneralComment,
    /// The form as a whole (e.g. an item that is not part of this hearing).
    Form,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    /// Not enig, uenig or ved ikke (a hearing's proposal).
    ValueOutOfScale,
    /// Not one of the answers a survey's question offers.
    NotOffered,
    /// More options ticked than the multiple choice takes.
    TooManyChoices {
        max: u32,
    },
    /// A required item left blank at submission.
    Required,
    CommentTooLong {
        chars: usize,
    },
    /// A free-text answer (a learning story's part) longer than a comment may be.
    TextTooLong {
        chars: usize,
    },
    UnknownItem,
    MalformedForm,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormError {
    pub field: Field,
    pub code: ErrorCode,
}

/// Another member saved this answer after this respondent's page was made, and this
/// respondent wants to save something else in it. `item_id` is `None` for the general
/// comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub item_id: Option<ItemId>,
    pub code: String,
    pub theirs: FieldState,
}

/// One change sent by the autosave: an item's answer, or (`item_id` = `None`) the
/// general comment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub item_id: Option<ItemId>,
    pub value: String,
    pub comment: String,
    /// What the browser believes the server had before this change.
    pub fingerprint: String,
}

/// A field's state as it now stands on the server, returned so the browser can show
/// other members' answers and keep its fingerprints current.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldUpdate {
    pub item_id: Option<ItemId>,
    pub state: FieldState,
}

/// The outcome of a save, as the autosave sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SaveReply {
    Saved {
        version: i64,
        /// The fields this save wrote, and those other members changed meanwhile.
        updates: Vec<FieldUpdate>,
        merged: Vec<ItemRef>,
    },
    Conflict {
        version: i64,
        conflicts: Vec<Conflict>,
    },
    Invalid {
        errors: Vec<FormError>,
    },
    Locked,
}

impl LockReason {
    /// Why a consultation in `status` takes no answers at `now_ms`, if it does not: not
    /// open yet, past its deadline, or closed. One rule for personal and open links.
    pub fn of(
        status: super::ConsultationStatus,
        opens_at: Option<i64>,
        deadline: i64,
        now_ms: i64,
    ) -> Option<Self> {
        use super::ConsultationStatus::{Draft, Open};
        match status {
            Open if opens_at.is_some_and(|t| t > now_ms) => Some(Self::NotOpenYet),
            Open if now_ms >= deadline => Some(Self::DeadlinePassed),
            Open => None,
            Draft => Some(Self::NotOpenYet),
            _ => Some(Self::Closed),
        }
    }
}

/// An open link's page before an answer is started: the survey, the link's unit, and
/// what stands in the way, if anything.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenLinkView {
    pub code: String,
    /// As on [`RespondPage`]: the survey's language on this page, and its languages.
    pub content_lang: String,
    pub languages: Vec<(String, String)>,
    pub title: String,
    pub unit: String,
    pub deadline: String,
    pub lock: Option<LockReason>,
    /// The poster carries an access code, which must be typed to start.
    pub needs_code: bool,
    /// This browser has answered through the link before.
    pub answered_before: bool,
    /// Why the last start was refused.
    pub problem: Option<OpenLinkProblem>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OpenLinkProblem {
    WrongCode,
    TooMany,
}

/// The receipt after a submission: what was submitted, as submitted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Receipt {
    pub title: String,
    pub respondent_name: String,
    pub submitted_at: String,
    pub submission_no: i64,
    pub deadline: String,
    pub sections: Vec<ReceiptSection>,
    pub general_comment: String,
    /// An anonymous survey's receipt: it says that, never what, was answered.
    pub anonymous: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceiptSection {
    pub title: String,
    pub items: Vec<ReceiptItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceiptItem {
    pub code: String,
    pub text: String,
    /// How `value` reads.
    pub kind: super::ItemKind,
    pub value: String,
    pub comment: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::logic::Condition;
    use crate::model::ItemKind;

    #[test]
    fn the_form_travels_as_arrays_and_comes_back_whole() {
        let item = ItemView {
            id: ItemId::new(7),
            code: "2.1".into(),
            text: "Mere \"bevægelse\" i timerne".into(),
            allow_comment: true,
            kind: ItemKind::AgreeDisagree,
            option_labels: vec!["Enig".into()],
            required: true,
            show_if: Some(Condition {
                item_id: ItemId::new(3),
                any_of: vec!["Ja".into()],
            }),
            state: FieldState {
                value: "agree".into(),
                comment: "Godt".into(),
                fingerprint: "ffe679bb831c95b6".into(),
            },
        };
        let section = SectionView {
            id: SectionId::new(2),
            title: "Bevægelse".into(),
            description: String::new(),
            items: vec![item],
        };
        let json = serde_json::to_string(&section).unwrap();
        assert!(
            json.starts_with("[2,\"Bevægelse\",\"\",[[7,\"2.1\","),
            "{json}"
        );
        // A field's state keeps its names: the autosave's replies carry it too.
        assert!(
            json.ends_with(
                r#"{"value":"agree","comment":"Godt","fingerprint":"ffe679bb831c95b6"}]]]"#
            ),
            "{json}"
        );
        let back: SectionView = serde_json::from_str(&json).unwrap();
        assert_eq!(back, section);
        // A short array is refused, not filled in.
        assert!(serde_json::from_str::<SectionView>(r#"[2,"Bevægelse",""]"#).is_err());
    }
}
