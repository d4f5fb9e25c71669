//! Series: the editions of one recurring consultation ("Trivsel 2025", "Trivsel 2026",
//! or last year's hearing and this year's), compared item by item through their codes.
//! An item whose code an earlier edition had is the same question asked again; its
//! words or its scale may have changed, and the report says so. An item's trend is one
//! figure per edition — the share positive, the share agreeing or the NPS — for the
//! whole and for one unit, each as suppressed as in its own edition's report.

use crate::i18n::{Key, Lang};
use crate::model::report::{key_figures, KeyFigure, Tally};
use crate::model::{ConsultationId, ItemKind, SeriesId};
use serde::{Deserialize, Serialize};

/// The longest title of a series.
pub const SERIES_TITLE_MAX: usize = 120;
/// How many discussion questions a series prints on each unit's dialogue sheet.
pub const QUESTIONS_MAX: usize = 3;
/// The longest discussion question.
pub const QUESTION_MAX_CHARS: usize = 300;

/// The figure an item's trend follows: the one a reader compares year on year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    /// Per cent positive on a 1–5 scale ("ved ikke" left out).
    Positive,
    /// Per cent agreeing with a hearing's proposal, of those who took a position.
    Agree,
    /// Net promoter score.
    Nps,
}

impl Measure {
    /// The figure a question of `kind` is followed by; none for choices and text.
    pub fn of(kind: &ItemKind) -> Option<Self> {
        match kind {
            ItemKind::Likert5 => Some(Self::Positive),
            ItemKind::AgreeDisagree => Some(Self::Agree),
            ItemKind::Nps => Some(Self::Nps),
            _ => None,
        }
    }

    /// The figure of one tally, rounded half up to a whole number; none when nobody
    /// took a position.
    pub fn value(self, kind: &ItemKind, tally: &Tally) -> Option<i32> {
        match self {
            Self::Agree => {
                let positioned = tally.positioned();
                (positioned > 0)
                    .then(|| ((200 * tally.positive + positioned) / (2 * positioned)) as i32)
            }
            Self::Positive | Self::Nps => key_figures(kind, tally).iter().find_map(|f| match f {
                KeyFigure::SharePositive(p) if self == Self::Positive => Some(*p as i32),
                KeyFigure::Nps(n) if self == Self::Nps => Some(*n),
                _ => None,
            }),
        }
    }

    pub fn label(self) -> Key {
        match self {
            Self::Positive => Key::MeasurePositive,
            Self::Agree => Key::MeasureAgree,
            Self::Nps => Key::MeasureNps,
        }
    }

    /// A value as shown: "62 %", "NPS 14".
    pub fn show(self, value: i32, lang: Lang) -> String {
        match self {
            Self::Positive | Self::Agree => {
                lang.fill(Key::PercentValue, &[("n", &value.to_string())])
            }
            Self::Nps => value.to_string(),
        }
    }

    /// Whether a difference is in percentage points (else in points of the NPS).
    fn in_percentage_points(self) -> bool {
        !matches!(self, Self::Nps)
    }

    /// The whole range of the figure.
    fn range(self) -> (i32, i32) {
        match self {
            Self::Positive | Self::Agree => (0, 100),
            Self::Nps => (-100, 100),
        }
    }
}

/// What an item of this edition is, against the edition before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Novelty {
    /// Asked before in the same words on the same scale.
    Same,
    /// Its code was not in the edition before.
    New,
    /// Same code and scale, other words: the figures follow on, with a note.
    Reworded,
    /// Same code, another kind of answer: earlier figures do not compare.
    Retyped,
}

/// An item as the comparison sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemSig {
    pub code: String,
    pub text: String,
    pub kind: ItemKind,
}

/// How an edition's items stand against the edition before it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Per item of this edition, in its order.
    pub novelty: Vec<Novelty>,
    /// The earlier edition's items whose code this one lacks, in their order.
    pub gone: Vec<ItemSig>,
}

impl Comparison {
    /// Matches `current` against `previous` by code. Words count as changed when they
    /// differ other than in spacing.
    pub fn of(previous: &[ItemSig], current: &[ItemSig]) -> Self {
        let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let novelty = current
            .iter()
            .map(|item| match previous.iter().find(|p| p.code == item.code) {
                None => Novelty::New,
                Some(p) if p.kind != item.kind => Novelty::Retyped,
                Some(p) if words(&p.text) != words(&item.text) => Novelty::Reworded,
                Some(_) => Novelty::Same,
            })
            .collect();
        let gone = previous
            .iter()
            .filter(|p| !current.iter().any(|c| c.code == p.code))
            .cloned()
            .collect();
        Self { novelty, gone }
    }

    /// The items of `current` that are of `novelty`, for listing them.
    pub fn of_kind<'a>(&self, current: &'a [ItemSig], novelty: Novelty) -> Vec<&'a ItemSig> {
        current
            .iter()
            .zip(&self.novelty)
            .filter(|(_, n)| **n == novelty)
            .map(|(item, _)| item)
            .collect()
    }
}

/// One edition of a series, as the report names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    pub id: ConsultationId,
    pub title: String,
    /// Short, for the chart and the table: the year of its deadline (with the month
    /// when two editions share a year).
    pub label: String,
}

/// One edition's figure of an item: the whole's and the unit's (when one is asked
/// for); `None` where it is suppressed or nobody took a position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrendPoint {
    pub edition: String,
    pub whole: Option<i32>,
    pub unit: Option<i32>,
}

/// An item across the editions up to this one, oldest first, this edition last.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemTrend {
    pub measure: Measure,
    pub novelty: Novelty,
    /// The label of the edition the novelty is against.
    pub previous: Option<String>,
    pub points: Vec<TrendPoint>,
}

/// The change of a figure since the last edition that had it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub delta: i32,
    pub since: String,
}

impl ItemTrend {
    /// The change of the whole's figure (`unit` false) or the unit's since the
    /// latest earlier edition that has one; none when this edition has none.
    pub fn change(&self, unit: bool) -> Option<Change> {
        let value = |p: &TrendPoint| if unit { p.unit } else { p.whole };
        let (last, earlier) = self.points.split_last()?;
        let now = value(last)?;
        earlier
            .iter()
            .rev()
            .find_map(|p| value(p).map(|v| (v, p)))
            .map(|(before, p)| Change {
                delta: now - before,
                since: p.edition.clone(),
            })
    }

    /// Whether any earlier edition has a figure to compare with.
    pub fn has_history(&self) -> bool {
        self.points.len() > 1
    }
}

impl Change {
    /// The change in words, with its direction: "Steget 6 procentpoint siden 2025".
    pub fn text(&self, measure: Measure, lang: Lang) -> String {
        let key = match (self.delta.signum(), measure.in_percentage_points()) {
            (0, _) => Key::TrendSame,
            (1, true) => Key::TrendUpPp,
            (1, false) => Key::TrendUpPoints,
            (_, true) => Key::TrendDownPp,
            (_, false) => Key::TrendDownPoints,
        };
        lang.fill(
            key,
            &[("n", &self.delta.abs().to_string()), ("since", &self.since)],
        )
    }

    /// The change in a few characters, for a table cell: "+6 pp siden 2025".
    pub fn short(&self, measure: Measure, lang: Lang) -> String {
        let key = if measure.in_percentage_points() {
            Key::TrendShortPp
        } else {
            Key::TrendShortPoints
        };
        let n = match self.delta.signum() {
            1 => format!("+{}", self.delta),
            -1 => format!("−{}", -self.delta),
            _ => "±0".to_owned(),
        };
        lang.fill(key, &[("n", &n), ("since", &self.since)])
    }

    /// The mark beside the words (never the only sign of the direction).
    pub fn mark(&self) -> &'static str {
        match self.delta.signum() {
            1 => "↑",
            -1 => "↓",
            _ => "→",
        }
    }
}

/// The band of a chart of `values`: around them, at least a fifth of the figure's
/// range high and within it, so a change of a few points shows without a small one
/// looking large.
pub fn band(measure: Measure, values: &[Option<i32>]) -> (i32, i32) {
    let (floor, ceiling) = measure.range();
    let min_span = (ceiling - floor) / 5;
    let present = values.iter().flatten();
    let (Some(&lo), Some(&hi)) = (present.clone().min(), present.max()) else {
        return (floor, ceiling);
    };
    let pad = ((min_span - (hi - lo)).max(0) + 1) / 2;
    let (lo, hi) = (lo - pad - 2, hi + pad + 2);
    if lo < floor {
        (floor, (floor + hi - lo).min(ceiling))
    } else if hi > ceiling {
        ((ceiling - (hi - lo)).max(floor), ceiling)
    } else {
        (lo, hi)
    }
}

/// Where the points of `values` lie in a chart of `width` × `height` showing `band`
/// (y grows downwards): the editions spread evenly, one alone in the middle.
pub fn place(
    values: &[Option<i32>],
    band: (i32, i32),
    width: f32,
    height: f32,
) -> Vec<Option<(f32, f32)>> {
    let span = (band.1 - band.0).max(1) as f32;
    let steps = values.len().saturating_sub(1).max(1) as f32;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if values.len() == 1 {
                width / 2.0
            } else {
                width * i as f32 / steps
            };
            v.map(|v| (x, height * (band.1 - v) as f32 / span))
        })
        .collect()
}

/// A series as its panel on a consultation's page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesPanel {
    /// The series this consultation is in: (id, title).
    pub current: Option<(SeriesId, String)>,
    /// Its editions, by deadline.
    pub editions: Vec<Edition>,
    /// Against the edition before this one: its label, and the items by novelty.
    pub previous: Option<String>,
    pub new: Vec<ItemSig>,
    pub reworded: Vec<ItemSig>,
    pub retyped: Vec<ItemSig>,
    pub gone: Vec<ItemSig>,
    /// The series of the same kind it can be put in: (id, title).
    pub choices: Vec<(SeriesId, String)>,
    /// The series' discussion questions.
    pub questions: Vec<String>,
}

/// A report's series: its editions up to this one, and what the edition before it
/// had that this one does not ask.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesContext {
    pub title: String,
    pub editions: Vec<Edition>,
    pub previous: Option<String>,
    pub gone: Vec<ItemSig>,
    /// The administration's questions for every unit's dialogue sheet.
    pub questions: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sig(code: &str, text: &str, kind: ItemKind) -> ItemSig {
        ItemSig {
            code: code.into(),
            text: text.into(),
            kind,
        }
    }

    #[test]
    fn items_are_matched_by_code_as_same_new_reworded_retyped_or_gone() {
        let previous = [
            sig(
                "1.1",
                "Jeg glæder mig til at gå på arbejde.",
                ItemKind::Likert5,
            ),
            sig("1.2", "Mit arbejde giver mening.", ItemKind::Likert5),
            sig("1.3", "Jeg anbefaler arbejdspladsen.", ItemKind::Likert5),
            sig("1.4", "Jeg er stresset.", ItemKind::Likert5),
        ];
        let current = [
            sig(
                "1.1",
                "Jeg glæder mig  til at gå på arbejde. ",
                ItemKind::Likert5,
            ),
            sig(
                "1.2",
                "Mit arbejde giver mening for mig.",
                ItemKind::Likert5,
            ),
            sig("1.3", "Jeg anbefaler arbejdspladsen.", ItemKind::Nps),
            sig("1.5", "Jeg kan sige fra.", ItemKind::Likert5),
        ];
        let comparison = Comparison::of(&previous, &current);
        assert_eq!(
            comparison.novelty,
            vec![
                Novelty::Same,
                Novelty::Reworded,
                Novelty::Retyped,
                Novelty::New
            ]
        );
        assert_eq!(comparison.gone, vec![previous[3].clone()]);
        assert_eq!(
            comparison.of_kind(&current, Novelty::New),
            vec![&current[3]]
        );
    }

    #[test]
    fn the_first_edition_has_only_new_items() {
        let current = [sig("1", "A", ItemKind::AgreeDisagree)];
        let comparison = Comparison::of(&[], &current);
        assert_eq!(comparison.novelty, vec![Novelty::New]);
        assert!(comparison.gone.is_empty());
    }

    fn point(edition: &str, whole: Option<i32>, unit: Option<i32>) -> TrendPoint {
        TrendPoint {
            edition: edition.into(),
            whole,
            unit,
        }
    }

    #[test]
    fn the_change_is_against_the_latest_edition_with_a_figure() {
        let trend = ItemTrend {
            measure: Measure::Positive,
            novelty: Novelty::Same,
            previous: Some("2025".into()),
            points: vec![
                point("2024", Some(50), Some(40)),
                point("2025", Some(58), None),
                point("2026", Some(64), Some(37)),
            ],
        };
        let whole = trend.change(false).unwrap();
        assert_eq!((whole.delta, whole.since.as_str()), (6, "2025"));
        assert_eq!(
            whole.text(Measure::Positive, Lang::Da),
            "Steget 6 procentpoint siden 2025"
        );
        assert_eq!(whole.mark(), "↑");
        assert_eq!(whole.short(Measure::Positive, Lang::Da), "+6 pp siden 2025");
        let unit = trend.change(true).unwrap();
        assert_eq!((unit.delta, unit.since.as_str()), (-3, "2024"));
        assert_eq!(
            unit.text(Measure::Positive, Lang::En),
            "Down 3 percentage points since 2024"
        );
        let nps = Change {
            delta: 0,
            since: "2025".into(),
        };
        assert_eq!(nps.text(Measure::Nps, Lang::Da), "Uændret siden 2025");
        assert_eq!(nps.short(Measure::Nps, Lang::En), "±0 since 2025");
    }

    #[test]
    fn no_change_without_a_figure_now_or_before() {
        let trend = ItemTrend {
            measure: Measure::Nps,
            novelty: Novelty::New,
            previous: None,
            points: vec![point("2025", None, None), point("2026", Some(12), None)],
        };
        assert_eq!(trend.change(false), None);
        assert_eq!(trend.change(true), None);
    }

    #[test]
    fn the_share_agreeing_leaves_out_those_without_a_position() {
        let kind = ItemKind::AgreeDisagree;
        let mut tally = Tally::of(kind.buckets().len(), 10);
        tally.positive = 2;
        tally.negative = 1;
        assert_eq!(Measure::Agree.value(&kind, &tally), Some(67));
        let empty = Tally::of(kind.buckets().len(), 10);
        assert_eq!(Measure::Agree.value(&kind, &empty), None);
    }

    #[test]
    fn the_chart_spreads_editions_and_keeps_a_band_of_a_fifth_of_the_range() {
        let values = [Some(60), None, Some(66)];
        let band = band(Measure::Positive, &values);
        assert_eq!(band, (51, 75));
        let points = place(&values, band, 100.0, 50.0);
        assert_eq!(points[0].map(|p| p.0), Some(0.0));
        assert_eq!(points[1], None);
        assert_eq!(points[2].map(|p| p.0), Some(100.0));
        // The higher value is drawn higher up.
        assert!(points[2].unwrap().1 < points[0].unwrap().1);
        // Near the top of the range the band stays within it.
        assert_eq!(super::band(Measure::Positive, &[Some(99)]), (76, 100));
        assert_eq!(super::band(Measure::Nps, &[None]), (-100, 100));
        assert_eq!(
            place(&[Some(0)], (-100, 100), 100.0, 50.0),
            vec![Some((50.0, 25.0))]
        );
    }
}
