//! The open link's page (`/u/<code>`).

use super::ApiError;
use crate::model::OpenLinkView;
use leptos::prelude::*;

/// A refused start, shown again by the form handler with the right status.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct PrerenderedOpenLink(pub OpenLinkView);

/// The cookie that keeps this browser's personal link for open link `code`.
pub fn kept_link_cookie(code: &str) -> String {
    format!("samrad_u_{code}")
}

/// The page of open link `code`; a browser that has a draft through it is sent back
/// to the draft instead.
#[server(endpoint = "open_link")]
pub async fn get_open_link(code: String) -> Result<OpenLinkView, ApiError> {
    use crate::backend::dates::format_datetime;
    use crate::backend::now_ms;
    use crate::backend::open_link::{arrive, Arrival};
    use crate::edge::state::AppState;
    if let Some(PrerenderedOpenLink(page)) = use_context::<PrerenderedOpenLink>() {
        return Ok(page);
    }
    let state = expect_context::<AppState>();
    let parts = use_context::<http::request::Parts>();
    let kept = parts
        .as_ref()
        .and_then(|p| crate::edge::request::cookie(&p.headers, &kept_link_cookie(&code)));
    let lang = super::request_lang();
    let wanted = parts
        .as_ref()
        .map(crate::edge::request::wanted_languages)
        .unwrap_or_default();
    match arrive(
        &state.db,
        &code,
        kept,
        &wanted,
        |t| format_datetime(t, lang),
        now_ms(),
    )
    .await
    {
        Ok(Arrival::Page(page)) => Ok(page),
        Ok(Arrival::Resume(token)) => {
            leptos_axum::redirect(&crate::wire::path::respond(&token));
            Err(ApiError::InvalidLink)
        }
        Err(e) => Err(super::api_error(e)),
    }
}
