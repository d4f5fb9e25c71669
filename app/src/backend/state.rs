//! What every request handler and server function can reach.

use super::db::Db;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub settings: Arc<Settings>,
}

/// Settings the application code needs at run time (the server's config builds it).
#[derive(Clone, Debug)]
pub struct Settings {
    /// The public address of the site, used to write respondent links.
    pub base_url: String,
}

impl Settings {
    pub fn respondent_link(&self, token: &str) -> String {
        format!("{}/svar/{token}", self.base_url.trim_end_matches('/'))
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
