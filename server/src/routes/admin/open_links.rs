//! A survey's open links: created per unit by the administration.

use super::extract::ManagerPost;
use super::reply::{back, settle, value, Again};
use app::backend::{now_ms, open_link};
use app::edge::state::AppState;
use app::model::admin::Msg;
use app::wire::path;
use axum::extract::State;
use axum::response::Response;
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/hoering/{id}/aabne-links", post(create))
}

async fn create(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let result = open_link::create(
        &state.db,
        &user,
        id,
        value(&fields, "group"),
        value(&fields, "unit"),
        value(&fields, "access_code"),
        now_ms(),
    )
    .await;
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "open_link",
        fields,
    };
    settle(result, again, |()| {
        back(&path::consultation(id), Msg::OpenLinkCreated, None)
    })
    .await
}
