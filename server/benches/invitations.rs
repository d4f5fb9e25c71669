//! Benchmark: queue and send 10,000 invitations through a local SMTP server.
//!
//! `cargo bench -p server --bench invitations`. Prints
//! how long opening the hearing takes (tokens, invitation rows and 10,000 outbox rows
//! in one transaction), how long the worker takes to deliver them all, and checks that
//! every body received exactly one invitation. Goal: everything within 60 s.
//!
//! Sending is bound by waiting, not by work: lettre writes a message's final `.` in a
//! write of its own on a socket without `TCP_NODELAY`, so each mail waits for the
//! relay's delayed ACK (about 40 ms on Linux). Throughput therefore grows with the
//! connections in flight: 16 here (`SAMRAD_MAIL_CONCURRENCY` changes it).

mod support;

// The tests' SMTP server; the benchmark needs only its happy path.
#[path = "../tests/api/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use app::backend::demo::admin_with_draft;
use app::backend::mail::transport::{MailConfig, SmtpConfig, Tls};
use app::backend::manage::{self, insert_body};
use app::backend::now_ms;
use app::model::admin::BodyRow;
use server::mail_worker::MailWorker;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

const BODIES: usize = 10_000;

#[tokio::main]
async fn main() {
    let concurrency: usize = std::env::var("SAMRAD_MAIL_CONCURRENCY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    let (dir, db) = support::fresh_db().await;
    let (user, hearing) = admin_with_draft(&db, "Benchmark", now_ms() + 86_400_000 * 30, now_ms())
        .await
        .unwrap();
    let mut tx = db.write.begin().await.unwrap();
    for n in 0..BODIES {
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

    let sink = smtp::SmtpSink::start().await;
    let started = Instant::now();
    let queued = manage::open(
        &db,
        &user,
        hearing,
        None,
        "https://samrad.kommune.dk",
        now_ms(),
    )
    .await
    .unwrap()
    .unwrap();
    let queue_time = started.elapsed();

    let config = MailConfig {
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port: sink.port,
            tls: Tls::None,
            user: None,
            password: None,
        }),
        folder: dir.path().join("mail"),
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
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = tokio::spawn(worker.run(stopped));
    let sending = Instant::now();
    loop {
        let (open,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
        )
        .fetch_one(&db.read)
        .await
        .unwrap();
        if open == 0 || sending.elapsed() > Duration::from_secs(600) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let send_time = sending.elapsed();
    stop.send(true).unwrap();
    running.await.unwrap();

    let mut per: HashMap<String, usize> = HashMap::new();
    for mail in sink.received() {
        *per.entry(mail.to[0].clone()).or_default() += 1;
    }
    let duplicated = per.values().filter(|n| **n > 1).count();
    let missing = BODIES - per.len();
    let total = queue_time + send_time;
    println!("invitations queued:        {queued}");
    println!(
        "queue (open) time:         {:.2} s",
        queue_time.as_secs_f64()
    );
    println!(
        "send time ({concurrency} in flight):   {:.2} s",
        send_time.as_secs_f64()
    );
    println!(
        "throughput:                {:.0} mails/s",
        BODIES as f64 / send_time.as_secs_f64()
    );
    println!(
        "total:                     {:.2} s (goal <= 60 s)",
        total.as_secs_f64()
    );
    println!("received by SMTP server:   {}", sink.received().len());
    println!("bodies missing a mail:     {missing}");
    println!("bodies with duplicates:    {duplicated}");
    assert_eq!(missing, 0);
    assert_eq!(duplicated, 0);
}
