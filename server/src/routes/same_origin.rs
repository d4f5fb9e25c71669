//! Cross-site request refusal. Leptos has no CSRF protection of its own, and server
//! functions are plain POST endpoints, so every state-changing request must come
//! from our own pages: the browser's `Sec-Fetch-Site` must say same-origin (or that
//! the user typed it), and an `Origin`, when sent, must be exactly this site —
//! scheme, host and port of the base URL. Requests with neither header do not come
//! from a browser and cannot carry a victim's cookies across sites. Together with
//! `SameSite=Lax` session cookies this closes CSRF.
//!
//! Every request must also name this site in its `Host`: a page on another domain
//! that points its name at our address (DNS rebinding) is refused, whatever the
//! method. A reverse proxy in front must pass the `Host` on (nginx:
//! `proxy_set_header Host $host`). `/healthz` is exempt, for load balancers that
//! ask by address.

use app::edge::state::AppState;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, uri::Authority, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn refuse_cross_site(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let base = Origin::of_url(&state.settings.base_url);
    let health = request.uri().path() == "/healthz";
    if !health && !is_own_host(&request, base.as_ref()) {
        tracing::warn!("request for another host refused");
        let text = format!(
            "Denne adresse hører ikke til Samråd; brug {0}\nThis address is not Samråd's; use {0}\n",
            state.settings.base_url
        );
        return (StatusCode::MISDIRECTED_REQUEST, text).into_response();
    }
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_same_origin(&request, base.as_ref()) {
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

/// A web origin: scheme, host (lower case) and port (the scheme's default if none
/// is written).
#[derive(Debug, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    fn of_url(url: &str) -> Option<Self> {
        let uri: Uri = url.trim().parse().ok()?;
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let authority = uri.authority()?;
        let port = authority.port_u16().or(default_port(&scheme))?;
        Some(Self {
            host: authority.host().to_ascii_lowercase(),
            scheme,
            port,
        })
    }
}

fn default_port(scheme: &str) -> Option<u16> {
    match scheme {
        "http" => Some(80),
        "https" => Some(443),
        _ => None,
    }
}

/// The `Host` (or, without one, the request target's authority) is the base URL's.
fn is_own_host(request: &Request, base: Option<&Origin>) -> bool {
    let Some(base) = base else { return false };
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<Authority>().ok())
        .or_else(|| request.uri().authority().cloned());
    host.is_some_and(|a| {
        a.host().eq_ignore_ascii_case(&base.host)
            && a.port_u16().or(default_port(&base.scheme)) == Some(base.port)
    })
}

fn is_same_origin(request: &Request, base: Option<&Origin>) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        if !matches!(site, "same-origin" | "none") {
            return false;
        }
    }
    match headers.get(header::ORIGIN) {
        None => true,
        Some(origin) => {
            let origin = origin.to_str().ok().and_then(Origin::of_url);
            origin.is_some() && origin.as_ref() == base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    const BASE: &str = "https://samrad.kommune.dk";

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

    fn same_origin(headers: &[(&str, &str)]) -> bool {
        is_same_origin(&post(headers), Origin::of_url(BASE).as_ref())
    }

    #[test]
    fn own_pages_pass_and_other_sites_do_not() {
        assert!(same_origin(&[
            ("origin", "https://samrad.kommune.dk"),
            ("sec-fetch-site", "same-origin")
        ]));
        assert!(same_origin(&[("origin", "https://SAMRAD.kommune.dk:443")]));
        assert!(same_origin(&[]));
        assert!(!same_origin(&[("origin", "https://evil.example")]));
        assert!(!same_origin(&[("sec-fetch-site", "cross-site")]));
        assert!(!same_origin(&[("sec-fetch-site", "same-site")]));
        assert!(!same_origin(&[("origin", "null")]));
    }

    #[test]
    fn the_origin_must_match_scheme_host_and_port_exactly() {
        assert!(!same_origin(&[("origin", "http://samrad.kommune.dk")]));
        assert!(!same_origin(&[(
            "origin",
            "https://samrad.kommune.dk:8443"
        )]));
        assert!(!same_origin(&[(
            "origin",
            "https://samrad.kommune.dk.evil.example"
        )]));
        let http = Origin::of_url("http://127.0.0.1:3000");
        let request = post(&[("origin", "https://127.0.0.1:3000")]);
        assert!(!is_same_origin(&request, http.as_ref()));
    }

    #[test]
    fn only_the_base_urls_host_is_served() {
        let base = Origin::of_url(BASE);
        let with_host = |host: &str| {
            let request = Request::builder()
                .uri("/")
                .header("host", host)
                .body(Body::empty())
                .unwrap();
            is_own_host(&request, base.as_ref())
        };
        assert!(with_host("samrad.kommune.dk"));
        assert!(with_host("Samrad.Kommune.dk:443"));
        assert!(!with_host("rebound.evil.example"));
        assert!(!with_host("samrad.kommune.dk:80"));
        let no_host = Request::builder().uri("/").body(Body::empty()).unwrap();
        assert!(!is_own_host(&no_host, base.as_ref()));
    }
}
