//! A consultation's editable settings: title, introduction, deadline, sender and
//! contact, automatic reminder.

use super::super::audit::{self, Action};
use super::super::dates::parse_local;
use super::super::db::Db;
use super::super::error::AppError;
use super::{check_len, field, state};
use crate::model::admin::{Msg, Problem, UserView};
use crate::model::ConsultationId;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_INTRO_CHARS: usize = 20_000;
pub const MAX_CONTACT_CHARS: usize = 1_000;

/// The editable settings of a consultation, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub title: String,
    pub intro_md: String,
    pub deadline_ms: i64,
    pub sender_name: String,
    pub contact_text: String,
    pub reminder_days: Option<i64>,
}

/// A title that is present and not too long.
pub fn parse_title(raw: &str, problems: &mut Vec<Problem>) -> String {
    let title = raw.trim().to_owned();
    if title.is_empty() {
        problems.push(Problem::new("title", Msg::TitleMissing));
    }
    check_len(problems, "title", &title, MAX_TITLE_CHARS);
    title
}

/// A deadline in the future, written `YYYY-MM-DD HH:MM` (Copenhagen time).
pub fn parse_deadline(raw: &str, now_ms: i64, problems: &mut Vec<Problem>) -> i64 {
    match parse_local(raw) {
        Some(ms) if ms > now_ms => ms,
        Some(_) => {
            problems.push(Problem::new("deadline", Msg::DeadlinePast));
            0
        }
        None => {
            problems.push(Problem::new("deadline", Msg::DeadlineInvalid));
            0
        }
    }
}

/// Reads the settings form. A deadline already in the past is accepted only when it
/// is unchanged (`current_deadline`), so fixing a typo in a closed hearing works.
pub fn parse_settings(
    values: &[(String, String)],
    current_deadline: Option<i64>,
    now_ms: i64,
) -> Result<Settings, Vec<Problem>> {
    let mut problems = Vec::new();
    let title = parse_title(&field(values, "title"), &mut problems);
    let intro_md = field(values, "intro").replace("\r\n", "\n");
    check_len(&mut problems, "intro", &intro_md, MAX_INTRO_CHARS);
    let raw_deadline = field(values, "deadline");
    let deadline_ms = match (parse_local(&raw_deadline), current_deadline) {
        (Some(ms), Some(current)) if ms == current => ms,
        _ => parse_deadline(&raw_deadline, now_ms, &mut problems),
    };
    let sender_name = field(values, "sender_name");
    check_len(&mut problems, "sender_name", &sender_name, MAX_TITLE_CHARS);
    let contact_text = field(values, "contact_text").replace("\r\n", "\n");
    check_len(
        &mut problems,
        "contact_text",
        &contact_text,
        MAX_CONTACT_CHARS,
    );
    let reminder_days = match field(values, "reminder_days").as_str() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(n) if (1..=60).contains(&n) => Some(n),
            _ => {
                problems.push(Problem::new("reminder_days", Msg::NumberInvalid));
                None
            }
        },
    };
    if problems.is_empty() {
        Ok(Settings {
            title,
            intro_md,
            deadline_ms,
            sender_name,
            contact_text,
            reminder_days,
        })
    } else {
        Err(problems)
    }
}

pub async fn update_settings(
    db: &Db,
    user: &UserView,
    id: ConsultationId,
    settings: &Settings,
    now_ms: i64,
) -> Result<(), AppError> {
    let mut tx = db.write.begin().await?;
    state(&mut tx, id).await?;
    sqlx::query(
        "UPDATE consultation SET title = $1, intro_md = $2, deadline = $3, sender_name = $4,
                contact_text = $5, reminder_days = $6, updated_at = $7
         WHERE id = $8",
    )
    .bind(&settings.title)
    .bind(&settings.intro_md)
    .bind(settings.deadline_ms)
    .bind(&settings.sender_name)
    .bind(&settings.contact_text)
    .bind(settings.reminder_days)
    .bind(now_ms)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    audit::commit(
        tx,
        Some(user),
        Action::Changed,
        Some(id),
        "indstillinger",
        now_ms,
    )
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::form_values as values;
    use super::*;

    #[test]
    fn settings_are_validated_field_by_field() {
        let now = parse_local("2027-01-01 12:00").unwrap();
        let err = parse_settings(
            &values(&[
                ("title", "  "),
                ("deadline", "1. marts"),
                ("reminder_days", "0"),
                ("contact_text", &"x".repeat(1001)),
            ]),
            None,
            now,
        )
        .unwrap_err();
        let msgs: Vec<Msg> = err.iter().map(|p| p.msg).collect();
        assert_eq!(
            msgs,
            vec![
                Msg::TitleMissing,
                Msg::DeadlineInvalid,
                Msg::TooLong,
                Msg::NumberInvalid
            ]
        );
        let ok = parse_settings(
            &values(&[
                ("title", " Udviklingsplan "),
                ("deadline", "2027-03-01 12:00"),
                ("reminder_days", "3"),
            ]),
            None,
            now,
        )
        .unwrap();
        assert_eq!(ok.title, "Udviklingsplan");
        assert_eq!(ok.reminder_days, Some(3));
    }

    #[test]
    fn a_past_deadline_passes_only_when_unchanged() {
        let now = parse_local("2027-06-01 12:00").unwrap();
        let old = parse_local("2027-03-01 12:00").unwrap();
        let form = values(&[("title", "Plan"), ("deadline", "2027-03-01 12:00")]);
        assert!(parse_settings(&form, Some(old), now).is_ok());
        let err = parse_settings(&form, None, now).unwrap_err();
        assert_eq!(err[0].msg, Msg::DeadlinePast);
    }
}
