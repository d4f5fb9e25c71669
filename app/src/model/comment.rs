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

impl Comment {
    pub fn parse(raw: &str) -> Result<Self, CommentError> {
        let cleaned: String = raw
            .replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
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
