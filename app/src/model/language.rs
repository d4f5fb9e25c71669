//! The languages a survey's own texts are written in: any BCP 47 tag the
//! administration adds a translation for (`ar`, `so`, `uk`, `pt-BR` …). The page chrome
//! around them comes from the i18n layer, which has Danish, English and Arabic; every
//! other language gets the English chrome ([`LangTag::chrome`]).

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A language tag, checked and in its canonical case: `da`, `pt-BR`, `sr-Latn`,
/// `zh-Hant-TW`. What is accepted is the common shape of BCP 47 — a primary language
/// of 2–3 letters and subtags of 2–8 letters or digits — which covers every tag a
/// municipality's translators will use.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LangTag(String);

/// Danish: the language every consultation is written in first.
pub const DANISH: &str = "da";

impl LangTag {
    pub fn parse(raw: &str) -> Option<Self> {
        let raw = raw.trim().replace('_', "-");
        let mut parts = raw.split('-');
        let primary = parts.next()?;
        if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        let mut tag = primary.to_ascii_lowercase();
        for part in parts {
            if !(2..=8).contains(&part.len()) || !part.chars().all(|c| c.is_ascii_alphanumeric()) {
                return None;
            }
            tag.push('-');
            match part.len() {
                // A region (`BR`, `419`) in upper case, a script (`Latn`) in title case.
                2 | 3 => tag.push_str(&part.to_ascii_uppercase()),
                4 => {
                    let mut chars = part.chars();
                    tag.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                    tag.push_str(&chars.as_str().to_ascii_lowercase());
                }
                _ => tag.push_str(&part.to_ascii_lowercase()),
            }
        }
        (tag.len() <= 35).then_some(Self(tag))
    }

    pub fn danish() -> Self {
        Self(DANISH.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language (`pt` of `pt-BR`).
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }

    pub fn is_danish(&self) -> bool {
        self.primary() == DANISH
    }

    /// The language's name in itself, for a switch that a reader of it can find
    /// whatever language the page is in now; the tag where we do not know the name.
    pub fn autonym(&self) -> &str {
        match self.primary() {
            "da" => "Dansk",
            "en" => "English",
            "ar" => "العربية",
            "so" => "Soomaali",
            "tr" => "Türkçe",
            "uk" => "Українська",
            "ur" => "اردو",
            "fa" => "فارسی",
            "prs" => "دری",
            "ps" => "پښتو",
            "ku" => "Kurdî",
            "ckb" => "کوردی",
            "ti" => "ትግርኛ",
            "de" => "Deutsch",
            "pl" => "Polski",
            "ro" => "Română",
            "lt" => "Lietuvių",
            "ru" => "Русский",
            "sv" => "Svenska",
            "nb" | "no" => "Norsk",
            "fr" => "Français",
            "es" => "Español",
            "bs" => "Bosanski",
            "vi" => "Tiếng Việt",
            "th" => "ไทย",
            "tl" => "Tagalog",
            _ => &self.0,
        }
    }

    /// Written right to left: the page is mirrored (`dir="rtl"`).
    pub fn is_rtl(&self) -> bool {
        matches!(
            self.primary(),
            "ar" | "ur" | "fa" | "prs" | "ps" | "ckb" | "he" | "yi" | "dv" | "sd" | "ug"
        )
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    pub fn dir(&self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// The language of the page chrome (buttons, progress, errors, receipt) for a reader
    /// of this language: ours where we have it, English for the rest.
    pub fn chrome(&self) -> Lang {
        match self.primary() {
            "da" => Lang::Da,
            "ar" => Lang::Ar,
            _ => Lang::En,
        }
    }
}

impl fmt::Display for LangTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The language to show a survey in, from what the reader asked for: `wanted` in order
/// of preference (their choice, then their browser's `Accept-Language`), matched
/// exactly first and then by primary language; Danish when nothing matches.
pub fn best_of(available: &[LangTag], wanted: &[LangTag]) -> LangTag {
    wanted
        .iter()
        .find_map(|w| {
            available
                .iter()
                .find(|a| *a == w)
                .or_else(|| available.iter().find(|a| a.primary() == w.primary()))
        })
        .cloned()
        .unwrap_or_else(LangTag::danish)
}

/// The tags of an `Accept-Language` header, best first (`q` weights honoured, `*`
/// and unreadable entries skipped).
pub fn accepted(header: &str) -> Vec<LangTag> {
    let mut weighted: Vec<(u16, usize, LangTag)> = super::accept::weighted(header)
        .enumerate()
        .filter_map(|(i, (tag, q))| Some(((q * 1000.0) as u16, i, LangTag::parse(tag)?)))
        .collect();
    weighted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    weighted.into_iter().map(|(_, _, tag)| tag).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(raw: &str) -> LangTag {
        LangTag::parse(raw).unwrap()
    }

    #[test]
    fn tags_are_checked_and_put_in_their_canonical_case() {
        assert_eq!(tag("AR").as_str(), "ar");
        assert_eq!(tag("pt_br").as_str(), "pt-BR");
        assert_eq!(tag("sr-latn-rs").as_str(), "sr-Latn-RS");
        assert_eq!(tag("es-419").as_str(), "es-419");
        for bad in ["", "a", "arabic", "ar-", "ar--SA", "ar SA", "ar-SA!", "<b>"] {
            assert_eq!(LangTag::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn names_directions_and_chrome() {
        assert_eq!(tag("ar").autonym(), "العربية");
        assert_eq!(tag("uk").autonym(), "Українська");
        assert_eq!(tag("xx").autonym(), "xx");
        assert!(tag("ar-EG").is_rtl() && tag("ur").is_rtl() && !tag("so").is_rtl());
        assert_eq!(tag("ar").chrome(), Lang::Ar);
        assert_eq!(tag("so").chrome(), Lang::En, "English for the rest");
        assert_eq!(tag("da-DK").chrome(), Lang::Da);
    }

    #[test]
    fn the_best_language_follows_the_readers_order() {
        let available = [tag("da"), tag("en"), tag("ar")];
        let wanted = accepted("ar-SA,ar;q=0.9,en;q=0.8");
        assert_eq!(
            best_of(&available, &wanted),
            tag("ar"),
            "by primary language"
        );
        assert_eq!(best_of(&available, &accepted("so, en;q=0.5")), tag("en"));
        assert_eq!(
            best_of(&available, &accepted("de;q=0.9, *;q=0.1")),
            tag("da")
        );
        assert_eq!(
            best_of(&available, &accepted("en;q=0.2, ar;q=0.7")),
            tag("ar")
        );
        assert_eq!(
            best_of(&available, &accepted("ar;q=0, en")),
            tag("en"),
            "q=0 is never"
        );
    }
}
