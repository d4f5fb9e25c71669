//! Keeping staff accounts, personal links that expire, and the retention of contact
//! data (issue 14 §6).

use crate::admin::create_hearing_via_ui;
use crate::helpers::*;
use crate::mail::hearing_with_bodies;
use app::backend::auth::{create_user, Password};
use app::backend::now_ms;
use app::backend::respond::{load_page, Seen};
use app::i18n::Lang;
use app::model::admin::Role;
use app::model::Email;

const PASSWORD: &str = "korrekt-hest-batteri";

/// Whether `client`'s session still opens the administration.
async fn signed_in_still(app: &TestApp, client: &reqwest::Client) -> bool {
    let res = client.get(app.url("/admin")).send().await.unwrap();
    res.status().as_u16() == 200
}

async fn add_staff(app: &TestApp, email: &str, role: Role) {
    create_user(
        &app.db,
        None,
        &Email::parse(email).unwrap(),
        "Anden Bruger",
        Password::parse(PASSWORD).unwrap(),
        role,
        now_ms(),
    )
    .await
    .unwrap()
    .unwrap();
}

#[tokio::test]
async fn staff_change_their_own_password_and_their_other_sessions_end() {
    let app = spawn_app().await;
    let (here, elsewhere) = (client(), client());
    let email = app.sign_in_as(&here, Role::Viewer).await;
    app.sign_in(&elsewhere, &email, PASSWORD).await;
    let page = fetch(&here, &app.url("/admin/adgangskode")).await;
    assert_eq!(page.0, 200);
    assert!(page.1.contains("Skift adgangskode") && page.1.contains(&email));

    let change = |current: &'static str, new: &'static str, repeat: &'static str| {
        let here = here.clone();
        let url = app.url("/admin/adgangskode");
        async move {
            here.post(url)
                .form(&[
                    ("current_password", current),
                    ("new_password", new),
                    ("repeat_password", repeat),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    for (current, new, repeat, status, message) in [
        (
            "forkert-kodeord",
            "ny-lang-hemmelighed",
            "ny-lang-hemmelighed",
            422,
            "Den nuværende adgangskode er forkert.",
        ),
        (
            PASSWORD,
            "ny-lang-hemmelighed",
            "ny-lang-hemmelig",
            422,
            "De to nye adgangskoder er ikke ens.",
        ),
        (PASSWORD, "Sommer2026!", "Sommer2026!", 422, "prøves først"),
        (PASSWORD, "kort", "kort", 422, "mindst 10 tegn"),
    ] {
        let res = change(current, new, repeat).await;
        assert_eq!(res.status().as_u16(), status, "{message}");
        let body = res.text().await.unwrap();
        assert!(body.contains(message), "{message}");
        assert!(
            !body.contains("ny-lang-hemmelig") && !body.contains(PASSWORD),
            "no password is shown again"
        );
    }
    assert!(
        signed_in_still(&app, &elsewhere).await,
        "nothing changed yet"
    );

    let res = change(PASSWORD, "ny-lang-hemmelighed", "ny-lang-hemmelighed").await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/adgangskode?besked=PasswordChanged");
    assert!(signed_in_still(&app, &here).await, "this browser goes on");
    assert!(
        !signed_in_still(&app, &elsewhere).await,
        "every other session ended"
    );
    assert_eq!(
        app.sign_in(&client(), &email, PASSWORD)
            .await
            .status()
            .as_u16(),
        401
    );
    assert_eq!(
        app.sign_in(&client(), &email, "ny-lang-hemmelighed")
            .await
            .status()
            .as_u16(),
        303
    );
    assert_eq!(
        audited(&app, "password_changed").await,
        ["1 andre sessioner afsluttet"]
    );
}

#[tokio::test]
async fn a_wrong_current_password_is_throttled_like_a_sign_in() {
    let (app, c) = signed_in(Role::Manager).await;
    let mut statuses = Vec::new();
    for _ in 0..6 {
        let res = app
            .admin_post(
                &c,
                "/admin/adgangskode",
                &[
                    ("current_password", "gæt-nummer-x"),
                    ("new_password", "ny-lang-hemmelighed"),
                    ("repeat_password", "ny-lang-hemmelighed"),
                ],
            )
            .await;
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 422, 422, 422, 429]);
}

#[tokio::test]
async fn an_administrator_changes_roles_disables_ends_sessions_and_sets_passwords() {
    let (app, admin) = signed_in(Role::Admin).await;
    let staff = client();
    let email = app.sign_in_as(&staff, Role::Manager).await;
    let id = user_id(&app, &email).await;
    let base = format!("/admin/brugere/{id}");

    let page = fetch(&admin, &app.url(&base)).await;
    assert_eq!(page.0, 200);
    assert!(page.1.contains("Administrér Test manager") && page.1.contains("Aktive sessioner"));
    let list = fetch(&admin, &app.url("/admin/brugere")).await.1;
    assert!(
        list.contains(&format!("href=\"{base}\"")),
        "the list links to the account"
    );

    let res = app
        .admin_post(&admin, &format!("{base}/rolle"), &[("role", "viewer")])
        .await;
    assert_eq!(location(&res), format!("{base}?besked=RoleChanged"));
    let create = app.post_create(&staff, "Ny høring", "template", None).await;
    assert_eq!(create.status().as_u16(), 403, "the new role holds at once");
    let res = app
        .admin_post(&admin, &format!("{base}/rolle"), &[("role", "boss")])
        .await;
    assert_eq!(location(&res), format!("{base}?fejl=RoleInvalid"));

    let res = app.admin_post(&admin, &format!("{base}/log-ud"), &[]).await;
    assert_eq!(location(&res), format!("{base}?besked=SessionsEnded&n=1"));
    assert!(!signed_in_still(&app, &staff).await);

    app.sign_in(&staff, &email, PASSWORD).await;
    let res = app
        .admin_post(&admin, &format!("{base}/spaerring"), &[("disabled", "ja")])
        .await;
    assert_eq!(location(&res), format!("{base}?besked=UserDisabled"));
    assert!(
        !signed_in_still(&app, &staff).await,
        "disabling ends the sessions"
    );
    assert_eq!(
        app.sign_in(&staff, &email, PASSWORD)
            .await
            .status()
            .as_u16(),
        401
    );
    assert!(fetch(&admin, &app.url(&base)).await.1.contains("Spærret"));
    let res = app
        .admin_post(&admin, &format!("{base}/spaerring"), &[("disabled", "nej")])
        .await;
    assert_eq!(location(&res), format!("{base}?besked=UserEnabled"));
    assert_eq!(
        app.sign_in(&staff, &email, PASSWORD)
            .await
            .status()
            .as_u16(),
        303
    );

    let res = app
        .admin_post(
            &admin,
            &format!("{base}/adgangskode"),
            &[("password", "kort")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("mindst 10 tegn"));
    let res = app
        .admin_post(
            &admin,
            &format!("{base}/adgangskode"),
            &[("password", "midlertidig-kode-7")],
        )
        .await;
    assert_eq!(location(&res), format!("{base}?besked=PasswordReset"));
    assert!(!signed_in_still(&app, &staff).await);
    assert_eq!(
        app.sign_in(&client(), &email, PASSWORD)
            .await
            .status()
            .as_u16(),
        401
    );
    assert_eq!(
        app.sign_in(&client(), &email, "midlertidig-kode-7")
            .await
            .status()
            .as_u16(),
        303
    );

    for action in [
        "role_changed",
        "sessions_ended",
        "user_disabled",
        "user_enabled",
        "password_reset",
    ] {
        assert_eq!(audited(&app, action).await.len(), 1, "{action}");
    }
    assert_eq!(
        audited(&app, "role_changed").await,
        [format!("{email}: manager → viewer")]
    );
    let log = fetch(&admin, &app.url("/admin/log")).await.1;
    assert!(
        log.contains("Rolle ændret") && log.contains("Bruger spærret"),
        "the log speaks Danish"
    );
}

#[tokio::test]
async fn the_last_administrator_stays_one_and_nobody_disables_themselves() {
    let (app, admin) = signed_in(Role::Admin).await;
    let me = user_id(&app, "admin@kommune.example").await;
    let mine = format!("/admin/brugere/{me}");
    let res = app
        .admin_post(&admin, &format!("{mine}/rolle"), &[("role", "viewer")])
        .await;
    assert_eq!(location(&res), format!("{mine}?fejl=LastAdmin"));
    let res = app
        .admin_post(&admin, &format!("{mine}/spaerring"), &[("disabled", "ja")])
        .await;
    assert_eq!(location(&res), format!("{mine}?fejl=NotYourself"));
    let page = fetch(&admin, &app.url(&format!("{mine}?fejl=LastAdmin")))
        .await
        .1;
    assert!(page.contains("mindst én aktiv administrator"));
    assert!(
        !page.contains("Spær brugeren"),
        "no button to disable oneself"
    );

    add_staff(&app, "kollega@kommune.example", Role::Admin).await;
    let other = user_id(&app, "kollega@kommune.example").await;
    let res = app
        .admin_post(
            &admin,
            &format!("/admin/brugere/{other}/spaerring"),
            &[("disabled", "ja")],
        )
        .await;
    assert_eq!(
        location(&res),
        format!("/admin/brugere/{other}?besked=UserDisabled")
    );
    let res = app
        .admin_post(&admin, &format!("{mine}/rolle"), &[("role", "viewer")])
        .await;
    assert_eq!(
        location(&res),
        format!("{mine}?fejl=LastAdmin"),
        "a disabled admin does not count"
    );

    app.admin_post(
        &admin,
        &format!("/admin/brugere/{other}/spaerring"),
        &[("disabled", "nej")],
    )
    .await;
    let res = app
        .admin_post(&admin, &format!("{mine}/rolle"), &[("role", "manager")])
        .await;
    assert_eq!(
        location(&res),
        "/admin?besked=RoleChanged",
        "away from a page no longer theirs"
    );
    let res = admin.get(app.url("/admin/brugere")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 403);
}

#[tokio::test]
async fn only_administrators_keep_accounts() {
    let (app, manager) = signed_in(Role::Manager).await;
    let me = user_id(&app, "manager@kommune.example").await;
    for (path, pairs) in [
        ("rolle", vec![("role", "admin")]),
        ("spaerring", vec![("disabled", "ja")]),
        ("log-ud", vec![]),
        ("adgangskode", vec![("password", "midlertidig-kode-7")]),
    ] {
        let res = app
            .admin_post(&manager, &format!("/admin/brugere/{me}/{path}"), &pairs)
            .await;
        assert_eq!(res.status().as_u16(), 403, "{path}");
    }
    assert_eq!(
        fetch(&manager, &app.url(&format!("/admin/brugere/{me}")))
            .await
            .0,
        403
    );
    let (_, admin) = (app.sign_in_as(&client(), Role::Admin).await, client());
    app.sign_in(&admin, "admin@kommune.example", PASSWORD).await;
    assert_eq!(fetch(&admin, &app.url("/admin/brugere/99999")).await.0, 404);
    let (role,): (String,) = sqlx::query_as("SELECT role FROM app_user WHERE id = $1")
        .bind(me)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(role, "manager");
}

/// The raw links queued for a body, oldest first.
async fn links(app: &TestApp, id: ConsultationId) -> Vec<String> {
    sqlx::query_as::<_, (String,)>(
        "SELECT link FROM outbox WHERE consultation_id = $1 AND link IS NOT NULL ORDER BY id",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap()
    .into_iter()
    .map(|(link,)| link.rsplit('/').next().unwrap().to_owned())
    .collect()
}

async fn link_works(app: &TestApp, token: &str, at: i64) -> bool {
    load_page(&app.db, token, Lang::Da, &[], Seen::Unverified, at)
        .await
        .is_ok()
}

#[tokio::test]
async fn a_reminder_supersedes_the_earlier_link_after_a_week() {
    let app = spawn_app().await;
    let (c, id) = hearing_with_bodies(&app, &[("Bestyrelse A", "a@x.dk")]).await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/paamind"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let [first, second] = links(&app, id).await.try_into().unwrap();
    let now = now_ms();
    assert!(link_works(&app, &first, now).await && link_works(&app, &second, now).await);
    let (status, _) = app.get_page(&client(), &first).await;
    assert_eq!(
        status, 200,
        "a member in the middle of a draft is not cut off"
    );
    let week = now + 7 * DAY_MS + 60_000;
    assert!(
        !link_works(&app, &first, week).await,
        "the superseded link ends"
    );
    assert!(
        link_works(&app, &second, week).await,
        "the newest link goes on"
    );
}

#[tokio::test]
async fn contact_data_of_a_closed_consultation_is_deleted_after_the_retention_period() {
    use app::backend::retention::purge_closed;
    use server::housekeeping::Housekeeping;
    let app = spawn_app().await;
    let (c, id) = hearing_with_bodies(
        &app,
        &[("Bestyrelse A", "a@x.dk"), ("Bestyrelse B", "b@x.dk")],
    )
    .await;
    app.admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    assert!(app.outbox_settled(std::time::Duration::from_secs(20)).await);
    let eml = || {
        std::fs::read_dir(app.mail_folder())
            .map(|d| d.count())
            .unwrap_or(0)
    };
    assert_eq!(eml(), 2);
    let [token, _] = links(&app, id).await.try_into().unwrap();
    let page = fetch(&client(), &app.url(&format!("/svar/{token}")))
        .await
        .1;
    let mut fields = fields_seen_on(&page, app_item(&app, id).await, "agree", "Fint");
    fields.push(intent("submit"));
    let body = client();
    app.post_form(&body, &token, &fields).await;
    app.post_form(&body, &token, &[intent("confirm_submit")])
        .await;
    assert!(app.outbox_settled(std::time::Duration::from_secs(20)).await);
    assert_eq!(eml(), 3, "and the receipt");

    app.admin_post(&c, &format!("/admin/hoering/{id}/luk"), &[])
        .await;
    let count = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            let (n,): (i64,) = sqlx::query_as(sql)
                .bind(id)
                .fetch_one(&db.read)
                .await
                .unwrap();
            n
        }
    };
    let addresses = "SELECT COUNT(*) FROM respondent_email e JOIN respondent r ON r.id = e.respondent_id WHERE r.consultation_id = $1";
    let mails = "SELECT COUNT(*) FROM outbox WHERE consultation_id = $1";
    let answers = "SELECT COUNT(*) FROM submitted_answer a JOIN response p ON p.id = a.response_id WHERE p.consultation_id = $1";
    assert_eq!(
        purge_closed(&app.db, 90, now_ms() + 89 * DAY_MS)
            .await
            .unwrap()
            .consultations,
        0
    );
    assert_eq!(count(addresses).await, 2, "kept within the period");

    // The housekeeping task with a one-day period, run a day and a bit after closing.
    sqlx::query("UPDATE consultation SET closed_at = $1 WHERE id = $2")
        .bind(now_ms() - DAY_MS - 1)
        .bind(id)
        .execute(&app.db.write)
        .await
        .unwrap();
    let answers_before = count(answers).await;
    assert!(answers_before > 0);
    Housekeeping {
        db: app.db.clone(),
        retention_days: 1,
        mail_folder: Some(app.mail_folder()),
    }
    .run_once()
    .await;
    assert_eq!((count(addresses).await, count(mails).await), (0, 0));
    let (texts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM outbox_body")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(texts, 0, "the mails' texts went with them");
    assert_eq!(eml(), 0, "the mail files went with the mails");
    assert_eq!(
        count(answers).await,
        answers_before,
        "the answers are the record"
    );
    assert!(!link_works(&app, &token, now_ms()).await, "the links stop");
    assert_eq!(
        audited(&app, "contacts_purged").await,
        ["2 adresser, 3 mails, efter 1 dage"],
        "two invitations and a receipt"
    );
    assert_eq!(
        purge_closed(&app.db, 1, now_ms())
            .await
            .unwrap()
            .consultations,
        0,
        "once"
    );

    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/aabn"), &[])
        .await;
    assert_eq!(
        res.status().as_u16(),
        422,
        "a purged consultation is not reopened"
    );
    assert!(res.text().await.unwrap().contains("opbevaringsfristen"));
    let other = create_hearing_via_ui(&app, &c, "Kopi").await;
    assert!(other > id, "other consultations are untouched");
}

#[tokio::test]
async fn a_consultation_left_open_is_purged_the_same_time_after_its_deadline() {
    use app::backend::manage::set_deadline;
    use app::backend::retention::purge_closed;
    let app = spawn_app().await;
    let token = app.add_body("Glemt høring").await;
    let now = now_ms();
    assert!(
        set_deadline(&app.db, app.consultation_id, now - DAY_MS / 2, now)
            .await
            .unwrap()
    );
    assert_eq!(
        purge_closed(&app.db, 1, now).await.unwrap().consultations,
        0,
        "not yet"
    );
    assert!(
        set_deadline(&app.db, app.consultation_id, now - 2 * DAY_MS, now)
            .await
            .unwrap()
    );
    let purged = purge_closed(&app.db, 1, now).await.unwrap();
    assert_eq!((purged.consultations, purged.addresses), (1, 1));
    let (status,): (String,) = sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
        .bind(app.consultation_id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(status, "closed", "and it is closed");
    assert!(!link_works(&app, &token, now).await);
}

async fn app_item(app: &TestApp, id: ConsultationId) -> ItemId {
    let (item,): (ItemId,) = sqlx::query_as("SELECT MIN(id) FROM item WHERE consultation_id = $1")
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    item
}

#[tokio::test]
async fn typed_names_and_titles_lose_their_bidi_controls() {
    let (app, c) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &c, "Plan").await;
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/parter"),
            &[
                ("name", "Bestyrelse \u{202E}gine\u{202C} مدرسة"),
                ("group", "Skolebestyrelse"),
                ("unit", ""),
                ("emails", "x@y.dk"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (name,): (String,) =
        sqlx::query_as("SELECT name FROM respondent WHERE consultation_id = $1")
            .bind(id)
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    assert_eq!(name, "Bestyrelse gine مدرسة", "Arabic letters stay");
}
