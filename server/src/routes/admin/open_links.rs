//! What only a survey has: its open links, created per unit, and its further
//! languages.

use super::extract::ManagerPost;
use super::reply::{back, settle, value, Again};
use app::backend::error::AppError;
use app::backend::{now_ms, open_link, translation};
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem};
use app::model::ConsultationId;
use app::wire::path;
use axum::extract::State;
use axum::response::Response;
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/hoering/{id}/aabne-links", post(create))
        .route("/admin/hoering/{id}/sprog", post(save_language))
}

async fn create(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let [group, unit, code] = ["group", "unit", "access_code"].map(|n| value(&fields, n));
    let result = open_link::create(&state.db, &user, id, group, unit, code, now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "open_link",
        fields,
    };
    finish(result, again, id, Msg::OpenLinkCreated).await
}

async fn save_language(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let [tag, title, intro] = ["lang", "title", "intro"].map(|n| value(&fields, n));
    let result =
        translation::save_language(&state.db, &user, id, tag, title, intro, now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "language",
        fields,
    };
    finish(result, again, id, Msg::LanguageSaved).await
}

/// Back to the survey's page with `done`, or its form again with the problem.
async fn finish(
    result: Result<Result<(), Problem>, AppError>,
    again: Again<'_>,
    id: ConsultationId,
    done: Msg,
) -> Response {
    settle(result, again, |()| {
        back(&path::consultation(id), done, None)
    })
    .await
}
