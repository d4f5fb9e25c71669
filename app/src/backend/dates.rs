//! Dates as people in the municipality read them: local time in Copenhagen, Danish
//! long form ("fredag den 11. december 2026 kl. 12.00") or its English equivalent.

use crate::i18n::Lang;
use chrono::{Datelike, NaiveDateTime, TimeZone, Timelike};
use chrono_tz::Europe::Copenhagen;

pub fn format_datetime(unix_ms: i64, lang: Lang) -> String {
    let Some(utc) = chrono::DateTime::from_timestamp_millis(unix_ms) else {
        return String::new();
    };
    let local = utc.with_timezone(&Copenhagen);
    let weekday = lang.weekday(local.weekday().num_days_from_monday() as usize);
    let month = lang.month(local.month0() as usize);
    match lang {
        Lang::Da => format!(
            "{weekday} den {}. {month} {} kl. {:02}.{:02}",
            local.day(),
            local.year(),
            local.hour(),
            local.minute()
        ),
        Lang::En => format!(
            "{weekday} {} {month} {} at {:02}:{:02}",
            local.day(),
            local.year(),
            local.hour(),
            local.minute()
        ),
        Lang::Ar => format!(
            "{weekday} {} {month} {} الساعة {:02}:{:02}",
            local.day(),
            local.year(),
            local.hour(),
            local.minute()
        ),
    }
}

/// The Copenhagen calendar date of an instant, as `YYYY-MM-DD`.
pub fn local_date(unix_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(unix_ms)
        .map(|utc| {
            utc.with_timezone(&Copenhagen)
                .format("%Y-%m-%d")
                .to_string()
        })
        .unwrap_or_default()
}

/// A moment as the deadline input shows it: `YYYY-MM-DD HH:MM`, Copenhagen time.
pub fn format_input(unix_ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(unix_ms)
        .map(|dt| {
            dt.with_timezone(&Copenhagen)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// Reads a local Copenhagen time written as `YYYY-MM-DD HH:MM` (or with a `T`).
pub fn parse_local(text: &str) -> Option<i64> {
    let normalised = text.trim().replace('T', " ");
    let naive = NaiveDateTime::parse_from_str(&normalised, "%Y-%m-%d %H:%M").ok()?;
    Copenhagen
        .from_local_datetime(&naive)
        .earliest()
        .map(|dt| dt.timestamp_millis())
}

/// A moment as a spreadsheet date-time: days since 1899-12-30 in Copenhagen time,
/// which Excel and LibreOffice show with a date format.
pub fn excel_serial(unix_ms: i64) -> f64 {
    let Some(utc) = chrono::DateTime::from_timestamp_millis(unix_ms) else {
        return 0.0;
    };
    let local = utc.with_timezone(&Copenhagen).naive_local();
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .unwrap_or_default();
    (local - epoch).num_milliseconds() as f64 / 86_400_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_long_form_in_local_time() {
        // 2026-12-11 11:00 UTC is 12:00 in Copenhagen (winter time).
        let ms = parse_local("2026-12-11 12:00").unwrap();
        assert_eq!(ms, 1_796_986_800_000);
        assert_eq!(
            format_datetime(ms, Lang::Da),
            "fredag den 11. december 2026 kl. 12.00"
        );
        assert_eq!(
            format_datetime(ms, Lang::En),
            "Friday 11 December 2026 at 12:00"
        );
    }

    #[test]
    fn summer_time_is_respected() {
        let ms = parse_local("2026-06-01T09:30").unwrap();
        assert_eq!(
            format_datetime(ms, Lang::Da),
            "mandag den 1. juni 2026 kl. 09.30"
        );
    }

    #[test]
    fn the_input_form_round_trips() {
        let ms = parse_local("2027-03-05 12:00").unwrap();
        assert_eq!(format_input(ms), "2027-03-05 12:00");
    }

    #[test]
    fn spreadsheet_serials_count_days_in_local_time() {
        // Excel shows 46367.5 as 2026-12-11 12:00.
        let ms = parse_local("2026-12-11 12:00").unwrap();
        assert!((excel_serial(ms) - 46_367.5).abs() < 1e-9);
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(parse_local("11/12/2026"), None);
        assert_eq!(parse_local("2026-13-01 12:00"), None);
    }
}
