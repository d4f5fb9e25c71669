//! Fault run: the server killed with `kill -9` every few seconds while 32 phones
//! submit, and started again on the same database each time.
//!
//! `cargo bench -p server --bench faults`. Prepares a hearing as the load benchmark
//! does, keeps 32 clients submitting through the no-JavaScript form (each with a
//! different body; a client whose request fails — the server is down — tries the next
//! body after a moment), and kills and restarts the server `SAMRAD_FAULT_KILLS` times
//! (default 10), every `SAMRAD_FAULT_EVERY_MS` (default 3,000). Then it checks, and
//! fails the run if any does not hold:
//!
//! - every acknowledged submission (a 303 to the receipt) is stored with the answers
//!   it sent, and has its receipt queued (they share a transaction);
//! - `PRAGMA integrity_check` says `ok`;
//! - the server came back every time (it prints the slowest restart).
//!
//! Requests cut off by a kill are counted, not failed: only what was acknowledged
//! was promised.

mod support;

// The tests' SMTP server, which receives the receipts.
#[path = "../tests/api/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use app::model::BodyId;
use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use support::respondent::{answers, phone, prepare, respondent, verify, Acknowledged, Body};
use support::served::Served;

const BODIES: usize = 30_000;
const CLIENTS: usize = 32;

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// What the clients share: where the server is now, the bodies, and what was
/// acknowledged or cut off.
struct Field {
    base: RwLock<String>,
    bodies: Vec<Body>,
    items: Vec<app::model::ItemId>,
    next: AtomicUsize,
    stop: AtomicBool,
    acknowledged: Mutex<Acknowledged>,
    cut_off: AtomicUsize,
}

async fn client(field: Arc<Field>) {
    let base = field.base.read().unwrap().clone();
    let mut phone_client = phone(&base, "br, gzip");
    let mut phone_base = base;
    while !field.stop.load(Ordering::Relaxed) {
        let n = field.next.fetch_add(1, Ordering::Relaxed);
        let Some(body) = field.bodies.get(n) else {
            break;
        };
        let base = field.base.read().unwrap().clone();
        if base != phone_base {
            // A restarted server listens on a new port; a phone's page is from there.
            phone_client = phone(&base, "br, gzip");
            phone_base = base.clone();
        }
        let sent = answers(n, &field.items);
        match respondent(&phone_client, &base, body, &sent).await {
            Ok(()) => {
                field
                    .acknowledged
                    .lock()
                    .unwrap()
                    .submitted
                    .insert(body.id, sent);
            }
            Err(_) => {
                field.cut_off.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
    }
}

/// Bodies of the acknowledged submissions that have no receipt queued.
async fn without_receipt(database: &std::path::Path, acknowledged: &Acknowledged) -> usize {
    let db = app::backend::db::Db::open(database).await.unwrap();
    let rows: Vec<(BodyId,)> =
        sqlx::query_as("SELECT respondent_id FROM outbox WHERE kind = 'receipt'")
            .fetch_all(&db.read)
            .await
            .unwrap();
    db.close().await;
    let with: HashSet<BodyId> = rows.into_iter().map(|(id,)| id).collect();
    acknowledged
        .submitted
        .keys()
        .filter(|id| !with.contains(id))
        .count()
}

async fn integrity(database: &std::path::Path) -> String {
    let db = app::backend::db::Db::open(database).await.unwrap();
    let (verdict,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&db.read)
        .await
        .unwrap();
    db.close().await;
    verdict
}

#[tokio::main]
async fn main() {
    let kills = setting("SAMRAD_FAULT_KILLS", 10);
    let every = Duration::from_millis(setting("SAMRAD_FAULT_EVERY_MS", 3_000));
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("faults.db");
    let (bodies, items) = prepare(&database, BODIES).await;
    let sink = smtp::SmtpSink::start().await;
    let mut server = Served::start(&database, sink.port).await;
    let field = Arc::new(Field {
        base: RwLock::new(server.base.clone()),
        bodies,
        items,
        next: AtomicUsize::new(0),
        stop: AtomicBool::new(false),
        acknowledged: Mutex::default(),
        cut_off: AtomicUsize::new(0),
    });
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| tokio::spawn(client(field.clone())))
        .collect();
    let mut slowest_restart = Duration::ZERO;
    for kill in 1..=kills {
        tokio::time::sleep(every).await;
        server.kill();
        let restarting = Instant::now();
        server = Served::start(&database, sink.port).await;
        slowest_restart = slowest_restart.max(restarting.elapsed());
        *field.base.write().unwrap() = server.base.clone();
        println!(
            "kill {kill}: {} acknowledged so far, back in {:.0} ms",
            field.acknowledged.lock().unwrap().submitted.len(),
            restarting.elapsed().as_secs_f64() * 1000.0
        );
    }
    tokio::time::sleep(every).await;
    field.stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.await.unwrap();
    }
    server.kill();

    let acknowledged = std::mem::take(&mut *field.acknowledged.lock().unwrap());
    let (bad, _) = verify(&database, &acknowledged).await;
    let no_receipt = without_receipt(&database, &acknowledged).await;
    let verdict = integrity(&database).await;
    println!(
        "kills (kill -9):                        {kills}, every {} ms",
        every.as_millis()
    );
    println!(
        "slowest restart:                        {:.0} ms",
        slowest_restart.as_secs_f64() * 1000.0
    );
    println!(
        "acknowledged submissions:               {}",
        acknowledged.submitted.len()
    );
    println!(
        "requests cut off by a kill:             {}",
        field.cut_off.load(Ordering::Relaxed)
    );
    println!("acknowledged but missing or different:  {bad}");
    println!("acknowledged without a queued receipt:  {no_receipt}");
    println!("integrity_check:                        {verdict}");
    assert_eq!((bad, no_receipt), (0, 0), "acknowledged means stored");
    assert_eq!(verdict, "ok");
}
