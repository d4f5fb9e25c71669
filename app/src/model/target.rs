//! "Hvad er godt nok?" — the administration's target for a survey question, or for
//! every question of an area, and where a figure stands against it. A target is one
//! of the figures the report already reads an item by (share positive, mean, NPS) and
//! the least value that is good enough; the standing is said in words (over, near,
//! under), never by colour alone.

use crate::i18n::{Key, Lang};
use crate::model::admin::{Msg, Problem};
use crate::model::report::{key_figures, KeyFigure, Tally};
use crate::model::ItemKind;
use serde::{Deserialize, Serialize};

/// The figure a target is set on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Per cent who agree or strongly agree (a 1–5 scale).
    Positive,
    /// The mean step of a 1–5 scale.
    Mean,
    /// Net promoter score, −100 to 100 (a 0–10 question).
    Nps,
}

impl Metric {
    pub const ALL: [Metric; 3] = [Metric::Positive, Metric::Mean, Metric::Nps];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Positive => "positive",
            Self::Mean => "mean",
            Self::Nps => "nps",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == raw)
    }

    pub fn label(self) -> Key {
        match self {
            Self::Positive => Key::MetricPositive,
            Self::Mean => Key::MetricMean,
            Self::Nps => Key::MetricNps,
        }
    }

    /// Whether a question of `kind` has this figure.
    pub fn fits(self, kind: &ItemKind) -> bool {
        matches!(
            (self, kind),
            (Self::Positive | Self::Mean, ItemKind::Likert5) | (Self::Nps, ItemKind::Nps)
        )
    }

    /// The figures a question of `kind` can have a target on.
    pub fn for_kind(kind: &ItemKind) -> Vec<Metric> {
        Self::ALL.into_iter().filter(|m| m.fits(kind)).collect()
    }

    /// The figure's whole range, in hundredths.
    fn range(self) -> (i64, i64) {
        match self {
            Self::Positive => (0, 10_000),
            Self::Mean => (100, 500),
            Self::Nps => (-10_000, 10_000),
        }
    }

    /// How far below its target a figure still stands near it, in hundredths: five
    /// percentage points, a fifth of a step on the mean, five NPS points.
    fn near(self) -> i64 {
        match self {
            Self::Positive | Self::Nps => 500,
            Self::Mean => 20,
        }
    }

    /// This metric's figure among a tally's key figures, in hundredths.
    fn figure(self, figures: &[KeyFigure]) -> Option<i64> {
        figures.iter().find_map(|f| match (self, f) {
            (Self::Positive, KeyFigure::SharePositive(p)) => Some(i64::from(*p) * 100),
            (Self::Mean, KeyFigure::Mean(m)) => Some((m * 100.0).round() as i64),
            (Self::Nps, KeyFigure::Nps(n)) => Some(i64::from(*n) * 100),
            _ => None,
        })
    }
}

/// A figure and the least value of it that is good enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub metric: Metric,
    /// In hundredths of the figure as shown: 80 % is 8000, a mean of 4.0 is 400.
    pub threshold: i64,
}

/// Where a figure stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    Above,
    Near,
    Below,
}

impl Standing {
    pub fn label(self) -> Key {
        match self {
            Self::Above => Key::TargetAbove,
            Self::Near => Key::TargetNear,
            Self::Below => Key::TargetBelow,
        }
    }

    /// The class that gives the words their mark (▲ ● ▼) and colour.
    pub fn class(self) -> &'static str {
        match self {
            Self::Above => "standing-above",
            Self::Near => "standing-near",
            Self::Below => "standing-below",
        }
    }
}

impl Target {
    /// Reads a target as typed: "80", "80 %", "4,0", "4.25", "-10" (at most two
    /// decimals), which must lie within the figure's range.
    pub fn parse(metric: Metric, raw: &str) -> Result<Self, Problem> {
        let invalid = || Problem::new("threshold", Msg::TargetNumber);
        let text = raw.trim().trim_end_matches('%').trim().replace(',', ".");
        let (negative, digits) = match text.strip_prefix(['-', '−']) {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 4 || fraction.len() > 2 {
            return Err(invalid());
        }
        if !all_digits(whole) || !all_digits(fraction) {
            return Err(invalid());
        }
        let whole: i64 = whole.parse().map_err(|_| invalid())?;
        let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| invalid())?;
        let value = (whole * 100 + fraction) * if negative { -1 } else { 1 };
        let (low, high) = metric.range();
        if !(low..=high).contains(&value) {
            let range = format!("{} … {}", low / 100, high / 100);
            return Err(Problem::with("threshold", Msg::TargetRange, range));
        }
        Ok(Self {
            metric,
            threshold: value,
        })
    }

    /// Where `tally` of a question of `kind` stands; `None` when it has no such
    /// figure (nobody answered on the scale).
    pub fn judge(self, kind: &ItemKind, tally: &Tally) -> Option<Standing> {
        let figure = self.metric.figure(&key_figures(kind, tally))?;
        Some(if figure >= self.threshold {
            Standing::Above
        } else if self.threshold - figure <= self.metric.near() {
            Standing::Near
        } else {
            Standing::Below
        })
    }

    /// How far `tally` falls short of the target, as a share of the figure's whole
    /// range (so a mean 0,4 short and a share 10 points short compare); `None` when
    /// it has no such figure, 0 or less when the target is met.
    pub fn shortfall(self, kind: &ItemKind, tally: &Tally) -> Option<f64> {
        let figure = self.metric.figure(&key_figures(kind, tally))?;
        let (low, high) = self.metric.range();
        Some((self.threshold - figure) as f64 / (high - low) as f64)
    }

    /// The figure the target is on, as shown beside it: "62", "3,6", "-4".
    pub fn figure_text(self, kind: &ItemKind, tally: &Tally, lang: Lang) -> Option<String> {
        let figure = self.metric.figure(&key_figures(kind, tally))?;
        Some(shown(figure, self.metric, lang))
    }

    /// The least good-enough value alone, as typed back into its field: "80", "4,0".
    pub fn number(self, lang: Lang) -> String {
        shown(self.threshold, self.metric, lang)
    }

    /// "≥ 80 % positive", "gns. ≥ 4,0", "NPS ≥ 20".
    pub fn text(self, lang: Lang) -> String {
        let value = self.number(lang);
        let key = match self.metric {
            Metric::Positive => Key::TargetPositiveText,
            Metric::Mean => Key::TargetMeanText,
            Metric::Nps => Key::TargetNpsText,
        };
        lang.fill(key, &[("n", &value)])
    }
}

/// A value in hundredths as the reader writes it: "80", "80,5", "4,0" (a mean always
/// with its decimal), with the language's decimal sign.
fn shown(hundredths: i64, metric: Metric, lang: Lang) -> String {
    let text = plain(hundredths, metric);
    match lang {
        Lang::Da => text.replace('.', ","),
        _ => text,
    }
}

fn plain(hundredths: i64, metric: Metric) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let (whole, fraction) = (hundredths.abs() / 100, hundredths.abs() % 100);
    match (fraction, metric) {
        (0, Metric::Mean) => format!("{sign}{whole}.0"),
        (0, _) => format!("{sign}{whole}"),
        (f, _) if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        (f, _) => format!("{sign}{whole}.{f:02}"),
    }
}

/// A question's target as the report shows it: the target (its own or its area's)
/// and where the whole, and the one column beside it, stand.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetView {
    pub target: Target,
    /// The area's target, which the question has no own to override.
    pub from_area: bool,
    /// `None` where the figure is suppressed or there is none.
    pub whole: Option<Standing>,
    /// The unit beside the whole (its sheet), as suppressed there.
    pub column: Option<Standing>,
}

/// An area of a survey with the figures a target on it can be set on (those some of
/// its questions have) and its target, for the report's form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AreaTarget {
    pub section_id: crate::model::SectionId,
    pub title: String,
    pub metrics: Vec<Metric>,
    pub target: Option<Target>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::report::Tally;

    fn likert(counts: [u32; 5]) -> Tally {
        let kind = ItemKind::Likert5;
        let buckets = kind.buckets();
        let mut tally = Tally::of(buckets.len(), counts.iter().sum());
        for (step, n) in counts.iter().enumerate() {
            let at = buckets
                .iter()
                .position(|b| *b == crate::model::Bucket::Likert(step as u8 + 1))
                .unwrap();
            tally.record(&buckets, &[at], *n);
        }
        tally
    }

    #[test]
    fn targets_are_read_as_typed_and_checked_against_the_scale() {
        let parse = |m, raw| Target::parse(m, raw).map(|t| t.threshold);
        assert_eq!(parse(Metric::Positive, "80"), Ok(8000));
        assert_eq!(parse(Metric::Positive, " 80 % "), Ok(8000));
        assert_eq!(parse(Metric::Positive, "72,5"), Ok(7250));
        assert_eq!(parse(Metric::Mean, "4,0"), Ok(400));
        assert_eq!(parse(Metric::Mean, "3.85"), Ok(385));
        assert_eq!(parse(Metric::Nps, "-10"), Ok(-1000));
        assert_eq!(parse(Metric::Nps, "−10"), Ok(-1000));
        assert_eq!(
            parse(Metric::Positive, "4,"),
            Ok(400),
            "a stray comma is no harm"
        );
        for bad in ["", "abc", ",5", "4,123", "1e3", "--3", "4.0.0", "12345"] {
            let problem = Target::parse(Metric::Positive, bad).unwrap_err();
            assert_eq!(problem.msg, Msg::TargetNumber, "{bad:?}");
        }
        let out = Target::parse(Metric::Mean, "6").unwrap_err();
        assert_eq!((out.msg, out.arg.as_str()), (Msg::TargetRange, "1 … 5"));
        assert_eq!(
            Target::parse(Metric::Positive, "101").unwrap_err().msg,
            Msg::TargetRange
        );
        assert_eq!(
            Target::parse(Metric::Nps, "-101").unwrap_err().msg,
            Msg::TargetRange
        );
    }

    #[test]
    fn a_figure_stands_above_near_or_below_its_target() {
        // 7 of 10 agree or strongly agree: 70 % positive, mean 3.9.
        let tally = likert([0, 1, 2, 4, 3]);
        let kind = ItemKind::Likert5;
        let judge = |metric, raw| Target::parse(metric, raw).unwrap().judge(&kind, &tally);
        assert_eq!(judge(Metric::Positive, "70"), Some(Standing::Above));
        assert_eq!(judge(Metric::Positive, "75"), Some(Standing::Near));
        assert_eq!(judge(Metric::Positive, "75,01"), Some(Standing::Below));
        assert_eq!(judge(Metric::Mean, "4,1"), Some(Standing::Near));
        assert_eq!(judge(Metric::Mean, "4,2"), Some(Standing::Below));
        assert_eq!(judge(Metric::Nps, "0"), None, "a scale has no NPS");
        let nobody = likert([0; 5]);
        let target = Target::parse(Metric::Mean, "4").unwrap();
        assert_eq!(target.judge(&kind, &nobody), None);
        // Shortfalls compare across figures as shares of their ranges.
        let short = |metric, raw| {
            Target::parse(metric, raw)
                .unwrap()
                .shortfall(&kind, &tally)
                .unwrap()
        };
        assert!((short(Metric::Positive, "80") - 0.10).abs() < 1e-9);
        assert!((short(Metric::Mean, "4,3") - 0.10).abs() < 1e-9);
        assert!(short(Metric::Positive, "60") < 0.0, "met");
        assert_eq!(target.shortfall(&kind, &nobody), None);
    }

    #[test]
    fn a_target_is_written_in_the_readers_language() {
        let text = |metric, raw, lang| Target::parse(metric, raw).unwrap().text(lang);
        assert_eq!(text(Metric::Positive, "80", Lang::Da), "≥ 80 % positive");
        assert_eq!(text(Metric::Mean, "4", Lang::Da), "gns. ≥ 4,0");
        assert_eq!(text(Metric::Mean, "3.85", Lang::En), "mean ≥ 3.85");
        assert_eq!(text(Metric::Nps, "-5", Lang::Da), "NPS ≥ -5");
        assert!(Metric::Mean.fits(&ItemKind::Likert5));
        assert!(!Metric::Mean.fits(&ItemKind::Nps));
        assert_eq!(Metric::for_kind(&ItemKind::Text), Vec::new());
    }
}
