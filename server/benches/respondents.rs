//! Load generator: complete respondents per second through the no-JavaScript form,
//! and saves per second through the autosave server function.
//!
//! `cargo bench -p server --bench respondents`. Prepares its own hearing of the
//! built-in template (42 proposals) with enough bodies through the administration's
//! own functions (bodies inserted as an import confirms them, the hearing opened, the
//! links taken from the queued invitations), starts the real `samrad` binary on it
//! (SQLite, `synchronous=FULL`, the receipts sent to an SMTP server in this process)
//! and drives it at 1, 8, 32 and 128 clients:
//!
//! - **form**: a phone opening its link (GET, accepting br/gzip, as a navigation) and
//!   posting all 42 answers with "Indsend" (a 303 to the receipt is the
//!   acknowledgement); every iteration a different body;
//! - **autosave**: one answer per request to `/api/autosave`, as the page sends them
//!   while a person answers, 42 per body.
//!
//! Prints per level respondents (saves) per second, p50/p90/p99 latency, errors, and
//! the server's CPU (% of one core) and resident memory. At the end the server is
//! killed (`kill -9`) and every acknowledged submission and save is looked up in the
//! database with the answers it sent; any missing or different one fails the run.
//!
//! `SAMRAD_BENCH_SECS` (default 10) sets each level's duration and
//! `SAMRAD_BENCH_CLIENTS` (default `1,8,32,128`) the levels. `SAMRAD_BENCH_SLOW=N`
//! keeps N slow clients beside them all the while, each sending a request's headers
//! one byte a second and connecting again when the server cuts it off: the others
//! must be served as before.

mod support;

// The tests' SMTP server, which receives the receipts.
#[path = "../tests/api/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use app::model::ItemId;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::respondent::{
    answers, autosave, phone, prepare, respondent, verify, Acknowledged, Body, VALUES,
};
use support::served::Served;

/// Bodies for the form and for the autosave runs (a body is used once).
const FORM_BODIES: usize = 60_000;
const SAVE_BODIES: usize = 5_000;
struct Level {
    clients: usize,
    done: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
    cpu_seconds: f64,
    rss_mb: f64,
}

impl Level {
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return 0.0;
        }
        let at = ((self.latencies.len() as f64 * p).ceil() as usize).clamp(1, self.latencies.len());
        support::ms(self.latencies[at - 1])
    }

    fn print(&self, unit: &str) {
        println!(
            "{:>7} {:>10.0} {unit}/s {:>8.1} {:>8.1} {:>8.1} {:>7} {:>9.0} % {:>8.1} MB",
            self.clients,
            self.done as f64 / self.elapsed.as_secs_f64(),
            self.percentile(0.5),
            self.percentile(0.9),
            self.percentile(0.99),
            self.errors,
            100.0 * self.cpu_seconds / self.elapsed.as_secs_f64(),
            self.rss_mb,
        );
        if let Some(error) = &self.first_error {
            println!("        first error: {error}");
        }
    }
}

/// Shared by one level's clients.
struct Run {
    base: String,
    bodies: Arc<Vec<Body>>,
    items: Arc<Vec<ItemId>>,
    next: AtomicUsize,
    until: Instant,
    acknowledged: Arc<Mutex<Acknowledged>>,
}

#[derive(Default)]
struct ClientTally {
    done: usize,
    latencies: Vec<Duration>,
    errors: usize,
    first_error: Option<String>,
}

impl ClientTally {
    fn record(&mut self, started: Instant, outcome: Result<(), String>) {
        self.latencies.push(started.elapsed());
        match outcome {
            Ok(()) => self.done += 1,
            Err(error) => {
                self.errors += 1;
                self.first_error.get_or_insert(error);
            }
        }
    }
}

async fn form_client(run: Arc<Run>) -> ClientTally {
    let client = phone(&run.base, "br, gzip");
    let mut tally = ClientTally::default();
    while Instant::now() < run.until {
        let n = run.next.fetch_add(1, Ordering::Relaxed);
        let Some(body) = run.bodies.get(n) else { break };
        let sent = answers(n, &run.items);
        let started = Instant::now();
        let outcome = respondent(&client, &run.base, body, &sent).await;
        if outcome.is_ok() {
            run.acknowledged
                .lock()
                .unwrap()
                .submitted
                .insert(body.id, sent);
        }
        tally.record(started, outcome);
    }
    tally
}

async fn save_client(run: Arc<Run>) -> ClientTally {
    // The replies are read, so they come uncompressed (they are a few hundred bytes).
    let client = phone(&run.base, "identity");
    let mut tally = ClientTally::default();
    'bodies: while Instant::now() < run.until {
        let n = run.next.fetch_add(1, Ordering::Relaxed);
        let Some(body) = run.bodies.get(n) else { break };
        let mut version = 0;
        for (k, &item) in run.items.iter().enumerate() {
            if Instant::now() >= run.until {
                break 'bodies;
            }
            let value = VALUES[(n + k) % 3];
            let started = Instant::now();
            let outcome = autosave(&client, &run.base, body, version, item, value).await;
            let outcome = outcome.map(|v| {
                version = v;
                run.acknowledged
                    .lock()
                    .unwrap()
                    .saved
                    .insert((body.id, item), value.to_owned());
            });
            tally.record(started, outcome);
        }
    }
    tally
}

async fn level<F, Fut>(server: &Served, run: Arc<Run>, clients: usize, client: F) -> Level
where
    F: Fn(Arc<Run>) -> Fut,
    Fut: std::future::Future<Output = ClientTally> + Send + 'static,
{
    let cpu_before = server.cpu_seconds();
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| tokio::spawn(client(run.clone())))
        .collect();
    let mut level = Level {
        clients,
        done: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
        errors: 0,
        first_error: None,
        cpu_seconds: 0.0,
        rss_mb: 0.0,
    };
    for task in tasks {
        let tally = task.await.unwrap();
        level.done += tally.done;
        level.errors += tally.errors;
        level.latencies.extend(tally.latencies);
        if level.first_error.is_none() {
            level.first_error = tally.first_error;
        }
    }
    level.elapsed = started.elapsed();
    level.cpu_seconds = server.cpu_seconds() - cpu_before;
    level.rss_mb = server.rss_mb().0;
    level.latencies.sort();
    level
}

/// A client that sends a request's headers one byte a second, as a phone on a dying
/// connection (or an attacker) would, and connects again when cut off; counts the
/// cut-offs.
async fn slow_client(
    address: String,
    stop: Arc<std::sync::atomic::AtomicBool>,
    cut: Arc<AtomicUsize>,
) {
    use tokio::io::AsyncWriteExt;
    let request = b"GET /healthz HTTP/1.1\r\nHost: samrad\r\nUser-Agent: slow\r\n\r\n";
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut stream) = tokio::net::TcpStream::connect(&address).await else {
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        };
        for byte in request {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if stream.write_all(&[*byte]).await.is_err() {
                cut.fetch_add(1, Ordering::Relaxed);
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}

fn header(what: &str) {
    println!("\n{what}");
    println!(
        "{:>7} {:>15} {:>8} {:>8} {:>8} {:>7} {:>11} {:>11}",
        "clients", "throughput", "p50 ms", "p90 ms", "p99 ms", "errors", "server CPU", "server RSS"
    );
}

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::var("SAMRAD_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let levels: Vec<usize> = std::env::var("SAMRAD_BENCH_CLIENTS")
        .unwrap_or_else(|_| "1,8,32,128".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("load.db");
    let preparing = Instant::now();
    let (mut bodies, items) = prepare(&database, FORM_BODIES + SAVE_BODIES).await;
    let save_bodies = bodies.split_off(FORM_BODIES);
    println!(
        "prepared a hearing of {} proposals with {} bodies in {:.1} s",
        items.len(),
        FORM_BODIES + SAVE_BODIES,
        preparing.elapsed().as_secs_f64()
    );
    let sink = smtp::SmtpSink::start().await;
    let mut server = Served::start(&database, sink.port).await;
    let slow: usize = std::env::var("SAMRAD_BENCH_SLOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let slow_stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let slow_cut = Arc::new(AtomicUsize::new(0));
    let address = server.base.trim_start_matches("http://").to_owned();
    let slow_tasks: Vec<_> = (0..slow)
        .map(|_| {
            tokio::spawn(slow_client(
                address.clone(),
                slow_stop.clone(),
                slow_cut.clone(),
            ))
        })
        .collect();
    if slow > 0 {
        println!("{slow} slow clients (one byte a second) beside every level");
    }
    let acknowledged = Arc::new(Mutex::new(Acknowledged::default()));
    let items = Arc::new(items);
    let kinds: [(&str, &str, Arc<Vec<Body>>, bool); 2] = [
        (
            "form: GET the page + POST 42 answers with \"Indsend\", per complete respondent",
            "resp",
            Arc::new(bodies),
            true,
        ),
        (
            "autosave: one answer per request through /api/autosave, per save",
            "saves",
            Arc::new(save_bodies),
            false,
        ),
    ];
    for (what, unit, bodies, form) in kinds {
        header(what);
        let mut used = 0;
        for &clients in &levels {
            let run = Arc::new(Run {
                base: server.base.clone(),
                bodies: bodies.clone(),
                items: items.clone(),
                next: AtomicUsize::new(used),
                until: Instant::now() + Duration::from_secs(secs),
                acknowledged: acknowledged.clone(),
            });
            let measured = match form {
                true => level(&server, run.clone(), clients, form_client).await,
                false => level(&server, run.clone(), clients, save_client).await,
            };
            used = run.next.load(Ordering::Relaxed).min(bodies.len());
            measured.print(unit);
            if used >= bodies.len() {
                println!("        (ran out of bodies before the time was up)");
            }
        }
    }

    slow_stop.store(true, Ordering::Relaxed);
    for task in slow_tasks {
        task.abort();
    }
    if slow > 0 {
        println!(
            "\nslow clients cut off by the header deadline: {}",
            slow_cut.load(Ordering::Relaxed)
        );
    }
    let (_, peak) = server.rss_mb();
    println!("\nserver peak RSS: {peak:.1} MB");
    println!(
        "receipts received by the SMTP server: {}",
        sink.received().len()
    );
    server.kill();
    let acknowledged = std::mem::take(&mut *acknowledged.lock().unwrap());
    let (bad_submissions, bad_saves) = verify(&database, &acknowledged).await;
    println!(
        "after kill -9: {} acknowledged submissions, {bad_submissions} missing or different; \
         {} acknowledged saves, {bad_saves} missing or different",
        acknowledged.submitted.len(),
        acknowledged.saved.len()
    );
    assert_eq!(
        (bad_submissions, bad_saves),
        (0, 0),
        "acknowledged means stored"
    );
}
