use super::ApiError;
use crate::model::{FieldChange, Receipt, RespondPage, SaveReply};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A page the form handler has already built (after a rejected post, with what the
/// respondent typed); the page's server function returns it instead of reloading.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct PrerenderedPage(pub RespondPage);

/// The respondent page behind a personal link.
#[server(endpoint = "respond_page")]
pub async fn get_respond_page(token: String) -> Result<RespondPage, ApiError> {
    use crate::backend::{now_ms, respond};
    use crate::edge::state::AppState;
    if let Some(PrerenderedPage(page)) = use_context::<PrerenderedPage>() {
        return Ok(page);
    }
    let state = expect_context::<AppState>();
    let parts = use_context::<http::request::Parts>();
    let seen = match &parts {
        Some(parts) if crate::edge::request::is_navigation(&parts.headers) => {
            respond::Seen::ByBrowser
        }
        _ => respond::Seen::Unverified,
    };
    let wanted = parts
        .as_ref()
        .map(crate::edge::request::wanted_languages)
        .unwrap_or_default();
    let lang = super::request_lang();
    respond::load_page(&state.db, &token, lang, &wanted, seen, now_ms())
        .await
        .map_err(super::api_error)
}

/// Saves changed answers as the respondent gives them (JavaScript on).
#[server(endpoint = "autosave", input = Json)]
pub async fn autosave(
    token: String,
    since_version: i64,
    changes: Vec<FieldChange>,
) -> Result<SaveReply, ApiError> {
    use crate::backend::error::AppError;
    use crate::backend::form::{from_changes, Posting};
    use crate::backend::now_ms;
    use crate::backend::respond::{save, SaveResult};
    use crate::edge::state::AppState;
    let state = expect_context::<AppState>();
    let fields = from_changes(changes);
    match save(
        &state.db,
        &token,
        &fields,
        &Posting::autosave(since_version),
        now_ms(),
    )
    .await
    {
        Ok(SaveResult::Saved {
            version,
            merged,
            updates,
        }) => Ok(SaveReply::Saved {
            version,
            updates,
            merged,
        }),
        Ok(SaveResult::Conflict { version, conflicts }) => {
            Ok(SaveReply::Conflict { version, conflicts })
        }
        Ok(SaveResult::Invalid(errors)) => Ok(SaveReply::Invalid { errors }),
        Ok(other) => Err(super::api_error(AppError::Internal(format!(
            "autosave cannot end as {other:?}"
        )))),
        Err(AppError::Locked(_)) => Ok(SaveReply::Locked),
        Err(error) => Err(super::api_error(error)),
    }
}

/// The receipt of the body's latest submission (`None` before the first).
#[server(endpoint = "receipt")]
pub async fn get_receipt(token: String) -> Result<Option<Receipt>, ApiError> {
    use crate::backend::respond;
    use crate::edge::state::AppState;
    let state = expect_context::<AppState>();
    let now = crate::backend::now_ms();
    respond::load_receipt(&state.db, &token, super::request_lang(), now)
        .await
        .map_err(super::api_error)
}
