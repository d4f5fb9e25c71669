//! The language switch: sets the language cookie and goes back to the page.

use app::i18n::LANG_COOKIE;
use app::model::LangTag;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Back {
    til: Option<String>,
}

/// Any well-formed language tag: a survey's own texts may be in any language, and
/// the chrome follows with what the i18n layer has (see `LangTag::chrome`).
pub async fn switch(Path(tag): Path<String>, Query(back): Query<Back>) -> Response {
    let Some(lang) = LangTag::parse(&tag) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let target = back
        .til
        .filter(|t| is_local_path(t))
        .unwrap_or_else(|| "/".to_owned());
    let mut response = Redirect::to(&target).into_response();
    keep(&mut response, &lang);
    response
}

/// Sets the language cookie on `response`: a year, for the whole site.
pub fn keep(response: &mut Response, lang: &LangTag) {
    let cookie = format!("{LANG_COOKIE}={lang}; Path=/; Max-Age=31536000; SameSite=Lax");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// Only paths on this site: no scheme, no `//host`, no backslash tricks.
fn is_local_path(target: &str) -> bool {
    target.starts_with('/')
        && !target.starts_with("//")
        && !target.contains('\\')
        && target.chars().all(|c| !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_local_path;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local_path("/svar/abc"));
        assert!(!is_local_path("//evil.example/"));
        assert!(!is_local_path("https://evil.example/"));
        assert!(!is_local_path("/\\evil.example"));
        assert!(!is_local_path(""));
    }
}
