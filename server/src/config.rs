//! Run-time configuration, from flags or `SAMRAD_*` environment variables.

use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Args, Clone, Debug)]
pub struct ServeConfig {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "SAMRAD_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Folder with the built front end (`pkg/` with the wasm, JS and CSS).
    #[arg(long, env = "SAMRAD_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// Public address used in respondent links; defaults to http://<addr>.
    #[arg(long, env = "SAMRAD_BASE_URL")]
    pub base_url: Option<String>,
}

impl ServeConfig {
    pub fn base_url(&self) -> String {
        self.base_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.addr))
    }
}

#[derive(Args, Clone, Debug)]
pub struct DbConfig {
    /// The SQLite database file (created if missing).
    #[arg(
        long,
        env = "SAMRAD_DATABASE",
        default_value = "data/samrad.db",
        global = true
    )]
    pub database: PathBuf,
}
