//! A hearing of many bodies opened (its invitations queued), the real mail worker
//! sending them to the benchmark's SMTP server, and the count of who got what.

use app::backend::db::Db;
use app::backend::demo::admin_with_draft;
use app::backend::mail::transport::{MailConfig, SmtpConfig, Tls};
use app::backend::manage::{self, insert_body};
use app::backend::now_ms;
use app::model::admin::BodyRow;
use server::mail_worker::MailWorker;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Inserts `bodies` bodies into a new draft hearing and opens it, which queues one
/// invitation per body; returns how many were queued and how long opening took.
pub async fn opened_hearing(db: &Db, bodies: usize) -> (u64, Duration) {
    let (user, hearing) = admin_with_draft(db, "Benchmark", now_ms() + 86_400_000 * 30, now_ms())
        .await
        .unwrap();
    let mut tx = db.write.begin().await.unwrap();
    for n in 0..bodies {
        let body = BodyRow {
            row: 0,
            name: format!("Bestyrelse {n}"),
            group: ["Skolebestyrelse", "MED-udvalg", "Forældrebestyrelse"][n % 3].into(),
            unit: format!("Enhed {}", n % 50),
            emails: vec![format!("b{n}@x.dk")],
        };
        insert_body(&mut tx, hearing, &body, now_ms())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let started = Instant::now();
    let queued = manage::open(
        db,
        &user,
        hearing,
        None,
        "https://samrad.kommune.dk",
        now_ms(),
    )
    .await
    .unwrap()
    .unwrap();
    (queued as u64, started.elapsed())
}

/// The server's mail worker, sending to the SMTP server on `port` with `concurrency`
/// connections; stop it by sending `true`.
pub fn worker(
    db: &Db,
    dir: &Path,
    port: u16,
    concurrency: usize,
) -> (watch::Sender<bool>, JoinHandle<()>) {
    let config = MailConfig {
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            tls: Tls::None,
            user: None,
            password: None,
        }),
        folder: dir.join("mail"),
        concurrency,
        ..MailConfig::default()
    };
    let worker = MailWorker::new(
        db.clone(),
        config,
        "https://samrad.kommune.dk".into(),
        Arc::default(),
    )
    .unwrap();
    let (stop, stopped) = watch::channel(false);
    (stop, tokio::spawn(worker.run(stopped)))
}

/// Mails neither sent nor given up.
pub async fn open_mails(db: &Db) -> i64 {
    let (open,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL")
            .fetch_one(&db.read)
            .await
            .unwrap();
    open
}

/// Waits until the outbox is empty (or `limit` has passed); returns how long it took.
pub async fn drained(db: &Db, limit: Duration) -> Duration {
    let started = Instant::now();
    while open_mails(db).await > 0 && started.elapsed() < limit {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    started.elapsed()
}

/// Of `bodies` bodies (b0@x.dk …), how many got no mail and how many more than one.
pub fn missing_and_duplicated<'a>(
    bodies: usize,
    recipients: impl Iterator<Item = &'a String>,
) -> (usize, usize) {
    let mut per: HashMap<&String, usize> = HashMap::new();
    for to in recipients {
        *per.entry(to).or_default() += 1;
    }
    let duplicated = per.values().filter(|n| **n > 1).count();
    (bodies - per.len(), duplicated)
}
