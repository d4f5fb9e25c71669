//! What a request says about who sent it: its cookies, the language it asked for, and
//! the staff member behind its session. Form handlers and server functions both read
//! these here, so a cookie is parsed in one place.

use crate::backend::auth::{lookup_session, SessionLookup, SESSION_COOKIE};
use crate::backend::db::Db;
use crate::backend::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};
use crate::model::language::accepted;
use crate::model::LangTag;
use axum::extract::FromRequestParts;
use http::request::Parts;
use http::{header, HeaderMap};
use std::convert::Infallible;

/// The value of cookie `name`, from any of the request's `Cookie` headers; `None`
/// when absent or empty.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
        .filter(|value| !value.is_empty())
}

/// The page's chrome language: that of the language chosen for this request (see
/// [`page_language`]); Danish by default.
pub fn lang(parts: &Parts) -> Lang {
    page_language(parts)
        .map(|tag| tag.chrome())
        .unwrap_or_default()
}

/// A language chosen for this request before the page was rendered: from the
/// browser's `Accept-Language` for a survey that has it (put here by the server when
/// there was no cookie yet), else the language cookie. Any BCP 47 tag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChosenLanguage(pub LangTag);

pub fn page_language(parts: &Parts) -> Option<LangTag> {
    parts
        .extensions
        .get::<ChosenLanguage>()
        .map(|c| c.0.clone())
        .or_else(|| cookie(&parts.headers, LANG_COOKIE).and_then(LangTag::parse))
}

/// The languages the reader wants a survey in, best first: the one chosen, then their
/// browser's.
pub fn wanted_languages(parts: &Parts) -> Vec<LangTag> {
    let accepted = parts
        .headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(accepted)
        .unwrap_or_default();
    page_language(parts).into_iter().chain(accepted).collect()
}

/// The raw session id the request carries, if any.
/// The request is a browser navigating to a page (a person following a link), not a
/// program fetching it: browsers send these `Sec-Fetch-*` headers, link checkers in
/// mail filters mostly do not.
pub fn is_navigation(headers: &HeaderMap) -> bool {
    let is = |name: &str, value: &str| headers.get(name).is_some_and(|v| v == value);
    is("sec-fetch-mode", "navigate") && is("sec-fetch-dest", "document")
}

pub fn session_id(headers: &HeaderMap) -> Option<&str> {
    cookie(headers, SESSION_COOKIE)
}

/// The staff member behind a session id (and the activity noted): the one way both
/// form handlers and server functions learn who is signed in.
pub async fn current_user(
    db: &Db,
    session: Option<&str>,
    now_ms: i64,
) -> Result<SessionLookup, AppError> {
    match session {
        Some(id) => lookup_session(db, id, now_ms).await,
        None => Ok(SessionLookup::Unknown),
    }
}

/// The request's language, for handlers: `lang: Lang`.
impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(lang(parts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(lines: &[&str]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for line in lines {
            map.append(header::COOKIE, line.parse().unwrap());
        }
        map
    }

    fn parts(lines: &[&str]) -> Parts {
        let mut request = http::Request::builder();
        for line in lines {
            request = request.header(header::COOKIE, *line);
        }
        request.body(()).unwrap().into_parts().0
    }

    #[test]
    fn cookies_are_found_in_any_cookie_header() {
        let h = headers(&["samrad_lang=en", "x=1; samrad_session=xyz"]);
        assert_eq!(session_id(&h), Some("xyz"));
        assert_eq!(lang(&parts(&["samrad_lang=en", "x=1"])), Lang::En);
        assert_eq!(session_id(&headers(&["samrad_session="])), None);
        assert_eq!(lang(&parts(&["samrad_lang=<b>"])), Lang::Da);
        assert_eq!(lang(&parts(&[])), Lang::Da);
    }

    #[test]
    fn the_chosen_language_comes_before_the_browsers() {
        let mut p = parts(&["samrad_lang=so"]);
        p.headers
            .insert(header::ACCEPT_LANGUAGE, "ar, en;q=0.5".parse().unwrap());
        let tags: Vec<String> = wanted_languages(&p).iter().map(|t| t.to_string()).collect();
        assert_eq!(tags, ["so", "ar", "en"]);
        assert_eq!(lang(&p), Lang::En, "Somali reads English chrome");
        p.extensions
            .insert(ChosenLanguage(LangTag::parse("ar").unwrap()));
        assert_eq!(lang(&p), Lang::Ar);
    }
}
