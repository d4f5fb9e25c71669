//! An acknowledged submission must survive `kill -9` of the server process, and a
//! submission the server cannot store must lose nothing the person typed.

use crate::helpers::*;
use app::backend::manage::{add_respondent, NewRespondent};
use app::backend::now_ms;
use app::backend::token::fingerprint;

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

/// A full disk during a submission (simulated with SQLite's page limit on the write
/// connection): the person gets the page back with everything typed and a Danish
/// message saying nothing was stored, with 507; nothing of the submission is written;
/// once there is room again the same post goes through.
#[tokio::test]
async fn a_full_disk_keeps_what_was_typed_and_writes_nothing() {
    if on_postgres() {
        return;
    }
    let app = spawn_app().await;
    let token = app.add_body("Skolebestyrelsen, Vestskolen").await;
    let comment = "Vi støtter forslaget, men økonomien skal følge med. ".repeat(20);
    let mut form: Vec<(String, String)> = app
        .item_ids
        .iter()
        .flat_map(|id| item_fields(*id, "agree", &comment, None))
        .collect();
    form.push(("gc".into(), "Samlet set en god plan.".into()));
    form.push(("gf".into(), fingerprint("", "")));
    form.push(intent("confirm_submit"));
    let limit = |pages: i64| {
        let db = app.db.clone();
        async move {
            sqlx::query(&format!("PRAGMA max_page_count = {pages}"))
                .execute(&db.write)
                .await
                .unwrap();
        }
    };
    let (pages,): (i64,) = sqlx::query_as("PRAGMA page_count")
        .fetch_one(&app.db.write)
        .await
        .unwrap();
    limit(pages).await;

    let res = app.post_form(&client(), &token, &form).await;
    let status = res.status().as_u16();
    let page = res.text().await.unwrap();
    assert_eq!(status, 507, "{page}");
    assert!(page.contains("serveren kan ikke gemme lige nu"), "{page}");
    assert!(
        page.contains("Samlet set en god plan."),
        "the general comment is kept"
    );
    assert!(
        page.contains("økonomien skal følge med"),
        "the comments are kept"
    );
    assert!(
        is_checked(&page, app.item_ids[41], "agree"),
        "the answers are kept"
    );
    let (responses,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM response")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(
        (responses, app.answer_count().await),
        (0, 0),
        "nothing written"
    );

    limit(1_073_741_823).await;
    let res = app.post_form(&client(), &token, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.submitted_value(app.item_ids[0]).await, "agree");
}
