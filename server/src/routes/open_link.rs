//! `POST /u/<code>`: starts an answer through an open link and sends the browser to
//! its personal link, which a cookie keeps for coming back. A refused start shows the
//! link's page again with why: a wrong access code (422), too many starts from the
//! address (429), or a survey that is not open (403).

use super::client_addr::ClientAddr;
use crate::startup::MAX_BODY_BYTES;
use app::api::{kept_link_cookie, PrerenderedOpenLink};
use app::backend::dates::format_datetime;
use app::backend::error::AppError;
use app::backend::now_ms;
use app::backend::open_link::{self, Arrival, Refusal};
use app::edge::state::AppState;
use app::i18n::Lang;
use app::model::OpenLinkProblem;
use app::wire::path;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

/// How long a browser keeps its way back to a draft: past any survey's deadline.
const KEPT_DAYS: i64 = 180;

pub async fn start(
    State(state): State<AppState>,
    Path(code): Path<String>,
    ClientAddr(client): ClientAddr,
    lang: Lang,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let access_code = match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
            .unwrap_or_default()
            .into_iter()
            .find(|(name, _)| name == "access_code")
            .map(|(_, value)| value)
            .unwrap_or_default(),
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let now = now_ms();
    let (problem, status) = match open_link::start(&state.db, &code, &access_code, client, now)
        .await
    {
        Ok(Ok(token)) => return started(&state, &code, &token),
        Ok(Err(Refusal::WrongCode)) => (
            Some(OpenLinkProblem::WrongCode),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Ok(Err(Refusal::TooMany)) => (
            Some(OpenLinkProblem::TooMany),
            StatusCode::TOO_MANY_REQUESTS,
        ),
        Ok(Err(Refusal::Locked(_))) => (None, StatusCode::FORBIDDEN),
        Err(AppError::InvalidLink) => {
            return super::render::render_with(&state, parts, None, || {}, StatusCode::NOT_FOUND)
                .await
        }
        Err(e) => return e.into_response(),
    };
    let wanted = app::edge::request::wanted_languages(&parts);
    let deadline = |t| format_datetime(t, lang);
    let page = match open_link::arrive(&state.db, &code, None, &wanted, deadline, now).await {
        Ok(Arrival::Page(mut page)) => {
            page.problem = problem;
            page
        }
        Ok(Arrival::Resume(_)) | Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let provide = move || provide_context(PrerenderedOpenLink(page.clone()));
    super::render::render_with(&state, parts, None, provide, status).await
}

/// To the new personal link, with a cookie that leads back to it from the open link.
fn started(state: &AppState, code: &str, token: &str) -> Response {
    let mut response = Redirect::to(&path::respond(token)).into_response();
    let secure = if state.settings.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{}={token}; Path=/u/{code}; Max-Age={}; HttpOnly; SameSite=Lax{secure}",
        kept_link_cookie(code),
        KEPT_DAYS * 24 * 3600
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}
