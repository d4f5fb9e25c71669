//! An acknowledged submission must survive `kill -9` of the server process.

use crate::helpers::*;
use app::backend::consultation::{add_respondent, create_hearing, NewRespondent};
use app::backend::db::Db;
use app::backend::now_ms;
use app::backend::template::DEVELOPMENT_PLAN;
use app::model::ConsultationStatus;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn start_server(database: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_samrad"))
        .args([
            "--database",
            database.to_str().unwrap(),
            "serve",
            "--addr",
            &format!("127.0.0.1:{port}"),
        ])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start samrad")
}

async fn wait_until_up(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(res) = client()
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await
        {
            if res.status().is_success() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server did not come up on port {port}");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn an_acknowledged_submit_survives_kill_minus_nine() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("kill.db");
    let db = Db::open(&database).await.unwrap();
    db.migrate().await.unwrap();
    let consultation = create_hearing(
        &db,
        &DEVELOPMENT_PLAN,
        ConsultationStatus::Open,
        now_ms() + 7 * DAY_MS,
        now_ms(),
    )
    .await
    .unwrap();
    let (_, token) = add_respondent(
        &db,
        consultation,
        &NewRespondent {
            name: "Skolebestyrelsen",
            group: "Skolebestyrelse",
            unit: "",
            emails: &[],
        },
        now_ms(),
    )
    .await
    .unwrap();
    let items: Vec<(i64,)> = sqlx::query_as("SELECT id FROM item ORDER BY id")
        .fetch_all(&db.read)
        .await
        .unwrap();
    db.read.close().await;
    db.write.close().await;

    let port = free_port();
    let mut server = start_server(&database, port);
    wait_until_up(port).await;
    let mut form: Vec<(String, String)> = items
        .iter()
        .enumerate()
        .flat_map(|(n, (id,))| {
            item_fields(
                *id,
                ["agree", "disagree", "dont_know"][n % 3],
                &format!("Kommentar {n}"),
                None,
            )
        })
        .collect();
    form.push(intent("submit"));
    let res = client()
        .post(format!("http://127.0.0.1:{port}/svar/{}", token.as_str()))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "the submit was acknowledged");

    server.kill().unwrap(); // SIGKILL: no shutdown, no checkpoint.
    server.wait().unwrap();

    let port = free_port();
    let mut server = start_server(&database, port);
    wait_until_up(port).await;
    let receipt = client()
        .get(format!(
            "http://127.0.0.1:{port}/svar/{}/kvittering",
            token.as_str()
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status().as_u16(), 200);
    let html = receipt.text().await.unwrap();
    assert!(html.contains("indsendelse nr. 1"));
    assert!(html.contains("Kommentar 41"));
    let page = client()
        .get(format!("http://127.0.0.1:{port}/svar/{}", token.as_str()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("42 af 42 besvaret"));
    assert!(is_checked(&page, items[1].0, "disagree"));
    server.kill().unwrap();
    server.wait().unwrap();
}
