//! The respondent form posted without JavaScript (and the explicit "Gem kladde" /
//! "Indsend" buttons with it). Success redirects (post/redirect/get); a rejected post
//! re-renders the page with everything the respondent typed and what was wrong, so
//! nothing is lost.

use crate::startup::MAX_BODY_BYTES;
use app::api::PrerenderedPage;
use app::backend::error::AppError;
use app::backend::form::{parse_pairs, Posting, RawField, Target};
use app::backend::now_ms;
use app::backend::respond::{load_page, overlay_posted, save, SaveResult, Seen};
use app::edge::state::AppState;
use app::i18n::Lang;
use app::model::{Conflict, FormError, Notice};
use app::wire::{path, respond};
use axum::extract::{Path, Request, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;
use std::collections::BTreeMap;

pub async fn post_form(
    State(state): State<AppState>,
    Path(token): Path<String>,
    lang: Lang,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let unreadable = |status: StatusCode, error: FormError| Rejection {
        status,
        notice: Notice::Invalid,
        page: None,
        fields: BTreeMap::new(),
        errors: vec![error],
        conflicts: Vec::new(),
    };
    let malformed = FormError {
        field: app::model::Field::Form,
        code: app::model::ErrorCode::MalformedForm,
    };
    let bytes = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(_) => {
            return rerender(
                &state,
                &token,
                lang,
                parts,
                unreadable(StatusCode::PAYLOAD_TOO_LARGE, malformed),
            )
            .await
        }
    };
    let Ok(pairs) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes) else {
        return rerender(
            &state,
            &token,
            lang,
            parts,
            unreadable(StatusCode::BAD_REQUEST, malformed),
        )
        .await;
    };
    let form = match parse_pairs(&pairs) {
        Ok(form) => form,
        Err(error) => {
            return rerender(
                &state,
                &token,
                lang,
                parts,
                unreadable(StatusCode::BAD_REQUEST, error),
            )
            .await
        }
    };
    let page = form.page;
    let rejection = |status, notice, errors, conflicts| Rejection {
        status,
        notice,
        page,
        fields: form.fields.clone(),
        errors,
        conflicts,
    };
    let back = |url: String| see_other(&path::on_page(url, page));
    let posting = Posting {
        intent: form.intent,
        page,
        since_version: None,
        wanted: app::edge::request::wanted_languages(&parts),
    };
    match save(&state.db, &token, &form.fields, &posting, now_ms()).await {
        Ok(SaveResult::Saved { merged, .. }) if merged.is_empty() => {
            back(path::respond_with(&token, respond::SAVED, None))
        }
        Ok(SaveResult::Saved { merged, .. }) => {
            let ids: Vec<String> = merged.iter().map(|i| i.id.to_string()).collect();
            back(path::respond_with(
                &token,
                respond::MERGED,
                Some(&ids.join(",")),
            ))
        }
        Ok(SaveResult::Moved { page, .. }) => {
            see_other(&path::on_page(path::respond(&token), Some(page)))
        }
        Ok(SaveResult::NeedsConfirmation { .. }) => {
            back(path::respond_with(&token, respond::CONFIRM, None))
        }
        Ok(SaveResult::Submitted { .. }) => {
            // The receipt mail is in the outbox.
            state.mail_signal.notify_one();
            see_other(&format!("/svar/{token}/kvittering"))
        }
        Ok(SaveResult::Conflict { conflicts, .. }) => {
            let r = rejection(
                StatusCode::CONFLICT,
                Notice::Conflict,
                Vec::new(),
                conflicts,
            );
            rerender(&state, &token, lang, parts, r).await
        }
        Ok(SaveResult::Invalid(errors)) | Ok(SaveResult::Incomplete { errors, .. }) => {
            let r = rejection(
                StatusCode::UNPROCESSABLE_ENTITY,
                Notice::Invalid,
                errors,
                Vec::new(),
            );
            rerender(&state, &token, lang, parts, r).await
        }
        Err(AppError::Locked(_)) => {
            let r = rejection(
                StatusCode::FORBIDDEN,
                Notice::Refused,
                Vec::new(),
                Vec::new(),
            );
            rerender(&state, &token, lang, parts, r).await
        }
        // Nothing was written, through no fault of the person: the page again with
        // everything they typed, and why.
        Err(error @ (AppError::StorageFull | AppError::Contention)) => {
            error.log();
            let status = match error {
                AppError::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
                _ => StatusCode::SERVICE_UNAVAILABLE,
            };
            let r = rejection(status, Notice::NotStored, Vec::new(), Vec::new());
            rerender(&state, &token, lang, parts, r).await
        }
        // The page itself says the link does not work, with a 404.
        Err(AppError::InvalidLink) => render(&state, parts, None, StatusCode::NOT_FOUND).await,
        Err(error) => {
            error.log();
            render(&state, parts, None, StatusCode::INTERNAL_SERVER_ERROR).await
        }
    }
}

/// Why a post was not saved, and what to show with it.
struct Rejection {
    status: StatusCode,
    notice: Notice,
    /// The page posted, shown again (the errors may send the view elsewhere).
    page: Option<usize>,
    fields: BTreeMap<Target, RawField>,
    errors: Vec<FormError>,
    conflicts: Vec<Conflict>,
}

fn see_other(target: &str) -> Response {
    Redirect::to(target).into_response()
}

async fn rerender(
    state: &AppState,
    token: &str,
    lang: Lang,
    parts: Parts,
    rejection: Rejection,
) -> Response {
    let wanted = app::edge::request::wanted_languages(&parts);
    match load_page(&state.db, token, lang, &wanted, Seen::Unverified, now_ms()).await {
        Ok(mut page) => {
            overlay_posted(&mut page, &rejection.fields, &rejection.conflicts);
            page.notice = Some(rejection.notice);
            page.page = rejection.page;
            page.errors = rejection.errors;
            page.conflicts = rejection.conflicts;
            render(state, parts, Some(page), rejection.status).await
        }
        Err(AppError::InvalidLink) => render(state, parts, None, StatusCode::NOT_FOUND).await,
        Err(error) => {
            error.log();
            render(state, parts, None, StatusCode::INTERNAL_SERVER_ERROR).await
        }
    }
}

/// Renders the Leptos app for this request, with a prepared page if there is one.
async fn render(
    state: &AppState,
    parts: Parts,
    page: Option<app::model::RespondPage>,
    status: StatusCode,
) -> Response {
    let provide = move || {
        if let Some(page) = page.clone() {
            provide_context(PrerenderedPage(page));
        }
    };
    super::render::render_with(state, parts, None, provide, status).await
}
