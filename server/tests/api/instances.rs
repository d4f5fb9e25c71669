//! Several instances on one PostgreSQL database (the scale-out deployment): nothing
//! that must be shared lives in one process. Runs in the PostgreSQL pass.

use crate::helpers::*;
use crate::mail_restart::{opened_hearing, start, wait_for};
use crate::smtp::SmtpSink;
use app::backend::auth::user_by_id;
use app::backend::demo::admin_with_draft;
use app::backend::manage::{add_respondent, NewRespondent};
use app::backend::now_ms;
use app::backend::token::fingerprint;
use app::model::UserId;
use serde_json::json;
use std::collections::HashMap;
use std::time::Duration;

/// A session made on one instance works on the other, and two members of a board
/// saving the same answer at the same moment through the two instances cannot both
/// win: exactly one save is written, every other one is told of the conflict.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sessions_and_conflicts_hold_across_instances() {
    if !on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path(), "unused").await;
    let db = open_database(&database).await;
    admin_with_draft(&db, "Plan", now_ms() + 7 * DAY_MS, now_ms())
        .await
        .unwrap();
    let hearing = open_hearing(&db).await;
    let (_, token) = add_respondent(
        &db,
        hearing,
        &NewRespondent {
            name: "Skolebestyrelsen, Nordskolen",
            group: "Skolebestyrelse",
            unit: "Nordskolen",
            emails: &["nord@example.dk"],
        },
        now_ms(),
    )
    .await
    .unwrap();
    let (item,): (ItemId,) = sqlx::query_as("SELECT MIN(id) FROM item WHERE consultation_id = $1")
        .bind(hearing)
        .fetch_one(&db.read)
        .await
        .unwrap();
    let (mut a, port_a) = start_server(&database).await;
    let (mut b, port_b) = start_server(&database).await;
    let at = |port: u16, path: &str| format!("http://127.0.0.1:{port}{path}");

    let admin = client();
    let res = admin
        .post(at(port_a, "/admin/log-ind"))
        .form(&[
            ("email", "admin@kommune.example"),
            ("password", "korrekt-hest-batteri"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "signed in on the first");
    let res = admin.get(at(port_b, "/admin")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200, "and known on the second");

    let saves = (0..16).map(|n| {
        let url = at(if n % 2 == 0 { port_a } else { port_b }, "/api/autosave");
        let value = ["agree", "disagree", "dont_know"][n % 3];
        let body = json!({
            "token": token.as_str(),
            "since_version": 0,
            "changes": [{
                "item_id": item,
                "value": value,
                "comment": format!("Medlem {n}"),
                "fingerprint": fingerprint("", ""),
            }],
        });
        async move {
            let res = client().post(url).json(&body).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200);
            res.json::<serde_json::Value>().await.unwrap()
        }
    });
    let replies = futures::future::join_all(saves).await;
    let saved = replies.iter().filter(|r| r.get("Saved").is_some()).count();
    let conflicts = replies
        .iter()
        .filter(|r| r.get("Conflict").is_some())
        .count();
    assert_eq!((saved, conflicts), (1, 15), "{replies:?}");
    let (version,): (i64,) = sqlx::query_as("SELECT version FROM response")
        .fetch_one(&db.read)
        .await
        .unwrap();
    assert_eq!(version, 1, "one write");
    for server in [&mut a, &mut b] {
        server.kill().unwrap();
        server.wait().unwrap();
    }
}

/// 2,000 queued invitations sent by two instances' workers at once: every body gets
/// exactly one; then, with one instance killed (`kill -9`) in the middle of the next
/// send-out, the other finishes it and nothing is lost (a mail in flight at the kill
/// may arrive twice, with the same Message-ID).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_send_every_mail_once() {
    if !on_postgres() {
        return;
    }
    const BODIES: usize = 2_000;
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path(), "unused").await;
    opened_hearing(&database, BODIES).await;
    let sink = SmtpSink::start().await;
    let mut a = start(&database, sink.port, dir.path());
    let mut b = start(&database, sink.port, dir.path());
    wait_for(&sink, BODIES).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut per: HashMap<String, usize> = HashMap::new();
    for mail in sink.received() {
        *per.entry(mail.to[0].clone()).or_default() += 1;
    }
    assert_eq!(per.len(), BODIES, "none missing");
    assert!(per.values().all(|n| *n == 1), "none duplicated");

    // The reminder round, with the first instance killed a third of the way in.
    let db = open_database(&database).await;
    let (hearing,): (ConsultationId,) = sqlx::query_as("SELECT id FROM consultation")
        .fetch_one(&db.read)
        .await
        .unwrap();
    let (admin,): (UserId,) = sqlx::query_as("SELECT id FROM app_user")
        .fetch_one(&db.read)
        .await
        .unwrap();
    let user = user_by_id(&db, admin).await.unwrap().expect("the admin");
    app::backend::manage::remind(&db, Some(&user), hearing, "http://localhost", now_ms())
        .await
        .unwrap()
        .unwrap();
    wait_for(&sink, BODIES + BODIES / 3).await;
    a.kill().unwrap();
    a.wait().unwrap();
    wait_for(&sink, 2 * BODIES).await;
    let until = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let (open,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .fetch_one(&db.read)
            .await
            .unwrap();
        if open == 0 || std::time::Instant::now() > until {
            assert_eq!(open, 0, "every mail sent");
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    b.kill().unwrap();
    b.wait().unwrap();
    let mut reminders: HashMap<String, Vec<String>> = HashMap::new();
    for mail in sink.received().into_iter().skip(BODIES) {
        reminders
            .entry(mail.to[0].clone())
            .or_default()
            .push(mail.message_id());
    }
    assert_eq!(reminders.len(), BODIES, "every body reminded");
    for (to, ids) in &reminders {
        let mut distinct = ids.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), 1, "{to}: one reminder (one Message-ID)");
    }
}

/// A burst of submissions spread over two instances, one of them killed (`kill -9`)
/// in the middle of it: every submission that was acknowledged (303) is stored, with
/// all its answers, whichever instance took it; the ones cut off can be sent again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_instance_loses_no_acknowledged_submission() {
    if !on_postgres() {
        return;
    }
    const BODIES: usize = 60;
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path(), "unused").await;
    let db = open_database(&database).await;
    let hearing = open_hearing(&db).await;
    let mut tokens = Vec::new();
    for n in 0..BODIES {
        let name = format!("Bestyrelse {n}");
        let body = NewRespondent {
            name: &name,
            group: "Skolebestyrelse",
            unit: "",
            emails: &[],
        };
        let (_, token) = add_respondent(&db, hearing, &body, now_ms()).await.unwrap();
        tokens.push(token.as_str().to_owned());
    }
    let items: Vec<(ItemId,)> = sqlx::query_as("SELECT id FROM item ORDER BY id")
        .fetch_all(&db.read)
        .await
        .unwrap();
    let (mut a, port_a) = start_server(&database).await;
    let (mut b, port_b) = start_server(&database).await;
    let acknowledged_by_a = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let posts: Vec<_> = tokens
        .into_iter()
        .enumerate()
        .map(|(n, token)| {
            let port = if n % 2 == 0 { port_a } else { port_b };
            let mut form: Vec<(String, String)> = items
                .iter()
                .flat_map(|(id,)| item_fields(*id, "agree", &format!("Svar {n}"), None))
                .collect();
            form.push(intent("submit"));
            let by_a = acknowledged_by_a.clone();
            tokio::spawn(async move {
                // Spread over about 1.2 s, so the kill falls inside the burst.
                tokio::time::sleep(Duration::from_millis(20 * n as u64)).await;
                let sent = client()
                    .post(format!("http://127.0.0.1:{port}/svar/{token}"))
                    .form(&form)
                    .send()
                    .await;
                let ok = matches!(sent, Ok(res) if res.status().as_u16() == 303);
                if ok && port == port_a {
                    by_a.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                (n, ok)
            })
        })
        .collect();
    // Killed once it has acknowledged a few, with more on their way to it.
    let until = std::time::Instant::now() + Duration::from_secs(10);
    while acknowledged_by_a.load(std::sync::atomic::Ordering::SeqCst) < 5
        && std::time::Instant::now() < until
    {
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    a.kill().unwrap();
    a.wait().unwrap();
    let mut acknowledged = Vec::new();
    for post in posts {
        let (n, ok) = post.await.unwrap();
        if ok {
            acknowledged.push(n);
        }
    }
    assert!(
        acknowledged.iter().filter(|n| *n % 2 == 1).count() == BODIES / 2,
        "the surviving instance acknowledged all of its half"
    );
    let by_a = acknowledged.iter().filter(|n| *n % 2 == 0).count();
    assert!(
        (5..BODIES / 2).contains(&by_a),
        "the kill fell inside the killed instance's part of the burst ({by_a} acknowledged)"
    );
    for n in &acknowledged {
        let (submissions, answers): (i64, i64) = sqlx::query_as(
            "SELECT rs.submission_no,
                    (SELECT COUNT(*) FROM submitted_answer sa WHERE sa.response_id = rs.id)
             FROM response rs JOIN respondent r ON r.id = rs.respondent_id WHERE r.name = $1",
        )
        .bind(format!("Bestyrelse {n}"))
        .fetch_one(&db.read)
        .await
        .unwrap();
        assert_eq!(
            (submissions, answers),
            (1, 42),
            "body {n}'s acknowledged submission"
        );
    }
    b.kill().unwrap();
    b.wait().unwrap();
}
