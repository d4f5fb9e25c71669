//! What every request handler and server function can reach.

use crate::backend::db::Db;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Cloned by every middleware and handler of every request (axum's `State`, the
/// server functions' context), so it is one reference count: its fields' own clones
/// were some twenty (the options' texts, the pools, the writer's handles), each taken
/// and dropped again per request.
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        Self(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

#[derive(Debug)]
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Settings,
    /// Wakes the mail worker when an action has queued mail.
    pub mail_signal: Arc<tokio::sync::Notify>,
    /// The respondent's form's cards as rendered, for the next page view that shows
    /// them (pages::respond's `cards`).
    pub cards: crate::pages::CardCache,
}

/// Settings the application code needs at run time (the server's config builds it).
#[derive(Clone, Debug)]
pub struct Settings {
    /// The public address of the site, used to write respondent links.
    pub base_url: String,
    /// Where the development mail transport writes, shown on the outbox page.
    pub mail_folder: Option<String>,
    /// Reverse proxies whose `X-Forwarded-For` / `Forwarded` say who the client is.
    pub trusted_proxies: Arc<[ipnet::IpNet]>,
    /// How long a streamed download waits for its client to take the next chunk.
    pub send_timeout: std::time::Duration,
}

impl Settings {
    /// Cookies get `Secure` when the site is served over HTTPS.
    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn respondent_link(&self, token: &str) -> String {
        format!(
            "{}{}",
            self.base_url.trim_end_matches('/'),
            crate::wire::path::respond(token)
        )
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
