//! Signing in and out.

use super::reply::{rejected, value, Fields};
use crate::routes::client_addr::ClientAddr;
use app::backend::audit::{self, Action};
use app::backend::auth::{self, session_cookie, SignInError};
use app::backend::now_ms;
use app::edge::request;
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem};
use axum::extract::State;
use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/log-ind", post(sign_in))
        .route("/admin/log-ud", post(sign_out))
}

async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let old = request::session_id(&parts.headers).map(str::to_owned);
    let email = value(&fields, "email").to_owned();
    let now = now_ms();
    let result = auth::sign_in(
        &state.db,
        &email,
        value(&fields, "password"),
        &auth::client_key(client),
        old.as_deref(),
        now,
    )
    .await;
    let session = match result {
        Ok(Ok(session)) => session,
        Ok(Err(refusal)) => {
            let (msg, status) = match refusal {
                SignInError::BadCredentials => (Msg::BadCredentials, StatusCode::UNAUTHORIZED),
                SignInError::Throttled => (Msg::Throttled, StatusCode::TOO_MANY_REQUESTS),
            };
            let problems = vec![Problem::new("form", msg)];
            return rejected(
                &state,
                parts,
                "/admin/log-ind",
                "login",
                fields,
                problems,
                status,
            )
            .await;
        }
        Err(e) => return e.into_response(),
    };
    let who = auth::user_by_id(&state.db, session.user_id)
        .await
        .ok()
        .flatten();
    if let Err(e) =
        audit::record_alone(&state.db, who.as_ref(), Action::SignIn, None, "", now).await
    {
        e.log();
    }
    let mut response = Redirect::to("/admin").into_response();
    let cookie = session_cookie(Some(session.id.as_str()), state.settings.secure_cookies());
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

async fn sign_out(State(state): State<AppState>, parts: Parts) -> Response {
    if let Some(id) = request::session_id(&parts.headers) {
        let who = match auth::sign_out(&state.db, id).await {
            Ok(who) => who,
            Err(e) => return e.into_response(),
        };
        if let Some(user) = who {
            let now = now_ms();
            if let Err(e) =
                audit::record_alone(&state.db, Some(&user), Action::SignOut, None, "", now).await
            {
                e.log();
            }
        }
    }
    let mut response = Redirect::to("/admin/log-ind?besked=SignedOut").into_response();
    if let Ok(value) = HeaderValue::from_str(&session_cookie(None, state.settings.secure_cookies()))
    {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}
