//! The administration's note on one item, and the targets of questions and areas,
//! written on the report page.

use super::extract::ManagerPost;
use super::reply::{unprocessable, value};
use app::backend::targets::{self, Scope};
use app::backend::{now_ms, report};
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem};
use app::model::target::{Metric, Target};
use app::model::{ItemId, SectionId};
use app::wire::path;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/hoering/{id}/rapport/bemaerkning", post(save_note))
        .route("/admin/hoering/{id}/rapport/maal", post(save_target))
}

/// Sets or removes (`intent=remove`) the target of a question (`item`) or an area
/// (`section`); a refusal shows the report again with what was typed and why.
async fn save_target(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let (scope, anchor) = match (
        value(&fields, "item").parse::<ItemId>(),
        value(&fields, "section").parse::<SectionId>(),
    ) {
        (Ok(item), _) => (Scope::Item(item), format!("punkt-{item}")),
        (_, Ok(section)) => (Scope::Area(section), format!("omraade-{section}")),
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let page = path::report(id);
    let target = if value(&fields, "intent") == "remove" {
        None
    } else {
        let parsed = Metric::parse(value(&fields, "metric"))
            .ok_or_else(|| Problem::new("metric", Msg::TargetKind))
            .and_then(|metric| Target::parse(metric, value(&fields, "threshold")));
        match parsed {
            Ok(target) => Some(target),
            Err(problem) => {
                return unprocessable(&state, parts, &page, "target", fields, vec![problem]).await
            }
        }
    };
    match targets::save(&state.db, &user, id, scope, target, now_ms()).await {
        Ok(Ok(())) => {
            let msg = if target.is_some() {
                Msg::TargetSaved
            } else {
                Msg::TargetRemoved
            };
            Redirect::to(&format!("{page}?besked={}#{anchor}", msg.code())).into_response()
        }
        Ok(Err(problem)) => {
            unprocessable(&state, parts, &page, "target", fields, vec![problem]).await
        }
        Err(e) => e.into_response(),
    }
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
