//! Item kinds and the values an answer to each kind may take.
//!
//! A value travels as a short string (in form fields and in the `answer.value`
//! column); parsing it against the item's kind is the single place where a value
//! outside the scale is caught, for the no-JS form post and the autosave alike.

use crate::i18n::{Key, Lang};
use serde::{Deserialize, Serialize};
use std::fmt;

/// What kind of question an item is. Hearings use `AgreeDisagree`; the survey kinds
/// share the same answer table and validation entry point.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    AgreeDisagree,
    Likert5,
    Nps,
    Single { options: Vec<String> },
    Multi { options: Vec<String> },
    Text,
}

impl ItemKind {
    /// The kind's name as stored in `item.kind`; the options live in `item.options_json`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::AgreeDisagree => "agree_disagree",
            Self::Likert5 => "likert5",
            Self::Nps => "nps",
            Self::Single { .. } => "single",
            Self::Multi { .. } => "multi",
            Self::Text => "text",
        }
    }

    /// Rebuilds a kind from its stored name and options.
    pub fn from_parts(name: &str, options: Vec<String>) -> Option<Self> {
        Some(match name {
            "agree_disagree" => Self::AgreeDisagree,
            "likert5" => Self::Likert5,
            "nps" => Self::Nps,
            "single" => Self::Single { options },
            "multi" => Self::Multi { options },
            "text" => Self::Text,
            _ => return None,
        })
    }

    /// Parses a submitted value for this kind. An empty string means "not answered"
    /// and is handled by the caller; here it is an error like any other bad value.
    pub fn parse_value(&self, raw: &str) -> Result<AnswerValue, ValueError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ValueError::Empty);
        }
        match self {
            Self::AgreeDisagree => AgreeValue::parse(raw)
                .map(AnswerValue::Agree)
                .ok_or(ValueError::OutOfScale),
            Self::Likert5 => parse_in_range(raw, 1, 5),
            Self::Nps => parse_in_range(raw, 0, 10),
            Self::Single { options } => options
                .iter()
                .any(|o| o == raw)
                .then(|| AnswerValue::Choice(raw.to_owned()))
                .ok_or(ValueError::OutOfScale),
            Self::Multi { options } => {
                let mut chosen: Vec<String> = Vec::new();
                for part in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    if !options.iter().any(|o| o == part) {
                        return Err(ValueError::OutOfScale);
                    }
                    if !chosen.iter().any(|c| c == part) {
                        chosen.push(part.to_owned());
                    }
                }
                Ok(AnswerValue::Choices(chosen))
            }
            Self::Text => Ok(AnswerValue::Text(raw.to_owned())),
        }
    }
}

fn parse_in_range(raw: &str, min: u8, max: u8) -> Result<AnswerValue, ValueError> {
    match raw.parse::<u8>() {
        Ok(n) if (min..=max).contains(&n) => Ok(AnswerValue::Number(n)),
        _ => Err(ValueError::OutOfScale),
    }
}

/// The hearing scale: enig / uenig / ved ikke.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreeValue {
    Agree,
    Disagree,
    DontKnow,
}

impl AgreeValue {
    pub const ALL: [AgreeValue; 3] = [Self::Agree, Self::Disagree, Self::DontKnow];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agree => "agree",
            Self::Disagree => "disagree",
            Self::DontKnow => "dont_know",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == raw)
    }
}

/// A validated answer value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerValue {
    Agree(AgreeValue),
    Number(u8),
    Choice(String),
    Choices(Vec<String>),
    Text(String),
}

impl fmt::Display for AnswerValue {
    /// The canonical stored form, which `ItemKind::parse_value` reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Agree(v) => f.write_str(v.as_str()),
            Self::Number(n) => write!(f, "{n}"),
            Self::Choice(c) | Self::Text(c) => f.write_str(c),
            Self::Choices(cs) => f.write_str(&cs.join(",")),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("no value")]
    Empty,
    #[error("value outside the item's scale")]
    OutOfScale,
}

/// The label of a stored hearing answer; `None` when it is not answered.
pub fn agree_label(lang: Lang, value: &str) -> Option<&'static str> {
    AgreeValue::parse(value).map(|answer| {
        lang.t(match answer {
            AgreeValue::Agree => Key::Agree,
            AgreeValue::Disagree => Key::Disagree,
            AgreeValue::DontKnow => Key::DontKnow,
        })
    })
}

/// The label of a stored hearing answer, "Ikke besvaret" when it is not answered.
pub fn answer_label(lang: Lang, value: &str) -> &'static str {
    agree_label(lang, value).unwrap_or(lang.t(Key::NotAnswered))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn agree_disagree_accepts_exactly_the_three_values() {
        let kind = ItemKind::AgreeDisagree;
        for v in AgreeValue::ALL {
            assert_eq!(kind.parse_value(v.as_str()), Ok(AnswerValue::Agree(v)));
        }
        assert_eq!(kind.parse_value("maybe"), Err(ValueError::OutOfScale));
        assert_eq!(kind.parse_value("AGREE"), Err(ValueError::OutOfScale));
        assert_eq!(kind.parse_value("  "), Err(ValueError::Empty));
    }

    #[test]
    fn numeric_scales_are_bounded() {
        assert_eq!(
            ItemKind::Likert5.parse_value("5"),
            Ok(AnswerValue::Number(5))
        );
        assert_eq!(
            ItemKind::Likert5.parse_value("0"),
            Err(ValueError::OutOfScale)
        );
        assert_eq!(
            ItemKind::Likert5.parse_value("6"),
            Err(ValueError::OutOfScale)
        );
        assert_eq!(ItemKind::Nps.parse_value("0"), Ok(AnswerValue::Number(0)));
        assert_eq!(ItemKind::Nps.parse_value("11"), Err(ValueError::OutOfScale));
        assert_eq!(ItemKind::Nps.parse_value("-1"), Err(ValueError::OutOfScale));
    }

    #[test]
    fn choices_must_be_among_the_options() {
        let options = vec!["a".to_owned(), "b".to_owned()];
        let single = ItemKind::Single {
            options: options.clone(),
        };
        assert_eq!(single.parse_value("b"), Ok(AnswerValue::Choice("b".into())));
        assert_eq!(single.parse_value("c"), Err(ValueError::OutOfScale));
        let multi = ItemKind::Multi { options };
        assert_eq!(
            multi.parse_value("b, a,b"),
            Ok(AnswerValue::Choices(vec!["b".into(), "a".into()]))
        );
        assert_eq!(multi.parse_value("a,z"), Err(ValueError::OutOfScale));
    }

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for kind in [
            ItemKind::AgreeDisagree,
            ItemKind::Likert5,
            ItemKind::Nps,
            ItemKind::Single {
                options: vec!["x".into()],
            },
            ItemKind::Multi {
                options: vec!["x".into()],
            },
            ItemKind::Text,
        ] {
            let options = match &kind {
                ItemKind::Single { options } | ItemKind::Multi { options } => options.clone(),
                _ => Vec::new(),
            };
            assert_eq!(ItemKind::from_parts(kind.name(), options), Some(kind));
        }
        assert_eq!(ItemKind::from_parts("stars", Vec::new()), None);
    }

    proptest! {
        #[test]
        fn a_parsed_value_reparses_to_itself(raw in "\\PC{0,12}") {
            let kind = ItemKind::Likert5;
            if let Ok(value) = kind.parse_value(&raw) {
                prop_assert_eq!(kind.parse_value(&value.to_string()), Ok(value));
            }
            if let Ok(value) = ItemKind::AgreeDisagree.parse_value(&raw) {
                prop_assert_eq!(ItemKind::AgreeDisagree.parse_value(&value.to_string()), Ok(value));
            }
        }
    }
}
