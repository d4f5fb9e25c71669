//! Pejlemærker (guideposts) and learning stories. The administration sets out the
//! guideposts of a period — a title and a short text each. A consultation asks each
//! unit for a learning story per guidepost: three free-text questions (what we did,
//! what we saw, what we learned) tied to it, answered through the personal link like
//! any other question. The administration reads the stories of a guidepost side by
//! side, tags them with its own themes, chooses quotes, and writes the guidepost's
//! meta-narrative, which the committee memo prints beside the survey figures that bear
//! on it.

use crate::i18n::Key;
use crate::model::admin::{Msg, Problem};
use crate::model::listing::PageInfo;
use crate::model::report::ItemReport;
use crate::model::{ConsultationId, GuidepostId, ItemId, PeriodId, QuoteId, ResponseId};
use serde::{Deserialize, Serialize};

/// The longest title of a period or a guidepost.
pub const TITLE_MAX: usize = 120;
/// The longest text of a guidepost.
pub const BODY_MAX: usize = 1_000;
/// The longest meta-narrative.
pub const NARRATIVE_MAX: usize = 10_000;
/// The most themes one story can have, and the longest.
pub const TAGS_MAX: usize = 8;
pub const TAG_MAX_CHARS: usize = 40;
/// The most survey questions a guidepost can name.
pub const CODES_MAX: usize = 12;

/// The three parts of a learning story, in the order they are asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoryPart {
    Did,
    Saw,
    Learned,
}

impl StoryPart {
    pub const ALL: [StoryPart; 3] = [StoryPart::Did, StoryPart::Saw, StoryPart::Learned];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Did => "did",
            Self::Saw => "saw",
            Self::Learned => "learned",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw)
    }

    /// The question the respondent answers (in Danish: the item's text is stored).
    pub fn question(self) -> &'static str {
        match self {
            Self::Did => "Hvad gjorde vi?",
            Self::Saw => "Hvad så vi?",
            Self::Learned => "Hvad lærte vi?",
        }
    }

    /// Its heading where the administration reads it.
    pub fn label(self) -> Key {
        match self {
            Self::Did => Key::StoryDid,
            Self::Saw => Key::StorySaw,
            Self::Learned => Key::StoryLearned,
        }
    }
}

/// A title, trimmed, refused when empty or too long.
pub fn parse_title(field: &str, raw: &str) -> Result<String, Problem> {
    bounded(field, raw, TITLE_MAX).and_then(|t| {
        if t.is_empty() {
            Err(Problem::new(field, Msg::TitleMissing))
        } else {
            Ok(t)
        }
    })
}

/// A text, trimmed, refused when longer than `max` characters.
pub fn bounded(field: &str, raw: &str, max: usize) -> Result<String, Problem> {
    let text = raw.trim();
    if text.chars().count() > max {
        return Err(Problem::with(field, Msg::TooLong, max.to_string()));
    }
    Ok(text.to_owned())
}

/// Text written with blank lines between paragraphs, as its paragraphs. A browser
/// sends a textarea's line breaks as CRLF, and a "blank" line may hold spaces.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs
}

/// Themes as typed, separated by commas: trimmed, blanks and repeats (ignoring case)
/// dropped; refused when one is too long or there are too many.
pub fn parse_tags(raw: &str) -> Result<Vec<String>, Problem> {
    let mut tags: Vec<String> = Vec::new();
    for tag in raw
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        if tag.chars().count() > TAG_MAX_CHARS {
            return Err(Problem::with("tags", Msg::TagTooLong, tag));
        }
        if !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag.to_owned());
        }
    }
    if tags.len() > TAGS_MAX {
        return Err(Problem::with(
            "tags",
            Msg::TooManyTags,
            TAGS_MAX.to_string(),
        ));
    }
    Ok(tags)
}

/// Survey question codes as typed ("1.1, 2.3 4.5"), repeats dropped.
pub fn parse_codes(raw: &str) -> Result<Vec<String>, Problem> {
    let mut codes: Vec<String> = Vec::new();
    for code in raw
        .split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        if !codes.iter().any(|c| c == code) {
            codes.push(code.to_owned());
        }
    }
    if codes.len() > CODES_MAX {
        return Err(Problem::with(
            "codes",
            Msg::TooManyCodes,
            CODES_MAX.to_string(),
        ));
    }
    Ok(codes)
}

/// A quote as chosen: the whole part when `excerpt` is blank, else the excerpt, which
/// must stand word for word in the part (spacing aside) — a quote is never rewritten.
pub fn quote_of(part_text: &str, excerpt: &str) -> Result<String, Problem> {
    let words = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let excerpt = words(excerpt);
    let whole = words(part_text);
    if whole.is_empty() {
        return Err(Problem::new("excerpt", Msg::QuoteEmptyPart));
    }
    if excerpt.is_empty() {
        return Ok(whole);
    }
    if !whole.contains(&excerpt) {
        return Err(Problem::new("excerpt", Msg::QuoteNotInStory));
    }
    Ok(excerpt)
}

/// A period in the list of periods.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodRow {
    pub id: PeriodId,
    pub title: String,
    pub guideposts: u32,
    pub stories: u32,
}

/// A guidepost with what the administration has made of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidepostView {
    pub id: GuidepostId,
    pub period_id: PeriodId,
    pub title: String,
    pub body: String,
    pub narrative: String,
    /// The survey whose questions bear on it: (id, title), and their codes.
    pub survey: Option<(ConsultationId, String)>,
    pub codes: Vec<String>,
    pub stories: u32,
    /// Its themes and how many stories have each, most first.
    pub themes: Vec<(String, u32)>,
}

/// A period with its guideposts, and the surveys a guidepost can name questions of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodView {
    pub id: PeriodId,
    pub title: String,
    pub guideposts: Vec<GuidepostView>,
}

/// One story: one response's three parts for a guidepost.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub response_id: ResponseId,
    pub consultation: String,
    /// The unit, where the consultation says stories are attributed.
    pub unit: Option<String>,
    /// (part, item, text) in the order asked.
    pub parts: Vec<(StoryPart, ItemId, String)>,
    pub tags: Vec<String>,
}

/// A chosen quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    pub id: QuoteId,
    pub excerpt: String,
    pub part: StoryPart,
    pub unit: Option<String>,
}

/// A guidepost's page: its stories side by side (a page of them), its quotes, and
/// the surveys it can name questions of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuidepostPage {
    pub period_title: String,
    pub guidepost: GuidepostView,
    pub stories: Vec<Story>,
    pub page: PageInfo,
    /// The theme the stories are filtered by.
    pub theme: Option<String>,
    pub quotes: Vec<QuoteView>,
    pub surveys: Vec<(ConsultationId, String)>,
}

/// The committee memo of a period: per guidepost its text, meta-narrative, survey
/// figures with their trends, themes and quotes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NarrativeMemo {
    pub title: String,
    pub generated: String,
    pub guideposts: Vec<MemoGuidepost>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MemoGuidepost {
    pub view: GuidepostView,
    pub quotes: Vec<QuoteView>,
    /// The named survey questions, with their figures and trends.
    pub figures: Vec<ItemReport>,
    pub min_group_size: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_split_at_blank_lines_whatever_the_line_ends() {
        assert_eq!(
            paragraphs("Første.\r\nStadig første.\r\n\r\nAnden.\n \n\nTredje.\n"),
            ["Første.\nStadig første.", "Anden.", "Tredje."]
        );
        assert!(paragraphs(" \r\n ").is_empty());
    }

    #[test]
    fn themes_are_split_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags(" Leg, sprog ; leg,\nForældresamarbejde,, "),
            Ok(vec![
                "Leg".into(),
                "sprog".into(),
                "Forældresamarbejde".into()
            ])
        );
        assert_eq!(parse_tags(""), Ok(Vec::new()));
        let long = "x".repeat(TAG_MAX_CHARS + 1);
        assert_eq!(parse_tags(&long).unwrap_err().msg, Msg::TagTooLong);
        let many: Vec<String> = (0..=TAGS_MAX).map(|n| format!("t{n}")).collect();
        assert_eq!(
            parse_tags(&many.join(",")).unwrap_err().msg,
            Msg::TooManyTags
        );
    }

    #[test]
    fn a_quote_is_the_whole_part_or_an_excerpt_word_for_word() {
        let text = "Vi flyttede  samlingen ud.\nBørnene talte mere.";
        assert_eq!(
            quote_of(text, ""),
            Ok("Vi flyttede samlingen ud. Børnene talte mere.".into())
        );
        assert_eq!(
            quote_of(text, " Børnene talte\tmere. "),
            Ok("Børnene talte mere.".into())
        );
        assert_eq!(
            quote_of(text, "Børnene talte meget mere.").unwrap_err().msg,
            Msg::QuoteNotInStory
        );
        assert_eq!(quote_of("  ", "").unwrap_err().msg, Msg::QuoteEmptyPart);
    }

    #[test]
    fn titles_texts_and_codes_are_bounded() {
        assert_eq!(
            parse_title("title", "  Leg og læring "),
            Ok("Leg og læring".into())
        );
        assert_eq!(
            parse_title("title", " ").unwrap_err().msg,
            Msg::TitleMissing
        );
        assert_eq!(
            parse_title("title", &"x".repeat(TITLE_MAX + 1)).unwrap_err(),
            Problem::with("title", Msg::TooLong, "120")
        );
        assert_eq!(bounded("body", "kort", BODY_MAX), Ok("kort".into()));
        assert_eq!(
            parse_codes("1.1, 2.3 1.1;4.5"),
            Ok(vec!["1.1".into(), "2.3".into(), "4.5".into()])
        );
        let many: Vec<String> = (0..=CODES_MAX).map(|n| n.to_string()).collect();
        assert_eq!(
            parse_codes(&many.join(" ")).unwrap_err().msg,
            Msg::TooManyCodes
        );
        assert_eq!(StoryPart::parse("saw"), Some(StoryPart::Saw));
    }
}
