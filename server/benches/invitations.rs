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

use std::time::Duration;
use support::mailing::{drained, missing_and_duplicated, opened_hearing, worker};

const BODIES: usize = 10_000;

#[tokio::main]
async fn main() {
    let concurrency: usize = std::env::var("SAMRAD_MAIL_CONCURRENCY")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(16);
    let (dir, db) = support::fresh_db().await;
    let sink = smtp::SmtpSink::start().await;
    let (queued, queue_time) = opened_hearing(&db, BODIES).await;
    let (stop, running) = worker(&db, dir.path(), sink.port, concurrency);
    let send_time = drained(&db, Duration::from_secs(600)).await;
    stop.send(true).unwrap();
    running.await.unwrap();

    let received = sink.received();
    let (missing, duplicated) = missing_and_duplicated(BODIES, received.iter().map(|m| &m.to[0]));
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
    println!("received by SMTP server:   {}", received.len());
    println!("bodies missing a mail:     {missing}");
    println!("bodies with duplicates:    {duplicated}");
    assert_eq!(missing, 0);
    assert_eq!(duplicated, 0);
}
