//! An acknowledged submission must survive `kill -9` of the server process.

use crate::helpers::*;
use app::backend::manage::{add_respondent, NewRespondent};
use app::backend::now_ms;

#[tokio::test]
async fn an_acknowledged_submit_survives_kill_minus_nine() {
    let dir = tempfile::tempdir().unwrap();
    let database = fresh_database(dir.path(), "kill.db").await;
    let db = open_database(&database).await;
    let consultation = open_hearing(&db).await;
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
    let items: Vec<(ItemId,)> = sqlx::query_as("SELECT id FROM item ORDER BY id")
        .fetch_all(&db.read)
        .await
        .unwrap();
    db.read.close().await;
    db.write.close().await;

    let (mut server, port) = start_server(&database).await;
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

    let (mut server, port) = start_server(&database).await;
    let link = format!("http://127.0.0.1:{port}/svar/{}", token.as_str());
    let (status, receipt) = fetch(&client(), &format!("{link}/kvittering")).await;
    assert_eq!(status, 200);
    assert!(receipt.contains("indsendelse nr. 1"));
    assert!(receipt.contains("Kommentar 41"));
    let (_, page) = fetch(&client(), &link).await;
    assert!(page.contains("42 af 42 besvaret"));
    assert!(is_checked(&page, items[1].0, "disagree"));
    server.kill().unwrap();
    server.wait().unwrap();
}
