//! Invitations, reminders and receipts through a real SMTP conversation.

use crate::admin::create_hearing_via_ui;
use crate::helpers::*;
use crate::smtp::SmtpSink;
use app::model::admin::Role;
use std::time::Duration;

const SETTLE: Duration = Duration::from_secs(20);

/// A signed-in manager with a draft hearing that has three bodies.
pub async fn hearing_with_bodies(
    app: &TestApp,
    bodies: &[(&str, &str)],
) -> (reqwest::Client, ConsultationId) {
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let id = create_hearing_via_ui(app, &c, "Udviklingsplan 2027").await;
    for (name, emails) in bodies {
        let res = app
            .admin_post(
                &c,
                &format!("/admin/hoering/{id}/parter"),
                &[
                    ("name", name),
                    ("group", "Skolebestyrelse"),
                    ("unit", "Nordskolen"),
                    ("emails", emails),
                ],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{name}");
    }
    (c, id)
}

#[tokio::test]
async fn opening_sends_each_body_one_invitation_with_a_working_link() {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(Some(sink.port)).await;
    let (c, id) = hearing_with_bodies(
        &app,
        &[
            ("Bestyrelse A", "a1@x.dk, a2@x.dk"),
            ("Bestyrelse B", "b@x.dk"),
            ("Bestyrelse C", "c@x.dk"),
        ],
    )
    .await;
    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.outbox_settled(SETTLE).await);
    let mails = sink.received();
    assert_eq!(mails.len(), 3, "one mail per body");
    let a = sink.to("a1@x.dk");
    assert_eq!(a.len(), 1);
    assert_eq!(
        a[0].to,
        vec!["a1@x.dk", "a2@x.dk"],
        "both addresses of the board"
    );
    assert_eq!(a[0].subject(), "Høring: Udviklingsplan 2027");
    let text = a[0].text();
    assert!(text.contains("Kære Bestyrelse A"));
    assert!(text.contains("2099"), "the deadline");
    let link = a[0].link().expect("a link");
    let (status, page) = fetch(&client(), &link).await;
    assert_eq!(status, 200);
    assert!(page.contains("Bestyrelse A"));
    let (stored,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM outbox o JOIN outbox_body b ON b.mail_id = o.id
         WHERE o.link IS NOT NULL OR b.body_text LIKE '%/svar/%'",
    )
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(stored, 0, "sent mails keep no working link");
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("3 af 3 mails sendt"));
    assert!(page.contains("Inviteret"));
}

#[tokio::test]
async fn a_temporary_refusal_is_retried_and_a_permanent_one_is_shown() {
    let sink = SmtpSink::start().await;
    sink.fail_temporarily("a@x.dk", 2);
    sink.refuse("b@x.dk");
    let app = spawn_app_with(Some(sink.port)).await;
    let (c, id) = hearing_with_bodies(
        &app,
        &[("Bestyrelse A", "a@x.dk"), ("Bestyrelse B", "b@x.dk")],
    )
    .await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    assert!(app.outbox_settled(SETTLE).await);
    assert_eq!(sink.to("a@x.dk").len(), 1, "delivered on the third attempt");
    assert!(sink.to("b@x.dk").is_empty());
    let (attempts,): (i64,) = sqlx::query_as(
        "SELECT o.attempts FROM outbox o JOIN respondent r ON r.id = o.respondent_id WHERE r.name = 'Bestyrelse A'",
    )
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(attempts, 3);
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("Kunne ikke sendes"), "the failure is shown");
    assert!(page.contains("550"));
    assert!(page.contains("1 af 2 mails sendt, 1 fejlet"));
}

#[tokio::test]
async fn when_the_mail_server_is_down_nothing_is_marked_sent() {
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let app = spawn_app_with(Some(closed)).await;
    let (c, id) = hearing_with_bodies(&app, &[("Bestyrelse A", "a@x.dk")]).await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let (sent, retrying): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(sent_at), SUM(CASE WHEN last_error <> '' AND failed_at IS NULL THEN 1 ELSE 0 END) FROM outbox",
    )
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(sent, 0);
    assert_eq!(retrying, 1, "kept for a retry");
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("prøves igen"));
    let (attempts,): (i64,) = sqlx::query_as("SELECT attempts FROM outbox")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(
        attempts, 0,
        "a relay that cannot be reached costs no attempt"
    );
}

#[tokio::test]
async fn a_relay_down_for_a_while_and_back_delivers_every_mail_once() {
    let sink = SmtpSink::start().await;
    sink.set_down(true);
    let app = spawn_app_with(Some(sink.port)).await;
    let bodies: Vec<(String, String)> = (0..12)
        .map(|n| (format!("Bestyrelse {n}"), format!("b{n}@x.dk")))
        .collect();
    let pairs: Vec<(&str, &str)> = bodies
        .iter()
        .map(|(n, e)| (n.as_str(), e.as_str()))
        .collect();
    let (c, id) = hearing_with_bodies(&app, &pairs).await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    // Down for longer than the worker's first waits: nothing sent, nothing given up,
    // no attempt spent.
    tokio::time::sleep(Duration::from_secs(4)).await;
    let (sent, failed, attempts): (i64, i64, Option<i64>) =
        sqlx::query_as("SELECT COUNT(sent_at), COUNT(failed_at), MAX(attempts) FROM outbox")
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    assert_eq!((sent, failed, attempts), (0, 0, Some(0)));
    assert!(sink.received().is_empty());
    sink.set_down(false);
    let until = std::time::Instant::now() + SETTLE;
    while sink.received().len() < bodies.len() && std::time::Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for (_, email) in &bodies {
        assert_eq!(sink.to(email).len(), 1, "{email} got one invitation");
    }
    let (failed,): (i64,) = sqlx::query_as("SELECT COUNT(failed_at) FROM outbox")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(failed, 0);
}

#[tokio::test]
async fn reminders_go_only_to_bodies_that_have_not_submitted_and_receipts_follow_submissions() {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(Some(sink.port)).await;
    let (c, id) = hearing_with_bodies(
        &app,
        &[
            ("Bestyrelse A", "a@x.dk"),
            ("Bestyrelse B", "b@x.dk"),
            ("Bestyrelse C", "c@x.dk"),
        ],
    )
    .await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    assert!(app.outbox_settled(SETTLE).await);
    let link = sink.to("a@x.dk")[0].link().unwrap();
    let token = link.rsplit('/').next().unwrap().to_owned();
    let (_, page) = app.get_page(&client(), &token).await;
    let (first_item,): (ItemId,) =
        sqlx::query_as("SELECT MIN(id) FROM item WHERE consultation_id = $1")
            .bind(id)
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    let mut form = fields_seen_on(&page, first_item, "agree", "Godt <b>forslag</b>");
    form.push(intent("confirm_submit"));
    let res = app.post_form(&client(), &token, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.outbox_settled(SETTLE).await);
    let receipt = sink
        .to("a@x.dk")
        .into_iter()
        .find(|m| m.subject().starts_with("Kvittering"))
        .expect("receipt");
    assert!(receipt.text().contains("Enig"));
    assert!(receipt.text().contains("Godt <b>forslag</b>"));

    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/paamind"), &[])
        .await;
    assert!(res.headers()["location"]
        .to_str()
        .unwrap()
        .contains("RemindersQueued"));
    assert!(app.outbox_settled(SETTLE).await);
    let reminders: Vec<String> = sink
        .received()
        .into_iter()
        .filter(|m| m.subject().starts_with("Påmindelse"))
        .flat_map(|m| m.to)
        .collect();
    assert_eq!(reminders.len(), 2);
    assert!(!reminders.contains(&"a@x.dk".to_owned()), "A has submitted");
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("1 af 3 (33 %)"));
    let (log,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('opened', 'reminders_sent')",
    )
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(log, 2);
}

#[tokio::test]
async fn replacing_a_link_stops_the_old_one_at_once() {
    let sink = SmtpSink::start().await;
    let app = spawn_app_with(Some(sink.port)).await;
    let (c, id) = hearing_with_bodies(&app, &[("Bestyrelse A", "a@x.dk")]).await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    assert!(app.outbox_settled(SETTLE).await);
    let old = sink.to("a@x.dk")[0].link().unwrap();
    let (body,): (i64,) = sqlx::query_as("SELECT id FROM respondent WHERE consultation_id = $1")
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/parter/{body}/nyt-link"),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (status, _) = fetch(&client(), &old).await;
    assert_eq!(status, 404, "the old link stopped at once");
    assert!(app.outbox_settled(SETTLE).await);
    let new = sink.to("a@x.dk")[1].link().unwrap();
    assert_ne!(new, old);
    let (status, _) = fetch(&client(), &new).await;
    assert_eq!(status, 200);
}
