//! Run-time configuration, from flags or `SAMRAD_*` environment variables.

use crate::routes::client_addr::parse_trusted_proxies;
use crate::serve::ConnectionLimits;
use crate::startup::ServeOptions;
use app::backend::mail::transport::{MailConfig, SmtpConfig, Tls};
use clap::Args;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args, Clone, Debug)]
pub struct ServeConfig {
    #[command(flatten)]
    pub mail: MailArgs,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "SAMRAD_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Folder with the built front end (`pkg/` with the wasm, JS and CSS).
    #[arg(long, env = "SAMRAD_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// Public address used in respondent links; defaults to http://<addr>.
    #[arg(long, env = "SAMRAD_BASE_URL")]
    pub base_url: Option<String>,
    /// Reverse proxies (addresses or CIDR ranges, comma-separated) whose
    /// X-Forwarded-For / Forwarded header names the client. Empty: the socket's peer is
    /// the client.
    #[arg(long, env = "SAMRAD_TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// Seconds a client may take to send a request's headers.
    #[arg(long, env = "SAMRAD_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,
    /// Seconds a client may take to send a request's body.
    #[arg(long, env = "SAMRAD_BODY_TIMEOUT_SECS", default_value_t = 30)]
    pub body_timeout_secs: u64,
    /// Open connections one address may hold (trusted proxies are not limited).
    #[arg(
        long,
        env = "SAMRAD_MAX_CONNECTIONS_PER_ADDRESS",
        default_value_t = 256
    )]
    pub max_connections_per_address: usize,
    /// Seconds a client may take to take the next part of a download.
    #[arg(long, env = "SAMRAD_SEND_TIMEOUT_SECS", default_value_t = 30)]
    pub send_timeout_secs: u64,
    /// Days after a consultation is closed that its bodies' addresses, links and
    /// mails are kept; then they are deleted (the answers stay).
    #[arg(long, env = "SAMRAD_RETENTION_DAYS", default_value_t = crate::startup::DEFAULT_RETENTION_DAYS,
          value_parser = clap::value_parser!(u32).range(1..))]
    pub retention_days: u32,
}

impl ServeConfig {
    pub fn options(&self) -> Result<ServeOptions, String> {
        Ok(ServeOptions {
            addr: self.addr,
            site_root: self.site_root.clone(),
            // Without one, the address actually bound (port 0 becomes a real port).
            base_url: self.base_url.clone(),
            trusted_proxies: parse_trusted_proxies(&self.trusted_proxies)
                .map_err(|e| format!("SAMRAD_TRUSTED_PROXIES: {e}"))?,
            limits: ConnectionLimits {
                header_timeout: Duration::from_secs(self.header_timeout_secs.max(1)),
                body_timeout: Duration::from_secs(self.body_timeout_secs.max(1)),
                per_address: self.max_connections_per_address.max(1),
                send_timeout: Duration::from_secs(self.send_timeout_secs.max(1)),
            },
            retention_days: self.retention_days,
        })
    }
}

#[derive(Args, Clone, Debug)]
pub struct DbConfig {
    /// Where the data lives: a SQLite file (created if missing; a path or
    /// `sqlite://path`), or a PostgreSQL database (`postgres://user:password@host/db`).
    #[arg(
        long,
        env = "SAMRAD_DATABASE",
        default_value = "data/samrad.db",
        global = true
    )]
    pub database: String,
}

/// E-mail settings. Without `--smtp-host` mails are written as `.eml` files to
/// `--mail-folder` (development and the demo) and listed on the outbox page.
#[derive(Args, Clone)]
pub struct MailArgs {
    /// SMTP server; without it, mails go to the mail folder instead.
    #[arg(long, env = "SAMRAD_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "SAMRAD_SMTP_PORT", default_value_t = 587)]
    pub smtp_port: u16,
    /// none, starttls or tls.
    #[arg(long, env = "SAMRAD_SMTP_TLS", default_value = "starttls")]
    pub smtp_tls: String,
    #[arg(long, env = "SAMRAD_SMTP_USER")]
    pub smtp_user: Option<String>,
    /// Read from the environment only in production, so it is not in `ps` output.
    #[arg(long, env = "SAMRAD_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// The sender, `Name <address>`.
    #[arg(
        long,
        env = "SAMRAD_MAIL_FROM",
        default_value = "Samråd <noreply@samrad.local>"
    )]
    pub mail_from: String,
    #[arg(long, env = "SAMRAD_MAIL_FOLDER", default_value = "data/mail")]
    pub mail_folder: PathBuf,
    /// Mails in flight at once.
    #[arg(long, env = "SAMRAD_MAIL_CONCURRENCY", default_value_t = 4)]
    pub mail_concurrency: usize,
    /// Most mails per second; 0 for no limit.
    #[arg(long, env = "SAMRAD_MAIL_RATE", default_value_t = 0)]
    pub mail_rate: u32,
    /// First retry delay (seconds) after a transient failure; doubles each time.
    #[arg(long, env = "SAMRAD_MAIL_RETRY_SECS", default_value_t = 30.0)]
    pub mail_retry_secs: f64,
    /// How long (seconds) a mail being sent stays claimed; after a crash it is sent
    /// again when this has passed.
    #[arg(long, env = "SAMRAD_MAIL_LEASE_SECS", default_value_t = 120.0)]
    pub mail_lease_secs: f64,
}

impl std::fmt::Debug for MailArgs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailArgs")
            .field("smtp_host", &self.smtp_host)
            .finish_non_exhaustive()
    }
}

impl MailArgs {
    pub fn config(&self) -> Result<MailConfig, String> {
        let smtp = match &self.smtp_host {
            Some(host) => Some(SmtpConfig {
                host: host.clone(),
                port: self.smtp_port,
                tls: Tls::parse(&self.smtp_tls).ok_or(format!(
                    "unknown SMTP TLS mode {:?}; use none, starttls or tls",
                    self.smtp_tls
                ))?,
                user: self.smtp_user.clone(),
                password: self.smtp_password.clone(),
            }),
            None => None,
        };
        Ok(MailConfig {
            from: self.mail_from.clone(),
            smtp,
            folder: self.mail_folder.clone(),
            concurrency: self.mail_concurrency.max(1),
            per_second: self.mail_rate,
            retry_base_ms: (self.mail_retry_secs * 1000.0) as i64,
            lease_ms: (self.mail_lease_secs * 1000.0) as i64,
        })
    }
}
