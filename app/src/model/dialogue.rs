//! The dialogue sheet's choice of items for one unit's MED or board meeting: its
//! three strongest and three weakest questions, and those furthest below their
//! targets. Chosen from the unit's own figures (the whole's when it has none to
//! show), so the meeting talks about what is true of it.

use crate::model::report::{ItemReport, Tally};
use crate::model::series::Measure;
use std::cmp::Ordering;

/// How many items each list of the sheet names.
pub const PICKED: usize = 3;

/// Indices into the report's items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Picks {
    pub strongest: Vec<usize>,
    pub weakest: Vec<usize>,
    /// Below their target, the furthest below first.
    pub below: Vec<usize>,
}

/// The tally a pick is made on: the unit's (its one column) or the whole's.
fn tally_of(item: &ItemReport, unit: bool) -> Option<&Tally> {
    if unit {
        item.breakdown.first().and_then(Option::as_ref)
    } else {
        item.overall.as_ref()
    }
}

/// Picks from `items` on the unit's figures (`unit`) or the whole's. Strongest and
/// weakest are ranked by the share positive or agreeing (an NPS is on another
/// scale and left out); a question in both lists — when there are fewer than six —
/// is named only among the strongest. Ties keep the catalogue's order.
pub fn pick(items: &[ItemReport], unit: bool) -> Picks {
    let mut ranked: Vec<(usize, i32)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let measure = Measure::of(&item.kind).filter(|m| *m != Measure::Nps)?;
            let value = measure.value(&item.kind, tally_of(item, unit)?)?;
            Some((i, value))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let strongest: Vec<usize> = ranked.iter().take(PICKED).map(|(i, _)| *i).collect();
    let weakest: Vec<usize> = ranked
        .iter()
        .rev()
        .filter(|(i, _)| !strongest.contains(i))
        .take(PICKED)
        .map(|(i, _)| *i)
        .collect();
    let mut short: Vec<(usize, f64)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let target = item.target.as_ref()?.target;
            let shortfall = target.shortfall(&item.kind, tally_of(item, unit)?)?;
            (shortfall > 0.0).then_some((i, shortfall))
        })
        .collect();
    short.sort_by(|a, b| {
        b.1.partial_cmp(&a.1)
            .unwrap_or(Ordering::Equal)
            .then(a.0.cmp(&b.0))
    });
    Picks {
        strongest,
        weakest,
        below: short.into_iter().take(PICKED).map(|(i, _)| i).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::target::{Metric, Target, TargetView};
    use crate::model::{Bucket, ItemId, ItemKind};

    /// A 1–5 question where `positive` of 10 agree (the rest disagree), in the unit
    /// and the whole alike.
    fn likert(code: usize, positive: u32) -> ItemReport {
        let kind = ItemKind::Likert5;
        let buckets = kind.buckets();
        let mut tally = Tally::of(buckets.len(), 10);
        let step = |s| {
            buckets
                .iter()
                .position(|b| *b == Bucket::Likert(s))
                .unwrap()
        };
        tally.record(&buckets, &[step(5)], positive);
        tally.record(&buckets, &[step(1)], 10 - positive);
        ItemReport {
            id: ItemId::new(code as i64),
            code: code.to_string(),
            section: String::new(),
            text: String::new(),
            kind,
            overall: Some(tally.clone()),
            breakdown: vec![Some(tally)],
            comment_count: 0,
            comments: Vec::new(),
            note: String::new(),
            target: None,
            trend: None,
        }
    }

    fn with_target(mut item: ItemReport, metric: Metric, raw: &str) -> ItemReport {
        item.target = Some(TargetView {
            target: Target::parse(metric, raw).unwrap(),
            from_area: false,
            whole: None,
            column: None,
        });
        item
    }

    #[test]
    fn the_three_strongest_and_weakest_by_share_positive() {
        let items: Vec<ItemReport> = [5, 9, 2, 7, 7, 1, 4, 8]
            .iter()
            .enumerate()
            .map(|(i, p)| likert(i, *p))
            .collect();
        let picks = pick(&items, true);
        assert_eq!(
            picks.strongest,
            vec![1, 7, 3],
            "90, 80, 70 (the first of two)"
        );
        assert_eq!(picks.weakest, vec![5, 2, 6], "10, 20, 40");
        assert!(picks.below.is_empty());
    }

    #[test]
    fn few_questions_are_named_once_and_a_hidden_unit_has_none() {
        let items = vec![likert(0, 3), likert(1, 6), likert(2, 9), likert(3, 1)];
        let picks = pick(&items, true);
        assert_eq!(picks.strongest, vec![2, 1, 0]);
        assert_eq!(picks.weakest, vec![3]);
        let mut hidden = items.clone();
        hidden.iter_mut().for_each(|i| i.breakdown = vec![None]);
        assert_eq!(pick(&hidden, true), Picks::default());
        assert_eq!(pick(&hidden, false).strongest, vec![2, 1, 0], "the whole's");
    }

    #[test]
    fn below_target_furthest_first_across_figures() {
        let items = vec![
            with_target(likert(0, 7), Metric::Positive, "80"),
            with_target(likert(1, 5), Metric::Positive, "60"),
            with_target(likert(2, 9), Metric::Positive, "80"),
            // Mean 3.8 (7 × 5, 3 × 1): 0,6 short of 4,4 is 15 % of the range.
            with_target(likert(3, 7), Metric::Mean, "4,4"),
            likert(4, 1),
        ];
        assert_eq!(pick(&items, true).below, vec![3, 0, 1]);
    }
}
