//! Serving connections with limits that axum's `serve` does not set: a deadline for a
//! request's headers (hyper only enforces one when given a timer), and a cap on the
//! connections one address may hold open. Together with the body read timeout in the
//! router they keep a client that sends one byte a second from holding the server.

use axum::extract::connect_info::IntoMakeServiceWithConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use ipnet::IpNet;
use std::collections::HashMap;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::Service;

/// How long connections may take and how many one address may hold.
#[derive(Clone, Debug)]
pub struct ConnectionLimits {
    /// From a connection's first byte (or the end of the previous request) to the end
    /// of the request's headers.
    pub header_timeout: Duration,
    /// To read a whole request body.
    pub body_timeout: Duration,
    /// Open connections from one address. A school's staff share one public address,
    /// so this is generous; trusted proxies are not limited (they are the address of
    /// every user).
    pub per_address: usize,
    /// To take the next chunk of a streamed download. A client that stops reading
    /// would otherwise hold the database connection the export streams from.
    pub send_timeout: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        Self {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            per_address: 256,
            send_timeout: Duration::from_secs(30),
        }
    }
}

/// Open connections per address; a [`Slot`] gives its place back when dropped.
#[derive(Clone, Default)]
struct Slots(Arc<Mutex<HashMap<IpAddr, usize>>>);

struct Slot {
    slots: Slots,
    ip: IpAddr,
}

impl Slots {
    fn take(&self, ip: IpAddr, limit: usize) -> Option<Slot> {
        let mut open = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(ip).or_default();
        if *count >= limit {
            return None;
        }
        *count += 1;
        Some(Slot {
            slots: self.clone(),
            ip,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.slots.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests in
/// hand finish (at most `grace`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnectionLimits,
    trusted_proxies: Arc<[IpNet]>,
    shutdown: impl Future<Output = ()>,
    grace: Duration,
) -> std::io::Result<()> {
    let mut make_service: IntoMakeServiceWithConnectInfo<Router, SocketAddr> =
        router.into_make_service_with_connect_info::<SocketAddr>();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    let slots = Slots::default();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let slot = if trusted_proxies.iter().any(|net| net.contains(&peer.ip())) {
            None
        } else {
            match slots.take(peer.ip(), limits.per_address) {
                Some(slot) => Some(slot),
                None => {
                    tracing::warn!("connection refused: too many open from one address");
                    continue;
                }
            }
        };
        let Ok(service) = make_service.call(peer).await;
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    if tokio::time::timeout(grace, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still running at shutdown were cut off");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_slots_back() {
        let slots = Slots::default();
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let first = slots.take(ip, 2).unwrap();
        let _second = slots.take(ip, 2).unwrap();
        assert!(slots.take(ip, 2).is_none());
        assert!(slots.take("192.0.2.2".parse().unwrap(), 2).is_some());
        drop(first);
        assert!(slots.take(ip, 2).is_some());
    }
}
