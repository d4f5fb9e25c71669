//! The security headers' values. The Content-Security-Policy of an HTML page names
//! that response's nonce, so only the hydration bootstrap Leptos writes with it can
//! run; the shell sets it on every page it renders, and the server's header layer
//! gives every other response a policy that allows nothing at all.

/// The policy of an HTML page rendered with `nonce`. Scripts: our own files and the
/// one inline bootstrap; `'wasm-unsafe-eval'` lets the browser compile our wasm and
/// nothing else (no `'unsafe-inline'`, no `'unsafe-eval'`). No inline styles exist.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
    )
}

/// The policy of every response that is not a rendered page (downloads, plain-text
/// refusals, static files): nothing may load, run or frame it.
pub const NOTHING_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

/// The policy of a page the server writes without Leptos (an error page): our own
/// stylesheet and nothing else.
pub const PLAIN_PAGE_POLICY: &str =
    "default-src 'none'; style-src 'self'; frame-ancestors 'none'; \
     form-action 'self'; base-uri 'none'";

/// Camera, microphone and location are never needed.
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=()";

/// Two years, as HSTS preload lists expect; sent only when the site is https.
pub const STRICT_TRANSPORT_SECURITY: &str = "max-age=63072000; includeSubDomains";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_only_the_nonce_inline() {
        let policy = page_policy("abc");
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(!policy.contains("'unsafe-eval'"));
        for directive in [
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            "form-action 'self'",
            "style-src 'self';",
        ] {
            assert!(policy.contains(directive), "{directive}");
        }
    }
}
