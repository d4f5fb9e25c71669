//! Fault run: the mail relay down for a while and back, twice, while 5,000
//! invitations go out.
//!
//! `cargo bench -p server --bench mail_outage`. Opens a hearing of
//! `SAMRAD_OUTAGE_BODIES` bodies (default 5,000) with the relay down; after
//! `SAMRAD_OUTAGE_SECS` (default 30) brings it back; when half the mail is delivered
//! takes it down again (new connections closed, open ones told 421 at their next
//! command, as a relay stopped for maintenance) for as long, and back. Then it checks
//! that every body got exactly one invitation, that no mail was given up, and prints
//! how long the mail took to flow again after each return (the worker's wait for an
//! absent relay is at most a minute).

mod support;

#[path = "../tests/api/smtp.rs"]
#[allow(dead_code)]
mod smtp;

use std::time::{Duration, Instant};
use support::mailing::{drained, missing_and_duplicated, open_mails, opened_hearing, worker};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Brings the relay back and waits until the next mail arrives; returns how long.
async fn back_up(sink: &smtp::SmtpSink) -> Duration {
    let before = sink.received().len();
    sink.set_down(false);
    let back = Instant::now();
    while sink.received().len() == before && back.elapsed() < Duration::from_secs(120) {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    back.elapsed()
}

#[tokio::main]
async fn main() {
    let bodies = setting("SAMRAD_OUTAGE_BODIES", 5_000) as usize;
    let outage = Duration::from_secs(setting("SAMRAD_OUTAGE_SECS", 30));
    let (dir, db) = support::fresh_db().await;
    let sink = smtp::SmtpSink::start().await;
    sink.set_down(true);
    let (queued, _) = opened_hearing(&db, bodies).await;
    let started = Instant::now();
    let (stop, running) = worker(&db, dir.path(), sink.port, 16);

    tokio::time::sleep(outage).await;
    let sent_while_down = sink.received().len();
    let first_return = back_up(&sink).await;
    while sink.received().len() < bodies / 2 {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    sink.set_down(true);
    let in_second_outage = open_mails(&db).await;
    tokio::time::sleep(outage).await;
    let second_return = back_up(&sink).await;
    drained(&db, Duration::from_secs(600)).await;
    let total = started.elapsed();
    stop.send(true).unwrap();
    running.await.unwrap();

    let (failed, most_attempts): (i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(failed_at), MAX(attempts) FROM outbox")
            .fetch_one(&db.read)
            .await
            .unwrap();
    let received = sink.received();
    let (missing, duplicated) = missing_and_duplicated(bodies, received.iter().map(|m| &m.to[0]));
    println!("invitations queued:                  {queued}");
    println!(
        "outages:                             2 × {} s",
        outage.as_secs()
    );
    println!("delivered during the first outage:   {sent_while_down}");
    println!("waiting when the second began:       {in_second_outage}");
    println!(
        "mail flowing again after the return: {:.1} s, {:.1} s",
        first_return.as_secs_f64(),
        second_return.as_secs_f64()
    );
    println!(
        "all delivered after:                 {:.1} s",
        total.as_secs_f64()
    );
    println!("received by the relay:               {}", received.len());
    println!("bodies missing a mail:               {missing}");
    println!("bodies with duplicates:              {duplicated}");
    println!("mails given up:                      {failed}");
    println!(
        "most attempts spent on one mail:     {}",
        most_attempts.unwrap_or(0)
    );
    assert_eq!((missing, duplicated, failed), (0, 0, 0));
}
