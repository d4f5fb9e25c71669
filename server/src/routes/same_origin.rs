//! Cross-site request refusal. Leptos has no CSRF protection of its own, and server
//! functions are plain POST endpoints, so every state-changing request must come
//! from our own pages: the browser's `Sec-Fetch-Site` must say same-origin (or that
//! the user typed it), and an `Origin`, when sent, must be this site. Requests with
//! neither header do not come from a browser and cannot carry a victim's cookies
//! across sites. Together with `SameSite=Lax` session cookies this closes CSRF.

use app::edge::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_same_origin(&request, &state.settings.base_url) {
        next.run(request).await
    } else {
        // The route's template, never the path: a personal link is a capability.
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map_or("(no route)", MatchedPath::as_str);
        tracing::warn!(route, "cross-site request refused");
        (
            StatusCode::FORBIDDEN,
            "Cross-site request refused / Forespørgsel fra et andet websted afvist",
        )
            .into_response()
    }
}

fn is_same_origin(request: &Request, base_url: &str) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let authority = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
    origin.trim_end_matches('/') == base_url.trim_end_matches('/')
        || (!host.is_empty() && authority == host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn post(headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder()
            .method("POST")
            .uri("/admin/hoeringer")
            .header("host", "samrad.kommune.dk");
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(Body::empty()).unwrap()
    }

    #[test]
    fn own_pages_pass_and_other_sites_do_not() {
        let base = "https://samrad.kommune.dk";
        assert!(is_same_origin(
            &post(&[
                ("origin", "https://samrad.kommune.dk"),
                ("sec-fetch-site", "same-origin")
            ]),
            base
        ));
        assert!(is_same_origin(&post(&[]), base));
        assert!(!is_same_origin(
            &post(&[("origin", "https://evil.example")]),
            base
        ));
        assert!(!is_same_origin(
            &post(&[("sec-fetch-site", "cross-site")]),
            base
        ));
        assert!(!is_same_origin(
            &post(&[("sec-fetch-site", "same-site")]),
            base
        ));
        assert!(!is_same_origin(&post(&[("origin", "null")]), base));
    }
}
