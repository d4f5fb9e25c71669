//! Rendering a Leptos page from a plain handler: used to show a rejected form again
//! with what was typed, with the right status code.

use app::edge::state::AppState;
use app::shell;
use axum::body::Body;
use axum::extract::Request;
use axum::http::{request::Parts, Method, StatusCode, Uri};
use axum::response::Response;
use leptos::prelude::provide_context;

/// Renders the app for `parts` (with the page's own path in `page`, if given), after
/// `provide` has put the handler's data into the context.
pub async fn render_with<F>(
    state: &AppState,
    mut parts: Parts,
    page: Option<&str>,
    provide: F,
    status: StatusCode,
) -> Response
where
    F: Fn() + Clone + Send + Sync + 'static,
{
    if let Some(path) = page.and_then(|p| p.parse::<Uri>().ok()) {
        parts.uri = path;
        parts.method = Method::GET;
    }
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(context_state.clone());
            provide();
        },
        move || shell(options.clone()),
    );
    let mut response = handler(Request::from_parts(parts, Body::empty())).await;
    if response.status().is_success() {
        *response.status_mut() = status;
    }
    response
}
