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
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    AgreeDisagree,
    Likert5,
    Nps,
    Single {
        options: Vec<String>,
    },
    /// Checkboxes; at most `max` may be chosen when it is set.
    Multi {
        options: Vec<String>,
        #[serde(default)]
        max: Option<u32>,
    },
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

    /// The kind's name in the item sheet's `type` column.
    pub fn sheet_name(&self) -> &'static str {
        match self {
            Self::AgreeDisagree => "enig_uenig",
            Self::Likert5 => "likert5",
            Self::Nps => "nps",
            Self::Single { .. } => "enkeltvalg",
            Self::Multi { .. } => "flervalg",
            Self::Text => "tekst",
        }
    }

    /// The options of a choice kind; none for the others.
    pub fn options(&self) -> &[String] {
        match self {
            Self::Single { options } | Self::Multi { options, .. } => options,
            _ => &[],
        }
    }

    /// The options as stored in `item.options_json`.
    pub fn options_json(&self) -> String {
        serde_json::to_string(self.options()).unwrap_or_else(|_| "[]".to_owned())
    }

    /// The most options a multiple choice takes, if it is limited.
    pub fn max_choices(&self) -> Option<u32> {
        match self {
            Self::Multi { max, .. } => *max,
            _ => None,
        }
    }

    /// Rebuilds a kind from its stored name, options and (multiple choice) maximum.
    pub fn from_parts(name: &str, options: Vec<String>, max: Option<u32>) -> Option<Self> {
        Some(match name {
            "agree_disagree" => Self::AgreeDisagree,
            "likert5" => Self::Likert5,
            "nps" => Self::Nps,
            "single" => Self::Single { options },
            "multi" => Self::Multi { options, max },
            "text" => Self::Text,
            _ => return None,
        })
    }

    /// Parses a submitted value for this kind. An empty string means "not answered"
    /// and is handled by the caller; here it is an error like any other bad value.
    /// Multiple choice travels as a JSON array of the chosen options, so an option may
    /// contain any character, commas included.
    pub fn parse_value(&self, raw: &str) -> Result<AnswerValue, ValueError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(ValueError::Empty);
        }
        match self {
            Self::AgreeDisagree => AgreeValue::parse(raw)
                .map(AnswerValue::Agree)
                .ok_or(ValueError::OutOfScale),
            Self::Likert5 if raw == DONT_KNOW => Ok(AnswerValue::DontKnow),
            Self::Likert5 => parse_in_range(raw, 1, 5),
            Self::Nps => parse_in_range(raw, 0, 10),
            Self::Single { options } => options
                .iter()
                .any(|o| o == raw)
                .then(|| AnswerValue::Choice(raw.to_owned()))
                .ok_or(ValueError::OutOfScale),
            Self::Multi { options, max } => {
                let parts: Vec<String> =
                    serde_json::from_str(raw).map_err(|_| ValueError::OutOfScale)?;
                let mut chosen: Vec<String> = Vec::new();
                for part in parts {
                    if !options.contains(&part) {
                        return Err(ValueError::OutOfScale);
                    }
                    if !chosen.contains(&part) {
                        chosen.push(part);
                    }
                }
                if chosen.is_empty() {
                    return Err(ValueError::Empty);
                }
                if let Some(max) = *max {
                    if chosen.len() > max as usize {
                        return Err(ValueError::TooMany(max));
                    }
                }
                // In the catalogue's order, so equal choices are stored equally.
                chosen.sort_by_key(|c| options.iter().position(|o| o == c));
                Ok(AnswerValue::Choices(chosen))
            }
            Self::Text => Ok(AnswerValue::Text(raw.to_owned())),
        }
    }

    /// The categories a tally of this kind counts, in the order every view shows them.
    /// Free text has none: it is read, not counted.
    pub fn buckets(&self) -> Vec<Bucket> {
        match self {
            Self::AgreeDisagree => vec![Bucket::Agree, Bucket::Disagree, Bucket::DontKnow],
            Self::Likert5 => (1..=5)
                .rev()
                .map(Bucket::Likert)
                .chain([Bucket::DontKnow])
                .collect(),
            Self::Nps => (0..=10).map(Bucket::Score).collect(),
            Self::Single { options } | Self::Multi { options, .. } => {
                options.iter().cloned().map(Bucket::Option).collect()
            }
            Self::Text => Vec::new(),
        }
    }

    /// Whether one answer may fall in several buckets (its shares are then shares of
    /// the respondents, and do not add up to 100).
    pub fn is_multi(&self) -> bool {
        matches!(self, Self::Multi { .. })
    }

    /// The positions in [`Self::buckets`] a stored value counts under: none for a
    /// value that does not parse (or free text), several for multiple choice.
    pub fn bucket_indices(&self, stored: &str) -> Vec<usize> {
        self.parse_value(stored)
            .map(|value| self.indices_of(value))
            .unwrap_or_default()
    }

    /// The positions in [`Self::buckets`] a parsed value counts under.
    pub fn indices_of(&self, value: AnswerValue) -> Vec<usize> {
        let buckets = self.buckets();
        let find = |b: &Bucket| buckets.iter().position(|x| x == b);
        match value {
            AnswerValue::Agree(v) => find(&Bucket::from(v)).into_iter().collect(),
            AnswerValue::DontKnow => find(&Bucket::DontKnow).into_iter().collect(),
            AnswerValue::Number(n) if *self == Self::Likert5 => {
                find(&Bucket::Likert(n)).into_iter().collect()
            }
            AnswerValue::Number(n) => find(&Bucket::Score(n)).into_iter().collect(),
            AnswerValue::Choice(c) => find(&Bucket::Option(c)).into_iter().collect(),
            AnswerValue::Choices(cs) => cs
                .into_iter()
                .filter_map(|c| find(&Bucket::Option(c)))
                .collect(),
            AnswerValue::Text(_) => Vec::new(),
        }
    }

    /// How a stored answer reads in `lang` (receipts, exports, conflict notices):
    /// `None` when it is not answered.
    pub fn answer_label(&self, lang: Lang, stored: &str) -> Option<String> {
        match self.parse_value(stored).ok()? {
            AnswerValue::Text(text) => Some(text),
            value => {
                let buckets = self.buckets();
                let labels: Vec<String> = self
                    .indices_of(value)
                    .into_iter()
                    .map(|i| buckets[i].label(lang))
                    .collect();
                Some(labels.join(" · "))
            }
        }
    }
}

fn parse_in_range(raw: &str, min: u8, max: u8) -> Result<AnswerValue, ValueError> {
    match raw.parse::<u8>() {
        Ok(n) if (min..=max).contains(&n) => Ok(AnswerValue::Number(n)),
        _ => Err(ValueError::OutOfScale),
    }
}

/// The stored value of "ved ikke", on every scale that has it.
pub const DONT_KNOW: &str = "dont_know";

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
            Self::DontKnow => DONT_KNOW,
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == raw)
    }
}

/// Which way an answer category leans: what "share positive", the hearing's
/// standing and the NPS score count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Polarity {
    Positive,
    Neutral,
    Negative,
    /// "Ved ikke": no position, left out of shares of those who took one.
    Abstain,
}

/// One answer category of an item kind: what a tally counts under.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bucket {
    Agree,
    Disagree,
    DontKnow,
    /// A Likert step, 5 = helt enig … 1 = helt uenig.
    Likert(u8),
    /// A 0–10 score.
    Score(u8),
    /// One option of a choice question.
    Option(String),
}

impl From<AgreeValue> for Bucket {
    fn from(v: AgreeValue) -> Self {
        match v {
            AgreeValue::Agree => Self::Agree,
            AgreeValue::Disagree => Self::Disagree,
            AgreeValue::DontKnow => Self::DontKnow,
        }
    }
}

impl Bucket {
    /// The stored value this bucket counts.
    pub fn value(&self) -> String {
        match self {
            Self::Agree => AgreeValue::Agree.as_str().to_owned(),
            Self::Disagree => AgreeValue::Disagree.as_str().to_owned(),
            Self::DontKnow => DONT_KNOW.to_owned(),
            Self::Likert(n) | Self::Score(n) => n.to_string(),
            Self::Option(o) => o.clone(),
        }
    }

    /// The category's name in the UI and in exports.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Self::Agree => lang.t(Key::Agree).to_owned(),
            Self::Disagree => lang.t(Key::Disagree).to_owned(),
            Self::DontKnow => lang.t(Key::DontKnow).to_owned(),
            Self::Likert(n) => lang
                .t(match n {
                    5 => Key::Likert5,
                    4 => Key::Likert4,
                    3 => Key::Likert3,
                    2 => Key::Likert2,
                    _ => Key::Likert1,
                })
                .to_owned(),
            Self::Score(n) => n.to_string(),
            Self::Option(o) => o.clone(),
        }
    }

    /// A stable class name for the bar's colours (options share one by position).
    pub fn css_key(&self, position: usize) -> String {
        match self {
            Self::Agree => "agree".into(),
            Self::Disagree => "disagree".into(),
            Self::DontKnow => "dont-know".into(),
            Self::Likert(n) => format!("likert-{n}"),
            Self::Score(n) => format!("score-{}", Polarity::of_score(*n).css()),
            Self::Option(_) => format!("option-{}", position % 6),
        }
    }

    pub fn polarity(&self) -> Polarity {
        match self {
            Self::Agree => Polarity::Positive,
            Self::Disagree => Polarity::Negative,
            Self::DontKnow => Polarity::Abstain,
            Self::Likert(n) if *n >= 4 => Polarity::Positive,
            Self::Likert(3) => Polarity::Neutral,
            Self::Likert(_) => Polarity::Negative,
            Self::Score(n) => Polarity::of_score(*n),
            Self::Option(_) => Polarity::Neutral,
        }
    }
}

impl Polarity {
    /// NPS: promoters 9–10, passives 7–8, detractors 0–6.
    fn of_score(n: u8) -> Self {
        match n {
            9.. => Self::Positive,
            7 | 8 => Self::Neutral,
            _ => Self::Negative,
        }
    }

    fn css(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Neutral => "neutral",
            Self::Negative => "negative",
            Self::Abstain => "abstain",
        }
    }
}

/// A validated answer value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnswerValue {
    Agree(AgreeValue),
    /// "Ved ikke / ikke relevant" on a Likert scale, kept apart from its steps.
    DontKnow,
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
            Self::DontKnow => f.write_str(DONT_KNOW),
            Self::Number(n) => write!(f, "{n}"),
            Self::Choice(c) | Self::Text(c) => f.write_str(c),
            Self::Choices(cs) => f.write_str(&serde_json::to_string(cs).map_err(|_| fmt::Error)?),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error("no value")]
    Empty,
    #[error("value outside the item's scale")]
    OutOfScale,
    #[error("more options chosen than the item's maximum of {0}")]
    TooMany(u32),
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
        let multi = ItemKind::Multi {
            options: options.clone(),
            max: None,
        };
        assert_eq!(
            multi.parse_value(r#"["b","a","b"]"#),
            Ok(AnswerValue::Choices(vec!["a".into(), "b".into()])),
            "deduplicated, in the catalogue's order"
        );
        assert_eq!(
            multi.parse_value(r#"["a","z"]"#),
            Err(ValueError::OutOfScale)
        );
        assert_eq!(multi.parse_value("a,b"), Err(ValueError::OutOfScale));
        assert_eq!(multi.parse_value("[]"), Err(ValueError::Empty));
        let at_most_one = ItemKind::Multi {
            options,
            max: Some(1),
        };
        assert_eq!(
            at_most_one.parse_value(r#"["b"]"#),
            Ok(AnswerValue::Choices(vec!["b".into()]))
        );
        assert_eq!(
            at_most_one.parse_value(r#"["a","b"]"#),
            Err(ValueError::TooMany(1))
        );
        assert_eq!(
            at_most_one.parse_value(r#"["a","a"]"#),
            Ok(AnswerValue::Choices(vec!["a".into()])),
            "a choice sent twice is one choice"
        );
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
                max: Some(1),
            },
            ItemKind::Text,
        ] {
            let rebuilt =
                ItemKind::from_parts(kind.name(), kind.options().to_vec(), kind.max_choices());
            assert_eq!(rebuilt, Some(kind));
        }
        assert_eq!(ItemKind::from_parts("stars", Vec::new(), None), None);
    }

    #[test]
    fn an_option_with_a_comma_can_be_chosen() {
        let multi = ItemKind::Multi {
            options: vec!["Ja, ofte".into(), "Nej".into()],
            max: None,
        };
        let value = multi.parse_value(r#"["Ja, ofte"]"#).unwrap();
        assert_eq!(value.to_string(), r#"["Ja, ofte"]"#);
        assert_eq!(multi.bucket_indices(&value.to_string()), vec![0]);
        assert_eq!(
            multi
                .answer_label(Lang::Da, r#"["Nej","Ja, ofte"]"#)
                .as_deref(),
            Some("Ja, ofte · Nej")
        );
    }

    #[test]
    fn every_value_of_a_scale_falls_in_exactly_one_bucket() {
        let likert = ItemKind::Likert5;
        assert_eq!(likert.buckets().len(), 6);
        assert_eq!(likert.bucket_indices("5"), vec![0], "helt enig first");
        assert_eq!(likert.bucket_indices("1"), vec![4]);
        assert_eq!(likert.bucket_indices(DONT_KNOW), vec![5], "ved ikke apart");
        assert_eq!(likert.bucket_indices("7"), Vec::<usize>::new());
        let nps = ItemKind::Nps;
        for n in 0..=10u8 {
            assert_eq!(nps.bucket_indices(&n.to_string()), vec![usize::from(n)]);
        }
        assert_eq!(
            ItemKind::AgreeDisagree
                .answer_label(Lang::Da, "disagree")
                .as_deref(),
            Some("Uenig")
        );
        assert_eq!(ItemKind::AgreeDisagree.answer_label(Lang::Da, ""), None);
        assert_eq!(ItemKind::Text.buckets(), Vec::new());
    }

    #[test]
    fn polarity_follows_the_scale() {
        assert_eq!(Bucket::Likert(4).polarity(), Polarity::Positive);
        assert_eq!(Bucket::Likert(3).polarity(), Polarity::Neutral);
        assert_eq!(Bucket::Likert(2).polarity(), Polarity::Negative);
        assert_eq!(Bucket::Score(9).polarity(), Polarity::Positive);
        assert_eq!(Bucket::Score(7).polarity(), Polarity::Neutral);
        assert_eq!(Bucket::Score(6).polarity(), Polarity::Negative);
        assert_eq!(Bucket::DontKnow.polarity(), Polarity::Abstain);
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

        #[test]
        fn any_chosen_options_survive_the_round_trip(
            options in proptest::collection::vec("\\PC{1,12}", 1..6),
            picks in proptest::collection::vec(0usize..6, 1..6),
        ) {
            let kind = ItemKind::Multi { options: options.clone(), max: None };
            let chosen: Vec<&String> = picks.iter().map(|&i| &options[i % options.len()]).collect();
            let raw = serde_json::to_string(&chosen).unwrap();
            let value = kind.parse_value(&raw).unwrap();
            prop_assert_eq!(kind.parse_value(&value.to_string()), Ok(value.clone()));
            let AnswerValue::Choices(stored) = value else { unreachable!() };
            for c in chosen {
                prop_assert!(stored.contains(c));
            }
        }
    }
}
