//! The decision material's figures: how the bodies that submitted answered each item,
//! shares that add up to exactly 100, and how contested an item is. Pure functions over
//! counts, so the report page, the memo and every export agree to the last digit.

use super::admin::Rate;
use super::{Bucket, ConsultationId, ItemId, ItemKind, Polarity};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// How the respondents that submitted answered one item (within one group, unit or
/// overall), counted in the answer categories of the item's kind ([`Bucket`]).
/// `unanswered` counts submitted responses that left the item blank, so `answered`
/// and `unanswered` add up to the number that submitted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// One count per bucket of the item's kind, in [`ItemKind::buckets`] order.
    pub counts: Vec<u32>,
    /// Respondents who answered the item. For multiple choice the counts add up to
    /// more: one answer may fall in several buckets.
    pub answered: u32,
    pub unanswered: u32,
    /// Answers in a positive or a negative bucket ([`Polarity`]): the hearing's
    /// standing, a survey's share positive and NPS.
    pub positive: u32,
    pub negative: u32,
}

impl Tally {
    /// A tally with `buckets` categories of `submitted` respondents, none of whom has
    /// answered yet.
    pub fn of(buckets: usize, submitted: u32) -> Self {
        Self {
            counts: vec![0; buckets],
            unanswered: submitted,
            ..Self::default()
        }
    }

    /// Moves `n` respondents from "not answered" to the buckets at `indices` (several
    /// for multiple choice; none for free text, which is answered but not counted).
    /// The caller's counts come from the same submitted responses, so `unanswered`
    /// cannot go below zero; if it would, the data is inconsistent and the total grows
    /// instead of lying.
    pub fn record(&mut self, buckets: &[Bucket], indices: &[usize], n: u32) {
        for &i in indices {
            self.counts[i] += n;
            match buckets[i].polarity() {
                Polarity::Positive => self.positive += n,
                Polarity::Negative => self.negative += n,
                Polarity::Neutral | Polarity::Abstain => {}
            }
        }
        self.answered += n;
        self.unanswered = self.unanswered.saturating_sub(n);
    }

    pub fn add(&mut self, other: &Tally) {
        if self.counts.len() < other.counts.len() {
            self.counts.resize(other.counts.len(), 0);
        }
        for (mine, theirs) in self.counts.iter_mut().zip(&other.counts) {
            *mine += theirs;
        }
        self.answered += other.answered;
        self.unanswered += other.unanswered;
        self.positive += other.positive;
        self.negative += other.negative;
    }

    /// The buckets' counts, then "ikke besvaret": the cells of a row in every view.
    pub fn cells(&self) -> Vec<u32> {
        let mut cells = self.counts.clone();
        cells.push(self.unanswered);
        cells
    }

    /// Everyone who submitted.
    pub fn total(&self) -> u32 {
        self.answered + self.unanswered
    }

    /// Each cell's share of everyone who submitted, in `units` (100 for whole per
    /// cent, 1000 for tenths). Where every answer is in one bucket, the shares sum to
    /// exactly `units` (see [`apportion`]); multiple choice gives each option its own
    /// share of the respondents, rounded half up.
    pub fn shares(&self, units: u32) -> Vec<u32> {
        let cells = self.cells();
        let total = self.total();
        if cells.iter().sum::<u32>() == total {
            return apportion(&cells, units);
        }
        cells
            .iter()
            .map(|&c| {
                let exact = u64::from(c) * u64::from(units);
                ((2 * exact + u64::from(total)) / (2 * u64::from(total).max(1))) as u32
            })
            .collect()
    }

    /// Whole percentages (all zero when the tally is empty).
    pub fn percents(&self) -> Vec<u32> {
        self.shares(100)
    }

    /// Percentages in tenths (423 = 42.3 %), for exports.
    pub fn permille(&self) -> Vec<u32> {
        self.shares(1000)
    }

    /// The respondents that took a position: enig or uenig (or their equivalents).
    pub fn positioned(&self) -> u32 {
        self.positive + self.negative
    }

    /// How far apart the positive and the negative are among those who took a
    /// position, from 0 (an even split, the most contested) to 1 (unanimous). `None`
    /// when nobody took one.
    pub fn margin(&self) -> Option<f64> {
        let positioned = self.positioned();
        (positioned > 0)
            .then(|| f64::from(self.positive.abs_diff(self.negative)) / f64::from(positioned))
    }
}

/// What a survey item is read by besides its distribution.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum KeyFigure {
    /// Per cent of those who took a position on the scale that agree (top two steps);
    /// "ved ikke" is left out.
    SharePositive(u32),
    /// The mean step, 1–5, "ved ikke" left out.
    Mean(f64),
    /// Promoters (9–10) minus detractors (0–6), in per cent of those who answered.
    Nps(i32),
}

/// The key figures of one tally of an item of `kind` (none for a hearing's scale,
/// whose standing says it, nor for choices and text).
pub fn key_figures(kind: &ItemKind, tally: &Tally) -> Vec<KeyFigure> {
    let buckets = kind.buckets();
    match kind {
        ItemKind::Likert5 => {
            let (mut steps, mut sum) = (0u64, 0u64);
            for (bucket, &n) in buckets.iter().zip(&tally.counts) {
                if let Bucket::Likert(step) = bucket {
                    steps += u64::from(n);
                    sum += u64::from(*step) * u64::from(n);
                }
            }
            if steps == 0 {
                return Vec::new();
            }
            let positive = (200 * u64::from(tally.positive) + steps) / (2 * steps);
            vec![
                KeyFigure::SharePositive(positive as u32),
                KeyFigure::Mean(sum as f64 / steps as f64),
            ]
        }
        ItemKind::Nps if tally.answered > 0 => {
            let diff = i64::from(tally.positive) - i64::from(tally.negative);
            let answered = i64::from(tally.answered);
            let score = (200 * diff + diff.signum() * answered) / (2 * answered);
            vec![KeyFigure::Nps(score as i32)]
        }
        _ => Vec::new(),
    }
}

/// Shares of `units` (100 for whole per cent, 1000 for tenths) by the largest remainder
/// method (Hamilton): every count gets the whole units of its exact share, and the units
/// still missing go one each to the largest remainders, so the shares always sum to
/// exactly `units`. Equal remainders go to the larger count, then to the cell listed
/// first, so the result is deterministic. All zeros when the counts are.
pub fn apportion(counts: &[u32], units: u32) -> Vec<u32> {
    let total: u64 = counts.iter().map(|&c| u64::from(c)).sum();
    let mut shares = vec![0u32; counts.len()];
    if total == 0 {
        return shares;
    }
    let mut remainders = vec![(0u64, 0u32, 0usize); counts.len()];
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
        let (agree, positions) = (u64::from(tally.positive), u64::from(tally.positioned()));
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

/// What the breakdown columns are: the groups, the units, or the answers to one of a
/// survey's single-choice questions (a background question: "Hvilket tilbud går dit
/// barn i?", "Hvor længe har du været ansat?").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Breakdown {
    #[default]
    Group,
    Unit,
    /// By the answer to item `id`.
    Answer(ItemId),
}

impl Breakdown {
    /// The value in the query string (`opdeling=svar-12`).
    pub fn value(self) -> String {
        match self {
            Self::Group => "gruppe".to_owned(),
            Self::Unit => "enhed".to_owned(),
            Self::Answer(item) => format!("svar-{item}"),
        }
    }

    pub fn parse(raw: &str) -> Self {
        match raw {
            "enhed" => Self::Unit,
            _ => raw
                .strip_prefix("svar-")
                .and_then(|id| id.parse().ok())
                .map_or(Self::Group, Self::Answer),
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
    /// One unit's column beside the whole (as suppressed among all units), or every
    /// column of the breakdown.
    pub unit: Option<String>,
    /// The item whose comments are shown when there are too many to show them all;
    /// [`GENERAL`] for the general comments.
    pub expand: Option<ItemId>,
}

/// [`ReportQuery::expand`] for the general comments (no item has id 0).
pub const GENERAL: ItemId = ItemId::new(0);

/// One body's comment, with who wrote it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentEntry {
    pub body: String,
    pub group: String,
    pub unit: String,
    /// The body's answer to the item as it reads, if any (none for general comments).
    pub answer: Option<String>,
    pub text: String,
    /// The language of the page it was written on (a BCP 47 tag; `da` for Danish).
    pub lang: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ItemReport {
    pub id: ItemId,
    pub code: String,
    pub section: String,
    pub text: String,
    pub kind: ItemKind,
    /// `None` when fewer than the minimum group size submitted (see [`suppressed`]).
    pub overall: Option<Tally>,
    /// One tally per column of [`Report::columns`]; `None` where it is suppressed.
    pub breakdown: Vec<Option<Tally>>,
    pub comment_count: u32,
    /// All comments, or none when there are too many to show inline and the item is
    /// not the expanded one.
    pub comments: Vec<CommentEntry>,
    pub note: String,
    /// Its target (a survey's scale questions) and where the figures stand.
    pub target: Option<super::target::TargetView>,
    /// Its figure across the editions of the consultation's series (see
    /// `backend::series::attach`).
    pub trend: Option<super::series::ItemTrend>,
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
    pub consultation_id: ConsultationId,
    pub title: String,
    pub status: super::ConsultationStatus,
    pub deadline: String,
    pub opened: Option<String>,
    pub query: ReportQuery,
    /// Every group of the consultation, for the filter.
    pub groups: Vec<String>,
    /// Every unit, for choosing one to see beside the whole.
    pub units: Vec<String>,
    /// The single-choice questions a survey can be broken down by (id, code and text).
    pub background_items: Vec<(ItemId, String)>,
    /// Invited and answered, overall (within the filter).
    pub overall: Rate,
    /// Invited and answered per column.
    pub columns: Vec<Rate>,
    /// The smallest number of responses a figure may be based on: the survey's
    /// minimum group size; 1 for a hearing, whose bodies answer in their own name.
    pub min_group_size: u32,
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
    /// A survey: its items are read by their key figures, not by a hearing's standing.
    pub survey: bool,
    /// When the memo was produced, for its colophon.
    pub generated: String,
    /// A survey's areas with their targets, for setting them.
    pub areas: Vec<super::target::AreaTarget>,
    /// The series the consultation is an edition of, with its earlier editions.
    pub series: Option<super::series::SeriesContext>,
}

/// The least minimum group size a survey can have: below it, a person's answers
/// could be read from a figure.
pub const MIN_GROUP_SIZE_FLOOR: u32 = 3;

/// The minimum group size a survey's stored `min_group_size` gives, never below the
/// floor.
pub fn min_group_size(stored: i64) -> u32 {
    u32::try_from(stored)
        .unwrap_or(u32::MAX)
        .max(MIN_GROUP_SIZE_FLOOR)
}

/// Which cells of one breakdown must be hidden, and whether its total must be, so that
/// no figure based on fewer than `k` responses can be read or worked out. `sizes` are
/// the responses per cell (public: response rates stay visible); what is protected is
/// how those respondents answered.
///
/// A cell with `0 < n < k` is hidden. Where the hidden cells could be recovered from
/// the total and the visible cells — one hidden cell alone, or hidden cells that
/// together hold fewer than `k` — the smallest visible non-empty cell is hidden too
/// (complementary suppression), until the hidden cells together hold at least `k`
/// in at least two cells. When that cannot be reached, or the total itself is below
/// `k`, everything is hidden. Empty cells hide nothing and stay visible ("no answers").
pub fn suppressed(sizes: &[u32], k: u32) -> Suppression {
    let total: u32 = sizes.iter().sum();
    let everything = Suppression {
        cells: sizes.iter().map(|&n| n > 0).collect(),
        total: true,
    };
    if total > 0 && total < k {
        return everything;
    }
    let mut hidden: Vec<bool> = sizes.iter().map(|&n| n > 0 && n < k).collect();
    loop {
        let (count, sum) = sizes
            .iter()
            .zip(&hidden)
            .filter(|(_, &h)| h)
            .fold((0, 0u32), |(c, s), (&n, _)| (c + 1, s + n));
        if count == 0 || (count >= 2 && sum >= k) {
            return Suppression {
                cells: hidden,
                total: false,
            };
        }
        let smallest = sizes
            .iter()
            .enumerate()
            .filter(|&(i, &n)| n > 0 && !hidden[i])
            .min_by_key(|&(i, &n)| (n, i))
            .map(|(i, _)| i);
        match smallest {
            Some(i) => hidden[i] = true,
            None => return everything,
        }
    }
}

/// "Færre end 5 svar": what stands where a figure is suppressed.
pub fn suppressed_text(lang: crate::i18n::Lang, min_group_size: u32) -> String {
    lang.fill(
        crate::i18n::Key::Suppressed,
        &[("k", &min_group_size.to_string())],
    )
}

/// What [`suppressed`] decided for one breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    /// Per cell: hidden.
    pub cells: Vec<bool>,
    /// The total is hidden too (and with it every cell).
    pub total: bool,
}

/// Up to this many comments in a consultation, the report page shows them all; above
/// it, only the counts, and the comments of the item the reader expands.
pub const COMMENTS_INLINE_MAX: u32 = 500;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A hearing item's tally, counted the way the report counts it.
    fn tally(agree: u32, disagree: u32, dont_know: u32, unanswered: u32) -> Tally {
        let buckets = ItemKind::AgreeDisagree.buckets();
        let mut t = Tally::of(buckets.len(), agree + disagree + dont_know + unanswered);
        for (i, n) in [agree, disagree, dont_know].into_iter().enumerate() {
            t.record(&buckets, &[i], n);
        }
        t
    }

    #[test]
    fn an_empty_tally_has_no_shares() {
        assert_eq!(Tally::of(3, 0).percents(), [0, 0, 0, 0]);
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
        let buckets = ItemKind::AgreeDisagree.buckets();
        let mut t = Tally::of(buckets.len(), 5);
        t.record(&buckets, &[0], 3);
        t.record(&buckets, &[2], 1);
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
        for by in [
            Breakdown::Group,
            Breakdown::Unit,
            Breakdown::Answer(ItemId::new(12)),
        ] {
            assert_eq!(Breakdown::parse(&by.value()), by);
        }
        assert_eq!(ReportSort::parse("<script>"), ReportSort::Catalogue);
    }

    proptest! {
        #[test]
        fn shares_always_sum_to_the_units(counts in proptest::collection::vec(0u32..100_000, 1..12)) {
            let total: u32 = counts.iter().sum();
            for units in [100, 1000] {
                let shares = apportion(&counts, units);
                prop_assert_eq!(shares.iter().sum::<u32>(), if total == 0 { 0 } else { units });
                for (share, &count) in shares.iter().zip(&counts) {
                    // Each share is its exact share rounded down or up, never further off.
                    let exact = f64::from(count) * f64::from(units) / f64::from(total.max(1));
                    prop_assert!((f64::from(*share) - exact).abs() < 1.0);
                }
            }
        }
    }

    #[test]
    fn multiple_choice_shares_are_shares_of_the_respondents() {
        let kind = ItemKind::Multi {
            options: vec!["a".into(), "b".into()],
            max: None,
        };
        let buckets = kind.buckets();
        let mut t = Tally::of(2, 4);
        t.record(&buckets, &[0, 1], 2);
        t.record(&buckets, &[0], 1);
        assert_eq!(t.cells(), [3, 2, 1]);
        assert_eq!(t.percents(), [75, 50, 25]);
    }

    #[test]
    fn a_likert_tally_leans_by_its_steps() {
        let buckets = ItemKind::Likert5.buckets();
        let mut t = Tally::of(buckets.len(), 10);
        t.record(&buckets, &[0], 4); // helt enig
        t.record(&buckets, &[2], 3); // hverken-eller
        t.record(&buckets, &[4], 2); // helt uenig
        t.record(&buckets, &[5], 1); // ved ikke
        assert_eq!((t.positive, t.negative, t.unanswered), (4, 2, 0));
        assert_eq!(t.percents().iter().sum::<u32>(), 100);
    }

    #[test]
    fn likert_and_nps_key_figures_leave_ved_ikke_out_and_round_half_away() {
        let buckets = ItemKind::Likert5.buckets();
        let mut t = Tally::of(buckets.len(), 10);
        t.record(&buckets, &[0], 3); // 5
        t.record(&buckets, &[1], 3); // 4
        t.record(&buckets, &[4], 2); // 1
        t.record(&buckets, &[5], 2); // ved ikke
        assert_eq!(
            key_figures(&ItemKind::Likert5, &t),
            [KeyFigure::SharePositive(75), KeyFigure::Mean(29.0 / 8.0)]
        );
        let buckets = ItemKind::Nps.buckets();
        let mut t = Tally::of(buckets.len(), 8);
        t.record(&buckets, &[10], 3); // promoters
        t.record(&buckets, &[8], 2); // passive
        t.record(&buckets, &[3], 3); // detractors
        assert_eq!(key_figures(&ItemKind::Nps, &t), [KeyFigure::Nps(0)]);
        t.record(&buckets, &[9], 1);
        // 4 − 3 of 9: 11.1 → 11.
        assert_eq!(key_figures(&ItemKind::Nps, &t), [KeyFigure::Nps(11)]);
    }

    #[test]
    fn a_small_cell_hides_the_next_smallest_with_it() {
        let s = suppressed(&[3, 10, 7, 0], 5);
        assert_eq!(s.cells, [true, false, true, false]);
        assert!(!s.total);
        // Two small cells that together hold fewer than k take a third.
        let s = suppressed(&[1, 2, 9, 6], 5);
        assert_eq!(s.cells, [true, true, false, true]);
        // Nothing to hide.
        assert_eq!(suppressed(&[5, 6], 5).cells, [false, false]);
        // A total below k hides everything; with k = 1 nothing is ever hidden.
        assert!(suppressed(&[2, 1], 5).total);
        assert_eq!(suppressed(&[1, 1, 0], 1).cells, [false, false, false]);
        // One small cell and nothing else to hide with it: the total goes too.
        assert!(!suppressed(&[3, 0, 9], 5).total);
        assert!(suppressed(&[3, 0], 5).total);
    }

    proptest! {
        #[test]
        fn no_hidden_count_can_be_worked_out(
            sizes in proptest::collection::vec(prop_oneof![Just(0u32), 1u32..8, 1u32..60], 0..14),
            k in 3u32..8,
        ) {
            let s = suppressed(&sizes, k);
            if s.total {
                return Ok(());
            }
            let hidden: Vec<u32> = sizes.iter().zip(&s.cells).filter(|(_, &h)| h).map(|(&n, _)| n).collect();
            for (&n, &h) in sizes.iter().zip(&s.cells) {
                // Every visible cell holds none or at least k responses.
                prop_assert!(h || n == 0 || n >= k);
            }
            // Total minus the visible cells gives only the hidden cells' sum: it
            // names no single cell, and it is itself based on at least k.
            if !hidden.is_empty() {
                prop_assert!(hidden.len() >= 2);
                prop_assert!(hidden.iter().sum::<u32>() >= k);
                prop_assert!(hidden.iter().all(|&n| n > 0));
            }
        }
    }

    #[test]
    fn standing_follows_the_stated_rule_at_its_edges() {
        let t = |agree, disagree, dont_know| tally(agree, disagree, dont_know, 0);
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
