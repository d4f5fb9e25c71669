//! Building the application: state → router → listener. Building and running are
//! separate so tests can bind port 0 and learn the port before the server runs.

use crate::routes;
use app::backend::db::Db;
use app::backend::state::{AppState, Settings};
use app::{shell, App, OUTPUT_NAME};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::routing::{get, post};
use axum::Router;
use leptos::config::{Env, LeptosOptions};
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

/// The largest request body we read. A full hearing form with every comment at the
/// limit, percent-encoded, stays well below it.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

pub struct Application {
    listener: TcpListener,
    router: Router,
}

impl Application {
    pub async fn build(
        addr: SocketAddr,
        site_root: &Path,
        base_url: Option<String>,
        db: Db,
    ) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let local = listener.local_addr()?;
        let leptos_options = LeptosOptions::builder()
            .output_name(OUTPUT_NAME)
            .site_root(site_root.to_string_lossy().as_ref())
            .site_pkg_dir("pkg")
            .site_addr(local)
            .env(Env::PROD)
            .build();
        let settings = Settings {
            base_url: base_url.unwrap_or_else(|| format!("http://{local}")),
        };
        let state = AppState {
            leptos_options,
            db,
            settings: Arc::new(settings),
        };
        Ok(Self {
            listener,
            router: router(state),
        })
    }

    pub fn port(&self) -> u16 {
        self.listener
            .local_addr()
            .map(|a| a.port())
            .unwrap_or_default()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown_signal())
            .await
    }
}

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    Router::new()
        .route("/svar/{token}", post(routes::respond_form::post_form))
        .route("/sprog/{lang}", get(routes::language::switch))
        .route("/healthz", get(|| async { "ok" }))
        .leptos_routes(&state, routes, move || shell(options.clone()))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(CompressionLayer::new())
        // Personal links are capabilities: never hand them on in a Referer header.
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .with_state(state)
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
