//! The consulted bodies of one consultation: added by hand, changed, removed, sent
//! their invitation again or a new link.

use super::extract::{Manager, ManagerPost};
use super::reply::{back, settle, settle_back, Again, Fields};
use app::backend::manage;
use app::backend::now_ms;
use app::edge::state::AppState;
use app::model::admin::Msg;
use app::model::{BodyId, ConsultationId};
use app::wire::path;
use axum::extract::{Path, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/hoering/{id}/parter", post(add_body))
        .route("/admin/hoering/{id}/parter/{body}", post(edit_body))
        .route(
            "/admin/hoering/{id}/parter/{body}/{action}",
            post(body_action),
        )
}

async fn add_body(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let parsed = manage::parse_body(&fields);
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "body",
        fields,
    };
    let body = match parsed {
        Ok(body) => body,
        Err(problems) => return again.show(problems).await,
    };
    let base_url = &state.settings.base_url;
    let result = manage::add_body(&state.db, &user, id, &body, base_url, now_ms()).await;
    settle(result, again, |_| {
        state.mail_signal.notify_one();
        back(&path::consultation(id), Msg::BodyAdded, None)
    })
    .await
}

/// Changes one body from the form in its row; a rejected change shows that row's form
/// again, open.
async fn edit_body(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((id, body_id)): Path<(ConsultationId, BodyId)>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let parsed = manage::parse_body(&fields);
    let form = format!("body-{body_id}");
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: &form,
        fields,
    };
    let body = match parsed {
        Ok(body) => body,
        Err(problems) => return again.show(problems).await,
    };
    let result = manage::update_body(&state.db, &user, id, body_id, &body, now_ms()).await;
    settle(result, again, |()| {
        back(&path::consultation(id), Msg::BodyChanged, None)
    })
    .await
}

/// What can be done to one body from its row.
async fn body_action(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((id, body, action)): Path<(ConsultationId, BodyId, String)>,
) -> Response {
    let now = now_ms();
    let base_url = &state.settings.base_url;
    let (result, msg) = match action.as_str() {
        "fjern" => (
            manage::remove_body(&state.db, &user, id, body, now).await,
            Msg::BodyRemoved,
        ),
        "gensend" => (
            manage::reinvite(&state.db, &user, id, body, false, base_url, now).await,
            Msg::InvitationQueued,
        ),
        "nyt-link" => (
            manage::reinvite(&state.db, &user, id, body, true, base_url, now).await,
            Msg::LinkReplaced,
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    settle_back(result, &path::consultation(id), |()| {
        state.mail_signal.notify_one();
        back(&path::consultation(id), msg, None)
    })
}
