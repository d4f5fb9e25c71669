//! Reading what a respondent sends — a whole form post or an autosave — into checked
//! changes. Both paths end in [`validate`], so they accept and refuse the same things.
//!
//! Form field names are short because there are ~130 of them on a hearing page:
//! `v<item>` the value, `c<item>` the comment, `f<item>` the fingerprint of what the
//! page showed; `gc`/`gf` for the general comment; `intent` for the button pressed.

use crate::model::{
    Comment, CommentError, ErrorCode, Field, FieldChange, FormError, ItemId, ItemKind, ValueError,
};
use crate::wire::respond;
use std::collections::{BTreeMap, HashMap};

/// How a set of answers arrives: the button pressed, the page it was posted from (a
/// survey answered without JavaScript), the autosave's sync cursor, and the languages
/// the respondent reads in, best first (a submission is stamped with the one its page
/// was shown in, so its free text says which language it was written in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posting {
    pub intent: Intent,
    pub page: Option<usize>,
    pub since_version: Option<i64>,
    pub wanted: Vec<crate::model::LangTag>,
}

impl Posting {
    /// A button pressed on a page without pages or languages (the demo, tests).
    pub fn button(intent: Intent) -> Self {
        Self {
            intent,
            page: None,
            since_version: None,
            wanted: Vec::new(),
        }
    }

    /// The autosave: saves only, and returns what changed since `since_version`.
    pub fn autosave(since_version: i64) -> Self {
        Self {
            since_version: Some(since_version),
            ..Self::button(Intent::Save)
        }
    }
}

/// Which button was pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    Save,
    Submit,
    /// Submit even though some items are unanswered (after being asked).
    ConfirmSubmit,
    /// Save this page of a survey answered without JavaScript, and go on or back.
    Next,
    Back,
}

impl Intent {
    fn parse(raw: &str) -> Option<Self> {
        match raw {
            respond::SAVE => Some(Self::Save),
            respond::SUBMIT => Some(Self::Submit),
            respond::CONFIRM_SUBMIT => Some(Self::ConfirmSubmit),
            respond::NEXT => Some(Self::Next),
            respond::BACK => Some(Self::Back),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    Item(ItemId),
    General,
}

impl Target {
    pub fn item_id(self) -> Option<ItemId> {
        match self {
            Target::Item(id) => Some(id),
            Target::General => None,
        }
    }
}

/// One field as sent, not yet checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RawField {
    pub value: String,
    pub comment: String,
    pub fingerprint: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawForm {
    pub intent: Intent,
    /// The page (from 0) of a survey answered page by page, where the form says.
    pub page: Option<usize>,
    pub fields: BTreeMap<Target, RawField>,
}

/// Reads urlencoded pairs. Unknown names are ignored (browsers and proxies add
/// their own); a name of ours with a bad item number makes the form unreadable.
pub fn parse_pairs(pairs: &[(String, String)]) -> Result<RawForm, FormError> {
    let malformed = FormError {
        field: Field::Form,
        code: ErrorCode::MalformedForm,
    };
    let mut intent = Intent::Save;
    let mut page = None;
    let mut fields: BTreeMap<Target, RawField> = BTreeMap::new();
    let mut chosen: BTreeMap<ItemId, Vec<String>> = BTreeMap::new();
    for (name, value) in pairs {
        match name.as_str() {
            respond::INTENT => intent = Intent::parse(value).ok_or(malformed.clone())?,
            respond::PAGE => {
                let number: usize = value.parse().map_err(|_| malformed.clone())?;
                page = Some(number.checked_sub(1).ok_or(malformed.clone())?);
            }
            respond::GENERAL_COMMENT => {
                fields.entry(Target::General).or_default().comment = value.clone()
            }
            respond::GENERAL_FINGERPRINT => {
                fields.entry(Target::General).or_default().fingerprint = value.clone()
            }
            _ => {
                let Some((slot, id)) = split_item_field(name) else {
                    continue;
                };
                let id: ItemId = id.parse().map_err(|_| malformed.clone())?;
                let field = fields.entry(Target::Item(id)).or_default();
                match slot {
                    respond::VALUE => field.value = value.clone(),
                    respond::COMMENT => field.comment = value.clone(),
                    respond::CHOICE => chosen.entry(id).or_default().push(value.clone()),
                    _ => field.fingerprint = value.clone(),
                }
            }
        }
    }
    for (id, options) in chosen {
        let value = serde_json::to_string(&options).map_err(|_| malformed.clone())?;
        fields.entry(Target::Item(id)).or_default().value = value;
    }
    Ok(RawForm {
        intent,
        page,
        fields,
    })
}

/// `v12` → ('v', "12"); names that are not item fields → None.
fn split_item_field(name: &str) -> Option<(char, &str)> {
    let mut chars = name.chars();
    let slot = chars.next().filter(|c| {
        [
            respond::VALUE,
            respond::COMMENT,
            respond::FINGERPRINT,
            respond::CHOICE,
        ]
        .contains(c)
    })?;
    let rest = chars.as_str();
    (!rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric())).then_some((slot, rest))
}

/// Turns the autosave's changes into the same shape as a form post.
pub fn from_changes(changes: Vec<FieldChange>) -> BTreeMap<Target, RawField> {
    changes
        .into_iter()
        .map(|c| {
            let target = c.item_id.map_or(Target::General, Target::Item);
            (
                target,
                RawField {
                    value: c.value,
                    comment: c.comment,
                    fingerprint: c.fingerprint,
                },
            )
        })
        .collect()
}

/// What validation needs to know about each item of the consultation.
#[derive(Clone, Debug)]
pub struct ItemRule {
    pub code: String,
    pub kind: ItemKind,
    pub allow_comment: bool,
}

/// A checked change: the value in canonical form ("" = unanswered) and a clean comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub target: Target,
    pub value: String,
    pub comment: String,
    pub fingerprint: String,
}

/// Checks every field and reports every problem at once, each against its field.
pub fn validate(
    fields: &BTreeMap<Target, RawField>,
    rules: &HashMap<ItemId, ItemRule>,
) -> Result<Vec<Change>, Vec<FormError>> {
    let mut changes = Vec::with_capacity(fields.len());
    let mut errors = Vec::new();
    for (&target, raw) in fields {
        let value = match target {
            Target::General => Ok(String::new()),
            Target::Item(id) => match rules.get(&id) {
                None => {
                    errors.push(FormError {
                        field: Field::Form,
                        code: ErrorCode::UnknownItem,
                    });
                    continue;
                }
                Some(rule) => check_value(id, rule, &raw.value),
            },
        };
        let comment = check_comment(target, rules, &raw.comment);
        match (value, comment) {
            (Ok(value), Ok(comment)) => changes.push(Change {
                target,
                value,
                comment,
                fingerprint: raw.fingerprint.clone(),
            }),
            (value, comment) => errors.extend(value.err().into_iter().chain(comment.err())),
        }
    }
    errors.dedup();
    if errors.is_empty() {
        Ok(changes)
    } else {
        Err(errors)
    }
}

fn check_value(id: ItemId, rule: &ItemRule, raw: &str) -> Result<String, FormError> {
    // Free text is held to a comment's length, and cleaned as one.
    if rule.kind == ItemKind::Text {
        return Comment::parse(raw).map(Comment::into_inner).map_err(
            |CommentError::TooLong { chars }| FormError {
                field: Field::Value(id),
                code: ErrorCode::TextTooLong { chars },
            },
        );
    }
    match rule.kind.parse_value(raw) {
        Ok(value) => Ok(value.to_string()),
        Err(ValueError::Empty) => Ok(String::new()),
        Err(ValueError::OutOfScale) if rule.kind == ItemKind::AgreeDisagree => Err(FormError {
            field: Field::Value(id),
            code: ErrorCode::ValueOutOfScale,
        }),
        Err(ValueError::OutOfScale) => Err(FormError {
            field: Field::Value(id),
            code: ErrorCode::NotOffered,
        }),
        Err(ValueError::TooMany(max)) => Err(FormError {
            field: Field::Value(id),
            code: ErrorCode::TooManyChoices { max },
        }),
    }
}

fn check_comment(
    target: Target,
    rules: &HashMap<ItemId, ItemRule>,
    raw: &str,
) -> Result<String, FormError> {
    let field = match target {
        Target::Item(id) => Field::Comment(id),
        Target::General => Field::GeneralComment,
    };
    let comment = Comment::parse(raw).map_err(|CommentError::TooLong { chars }| FormError {
        field,
        code: ErrorCode::CommentTooLong { chars },
    })?;
    let allowed = target
        .item_id()
        .and_then(|id| rules.get(&id))
        .is_none_or(|r| r.allow_comment);
    if !allowed && !comment.as_str().is_empty() {
        return Err(FormError {
            field,
            code: ErrorCode::MalformedForm,
        });
    }
    Ok(comment.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::COMMENT_MAX_CHARS;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    fn rules() -> HashMap<ItemId, ItemRule> {
        [(1, "1.1"), (2, "1.2")]
            .into_iter()
            .map(|(id, code)| {
                (
                    ItemId::new(id),
                    ItemRule {
                        code: code.into(),
                        kind: ItemKind::AgreeDisagree,
                        allow_comment: true,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn a_whole_form_is_grouped_per_item() {
        let form = parse_pairs(&pairs(&[
            ("v1", "agree"),
            ("c1", "God idé"),
            ("f1", "abc"),
            ("c2", ""),
            ("gc", "Samlet set positivt"),
            ("intent", "submit"),
            ("csrf_from_some_proxy", "ignored"),
        ]))
        .unwrap();
        assert_eq!(form.intent, Intent::Submit);
        assert_eq!(form.fields.len(), 3);
        assert_eq!(
            form.fields[&Target::Item(ItemId::new(1))].comment,
            "God idé"
        );
        assert_eq!(form.fields[&Target::Item(ItemId::new(2))].value, "");
        assert_eq!(form.fields[&Target::General].comment, "Samlet set positivt");
    }

    #[test]
    fn checked_boxes_become_one_list_with_commas_intact() {
        let form =
            parse_pairs(&pairs(&[("m4", "Ja, ofte"), ("f4", "abc"), ("m4", "Nej")])).unwrap();
        assert_eq!(
            form.fields[&Target::Item(ItemId::new(4))].value,
            r#"["Ja, ofte","Nej"]"#
        );
        let kind = ItemKind::Multi {
            options: vec!["Nej".into(), "Ja, ofte".into()],
            max: None,
        };
        assert!(kind
            .parse_value(&form.fields[&Target::Item(ItemId::new(4))].value)
            .is_ok());
    }

    #[test]
    fn bad_names_and_intents_make_the_form_unreadable() {
        assert!(parse_pairs(&pairs(&[("vx1", "agree")])).is_err());
        assert!(parse_pairs(&pairs(&[("intent", "delete")])).is_err());
    }

    #[test]
    fn a_free_text_answer_is_held_to_a_comments_length() {
        let mut rules = rules();
        let rule = ItemRule {
            code: "3".into(),
            kind: ItemKind::Text,
            allow_comment: false,
        };
        rules.insert(ItemId::new(3), rule);
        let long = "æ".repeat(COMMENT_MAX_CHARS + 1);
        let form = parse_pairs(&pairs(&[("v3", &long)])).unwrap();
        assert_eq!(
            validate(&form.fields, &rules).unwrap_err(),
            vec![FormError {
                field: Field::Value(ItemId::new(3)),
                code: ErrorCode::TextTooLong {
                    chars: COMMENT_MAX_CHARS + 1
                }
            }]
        );
        let at_limit = "æ".repeat(COMMENT_MAX_CHARS);
        let form = parse_pairs(&pairs(&[("v3", &at_limit)])).unwrap();
        assert_eq!(validate(&form.fields, &rules).unwrap()[0].value, at_limit);
    }

    #[test]
    fn every_error_is_reported_against_its_field() {
        let form = parse_pairs(&pairs(&[
            ("v1", "maybe"),
            ("c2", &"x".repeat(COMMENT_MAX_CHARS + 1)),
            ("v99", "agree"),
        ]))
        .unwrap();
        let errors = validate(&form.fields, &rules()).unwrap_err();
        assert!(errors.contains(&FormError {
            field: Field::Value(ItemId::new(1)),
            code: ErrorCode::ValueOutOfScale
        }));
        assert!(errors.contains(&FormError {
            field: Field::Comment(ItemId::new(2)),
            code: ErrorCode::CommentTooLong {
                chars: COMMENT_MAX_CHARS + 1
            }
        }));
        assert!(errors.contains(&FormError {
            field: Field::Form,
            code: ErrorCode::UnknownItem
        }));
    }

    #[test]
    fn valid_fields_come_out_canonical() {
        let form = parse_pairs(&pairs(&[
            ("v1", " disagree "),
            ("c1", " Nej \r\n tak "),
            ("v2", ""),
        ]))
        .unwrap();
        let changes = validate(&form.fields, &rules()).unwrap();
        assert_eq!(changes[0].value, "disagree");
        assert_eq!(changes[0].comment, "Nej \n tak");
        assert_eq!(changes[1].value, "");
    }
}
