//! Building the application: state → router → listener. Building and running are
//! separate so tests can bind port 0 and learn the port before the server runs.

use crate::housekeeping::Housekeeping;
use crate::mail_worker::MailWorker;
use crate::routes;
use crate::serve::{serve, ConnectionLimits};
use app::backend::db::Db;
use app::backend::mail::transport::MailConfig;
use app::edge::state::{AppState, Settings, Shared};
use app::pages::CardCache;
use app::{shell, App, OUTPUT_NAME};
use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::routing::{get, post};
use axum::{middleware, Router};
use ipnet::IpNet;
use leptos::config::{Env, LeptosOptions};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use routes::{admin, export};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::OnceLock;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{watch, Notify};
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::services::ServeDir;
use tower_http::timeout::RequestBodyTimeoutLayer;
use tower_http::trace::TraceLayer;

/// The largest request body we read. A full hearing form with every comment at the
/// limit, percent-encoded, stays well below it.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// How long shutdown waits for the mail worker's batch in hand.
const WORKER_GRACE: Duration = Duration::from_secs(30);
/// Brotli level for the streamed responses (the exports) and small bodies, which
/// routes::page_brotli leaves to tower-http: level 0, brotli's one-pass fast path.
const PAGE_BROTLI: CompressionLevel = CompressionLevel::Precise(0);
/// gzip level for the browsers that take no brotli (gzip's level 0 stores the page
/// uncompressed).
const PAGE_GZIP: CompressionLevel = CompressionLevel::Precise(1);

/// The browser bundles and the stylesheet, sent as the `.br` or `.gz` files
/// scripts/build.sh compressed once at the best level, when the browser takes them.
fn static_files(dir: &Path) -> ServeDir {
    ServeDir::new(dir).precompressed_br().precompressed_gzip()
}

/// Where and how to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Port 0 picks a free port.
    pub addr: SocketAddr,
    /// The built front end (`pkg/`).
    pub site_root: PathBuf,
    /// The public address; defaults to `http://<the bound address>`.
    pub base_url: Option<String>,
    pub trusted_proxies: Vec<IpNet>,
    pub limits: ConnectionLimits,
    /// Days after closing that a consultation's contact data is kept.
    pub retention_days: u32,
}

/// The retention period when none is configured: a quarter of a year after closing
/// leaves time for late questions and a reopening, and no longer.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

impl ServeOptions {
    /// A free port on loopback with the default limits: what tests and benchmarks use.
    pub fn local(site_root: impl Into<PathBuf>) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            site_root: site_root.into(),
            base_url: None,
            trusted_proxies: Vec::new(),
            limits: ConnectionLimits::default(),
            retention_days: DEFAULT_RETENTION_DAYS,
        }
    }
}

pub struct Application {
    listener: TcpListener,
    router: Router,
    worker: MailWorker,
    housekeeping: Housekeeping,
    limits: ConnectionLimits,
    trusted_proxies: Arc<[IpNet]>,
}

impl Application {
    pub async fn build(options: ServeOptions, db: Db, mail: MailConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind(options.addr).await?;
        let local = listener.local_addr()?;
        let base_url = options.base_url;
        let trusted_proxies: Arc<[IpNet]> = options.trusted_proxies.into();
        let leptos_options = LeptosOptions::builder()
            .output_name(OUTPUT_NAME)
            .site_root(options.site_root.to_string_lossy().as_ref())
            .site_pkg_dir("pkg")
            .site_addr(local)
            .env(Env::PROD)
            .build();
        let settings = Settings {
            base_url: base_url.unwrap_or_else(|| format!("http://{local}")),
            mail_folder: mail
                .smtp
                .is_none()
                .then(|| mail.folder.display().to_string()),
            trusted_proxies: trusted_proxies.clone(),
            send_timeout: options.limits.send_timeout,
        };
        let housekeeping = Housekeeping {
            db: db.clone(),
            retention_days: options.retention_days,
            mail_folder: mail.smtp.is_none().then(|| mail.folder.clone()),
        };
        let mail_signal = Arc::new(Notify::new());
        let worker = MailWorker::new(
            db.clone(),
            mail,
            settings.base_url.clone(),
            mail_signal.clone(),
        )
        .map_err(std::io::Error::other)?;
        let state = AppState::new(Shared {
            leptos_options,
            db,
            settings,
            mail_signal,
            cards: CardCache::default(),
        });
        Ok(Self {
            listener,
            router: router(state, options.limits.body_timeout),
            worker,
            housekeeping,
            limits: options.limits,
            trusted_proxies,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    /// Serves until SIGINT/SIGTERM, then lets the mail worker finish the batch in
    /// hand (at most [`WORKER_GRACE`]) so no mail is sent twice after a restart.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let (stop, stopped) = watch::channel(false);
        let housekeeping = tokio::spawn(self.housekeeping.run(stopped.clone()));
        let worker = tokio::spawn(self.worker.run(stopped));
        let served = serve(
            self.listener,
            self.router,
            self.limits,
            self.trusted_proxies,
            shutdown_signal(),
            WORKER_GRACE,
        )
        .await;
        let _ = stop.send(true);
        if tokio::time::timeout(WORKER_GRACE, worker).await.is_err() {
            tracing::warn!("mail worker did not stop in time");
        }
        if tokio::time::timeout(WORKER_GRACE, housekeeping)
            .await
            .is_err()
        {
            tracing::warn!("housekeeping did not stop in time");
        }
        served
    }
}

/// The app's routes, generated once per process. Generating them sets a process-wide
/// flag (leptos_server's `SuppressResourceLoad`) under which a resource first polled
/// anywhere else in the process waits forever (leptos-rs/leptos#4773): with a second
/// server in the same process — as every integration test starts one — a page being
/// rendered there while this one starts would never be answered. Generated once,
/// before any server of the process can serve, nothing renders meanwhile.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The application's routes and layers. `body_timeout` bounds the time to read a
/// request's body.
pub fn router(state: AppState, body_timeout: Duration) -> Router {
    let routes = route_list();
    let options = state.leptos_options.clone();
    let pkg_dir = PathBuf::from(&*options.site_root).join(&*options.site_pkg_dir);
    Router::new()
        .route("/svar/{token}", post(routes::respond_form::post_form))
        .route("/u/{code}", post(routes::open_link::start))
        .route("/admin/hoering/{id}/eksport/{file}", get(export::download))
        .merge(admin::router())
        .route("/sprog/{lang}", get(routes::language::switch))
        .route("/healthz", get(|| async { "ok" }))
        .leptos_routes(&state, routes, move || shell(options.clone()))
        .nest_service("/pkg", static_files(&pkg_dir))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            routes::same_origin::refuse_cross_site,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            routes::negotiate::from_browser,
        ))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyTimeoutLayer::new(body_timeout))
        // Rendered pages in one piece by the C encoder (routes::page_brotli); then two
        // layers, as the levels differ, for what that one leaves (streams, small
        // bodies): brotli where the browser takes it, else gzip. A response already
        // encoded is left as it is.
        .layer(middleware::from_fn(routes::page_brotli::compress))
        .layer(CompressionLayer::new().no_gzip().quality(PAGE_BROTLI))
        .layer(CompressionLayer::new().no_br().quality(PAGE_GZIP))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            routes::security_headers::add,
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(record_status),
        )
        .with_state(state)
}

/// A span per request with its method and its route's template (`/svar/{token}`,
/// never the token itself); every event inside the request (a refused post, an
/// internal error) carries it.
fn request_span(request: &axum::extract::Request) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str);
    tracing::info_span!(
        "request",
        method = %request.method(),
        route,
        status = tracing::field::Empty,
    )
}

/// Notes the status in the request's span, and the time at `debug`.
fn record_status(response: &axum::response::Response, latency: Duration, span: &tracing::Span) {
    span.record("status", response.status().as_u16());
    tracing::debug!(ms = latency.as_millis() as u64, "answered");
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}
