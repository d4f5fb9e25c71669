//! The security review's findings (issue 14), each against the real server.

use crate::helpers::{client, fetch, signed_in, spawn_app_serving, TestApp};
use app::backend::now_ms;
use app::model::admin::Role;
use server::serve::ConnectionLimits;
use server::startup::ServeOptions;
use std::io::Write;
use std::time::{Duration, Instant};

/// A workbook written by `fill`, as Excel would save it.
fn workbook(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    fill(book.add_worksheet_with_constant_memory());
    book.save_to_buffer().unwrap()
}

/// A zip of a few hundred kB whose worksheet unpacks to 300 MB.
fn zip_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_level(Some(9))
        .large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..300 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[tokio::test]
async fn hostile_spreadsheets_get_a_message_and_the_server_keeps_serving() {
    let (app, c) = signed_in(Role::Manager).await;
    let two_cells = workbook(|sheet| {
        sheet.write_string(0, 0, "Navn").unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let wide = workbook(|sheet| {
        for col in 0..16_384u16 {
            sheet.write_string(0, col, "Navn").unwrap();
        }
    });
    let long = workbook(|sheet| {
        sheet.write_string(0, 0, "Navn").unwrap();
        for row in 1..=10_001u32 {
            sheet
                .write_string(row, 0, format!("Bestyrelse {row}"))
                .unwrap();
        }
    });
    let bomb = zip_bomb();
    assert!(two_cells.len() < 10_000 && bomb.len() < 5 * 1024 * 1024);
    let cases = [
        (
            "to-celler.xlsx",
            two_cells,
            "for mange kolonner (højst 100)",
        ),
        ("bred.xlsx", wide, "for mange kolonner (højst 100)"),
        ("lang.xlsx", long, "for mange rækker (højst 10.000)"),
        ("bombe.xlsx", bomb, "fylder for meget, når den pakkes ud"),
    ];
    for (name, bytes, message) in cases {
        let res = app
            .upload(&c, app.consultation_id, "bodies", name, bytes)
            .await;
        assert_eq!(res.status().as_u16(), 422, "{name}");
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{name}: {message}");
        let (status, _) = fetch(&client(), &app.url("/healthz")).await;
        assert_eq!(status, 200, "still serving after {name}");
    }
}

#[tokio::test]
async fn downloads_whose_clients_stop_reading_let_go_of_the_database() {
    let app = spawn_app_serving(ServeOptions {
        limits: ConnectionLimits {
            send_timeout: Duration::from_secs(1),
            ..ConnectionLimits::default()
        },
        ..ServeOptions::local("target/site")
    })
    .await;
    let id = app::backend::demo::synthetic(&app.db, 2_000, 0.5, 11, now_ms())
        .await
        .unwrap();
    let viewer = client();
    app.sign_in_as(&viewer, Role::Viewer).await;
    let export = app.url(&format!("/admin/hoering/{id}/eksport/svar.csv"));
    let mut stalled = Vec::new();
    for _ in 0..8 {
        let res = viewer.get(&export).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 200);
        stalled.push(res);
    }
    let token = app.add_body("Efter de hængende hentninger").await;
    let started = Instant::now();
    let (status, _) = app.get_page(&client(), &token).await;
    assert_eq!(status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the respondent page waited {:?}",
        started.elapsed()
    );
    // They stay stalled for longer than the send timeout, then read on.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut given_up = 0;
    let mut outcomes = Vec::new();
    for res in stalled {
        outcomes.push(res.bytes().await.map(|b| b.len()));
    }
    let whole = viewer
        .get(&export)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    assert!(whole.len() > 1_000_000, "a reader gets it all");
    for outcome in outcomes {
        match outcome {
            Ok(len) => assert_eq!(len, whole.len(), "never a short file that looks whole"),
            Err(_) => given_up += 1,
        }
    }
    assert!(given_up > 0, "the stalled downloads were broken off");
}

#[tokio::test]
async fn stalled_downloads_hold_no_database_connection_while_they_wait() {
    // The default send timeout (30 s): the pages must not wait for it.
    let app = crate::helpers::spawn_app().await;
    let id = app::backend::demo::synthetic(&app.db, 2_000, 0.5, 12, now_ms())
        .await
        .unwrap();
    let viewer = client();
    app.sign_in_as(&viewer, Role::Viewer).await;
    let export = app.url(&format!("/admin/hoering/{id}/eksport/svar.csv"));
    let mut stalled = Vec::new();
    for _ in 0..12 {
        stalled.push(viewer.get(&export).send().await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    let token = app.add_body("Mens tolv hentninger hænger").await;
    let started = Instant::now();
    assert_eq!(app.get_page(&client(), &token).await.0, 200);
    assert_eq!(
        fetch(&viewer, &app.url(&format!("/admin/hoering/{id}")))
            .await
            .0,
        200
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the pages waited {:?} for the stalled downloads",
        started.elapsed()
    );
    drop(stalled);
}

#[tokio::test]
async fn only_this_sites_exact_origin_and_host_are_served() {
    let (app, c) = signed_in(Role::Manager).await;
    let port = app.address.rsplit(':').next().unwrap().to_owned();
    let post = |origin: String| {
        c.post(app.url("/admin/hoeringer"))
            .header("origin", origin)
            .form(&[
                ("title", "Plan"),
                ("deadline", "2099-03-01 12:00"),
                ("source", "blank"),
            ])
            .send()
    };
    let res = post(format!("https://127.0.0.1:{port}")).await.unwrap();
    assert_eq!(res.status().as_u16(), 403, "another scheme is another site");
    let res = post(format!("http://127.0.0.1:{port}")).await.unwrap();
    assert_ne!(res.status().as_u16(), 403, "our own origin passes");
    let rebound = c
        .get(app.url("/admin"))
        .header("host", format!("rebound.example:{port}"))
        .send()
        .await
        .unwrap();
    assert_eq!(rebound.status().as_u16(), 421);
    assert!(rebound
        .text()
        .await
        .unwrap()
        .contains("hører ikke til Samråd"));
    let health = c
        .get(app.url("/healthz"))
        .header("host", "10.0.0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(
        health.status().as_u16(),
        200,
        "load balancers ask by address"
    );
}

#[tokio::test]
async fn malformed_and_oversized_server_calls_are_the_callers_mistake() {
    let app = crate::helpers::spawn_app().await;
    let token = app.add_body("Skolebestyrelsen").await;
    let post = |body: String| {
        client()
            .post(app.url("/api/autosave"))
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let res = post(r#"{"token": 7, "since_version": "x"}"#.to_owned())
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let text = res.text().await.unwrap();
    assert!(text.contains("BadRequest"), "{text}");
    assert!(!text.contains("invalid type"), "no parser details: {text}");
    let huge = format!(
        r#"{{"token": "{token}", "since_version": 0, "changes": [], "pad": "{}"}}"#,
        "x".repeat(9 * 1024 * 1024)
    );
    let res = post(huge).await.unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let (status, _) = app.get_page(&client(), &token).await;
    assert_eq!(status, 200, "nothing broke");
}

#[tokio::test]
async fn a_notice_fills_in_digits_only() {
    let app = crate::helpers::spawn_app().await;
    let (_, page) = fetch(
        &client(),
        &app.url("/admin/log-ind?fejl=EmailInvalid&n=Ring%20straks%20til%2070%2070%2070%2070"),
    )
    .await;
    assert!(!page.contains("Ring straks"), "{page}");
    let (_, page) = fetch(&client(), &app.url("/admin/log-ind?fejl=TooLong&n=120")).await;
    assert!(page.contains("højst 120 tegn"), "a count still shows");
}

#[tokio::test]
async fn a_link_checker_does_not_open_the_link_and_a_browser_does() {
    let app = crate::helpers::spawn_app().await;
    let token = app.add_body("Forældrebestyrelsen").await;
    let (status, _) = app.get_page(&client(), &token).await;
    assert_eq!(status, 200, "the checker sees the page");
    assert_eq!(app.body_state("Forældrebestyrelsen").await, "not_opened");
    assert_eq!(opened_in_browser(&app, &token).await, 200);
    eventually(|| async { app.body_state("Forældrebestyrelsen").await == "opened" }).await;
    assert_eq!(app.body_state("Forældrebestyrelsen").await, "opened");
}

/// A browser opening the link as a person does (a navigation to a document); the
/// status it got.
async fn opened_in_browser(app: &TestApp, token: &str) -> u16 {
    let res = client()
        .get(app.url(&format!("/svar/{token}")))
        .header("sec-fetch-mode", "navigate")
        .header("sec-fetch-dest", "document")
        .send()
        .await
        .unwrap();
    res.status().as_u16()
}

/// Waits up to 5 s for `done`: an opening is noted off the page's path, so the page
/// does not wait for it.
async fn eventually<F, Fut>(done: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let until = Instant::now() + Duration::from_secs(5);
    while !done().await && Instant::now() < until {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Links opened at once, each twice, are noted together (one write for many page
/// views): every link is noted, and a body that has got further (a draft) is not
/// moved back.
#[tokio::test]
async fn many_links_opened_at_once_are_each_noted_once_and_nothing_moves_back() {
    let app = crate::helpers::spawn_app().await;
    let mut tokens = Vec::new();
    for n in 0..30 {
        tokens.push(app.add_body(&format!("Bestyrelse {n}")).await);
    }
    let mut form = crate::helpers::item_fields(app.item_ids[0], "agree", "", None);
    form.push(crate::helpers::intent("save"));
    let saved = app.post_form(&client(), &tokens[0], &form).await;
    assert_eq!(saved.status().as_u16(), 303);
    assert_eq!(app.body_state("Bestyrelse 0").await, "draft");

    let views = tokens
        .iter()
        .chain(&tokens)
        .map(|token| opened_in_browser(&app, token));
    for status in futures::future::join_all(views).await {
        assert_eq!(status, 200);
    }
    let opened = || app.integer("SELECT COUNT(*) FROM invitation WHERE opened_at IS NOT NULL");
    eventually(|| async { opened().await == 30 }).await;
    assert_eq!(opened().await, 30, "every link noted");
    assert_eq!(
        app.body_state("Bestyrelse 0").await,
        "draft",
        "not moved back"
    );
    for n in 1..30 {
        assert_eq!(app.body_state(&format!("Bestyrelse {n}")).await, "opened");
    }
}

#[tokio::test]
async fn an_export_link_on_another_site_downloads_nothing_and_logs_nothing() {
    let (app, c) = signed_in(Role::Viewer).await;
    let id = app.consultation_id;
    let exports = || app.integer("SELECT COUNT(*) FROM audit_log WHERE action = 'exported'");
    let url = app.url(&format!("/admin/hoering/{id}/eksport/svar.csv"));
    let res = c
        .get(&url)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(exports().await, 0);
    let res = c
        .get(&url)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(exports().await, 1);
}

#[tokio::test]
async fn expired_sessions_and_old_failures_are_purged() {
    use app::backend::auth::{purge_expired, ABSOLUTE_TIMEOUT_MS, EXPIRED_KEPT_MS};
    let (app, _c) = signed_in(Role::Viewer).await;
    app.sign_in(&client(), "ingen@kommune.example", "forkert-kodeord")
        .await;
    let count = |table: &'static str| {
        let db = app.db.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
                .fetch_one(&db.read)
                .await
                .unwrap();
            n
        }
    };
    assert_eq!(
        (count("user_session").await, count("login_failure").await),
        (1, 1)
    );
    assert_eq!(
        purge_expired(&app.db, now_ms()).await.unwrap(),
        0,
        "nothing is due yet"
    );
    // Timed out, the session is kept a day to say so to whoever comes back.
    let timed_out = now_ms() + ABSOLUTE_TIMEOUT_MS + 1;
    assert_eq!(
        purge_expired(&app.db, timed_out).await.unwrap(),
        1,
        "the failure"
    );
    let later = timed_out + EXPIRED_KEPT_MS;
    assert_eq!(
        purge_expired(&app.db, later).await.unwrap(),
        1,
        "the session"
    );
    assert_eq!(
        (count("user_session").await, count("login_failure").await),
        (0, 0)
    );
}
