//! What a request says about who sent it: its cookies, the language it asked for, and
//! the staff member behind its session. Form handlers and server functions both read
//! these here, so a cookie is parsed in one place.

use crate::backend::auth::{lookup_session, SessionLookup, SESSION_COOKIE};
use crate::backend::db::Db;
use crate::backend::error::AppError;
use crate::i18n::{Lang, LANG_COOKIE};
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

/// The language the request asked for (its cookie); Danish by default.
pub fn lang(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(Lang::from_tag)
        .unwrap_or_default()
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
        Ok(lang(&parts.headers))
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

    #[test]
    fn cookies_are_found_in_any_cookie_header() {
        let h = headers(&["samrad_lang=en", "x=1; samrad_session=xyz"]);
        assert_eq!(session_id(&h), Some("xyz"));
        assert_eq!(lang(&h), Lang::En);
        assert_eq!(session_id(&headers(&["samrad_session="])), None);
        assert_eq!(lang(&headers(&["samrad_lang=xx"])), Lang::Da);
        assert_eq!(lang(&HeaderMap::new()), Lang::Da);
    }
}
