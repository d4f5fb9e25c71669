//! Capability tokens for personal links. The raw token exists only in the link the
//! respondent gets; the database keeps its SHA-256, so a leaked database does not
//! leak working links.

use crate::model::BodyId;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// 18 random bytes = 144 bits, 24 URL-safe characters.
const TOKEN_BYTES: usize = 18;
/// Anything longer than this is not one of ours; it is still hashed (a fixed-size
/// prefix) so that rejecting it takes the same path as rejecting a wrong token.
const MAX_TOKEN_LEN: usize = 64;

/// A freshly generated token. Deliberately not `Debug`/`Display`, so it is not logged
/// by accident.
pub struct Token(String);

impl Token {
    pub fn generate() -> Self {
        let mut bytes = [0u8; TOKEN_BYTES];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        Self(URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn hash(&self) -> String {
        hash_token(&self.0)
    }

    /// A new working link for a body: stored as its hash, returned raw for the one
    /// mail or printout that carries it.
    pub async fn issue(
        conn: &mut sqlx::AnyConnection,
        respondent_id: BodyId,
        now_ms: i64,
    ) -> Result<Self, sqlx::Error> {
        let token = Self::generate();
        sqlx::query(
            "INSERT INTO invitation (respondent_id, token_hash, created_at) VALUES ($1, $2, $3)",
        )
        .bind(respondent_id)
        .bind(token.hash())
        .bind(now_ms)
        .execute(&mut *conn)
        .await?;
        Ok(token)
    }
}

/// The stored form of a token as found in a URL, whatever the URL holds.
pub fn hash_token(raw: &str) -> String {
    let bounded = raw.get(..MAX_TOKEN_LEN.min(raw.len())).unwrap_or(raw);
    hex(&Sha256::digest(bounded.as_bytes()))
}

/// Lower-case hex, written digit by digit: a page's fingerprints and every request's
/// token hash go through here, and a `format!` per byte was most of their cost.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        text.push(DIGITS[usize::from(b >> 4)] as char);
        text.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    text
}

/// A short digest of one answer's content, used for per-field conflict detection.
/// An unanswered field's (most of a page's, on a first visit) is worked out once.
pub fn fingerprint(value: &str, comment: &str) -> String {
    static EMPTY: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| digest("", ""));
    if value.is_empty() && comment.is_empty() {
        return EMPTY.clone();
    }
    digest(value, comment)
}

fn digest(value: &str, comment: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(value.as_bytes());
    hasher.update([0x1f]);
    hasher.update(comment.as_bytes());
    hex(&hasher.finalize()[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_url_safe() {
        let a = Token::generate();
        let b = Token::generate();
        assert_eq!(a.as_str().len(), 24);
        assert_ne!(a.as_str(), b.as_str());
        assert!(a
            .as_str()
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
    }

    #[test]
    fn the_hash_is_stable_and_not_the_token() {
        let t = Token::generate();
        assert_eq!(t.hash(), hash_token(t.as_str()));
        assert_eq!(t.hash().len(), 64);
        assert!(!t.hash().contains(t.as_str()));
    }

    #[test]
    fn any_input_hashes_even_huge_or_non_ascii() {
        assert_eq!(hash_token(&"x".repeat(10_000)).len(), 64);
        assert_eq!(
            hash_token("ææææææææææææææææææææææææææææææææææææææææææ").len(),
            64
        );
    }

    #[test]
    fn fingerprints_separate_value_from_comment() {
        assert_ne!(fingerprint("agree", ""), fingerprint("", "agree"));
        assert_eq!(fingerprint("agree", "x"), fingerprint("agree", "x"));
        assert_eq!(fingerprint("", "").len(), 16);
        assert_eq!(fingerprint("", ""), digest("", ""));
    }

    #[test]
    fn hashes_are_the_digests_in_lower_case_hex() {
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
