//! Sign-in, sessions, roles and cross-site refusal.

use crate::helpers::*;
use crate::mail::hearing_with_bodies;
use app::model::admin::Role;

fn set_cookie(res: &reqwest::Response) -> String {
    res.headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Creates a draft hearing from the template through the UI; returns its id.
pub async fn create_hearing_via_ui(
    app: &TestApp,
    client: &reqwest::Client,
    title: &str,
) -> ConsultationId {
    let res = app.post_create(client, title, "template", None).await;
    assert_eq!(res.status().as_u16(), 303);
    let target = location(&res);
    target
        .trim_start_matches("/admin/hoering/")
        .split('?')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {target}"))
}

#[tokio::test]
async fn unknown_account_and_wrong_password_get_the_same_answer() {
    let app = spawn_app().await;
    let email = app.sign_in_as(&client(), Role::Manager).await;
    let unknown = app
        .sign_in(&client(), "ingen@kommune.example", "korrekt-hest-batteri")
        .await;
    let wrong = app.sign_in(&client(), &email, "forkert-kodeord").await;
    assert_eq!(unknown.status().as_u16(), 401);
    assert_eq!(wrong.status().as_u16(), 401);
    let unknown = unknown.text().await.unwrap();
    let wrong = wrong.text().await.unwrap();
    for page in [&unknown, &wrong] {
        assert!(page.contains("E-mail eller adgangskode er forkert."));
        assert!(!page.contains("korrekt-hest") && !page.contains("forkert-kodeord"));
    }
    assert!(
        wrong.contains(&format!("value=\"{email}\"")),
        "the e-mail is kept"
    );
}

#[tokio::test]
async fn failed_sign_ins_are_throttled_per_account() {
    let app = spawn_app().await;
    let email = app.sign_in_as(&client(), Role::Manager).await;
    for _ in 0..5 {
        let res = app.sign_in(&client(), &email, "forkert-kodeord").await;
        assert_eq!(res.status().as_u16(), 401);
    }
    let res = app.sign_in(&client(), &email, "korrekt-hest-batteri").await;
    assert_eq!(res.status().as_u16(), 429, "even the right password waits");
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("For mange forkerte forsøg"));
    let other = app.sign_in(&client(), "admin@kommune.example", "x").await;
    assert_eq!(
        other.status().as_u16(),
        401,
        "other accounts are not locked"
    );
}

#[tokio::test]
async fn fifty_parallel_wrong_passwords_get_five_checks_and_no_lock() {
    let app = spawn_app().await;
    let email = app.sign_in_as(&client(), Role::Manager).await;
    let attempts = (0..50).map(|_| {
        let (app, email) = (&app, &email);
        async move {
            let res = app.sign_in(&client(), email, "forkert-kodeord").await;
            res.status().as_u16()
        }
    });
    let statuses = futures::future::join_all(attempts).await;
    let checked = statuses.iter().filter(|s| **s == 401).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, throttled), (5, 45), "{statuses:?}");
    let res = app.sign_in(&client(), &email, "korrekt-hest-batteri").await;
    assert_eq!(
        res.status().as_u16(),
        429,
        "right after, even the right password waits"
    );
    tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
    let res = app.sign_in(&client(), &email, "korrekt-hest-batteri").await;
    assert_eq!(
        res.status().as_u16(),
        303,
        "a second later the owner gets in"
    );
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_signing_out_ends_it() {
    let app = spawn_app().await;
    let c = client();
    let planted = "samrad_session=planted-by-attacker";
    app.sign_in_as(&client(), Role::Viewer).await;
    let res = c
        .post(app.url("/admin/log-ind"))
        .header("cookie", planted)
        .form(&[
            ("email", "viewer@kommune.example"),
            ("password", "korrekt-hest-batteri"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let cookie = set_cookie(&res);
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    assert!(
        !cookie.contains("planted"),
        "a fresh id, not the planted one"
    );
    let session = cookie.split(';').next().unwrap().to_owned();

    let (status, page) = fetch(&c, &app.url("/admin")).await;
    assert_eq!(status, 200);
    assert!(page.contains("Test viewer"));

    let res = c.post(app.url("/admin/log-ud")).send().await.unwrap();
    assert_eq!(location(&res), "/admin/log-ind?besked=SignedOut");
    let res = client()
        .get(app.url("/admin"))
        .header("cookie", &session)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let page = res.text().await.unwrap();
    assert!(
        status.is_redirection(),
        "the old session is gone: {status} {page}"
    );
}

#[tokio::test]
async fn an_idle_session_expires_with_a_message() {
    let (app, c) = signed_in(Role::Manager).await;
    sqlx::query("UPDATE user_session SET last_seen_at = last_seen_at - $1")
        .bind(3 * 3_600_000i64)
        .execute(&app.db.write)
        .await
        .unwrap();
    let res = c.get(app.url("/admin")).send().await.unwrap();
    assert!(res.status().is_redirection());
    assert!(
        location(&res).contains("SessionExpired"),
        "{}",
        location(&res)
    );
    let (_, page) = fetch(&c, &app.url(&location(&res))).await;
    assert!(page.contains("Du er blevet logget ud"));
}

#[tokio::test]
async fn a_first_visit_is_sent_to_sign_in_without_talk_of_expiry() {
    let app = spawn_app().await;
    let c = client();
    let res = c.get(app.url("/admin")).send().await.unwrap();
    assert_eq!(location(&res), "/admin/log-ind");
    // An unknown cookie (a session deleted elsewhere) is no expiry either.
    let res = c
        .get(app.url(&format!("/admin/hoering/{}", app.consultation_id)))
        .header("cookie", "samrad_session=unknown-session-id")
        .send()
        .await
        .unwrap();
    assert_eq!(location(&res), "/admin/log-ind");
    let (_, page) = fetch(&c, &app.url("/admin/log-ind")).await;
    assert!(!page.contains("Du er blevet logget ud"));
}

#[tokio::test]
async fn roles_limit_what_can_be_done() {
    let (app, viewer) = signed_in(Role::Viewer).await;
    let (status, page) = fetch(
        &viewer,
        &app.url(&format!("/admin/hoering/{}", app.consultation_id)),
    )
    .await;
    assert_eq!(status, 200, "viewers read");
    assert!(!page.contains("/aabn\""), "and see no actions");

    let before: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consultation")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    let res = app.post_create(&viewer, "Forsøg", "blank", None).await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(res.text().await.unwrap().contains("Ingen adgang"));
    let res = app
        .admin_post(
            &viewer,
            &format!("/admin/hoering/{}/luk", app.consultation_id),
            &[],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let after: (i64,) = sqlx::query_as("SELECT COUNT(*) FROM consultation")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(before, after);
    let (status,): (String,) = sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
        .bind(app.consultation_id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(status, "open", "nothing changed");

    let manager = client();
    app.sign_in_as(&manager, Role::Manager).await;
    let (status, _) = fetch(&manager, &app.url("/admin/brugere")).await;
    assert_eq!(status, 403);
    let res = app
        .admin_post(
            &manager,
            "/admin/brugere",
            &[
                ("name", "X"),
                ("email", "x@kommune.example"),
                ("password", "langt-nok-kodeord"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);

    let admin = client();
    app.sign_in_as(&admin, Role::Admin).await;
    for (password, status) in [("kort", 422), ("langt-nok-kodeord", 303)] {
        let new_user = [
            ("name", "Ny"),
            ("email", "ny@kommune.example"),
            ("password", password),
            ("role", "viewer"),
        ];
        let res = app.admin_post(&admin, "/admin/brugere", &new_user).await;
        assert_eq!(res.status().as_u16(), status, "{password}");
        if status == 422 {
            assert!(res.text().await.unwrap().contains("mindst 10 tegn"));
        }
    }
    let (_, log) = fetch(&admin, &app.url("/admin/log")).await;
    assert!(log.contains("Bruger oprettet") && log.contains("ny@kommune.example"));
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let (app, c) = signed_in(Role::Manager).await;
    let path = app.url(&format!("/admin/hoering/{}/luk", app.consultation_id));
    for (name, value) in [
        ("origin", "http://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let res = c.post(&path).header(name, value).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 403, "{name}: {value}");
    }
    let res = c
        .post(app.url("/api/autosave"))
        .header("origin", "http://evil.example")
        .header("content-type", "application/json")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403, "server functions too");
    let (status,): (String,) = sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
        .bind(app.consultation_id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(status, "open");
    let res = c
        .post(&path)
        .header("origin", &app.address)
        .header("sec-fetch-site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303, "our own pages pass");
}

#[tokio::test]
async fn consultation_settings_are_validated_and_kept_on_error() {
    let (app, c) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &c, "Udviklingsplan 2027").await;
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/indstillinger"),
            &[
                ("title", ""),
                ("intro", "Min **lange** tekst <script>x</script>"),
                ("deadline", "i morgen"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Skriv en titel."));
    assert!(page.contains("Skriv fristen som ÅÅÅÅ-MM-DD TT:MM"));
    assert!(
        page.contains("Min **lange** tekst &lt;script"),
        "what was typed is kept: {page}"
    );
    assert!(!page.contains("<script>x"));
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/indstillinger"),
            &[
                ("title", "Udviklingsplan 2028"),
                ("intro", "Se **planen** <script>alert(1)</script>"),
                ("deadline", "2099-04-01 12:00"),
                ("sender_name", "Børne- og Ungeforvaltningen"),
                ("contact_text", "Anne Holm, anho@kommune.example"),
                ("reminder_days", "3"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("Udviklingsplan 2028"));
    assert!(page.contains("<strong>planen</strong>"));
    assert!(!page.contains("<script>alert(1)"));

    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/kopier"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (copies,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM item i JOIN consultation c ON c.id = i.consultation_id WHERE c.title = 'Udviklingsplan 2028 (kopi)'",
    )
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(copies, 42, "the copy has every item");
}

#[tokio::test]
async fn items_can_be_reordered_and_removed_only_while_draft() {
    let (app, c) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &c, "Plan").await;
    let items: Vec<(i64, String)> = sqlx::query_as(
        "SELECT i.id, i.code FROM item i JOIN section s ON s.id = i.section_id WHERE i.consultation_id = $1 ORDER BY s.position, i.position",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    let path = format!("/admin/hoering/{id}/forslag");
    let second = items[1].0.to_string();
    app.admin_post(&c, &path, &[("action", "up"), ("item", &second)])
        .await;
    let first: (i64,) = sqlx::query_as(
        "SELECT id FROM item WHERE section_id = (SELECT section_id FROM item WHERE id = $1) ORDER BY position LIMIT 1",
    )
    .bind(items[1].0)
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(first.0, items[1].0, "moved up");
    let res = app
        .admin_post(
            &c,
            &path,
            &[("action", "add"), ("section", "Nyt område"), ("text", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    app.admin_post(
        &c,
        &path,
        &[
            ("action", "add"),
            ("section", "Nyt område"),
            ("text", "Nyt forslag"),
        ],
    )
    .await;
    let last = items.last().unwrap().0.to_string();
    app.admin_post(&c, &path, &[("action", "remove"), ("item", &last)])
        .await;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM item WHERE consultation_id = $1")
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(count, 42);
}

#[tokio::test]
async fn a_refused_action_says_why_in_its_own_words() {
    let app = spawn_app().await;
    let (c, id) = hearing_with_bodies(&app, &[("Skolebestyrelsen", "sb@skole.example")]).await;
    let (body,): (i64,) = sqlx::query_as("SELECT id FROM respondent WHERE consultation_id = $1")
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/parter/{body}/gensend"),
            &[],
        )
        .await;
    assert!(
        location(&res).contains("fejl=NotOpenedYet"),
        "{}",
        location(&res)
    );
    let (_, page) = fetch(&c, &app.url(&location(&res))).await;
    assert!(page.contains("Høringen er ikke åbnet endnu"));
    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/paamind"), &[])
        .await;
    assert!(
        location(&res).ends_with("fejl=NotOpen"),
        "{}",
        location(&res)
    );
    let (_, page) = fetch(&c, &app.url(&location(&res))).await;
    assert!(page.contains("Påmindelser kan kun sendes, mens høringen er åben."));
}

/// Statuses, kinds and states are read from the store as their types: each stored
/// word decodes into its value and back, and a word the type does not know is an
/// error, never a silent default.
#[tokio::test]
async fn the_stored_words_decode_into_their_types_and_back() {
    use app::model::admin::BodyState;
    use app::model::{ConsultationKind, ConsultationStatus, ResponseStatus};
    let app = spawn_app().await;
    async fn round_trip<T>(app: &TestApp, value: T, word: &str)
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any>
            + sqlx::Encode<'static, sqlx::Any>
            + sqlx::Type<sqlx::Any>
            + PartialEq
            + std::fmt::Debug
            + Copy
            + Send
            + Unpin
            + 'static,
    {
        let (stored,): (String,) = sqlx::query_as("SELECT $1")
            .bind(value)
            .fetch_one(&app.db.read)
            .await
            .unwrap();
        assert_eq!(stored, word);
        let (read,): (T,) = sqlx::query_as("SELECT $1")
            .bind(word.to_owned())
            .fetch_one(&app.db.read)
            .await
            .unwrap();
        assert_eq!(read, value);
    }
    for status in [
        ConsultationStatus::Draft,
        ConsultationStatus::Open,
        ConsultationStatus::Closed,
        ConsultationStatus::Archived,
    ] {
        round_trip(&app, status, status.as_str()).await;
    }
    for kind in [ConsultationKind::Hearing, ConsultationKind::Survey] {
        round_trip(&app, kind, kind.as_str()).await;
    }
    for status in [ResponseStatus::Draft, ResponseStatus::Submitted] {
        round_trip(&app, status, status.as_str()).await;
    }
    for state in BodyState::ALL {
        round_trip(&app, state, state.as_str()).await;
    }
    let unknown: Result<(ConsultationStatus,), _> = sqlx::query_as("SELECT 'paused'")
        .fetch_one(&app.db.read)
        .await;
    assert!(unknown.is_err(), "an unknown status is an error");
}
