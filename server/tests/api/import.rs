//! Importing consulted bodies and items from sheets: preview first, problems by row,
//! all or nothing.

use crate::admin::create_hearing_via_ui;
use crate::helpers::*;
use app::model::admin::Role;

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/../testdata/{name}", env!("CARGO_MANIFEST_DIR")))
        .expect("sample sheet")
}

async fn count(app: &TestApp, sql: &str, id: ConsultationId) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql)
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    n
}

const BODIES: &str = "SELECT COUNT(*) FROM respondent WHERE consultation_id = $1";
const ITEMS: &str = "SELECT COUNT(*) FROM item WHERE consultation_id = $1";

#[tokio::test]
async fn bodies_are_previewed_then_saved_all_at_once() {
    let (app, c) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &c, "Plan").await;
    let upload_sample = || {
        app.upload(
            &c,
            id,
            "bodies",
            "parter.csv",
            sample("respondents-sample.csv"),
        )
    };
    let res = upload_sample().await;
    assert_eq!(res.status().as_u16(), 303);
    let preview = location(&res);
    assert!(preview.starts_with(&format!("/admin/hoering/{id}/import/")));
    let (status, page) = fetch(&c, &app.url(&preview)).await;
    assert_eq!(status, 200);
    assert!(page.contains("4 rækker er klar"));
    assert!(page.contains("fb.kastanjen@example.dk, sekretaer.kastanjen@example.dk"));
    assert_eq!(
        count(&app, BODIES, id).await,
        0,
        "nothing saved before confirming"
    );

    let res = app.admin_post(&c, &format!("{preview}/gem"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(count(&app, BODIES, id).await, 4);
    let (emails,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM respondent_email e JOIN respondent r ON r.id = e.respondent_id WHERE r.consultation_id = $1",
    )
    .bind(id)
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(emails, 5);

    let again = upload_sample().await;
    let (_, page) = fetch(&c, &app.url(&location(&again))).await;
    assert!(page.contains("Række 2: »Skolebestyrelsen, Nordskolen« findes allerede i høringen."));
}

#[tokio::test]
async fn a_sheet_with_problems_is_reported_by_row_and_saves_nothing() {
    let (app, c) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &c, "Plan").await;
    let sheet = "Navn;Målgruppe;E-mail\r\nA;Skolebestyrelse;a@x.dk\r\nB;Skolebestyrelse;\r\n;MED-udvalg;c@x.dk\r\nD;MED-udvalg;d@x\r\n";
    let res = app
        .upload(&c, id, "bodies", "fejl.csv", sheet.as_bytes().to_vec())
        .await;
    let preview = location(&res);
    let (_, page) = fetch(&c, &app.url(&preview)).await;
    assert!(page.contains("Række 3: E-mailadressen mangler."), "{page}");
    assert!(page.contains("Række 4: Navnet mangler."));
    assert!(page.contains("Række 5: »d@x« er ikke en gyldig e-mailadresse."));
    assert!(!page.contains("/gem\""), "no save button");
    let res = app.admin_post(&c, &format!("{preview}/gem"), &[]).await;
    assert!(location(&res).contains("fejl="));
    assert_eq!(count(&app, BODIES, id).await, 0);
}

#[tokio::test]
async fn broken_files_get_a_clear_message() {
    let (app, c) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &c, "Plan").await;
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("skrald.csv", garbage, "Filen kunne ikke læses"),
        ("tom.csv", Vec::new(), "ingen rækker"),
        ("stor.csv", vec![b'a'; 6 * 1024 * 1024], "Filen er for stor"),
        (
            "kun-overskrift.csv",
            b"Navn;Malgruppe;E-mail\n".to_vec(),
            "ingen rækker",
        ),
        (
            "falsk.xlsx",
            b"PK\x03\x04garbage".to_vec(),
            "Filen kunne ikke læses",
        ),
    ];
    for (name, bytes, message) in cases {
        let res = app.upload(&c, id, "bodies", name, bytes).await;
        let status = res.status().as_u16();
        assert!(status == 422 || status == 413, "{name}: {status}");
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{name}: {message}");
    }
    assert_eq!(count(&app, BODIES, id).await, 0);
}

#[tokio::test]
async fn a_hearing_can_be_created_from_a_sheet_in_any_encoding_or_xlsx() {
    let (app, c) = signed_in(Role::Manager).await;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Indsats", "Område"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for row in 1..=3u32 {
        sheet
            .write_string(row, 0, format!("Forslag {row} med æøå"))
            .unwrap();
        sheet.write_string(row, 1, "Trivsel").unwrap();
    }
    let xlsx = book.save_to_buffer().unwrap();
    for (name, bytes, items) in [
        ("utf8.csv", sample("items-sample-utf8.csv"), 5),
        ("bom.csv", sample("items-sample-bom.csv"), 5),
        ("ansi.csv", sample("items-sample-windows1252.csv"), 5),
        ("forslag.xlsx", xlsx, 3),
    ] {
        let title = format!("Fra {name}");
        let res = app
            .post_create(&c, &title, "sheet", Some((name, bytes)))
            .await;
        assert_eq!(res.status().as_u16(), 303, "{name}");
        let preview = location(&res);
        let id: ConsultationId = preview.split('/').nth(3).unwrap().parse().unwrap();
        let (_, page) = fetch(&c, &app.url(&preview)).await;
        assert!(page.contains(&format!("{items} rækker er klar")), "{name}");
        app.admin_post(&c, &format!("{preview}/gem"), &[]).await;
        assert_eq!(count(&app, ITEMS, id).await, items, "{name}");
        let (text,): (String,) =
            sqlx::query_as("SELECT text FROM item WHERE consultation_id = $1 ORDER BY id LIMIT 1")
                .bind(id)
                .fetch_one(&app.db.read)
                .await
                .unwrap();
        assert!(
            text.contains('æ') || text.contains("skift fra dagtilbud"),
            "{name}: {text}"
        );
    }
    let res = app.post_create(&c, "Uden fil", "sheet", None).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Vælg en fil") && page.contains("value=\"Uden fil\""));
}
