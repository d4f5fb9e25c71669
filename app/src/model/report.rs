//! The decision material's figures: how the bodies that submitted answered each item,
//! shares that add up to exactly 100, and how contested an item is. Pure functions over
//! counts, so the report page, the memo and every export agree to the last digit.

use super::admin::Rate;
use super::AgreeValue;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How the bodies that submitted answered one item (within one group, unit or overall).
/// `unanswered` counts submitted responses that left the item blank, so the four add
/// up to the number of bodies that answered the hearing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    pub agree: u32,
    pub disagree: u32,
    pub dont_know: u32,
    pub unanswered: u32,
}

/// The tally's outcomes in the order every view shows them.
pub const OUTCOMES: [Outcome; 4] = [
    Outcome::Agree,
    Outcome::Disagree,
    Outcome::DontKnow,
    Outcome::Unanswered,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Agree,
    Disagree,
    DontKnow,
    Unanswered,
}

impl Outcome {
    /// Stable name for CSS classes and export headers.
    pub fn key(self) -> &'static str {
        match self {
            Self::Agree => "agree",
            Self::Disagree => "disagree",
            Self::DontKnow => "dont-know",
            Self::Unanswered => "unanswered",
        }
    }

    /// The outcome's name in the UI and in exports.
    pub fn label(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Self::Agree => Key::Agree,
            Self::Disagree => Key::Disagree,
            Self::DontKnow => Key::DontKnow,
            Self::Unanswered => Key::NotAnswered,
        }
    }
}

impl Tally {
    /// A tally of `answered` bodies, none of which has answered yet.
    pub fn of(answered: u32) -> Self {
        Self {
            unanswered: answered,
            ..Self::default()
        }
    }

    /// Moves `n` bodies from "not answered" to `value`. The caller's counts come from
    /// the same submitted responses, so `unanswered` cannot go below zero; if it would,
    /// the data is inconsistent and the total grows instead of lying.
    pub fn record(&mut self, value: AgreeValue, n: u32) {
        match value {
            AgreeValue::Agree => self.agree += n,
            AgreeValue::Disagree => self.disagree += n,
            AgreeValue::DontKnow => self.dont_know += n,
        }
        self.unanswered = self.unanswered.saturating_sub(n);
    }

    pub fn add(&mut self, other: &Tally) {
        self.agree += other.agree;
        self.disagree += other.disagree;
        self.dont_know += other.dont_know;
        self.unanswered += other.unanswered;
    }

    pub fn counts(&self) -> [u32; 4] {
        [self.agree, self.disagree, self.dont_know, self.unanswered]
    }

    pub fn count(&self, outcome: Outcome) -> u32 {
        self.counts()[outcome as usize]
    }

    pub fn total(&self) -> u32 {
        self.counts().iter().sum()
    }

    /// Whole percentages that sum to exactly 100 (all zero when the tally is empty).
    pub fn percents(&self) -> [u32; 4] {
        apportion(self.counts(), 100)
    }

    /// Percentages in tenths (423 = 42.3 %) that sum to exactly 1000, for exports.
    pub fn permille(&self) -> [u32; 4] {
        apportion(self.counts(), 1000)
    }

    /// The bodies that took a position: enig or uenig.
    pub fn positioned(&self) -> u32 {
        self.agree + self.disagree
    }

    /// How far apart enig and uenig are among those who took a position, from 0 (an
    /// even split, the most contested) to 1 (unanimous). `None` when nobody took one.
    pub fn margin(&self) -> Option<f64> {
        let positioned = self.positioned();
        (positioned > 0)
            .then(|| f64::from(self.agree.abs_diff(self.disagree)) / f64::from(positioned))
    }
}

/// Shares of `units` (100 for whole per cent, 1000 for tenths) by the largest remainder
/// method (Hamilton): every count gets the whole units of its exact share, and the units
/// still missing go one each to the largest remainders, so the shares always sum to
/// exactly `units`. Equal remainders go to the larger count, then to the outcome listed
/// first, so the result is deterministic. All zeros when the counts are.
pub fn apportion<const N: usize>(counts: [u32; N], units: u32) -> [u32; N] {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    let mut shares = [0u32; N];
    if total == 0 {
        return shares;
    }
    let mut remainders = [(0u64, 0u32, 0usize); N];
    for (i, &count) in counts.iter().enumerate() {
        let exact = u64::from(count) * u64::from(units);
        shares[i] = (exact / total) as u32;
        remainders[i] = (exact % total, count, i);
    }
    let missing = units - shares.iter().sum::<u32>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    for &(_, _, i) in remainders.iter().take(missing as usize) {
        shares[i] += 1;
    }
    shares
}

/// "Mest omstridt" first: the smallest margin between enig and uenig among those who
/// took a position; on equal margins, the item more bodies took a position on comes
/// first (an even split among 20 is more contested than among 2); items nobody took a
/// position on come last. Within all ties the catalogue order stands, so the caller
/// sorts stably from catalogue order.
pub fn contested_order(a: &Tally, b: &Tally) -> Ordering {
    match (a.margin(), b.margin()) {
        (Some(x), Some(y)) => x
            .partial_cmp(&y)
            .unwrap_or(Ordering::Equal)
            .then(b.positioned().cmp(&a.positioned())),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Where a proposal stands among the bodies that took a position (enig or uenig):
/// the rule the report's overview states and counts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Standing {
    /// At least two in three of those who took a position agree.
    BroadSupport,
    /// Between a third and two thirds agree.
    Contested,
    /// At most one in three agrees.
    MostlyOpposed,
    /// Nobody took a position.
    NoPositions,
}

impl Standing {
    pub const ALL: [Standing; 4] = [
        Standing::BroadSupport,
        Standing::Contested,
        Standing::MostlyOpposed,
        Standing::NoPositions,
    ];

    /// Compared in whole numbers (3 × enig against 2 × positions), so a proposal at
    /// exactly two thirds has broad support on every machine.
    pub fn of(tally: &Tally) -> Self {
        let (agree, positions) = (u64::from(tally.agree), u64::from(tally.positioned()));
        if positions == 0 {
            Self::NoPositions
        } else if 3 * agree >= 2 * positions {
            Self::BroadSupport
        } else if 3 * agree <= positions {
            Self::MostlyOpposed
        } else {
            Self::Contested
        }
    }

    /// The anchor of this standing's list on the report page and in the memo.
    pub fn anchor(self) -> &'static str {
        match self {
            Self::BroadSupport => "bred-opbakning",
            Self::Contested => "omstridt",
            Self::MostlyOpposed => "overvejende-imod",
            Self::NoPositions => "ingen-holdning",
        }
    }

    pub fn label(self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            Self::BroadSupport => Key::StandingBroad,
            Self::Contested => Key::StandingContested,
            Self::MostlyOpposed => Key::StandingOpposed,
            Self::NoPositions => Key::StandingNone,
        }
    }
}

/// How the report's items are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportSort {
    #[default]
    Catalogue,
    Contested,
}

impl ReportSort {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Catalogue => "katalog",
            Self::Contested => "omstridt",
        }
    }

    pub fn parse(raw: &str) -> Self {
        match raw {
            "omstridt" => Self::Contested,
            _ => Self::Catalogue,
        }
    }
}

/// Whether the breakdown columns are the groups or the units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Breakdown {
    #[default]
    Group,
    Unit,
}

impl Breakdown {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Group => "gruppe",
            Self::Unit => "enhed",
        }
    }

    pub fn parse(raw: &str) -> Self {
        match raw {
            "enhed" => Self::Unit,
            _ => Self::Group,
        }
    }
}

/// What the reader asked to see; from the page's query string.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportQuery {
    pub sort: ReportSort,
    pub breakdown: Breakdown,
    /// Only this group's bodies, or all.
    pub group: Option<String>,
    /// The item whose comments are shown when there are too many to show them all;
    /// [`GENERAL`] for the general comments.
    pub expand: Option<i64>,
}

/// [`ReportQuery::expand`] for the general comments (no item has id 0).
pub const GENERAL: i64 = 0;

/// One body's comment, with who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentEntry {
    pub body: String,
    pub group: String,
    pub unit: String,
    /// The body's answer to the item, if any (none for general comments).
    pub answer: Option<AgreeValue>,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemReport {
    pub id: i64,
    pub code: String,
    pub section: String,
    pub text: String,
    pub overall: Tally,
    /// One tally per column of [`Report::columns`].
    pub breakdown: Vec<Tally>,
    pub comment_count: u32,
    /// All comments, or none when there are too many to show inline and the item is
    /// not the expanded one.
    pub comments: Vec<CommentEntry>,
    pub note: String,
}

/// A body that was invited and has not submitted.
/// How many of the bodies that have not answered the report page names; the
/// consultation's list of bodies has them all.
pub const MISSING_INLINE_MAX: u32 = 50;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingBody {
    pub name: String,
    pub group: String,
    pub unit: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub consultation_id: i64,
    pub title: String,
    pub status: super::ConsultationStatus,
    pub deadline: String,
    pub opened: Option<String>,
    pub query: ReportQuery,
    /// Every group of the consultation, for the filter.
    pub groups: Vec<String>,
    /// Invited and answered, overall (within the filter).
    pub overall: Rate,
    /// Invited and answered per column.
    pub columns: Vec<Rate>,
    pub items: Vec<ItemReport>,
    /// All general comments, or none when there are too many to show inline and they
    /// are not expanded.
    pub general_comments: Vec<CommentEntry>,
    pub general_comment_count: u32,
    /// The bodies that have not submitted: all of them in the memo, the first
    /// [`MISSING_INLINE_MAX`] on the report page (the rest are on the consultation's
    /// list of bodies, filtered and paginated).
    pub missing: Vec<MissingBody>,
    pub missing_count: u32,
    /// The signed-in user may edit the administration's notes.
    pub can_edit_notes: bool,
    /// When the memo was produced, for its colophon.
    pub generated: String,
}

/// Up to this many comments in a consultation, the report page shows them all; above
/// it, only the counts, and the comments of the item the reader expands.
pub const COMMENTS_INLINE_MAX: u32 = 500;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tally(agree: u32, disagree: u32, dont_know: u32, unanswered: u32) -> Tally {
        Tally {
            agree,
            disagree,
            dont_know,
            unanswered,
        }
    }

    #[test]
    fn an_empty_tally_has_no_shares() {
        assert_eq!(Tally::default().percents(), [0, 0, 0, 0]);
        assert_eq!(Tally::default().margin(), None);
    }

    #[test]
    fn thirds_are_rounded_to_sum_to_100() {
        // 33.33 each: the one unit left goes to the first of the equal remainders.
        assert_eq!(tally(1, 1, 1, 0).percents(), [34, 33, 33, 0]);
        assert_eq!(tally(1, 1, 1, 0).permille(), [334, 333, 333, 0]);
    }

    #[test]
    fn the_largest_remainder_gets_the_missing_unit() {
        // 2/7 = 28.57, 2/7 = 28.57, 3/7 = 42.86: floors 28+28+42 = 98; remainders .57, .57, .86.
        assert_eq!(tally(2, 2, 3, 0).percents(), [29, 28, 43, 0]);
        // Half-up rounding would give 29+29+43 = 101; this sums to 100.
        assert_eq!(tally(2, 2, 3, 0).percents().iter().sum::<u32>(), 100);
    }

    #[test]
    fn all_dont_know_is_100_per_cent_dont_know_and_takes_no_position() {
        let t = tally(0, 0, 4, 0);
        assert_eq!(t.percents(), [0, 0, 100, 0]);
        assert_eq!(t.margin(), None);
    }

    #[test]
    fn recording_answers_moves_bodies_out_of_unanswered() {
        let mut t = Tally::of(5);
        t.record(AgreeValue::Agree, 3);
        t.record(AgreeValue::DontKnow, 1);
        assert_eq!(t, tally(3, 0, 1, 1));
        assert_eq!(t.total(), 5);
    }

    #[test]
    fn an_even_split_is_more_contested_than_a_clear_majority() {
        let even = tally(5, 5, 0, 0);
        let clear = tally(9, 1, 0, 0);
        assert_eq!(contested_order(&even, &clear), Ordering::Less);
        assert_eq!(even.margin(), Some(0.0));
    }

    #[test]
    fn on_equal_margins_more_positions_are_more_contested_and_no_position_comes_last() {
        let big = tally(10, 10, 0, 0);
        let small = tally(1, 1, 0, 0);
        let none = tally(0, 0, 3, 1);
        assert_eq!(contested_order(&big, &small), Ordering::Less);
        assert_eq!(contested_order(&none, &small), Ordering::Greater);
        assert_eq!(contested_order(&none, &none), Ordering::Equal);
    }

    #[test]
    fn query_words_round_trip_and_unknown_ones_fall_back() {
        for sort in [ReportSort::Catalogue, ReportSort::Contested] {
            assert_eq!(ReportSort::parse(sort.as_str()), sort);
        }
        for by in [Breakdown::Group, Breakdown::Unit] {
            assert_eq!(Breakdown::parse(by.as_str()), by);
        }
        assert_eq!(ReportSort::parse("<script>"), ReportSort::Catalogue);
    }

    proptest! {
        #[test]
        fn shares_always_sum_to_the_units(counts in proptest::array::uniform4(0u32..100_000)) {
            let total: u32 = counts.iter().sum();
            for units in [100, 1000] {
                let shares = apportion(counts, units);
                prop_assert_eq!(shares.iter().sum::<u32>(), if total == 0 { 0 } else { units });
                for (share, count) in shares.iter().zip(counts) {
                    // Each share is its exact share rounded down or up, never further off.
                    let exact = f64::from(count) * f64::from(units) / f64::from(total.max(1));
                    prop_assert!((f64::from(*share) - exact).abs() < 1.0);
                }
            }
        }
    }

    #[test]
    fn standing_follows_the_stated_rule_at_its_edges() {
        let t = |agree, disagree, dont_know| Tally {
            agree,
            disagree,
            dont_know,
            unanswered: 0,
        };
        assert_eq!(
            Standing::of(&t(2, 1, 5)),
            Standing::BroadSupport,
            "exactly two thirds"
        );
        assert_eq!(
            Standing::of(&t(1, 2, 0)),
            Standing::MostlyOpposed,
            "exactly one third"
        );
        assert_eq!(Standing::of(&t(3, 2, 0)), Standing::Contested);
        assert_eq!(
            Standing::of(&t(0, 0, 9)),
            Standing::NoPositions,
            "ved ikke is no position"
        );
        assert_eq!(Standing::of(&t(0, 4, 0)), Standing::MostlyOpposed);
    }
}
