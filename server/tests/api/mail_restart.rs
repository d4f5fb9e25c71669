//! A restart in the middle of a send-out neither drops nor duplicates invitations.

use crate::helpers::*;
use crate::smtp::SmtpSink;
use app::backend::demo::admin_with_draft;
use app::backend::manage;
use app::backend::now_ms;
use app::model::admin::BodyRow;
use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const BODIES: usize = 300;

/// A draft hearing with `bodies` bodies, opened: every invitation is in the outbox.
pub async fn opened_hearing(database: &str, bodies: usize) {
    let db = open_database(database).await;
    let (user, hearing) = admin_with_draft(&db, "Plan", now_ms() + 7 * DAY_MS, now_ms())
        .await
        .unwrap();
    for n in 0..bodies {
        let body = BodyRow {
            row: 0,
            name: format!("Bestyrelse {n}"),
            group: "Skolebestyrelse".into(),
            unit: String::new(),
            emails: vec![format!("b{n}@x.dk")],
        };
        manage::add_body(&db, &user, hearing, &body, "http://localhost", now_ms())
            .await
            .unwrap()
            .unwrap();
    }
    let queued = manage::open(&db, &user, hearing, None, "http://localhost", now_ms())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(queued, bodies as i64);
    db.read.close().await;
    db.write.close().await;
}

/// The real binary on `database`, sending through the SMTP server on `smtp`.
pub fn start(database: &str, smtp: u16, dir: &Path) -> Child {
    let port = smtp.to_string();
    let folder = dir.join("mail");
    let (child, line) = launch(
        database,
        &[
            ("SAMRAD_SMTP_HOST", "127.0.0.1".as_ref()),
            ("SAMRAD_SMTP_PORT", port.as_ref()),
            ("SAMRAD_SMTP_TLS", "none".as_ref()),
            ("SAMRAD_MAIL_RATE", "300".as_ref()),
            ("SAMRAD_MAIL_LEASE_SECS", "1".as_ref()),
            ("SAMRAD_MAIL_FOLDER", folder.as_os_str()),
        ],
    );
    assert!(line.contains("listening"), "{line}");
    child
}

pub async fn wait_for(sink: &SmtpSink, at_least: usize) {
    let until = Instant::now() + Duration::from_secs(30);
    while sink.received().len() < at_least && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Restarts the server after `stop` and returns (raw deliveries, distinct
/// Message-IDs) per recipient once everything is sent.
async fn send_out_with_restart(stop: fn(&mut Child)) -> (usize, HashMap<String, (usize, usize)>) {
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path(), "mail.db").await;
    opened_hearing(&database, BODIES).await;
    let sink = SmtpSink::start().await;
    let mut server = start(&database, sink.port, dir.path());
    wait_for(&sink, BODIES / 3).await;
    stop(&mut server);
    let at_stop = sink.received().len();
    assert!(at_stop < BODIES, "stopped in the middle ({at_stop} sent)");
    let mut server = start(&database, sink.port, dir.path());
    wait_for(&sink, BODIES).await;
    let db = open_database(&database).await;
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        let (open,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .fetch_one(&db.read)
            .await
            .unwrap();
        if open == 0 || Instant::now() > until {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.kill().unwrap();
    server.wait().unwrap();
    let mut per: HashMap<String, Vec<String>> = HashMap::new();
    for mail in sink.received() {
        per.entry(mail.to[0].clone())
            .or_default()
            .push(mail.message_id());
    }
    let summary = per
        .into_iter()
        .map(|(to, ids)| {
            let mut distinct = ids.clone();
            distinct.sort();
            distinct.dedup();
            (to, (ids.len(), distinct.len()))
        })
        .collect();
    (at_stop, summary)
}

// Several threads: the SMTP sink must keep answering while the test waits for the
// server process.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clean_restart_mid_send_out_sends_every_invitation_exactly_once() {
    let (_, per) = send_out_with_restart(|server| {
        Command::new("kill")
            .args(["-TERM", &server.id().to_string()])
            .status()
            .unwrap();
        server.wait().unwrap();
    })
    .await;
    assert_eq!(per.len(), BODIES, "every body got its invitation");
    for (to, (raw, distinct)) in per {
        assert_eq!((raw, distinct), (1, 1), "{to}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_send_out_resumes_and_every_body_has_one_invitation() {
    let (_, per) = send_out_with_restart(|server| {
        server.kill().unwrap(); // SIGKILL
        server.wait().unwrap();
    })
    .await;
    assert_eq!(per.len(), BODIES, "none was dropped");
    let resent: usize = per.values().map(|(raw, _)| raw - 1).sum();
    for (to, (_, distinct)) in &per {
        assert_eq!(*distinct, 1, "{to} has one invitation (one Message-ID)");
    }
    // Only mails in flight at the kill can be delivered again, with the same id.
    assert!(resent <= 32, "{resent} re-deliveries");
}
