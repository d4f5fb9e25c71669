//! The first visit to a translated survey without a language chosen: the browser's
//! `Accept-Language` picks among the survey's languages, and the choice is kept in
//! the language cookie from then on. Only respondents' links (`/svar/…`, `/u/…`) are
//! looked at, and only when the survey has another language than Danish, so every
//! other page stays Danish until someone picks English.

use app::backend::translation::best_for_path;
use app::edge::request::{cookie, ChosenLanguage};
use app::edge::state::AppState;
use app::i18n::LANG_COOKIE;
use app::model::language::accepted;
use axum::extract::{Request, State};
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::Response;

pub async fn from_browser(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    let respondents = path.starts_with("/svar/") || path.starts_with("/u/");
    let wanted = match request.headers().get(header::ACCEPT_LANGUAGE) {
        Some(value)
            if request.method() == Method::GET
                && respondents
                && cookie(request.headers(), LANG_COOKIE).is_none() =>
        {
            accepted(value.to_str().unwrap_or_default())
        }
        _ => return next.run(request).await,
    };
    let chosen = match best_for_path(&state.db, path, &wanted).await {
        Ok(Some(tag)) if !tag.is_danish() => tag,
        // Danish, no translation, or no such link: the page says what it says.
        _ => return next.run(request).await,
    };
    request
        .extensions_mut()
        .insert(ChosenLanguage(chosen.clone()));
    let mut response = next.run(request).await;
    super::language::keep(&mut response, &chosen);
    response
}
