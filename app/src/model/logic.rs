//! Skip logic: an item shown only when an earlier choice was answered a certain way
//! ("Hvilket tilbud går dit barn i?" → the school questions only for "Skole").
//!
//! One pure evaluation, used by the server (which decides what counts: answers to
//! items that end up hidden are discarded at submission, required items that are
//! hidden are not required) and by the browser (which shows and hides sections in
//! place). The client is never trusted: it only draws what the server will decide.

use super::{AnswerValue, ItemId, ItemKind};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// When an item is shown: an earlier single or multiple choice item's answer
/// includes one of `any_of`. An item whose deciding item is itself hidden is hidden.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Condition {
    pub item_id: ItemId,
    pub any_of: Vec<String>,
}

impl Condition {
    /// The stored form (`item.show_if_item`, `item.show_if_any`): `None` without a
    /// deciding item or when the options cannot be read.
    pub fn from_parts(item_id: Option<ItemId>, any_of_json: &str) -> Option<Self> {
        Some(Self {
            item_id: item_id?,
            any_of: serde_json::from_str(any_of_json).ok()?,
        })
    }

    /// Whether `value`, an answer to the deciding item of `kind`, shows the item.
    pub fn holds(&self, kind: &ItemKind, value: &str) -> bool {
        match kind.parse_value(value) {
            Ok(AnswerValue::Choice(chosen)) => self.any_of.contains(&chosen),
            Ok(AnswerValue::Choices(chosen)) => chosen.iter().any(|c| self.any_of.contains(c)),
            _ => false,
        }
    }
}

/// What the evaluation needs of an item.
pub trait Conditional {
    fn item_id(&self) -> ItemId;
    fn item_kind(&self) -> &ItemKind;
    fn condition(&self) -> Option<&Condition>;
}

/// An item as the evaluation sees it, for callers that hold items in another shape.
#[derive(Clone, Debug, PartialEq)]
pub struct Asked {
    pub id: ItemId,
    pub kind: ItemKind,
    pub condition: Option<Condition>,
}

impl Conditional for Asked {
    fn item_id(&self) -> ItemId {
        self.id
    }
    fn item_kind(&self) -> &ItemKind {
        &self.kind
    }
    fn condition(&self) -> Option<&Condition> {
        self.condition.as_ref()
    }
}

/// The items shown, given the answers (`value_of` an item's stored value, "" when
/// unanswered). `items` in the order the survey asks them: a condition names an earlier
/// item, so one pass decides every item; a condition naming a later or unknown item
/// hides its item.
pub fn shown<'a, I: Conditional + 'a>(
    items: impl IntoIterator<Item = &'a I>,
    value_of: impl Fn(ItemId) -> String,
) -> HashSet<ItemId> {
    let mut kinds: Vec<(ItemId, &ItemKind)> = Vec::new();
    let mut shown = HashSet::new();
    for item in items {
        let visible = match item.condition() {
            None => true,
            Some(condition) => kinds
                .iter()
                .find(|(id, _)| *id == condition.item_id)
                .is_some_and(|(id, kind)| {
                    shown.contains(id) && condition.holds(kind, &value_of(*id))
                }),
        };
        if visible {
            shown.insert(item.item_id());
        }
        kinds.push((item.item_id(), item.item_kind()));
    }
    shown
}

/// Splits sections into pages for answering without JavaScript: a new page starts at
/// a section with an item that depends on an answer given on the page so far, so the
/// server knows that answer before it decides what to show. Returns each section's
/// page number (from 0). A survey without conditions is one page.
pub fn pages<'a, I: Conditional + 'a>(sections: &[Vec<&'a I>]) -> Vec<usize> {
    let mut page = 0;
    let mut on_page: HashSet<ItemId> = HashSet::new();
    let mut numbers = Vec::with_capacity(sections.len());
    for items in sections {
        let depends = items
            .iter()
            .filter_map(|i| i.condition())
            .any(|c| on_page.contains(&c.item_id));
        if depends {
            page += 1;
            on_page.clear();
        }
        on_page.extend(items.iter().map(|i| i.item_id()));
        numbers.push(page);
    }
    numbers
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    type Item = Asked;

    fn id(n: i64) -> ItemId {
        ItemId::new(n)
    }

    fn choice(n: i64, multi: bool) -> Item {
        let options = vec![
            "Dagtilbud".to_owned(),
            "Skole".to_owned(),
            "Andet".to_owned(),
        ];
        Item {
            id: id(n),
            kind: if multi {
                ItemKind::Multi { options, max: None }
            } else {
                ItemKind::Single { options }
            },
            condition: None,
        }
    }

    fn when(n: i64, on: i64, any_of: &[&str]) -> Item {
        Item {
            id: id(n),
            kind: ItemKind::Likert5,
            condition: Some(Condition {
                item_id: id(on),
                any_of: any_of.iter().map(|s| (*s).to_owned()).collect(),
            }),
        }
    }

    fn answers<'a>(pairs: &'a [(i64, &'a str)]) -> impl Fn(ItemId) -> String + 'a {
        move |item| {
            pairs
                .iter()
                .find(|(i, _)| *i == item.get())
                .map(|(_, v)| (*v).to_owned())
                .unwrap_or_default()
        }
    }

    #[test]
    fn a_branch_shows_only_for_its_choice() {
        let items = [
            choice(1, false),
            when(2, 1, &["Dagtilbud"]),
            when(3, 1, &["Skole"]),
        ];
        let set = |v: &[(i64, &str)]| {
            let mut s: Vec<i64> = shown(&items, answers(v))
                .into_iter()
                .map(ItemId::get)
                .collect();
            s.sort();
            s
        };
        assert_eq!(set(&[]), vec![1]);
        assert_eq!(set(&[(1, "Skole")]), vec![1, 3]);
        assert_eq!(set(&[(1, "Dagtilbud")]), vec![1, 2]);
        assert_eq!(
            set(&[(1, "Ukendt")]),
            vec![1],
            "a value off the scale shows nothing"
        );
    }

    #[test]
    fn multiple_choice_shows_for_any_chosen_option() {
        let items = [
            choice(1, true),
            when(2, 1, &["Dagtilbud"]),
            when(3, 1, &["Skole"]),
        ];
        let set = shown(&items, answers(&[(1, r#"["Dagtilbud","Skole"]"#)]));
        assert!(set.contains(&id(2)) && set.contains(&id(3)));
    }

    #[test]
    fn hidden_deciders_hide_what_depends_on_them_and_later_items_cannot_decide() {
        let mut second = choice(2, false);
        second.condition = Some(Condition {
            item_id: id(1),
            any_of: vec!["Skole".into()],
        });
        let items = [
            choice(1, false),
            second,
            when(3, 2, &["Andet"]),
            when(4, 5, &["Skole"]),
            choice(5, false),
        ];
        let set = shown(
            &items,
            answers(&[(1, "Dagtilbud"), (2, "Andet"), (5, "Skole")]),
        );
        assert!(!set.contains(&id(2)));
        assert!(
            !set.contains(&id(3)),
            "its decider is hidden, whatever it holds"
        );
        assert!(
            !set.contains(&id(4)),
            "a condition on a later item never holds"
        );
    }

    #[test]
    fn pages_break_where_a_section_depends_on_the_page_so_far() {
        let (a, b, c, d) = (
            choice(1, false),
            when(2, 1, &["Skole"]),
            when(3, 1, &["Dagtilbud"]),
            choice(4, false),
        );
        let e = when(5, 4, &["Andet"]);
        let sections = vec![vec![&a], vec![&d], vec![&b], vec![&c], vec![&e]];
        assert_eq!(pages(&sections), vec![0, 0, 1, 1, 1]);
        let plain = vec![vec![&a], vec![&d]];
        assert_eq!(pages(&plain), vec![0, 0]);
    }

    proptest! {
        /// Whatever the answers, an item is shown exactly when it has no condition, or
        /// its decider is shown and answered with one of the condition's options.
        #[test]
        fn evaluation_follows_the_rule(
            links in proptest::collection::vec((0usize..6, proptest::collection::vec(0usize..3, 0..3)), 1..12),
            picks in proptest::collection::vec(0usize..4, 12),
        ) {
            let options = ["Dagtilbud", "Skole", "Andet"];
            let items: Vec<Item> = links.iter().enumerate().map(|(i, (back, any))| {
                let n = i as i64 + 1;
                let condition = (*back > 0 && i >= *back).then(|| Condition {
                    item_id: id(n - *back as i64),
                    any_of: any.iter().map(|o| options[*o].to_owned()).collect(),
                });
                Item { id: id(n), kind: choice(n, false).kind, condition }
            }).collect();
            let value = |item: ItemId| options.get(picks[item.get() as usize - 1]).map(|s| (*s).to_owned()).unwrap_or_default();
            let set = shown(&items, value);
            for item in &items {
                let expected = match &item.condition {
                    None => true,
                    Some(c) => set.contains(&c.item_id) && c.any_of.contains(&value(c.item_id)),
                };
                prop_assert_eq!(set.contains(&item.id), expected);
            }
        }
    }
}
