//! The administration's note on one item, written on the report page.

use super::extract::ManagerPost;
use super::reply::{unprocessable, value};
use app::backend::{now_ms, report};
use app::edge::state::AppState;
use app::model::admin::Msg;
use app::model::ItemId;
use app::wire::path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/hoering/{id}/rapport/bemaerkning", post(save_note))
}

/// The administration's note on one item, from the report page.
async fn save_note(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let Ok(item) = value(&fields, "item").parse::<ItemId>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let page = path::report(id);
    match report::parse_note(value(&fields, "note")) {
        Ok(note) => match report::save_note(&state.db, &user, id, item, &note, now_ms()).await {
            Ok(()) => Redirect::to(&format!(
                "{page}?besked={}#punkt-{item}",
                Msg::NoteSaved.code()
            ))
            .into_response(),
            Err(e) => e.into_response(),
        },
        Err(problem) => unprocessable(&state, parts, &page, "note", fields, vec![problem]).await,
    }
}
