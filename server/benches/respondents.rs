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
//! `SAMRAD_BENCH_CLIENTS` (default `1,8,32,128`) the levels.

mod support;

// The tests' SMTP server, which receives the receipts.
#[path = "../tests/api/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use app::backend::demo::admin_with_draft;
use app::backend::manage::{self, insert_body};
use app::backend::now_ms;
use app::backend::token::fingerprint;
use app::model::admin::BodyRow;
use app::model::{BodyId, ItemId};
use app::wire::{path, respond};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use support::served::Served;

/// Bodies for the form and for the autosave runs (a body is used once).
const FORM_BODIES: usize = 60_000;
const SAVE_BODIES: usize = 5_000;
const VALUES: [&str; 3] = ["agree", "disagree", "dont_know"];

/// A body's personal link.
#[derive(Clone)]
struct Body {
    id: BodyId,
    token: String,
}

/// What a client sent and the server acknowledged.
#[derive(Default)]
struct Acknowledged {
    /// Submitted through the form: body → (item → value, comment).
    submitted: HashMap<BodyId, Vec<(ItemId, String, String)>>,
    /// Saved through the autosave: (body, item) → value.
    saved: HashMap<(BodyId, ItemId), String>,
}

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

/// A hearing with `count` bodies, opened; returns its bodies with their links and its
/// items in page order.
async fn prepare(database: &std::path::Path, count: usize) -> (Vec<Body>, Vec<ItemId>) {
    let db = app::backend::db::Db::open(database).await.unwrap();
    db.migrate().await.unwrap();
    let (user, hearing) = admin_with_draft(&db, "Belastning", now_ms() + 86_400_000 * 30, now_ms())
        .await
        .unwrap();
    let mut tx = db.write.begin().await.unwrap();
    for n in 0..count {
        let body = BodyRow {
            row: 0,
            name: format!("Bestyrelse {n:05}"),
            group: ["Skolebestyrelse", "MED-udvalg", "Forældrebestyrelse"][n % 3].into(),
            unit: format!("Institution {:02}", n % 50 + 1),
            emails: vec![format!("b{n}@skole.example")],
        };
        insert_body(&mut tx, hearing, &body, now_ms())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    manage::open(&db, &user, hearing, None, "http://samrad", now_ms())
        .await
        .unwrap()
        .unwrap();
    let mails: Vec<(BodyId, String)> = sqlx::query_as(
        "SELECT respondent_id, link FROM outbox WHERE kind = 'invitation' ORDER BY respondent_id",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    let bodies = mails
        .into_iter()
        .map(|(id, text)| {
            let at = text.find("/svar/").expect("a link in the invitation") + "/svar/".len();
            let token: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            Body { id, token }
        })
        .collect();
    // The invitations count as delivered: the mail worker's work is not measured here.
    sqlx::query("UPDATE outbox SET sent_at = $1")
        .bind(now_ms())
        .execute(&db.write)
        .await
        .unwrap();
    let items: Vec<(ItemId,)> = sqlx::query_as(
        "SELECT i.id FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.consultation_id = $1 ORDER BY s.position, i.position",
    )
    .bind(hearing)
    .fetch_all(&db.read)
    .await
    .unwrap();
    db.close().await;
    (bodies, items.into_iter().map(|(id,)| id).collect())
}

/// The answers body number `n` gives: every proposal answered, every fifth commented.
fn answers(n: usize, items: &[ItemId]) -> Vec<(ItemId, String, String)> {
    items
        .iter()
        .enumerate()
        .map(|(k, &id)| {
            let comment = match (n + k) % 5 {
                0 => format!("Vi støtter forslaget, men økonomien skal følge med ({n}/{k})."),
                _ => String::new(),
            };
            (id, VALUES[(n + k) % 3].to_owned(), comment)
        })
        .collect()
}

/// A client as a phone's browser: pages compressed (`encoding`; the load generator
/// does not spend its CPU decompressing them), posts from the page's own origin.
fn phone(base: &str, encoding: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-encoding", encoding.parse().unwrap());
    headers.insert("origin", base.parse().unwrap());
    headers.insert("sec-fetch-site", "same-origin".parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// One complete respondent: the page, then all answers with "Indsend".
async fn respondent(
    client: &reqwest::Client,
    base: &str,
    body: &Body,
    sent: &[(ItemId, String, String)],
) -> Result<(), String> {
    let url = format!("{base}{}", path::respond(&body.token));
    let page = client
        .get(&url)
        .header("sec-fetch-mode", "navigate")
        .header("sec-fetch-dest", "document")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if page.status() != 200 {
        return Err(format!("GET {}", page.status()));
    }
    page.bytes().await.map_err(|e| e.to_string())?;
    let empty = fingerprint("", "");
    let mut form: Vec<(String, String)> = Vec::with_capacity(sent.len() * 3 + 3);
    for (id, value, comment) in sent {
        form.push((respond::field(respond::VALUE, *id), value.clone()));
        form.push((respond::field(respond::COMMENT, *id), comment.clone()));
        form.push((respond::field(respond::FINGERPRINT, *id), empty.clone()));
    }
    form.push((respond::GENERAL_COMMENT.into(), String::new()));
    form.push((respond::GENERAL_FINGERPRINT.into(), empty));
    form.push((respond::INTENT.into(), respond::SUBMIT.into()));
    let posted = client
        .post(&url)
        .form(&form)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let to = posted
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default();
    if posted.status() != 303 || to != path::receipt(&body.token) {
        return Err(format!("POST {} to {to:?}", posted.status()));
    }
    Ok(())
}

/// One answer saved as the page's autosave sends it; returns the response's version.
async fn autosave(
    client: &reqwest::Client,
    base: &str,
    body: &Body,
    since_version: i64,
    item: ItemId,
    value: &str,
) -> Result<i64, String> {
    let reply = client
        .post(format!("{base}/api/autosave"))
        .json(&serde_json::json!({
            "token": body.token,
            "since_version": since_version,
            "changes": [{"item_id": item, "value": value, "comment": "", "fingerprint": fingerprint("", "")}],
        }))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if reply.status() != 200 {
        return Err(format!("autosave {}", reply.status()));
    }
    let reply: serde_json::Value = reply.json().await.map_err(|e| e.to_string())?;
    reply["Saved"]["version"]
        .as_i64()
        .ok_or_else(|| format!("autosave answered {reply}"))
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

/// Looks every acknowledged submission and save up in the database; returns how many
/// are missing or differ.
async fn verify(database: &std::path::Path, acknowledged: &Acknowledged) -> (usize, usize) {
    let db = app::backend::db::Db::open(database).await.unwrap();
    let rows: Vec<(BodyId, ItemId, String, String)> = sqlx::query_as(
        "SELECT r.respondent_id, s.item_id, s.value, s.comment
         FROM submitted_answer s JOIN response r ON r.id = s.response_id",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    let mut stored: HashMap<BodyId, Vec<(ItemId, String, String)>> = HashMap::new();
    for (body, item, value, comment) in rows {
        stored.entry(body).or_default().push((item, value, comment));
    }
    let mut bad_submissions = 0;
    for (body, sent) in &acknowledged.submitted {
        let mut found = stored.remove(body).unwrap_or_default();
        let mut sent = sent.clone();
        found.sort();
        sent.sort();
        if found != sent {
            bad_submissions += 1;
        }
    }
    let saved: Vec<(BodyId, ItemId, String)> = sqlx::query_as(
        "SELECT r.respondent_id, a.item_id, a.value
         FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'draft'",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    let saved: HashMap<(BodyId, ItemId), String> = saved
        .into_iter()
        .map(|(body, item, value)| ((body, item), value))
        .collect();
    let bad_saves = acknowledged
        .saved
        .iter()
        .filter(|(key, value)| saved.get(key) != Some(value))
        .count();
    db.close().await;
    (bad_submissions, bad_saves)
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
