//! Free-text comments: one newtype so that the length limit and the clean-up rules
//! are applied once, whichever path the text came in by.

use serde::{Deserialize, Serialize};

/// The longest comment we accept, in characters (not bytes). Long enough for a
/// board's reasoned statement on one proposal; shown to the user next to the field.
pub const COMMENT_MAX_CHARS: usize = 5_000;

/// A comment that has been trimmed, had its line endings normalised and control
/// characters removed, and is within [`COMMENT_MAX_CHARS`]. May be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comment(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommentError {
    #[error("comment has {chars} characters, more than the limit")]
    TooLong { chars: usize },
}

/// The embeddings, overrides and isolates of Unicode's bidirectional algorithm
/// (U+202A–U+202E, U+2066–U+2069). An override (U+202E) makes a comment read
/// differently from what it says — "enig" shown for "gine" — in the report and the
/// memo. Ordinary Arabic and Hebrew text needs none of them (its direction comes from
/// its letters), and the marks U+200E/U+200F, which it may use, are kept.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without [bidi controls](is_bidi_control).
pub fn without_bidi_controls(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

impl Comment {
    pub fn parse(raw: &str) -> Result<Self, CommentError> {
        let cleaned: String = raw
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| (!c.is_control() || *c == '\n' || *c == '\t') && !is_bidi_control(*c))
            .collect();
        let trimmed = cleaned.trim();
        let chars = trimmed.chars().count();
        if chars > COMMENT_MAX_CHARS {
            return Err(CommentError::TooLong { chars });
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_and_normalises_line_endings() {
        let c = Comment::parse("  Vi er enige.\r\nMen: \u{7}tid!  ").unwrap();
        assert_eq!(c.as_str(), "Vi er enige.\nMen: tid!");
    }

    #[test]
    fn bidi_overrides_are_stripped_and_right_to_left_text_is_kept() {
        let c = Comment::parse("Vi er \u{202E}gine\u{202C} \u{2067}x\u{2069}").unwrap();
        assert_eq!(c.as_str(), "Vi er gine x");
        let arabic = "نحن موافقون\u{200F}.";
        assert_eq!(Comment::parse(arabic).unwrap().as_str(), arabic);
        assert_eq!(Comment::parse("שלום").unwrap().as_str(), "שלום");
    }

    #[test]
    fn the_limit_counts_characters_not_bytes() {
        let at_limit = "æ".repeat(COMMENT_MAX_CHARS);
        assert!(Comment::parse(&at_limit).is_ok());
        let over = "ø".repeat(COMMENT_MAX_CHARS + 1);
        assert_eq!(
            Comment::parse(&over),
            Err(CommentError::TooLong {
                chars: COMMENT_MAX_CHARS + 1
            })
        );
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent(raw in "\\PC{0,200}") {
            if let Ok(once) = Comment::parse(&raw) {
                prop_assert_eq!(Comment::parse(once.as_str()), Ok(once.clone()));
            }
        }
    }
}
