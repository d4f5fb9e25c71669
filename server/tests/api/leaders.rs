//! Unit leaders (issue 11 §1): an administrator gives a leader institutions, audited;
//! the leader sees their own institutions beside the whole municipality and can
//! never reach another institution's figures by any page, download, query parameter
//! or server function — each refusal a 403 in the audit log.

use crate::helpers::*;
use crate::survey::{staff_survey, three_units_answered};
use app::model::admin::Role;
use app::model::listing::encode_query;

/// Gives the leader `email` the institutions, as an administrator does on the user
/// page.
async fn assign(app: &TestApp, admin: &reqwest::Client, email: &str, units: &[&str]) {
    let id = user_id(app, email).await;
    for unit in units {
        let res = app
            .admin_post(
                admin,
                &format!("/admin/brugere/{id}/institutioner"),
                &[("unit", unit)],
            )
            .await;
        assert_eq!(res.status().as_u16(), 303, "{unit} assigned");
    }
}

/// The app with three units' answers, and a client signed in as the leader of
/// Nordskolen and Østskolen.
async fn leader_of_two() -> (TestApp, ConsultationId, reqwest::Client) {
    let (app, id) = three_units_answered().await;
    let admin = client();
    app.sign_in_as(&admin, Role::Admin).await;
    let leader = client();
    let email = app.sign_in_as(&leader, Role::Leader).await;
    assign(&app, &admin, &email, &["Nordskolen", "Østskolen"]).await;
    (app, id, leader)
}

/// `?institution=<unit>`, encoded as the pages write it.
fn unit_query(unit: &str) -> String {
    encode_query(&[("institution", unit.to_owned())])
}

fn sheet(id: ConsultationId, unit: &str) -> String {
    format!("/admin/hoering/{id}/enhed{}", unit_query(unit))
}

#[tokio::test]
async fn an_administrator_gives_a_leader_institutions_and_every_change_is_audited() {
    let (app, admin) = signed_in(Role::Admin).await;
    let res = app
        .admin_post(
            &admin,
            "/admin/brugere",
            &[
                ("name", "Lars Skoleleder"),
                ("email", "lars@kommune.example"),
                ("password", "korrekt-hest-batteri"),
                ("role", "leader"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let id = user_id(&app, "lars@kommune.example").await;
    let units = format!("/admin/brugere/{id}/institutioner");

    // Bad input: nothing typed, too long, then one that is already there.
    let res = app.admin_post(&admin, &units, &[("unit", "  ")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("Skriv enhedens navn."));
    let long = "x".repeat(201);
    let res = app.admin_post(&admin, &units, &[("unit", &long)]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("højst 200 tegn"));
    let res = app
        .admin_post(&admin, &units, &[("unit", " Nordskolen ")])
        .await;
    assert_eq!(
        location(&res),
        format!("/admin/brugere/{id}?besked=UnitAssigned")
    );
    let res = app
        .admin_post(&admin, &units, &[("unit", "Nordskolen")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(
        page.contains("har allerede institutionen »Nordskolen«"),
        "{page}"
    );
    assert!(
        page.contains("value=\"Nordskolen\""),
        "what was typed stays"
    );
    app.admin_post(&admin, &units, &[("unit", "Engskolen")])
        .await;

    // The user page and the list show them.
    let (_, page) = fetch(&admin, &app.url(&format!("/admin/brugere/{id}"))).await;
    assert!(page.contains("Fjern Engskolen") && page.contains("Fjern Nordskolen"));
    let (_, list) = fetch(&admin, &app.url("/admin/brugere")).await;
    assert!(list.contains("Engskolen, Nordskolen"), "{list}");

    let res = app
        .admin_post(&admin, &format!("{units}/fjern"), &[("unit", "Engskolen")])
        .await;
    assert_eq!(
        location(&res),
        format!("/admin/brugere/{id}?besked=UnitRemoved")
    );
    assert_eq!(
        audited(&app, "unit_assigned").await,
        [
            "lars@kommune.example: Nordskolen",
            "lars@kommune.example: Engskolen"
        ]
    );
    assert_eq!(
        audited(&app, "unit_removed").await,
        ["lars@kommune.example: Engskolen"]
    );

    // Only a leader has institutions; one who stops being a leader loses them.
    let res = app
        .admin_post(
            &admin,
            &format!("/admin/brugere/{id}/rolle"),
            &[("role", "viewer")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (left,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM leader_unit WHERE user_id = $1")
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(left, 0);
    assert!(audited(&app, "role_changed").await[0].contains("1 institutioner fjernet"));
    let res = app
        .admin_post(&admin, &units, &[("unit", "Nordskolen")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Kun en bruger med rollen Leder kan have institutioner."));

    // A leader cannot give themselves more.
    let leader = client();
    let email = app.sign_in_as(&leader, Role::Leader).await;
    let me = user_id(&app, &email).await;
    let res = app
        .admin_post(
            &leader,
            &format!("/admin/brugere/{me}/institutioner"),
            &[("unit", "Sydskolen")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(audited(&app, "access_refused")
        .await
        .contains(&format!("/admin/brugere/{me}/institutioner")));
}

#[tokio::test]
async fn a_leader_sees_their_own_institutions_beside_the_whole_and_nothing_else() {
    let (app, id, leader) = leader_of_two().await;
    // The start page: the survey, once per institution of theirs, with its rate.
    let (status, home) = fetch(&leader, &app.url("/admin")).await;
    assert_eq!(status, 200);
    assert!(home.contains("Mine institutioner"));
    assert!(home.contains("Dine institutioner: Nordskolen, Østskolen."));
    assert!(home.contains(&sheet(id, "Nordskolen").replace('&', "&amp;")));
    assert!(home.contains("8 af 8"), "Nordskolen's rate: {home}");
    assert!(home.contains("3 af 3"), "Østskolen's rate");
    assert!(
        !home.contains("Sydskolen"),
        "no other unit on the start page"
    );
    assert!(!home.contains("Ny høring"), "nothing to create");

    // Nordskolen beside the whole, and nothing of Sydskolen anywhere in the page
    // (nor in the data the page carries for the browser).
    let (status, page) = fetch(&leader, &app.url(&sheet(id, "Nordskolen"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Nordskolen</h1>") && page.contains("Hele kommunen"));
    assert!(page.contains("Tilbage til mine institutioner"));
    assert!(!page.contains("Sydskolen"), "another unit's name leaked");
    assert!(!page.contains("Svar nr."), "no free text");
    // Østskolen's three are below the minimum: its own column says so.
    let (status, page) = fetch(&leader, &app.url(&sheet(id, "Østskolen"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("Færre end 5 svar"));

    // Its figures as CSV, suppressed alike.
    let csv_of = |unit: &str| {
        app.url(&format!(
            "/admin/hoering/{id}/eksport/enhed.csv{}",
            unit_query(unit)
        ))
    };
    let res = leader.get(csv_of("Nordskolen")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let csv = String::from_utf8_lossy(&res.bytes().await.unwrap()).into_owned();
    assert!(
        csv.contains("Nordskolen") && !csv.contains("Sydskolen"),
        "{csv}"
    );
    let res = leader.get(csv_of("Østskolen")).send().await.unwrap();
    let csv = String::from_utf8_lossy(&res.bytes().await.unwrap()).into_owned();
    assert!(csv.contains("Færre end 5 svar"), "{csv}");
    assert!(audited(&app, "exported")
        .await
        .contains(&"enhed.csv (Nordskolen)".to_owned()));
}

#[tokio::test]
async fn a_leader_cannot_reach_another_institution_by_any_route() {
    let (app, id, leader) = leader_of_two().await;
    let refused = [
        // Another unit's sheet, spelt as typed, as another case, with a space.
        sheet(id, "Sydskolen"),
        sheet(id, "nordskolen"),
        sheet(id, "Nordskolen "),
        sheet(id, ""),
        format!("/admin/hoering/{id}/enhed"),
        // The administration's pages of the consultation.
        format!("/admin/hoering/{id}"),
        format!("/admin/hoering/{id}/rapport"),
        format!("/admin/hoering/{id}/rapport?institution=Nordskolen"),
        format!("/admin/hoering/{id}/notat"),
        format!("/admin/hoering/{id}/plakater"),
        "/admin/udbakke".to_owned(),
        "/admin/brugere".to_owned(),
        "/admin/log".to_owned(),
        // Every download but their own unit's.
        format!("/admin/hoering/{id}/eksport/svar.csv"),
        format!("/admin/hoering/{id}/eksport/opsummering.csv"),
        format!("/admin/hoering/{id}/eksport/generelle-kommentarer.csv"),
        format!("/admin/hoering/{id}/eksport/beslutningsgrundlag.xlsx"),
        format!("/admin/hoering/{id}/eksport/enhed.csv?institution=Sydskolen"),
        format!("/admin/hoering/{id}/eksport/enhed.csv"),
    ];
    for path in &refused {
        let res = leader.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 403, "{path}");
        let body = res.text().await.unwrap();
        assert!(body.contains("Ingen adgang"), "{path}: {body}");
        assert!(!body.contains("% positive"), "{path} shows no figures");
    }
    // The same unit named twice: the page never shows Sydskolen's figures.
    let twice = format!("{}&institution=Sydskolen", sheet(id, "Nordskolen"));
    let res = leader.get(app.url(&twice)).send().await.unwrap();
    let status = res.status().as_u16();
    let body = res.text().await.unwrap();
    assert!(status == 403 || !body.contains("Sydskolen"), "{status}");

    // The server functions behind the pages, called directly.
    let call = |endpoint: &str, form: Vec<(&'static str, String)>| {
        leader
            .post(app.url(&format!("/api/admin/{endpoint}")))
            .form(&form)
            .send()
    };
    let id_field = || ("id", id.to_string());
    for (endpoint, form) in [
        ("memo", vec![id_field()]),
        ("posters", vec![id_field()]),
        ("progress", vec![id_field()]),
        ("unit-sheet", vec![id_field(), ("unit", "Sydskolen".into())]),
        ("users", vec![]),
    ] {
        let res = call(endpoint, form).await.unwrap();
        assert_eq!(res.status().as_u16(), 403, "{endpoint}");
    }
    let res = call(
        "unit-sheet",
        vec![id_field(), ("unit", "Nordskolen".into())],
    )
    .await
    .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let data = res.text().await.unwrap();
    assert!(
        data.contains("Nordskolen") && !data.contains("Sydskolen"),
        "{data}"
    );

    // Actions of the administration are refused too, and change nothing.
    let res = app
        .admin_post(&leader, &format!("/admin/hoering/{id}/luk"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let (status,): (String,) = sqlx::query_as("SELECT status FROM consultation WHERE id = $1")
        .bind(id)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(status, "open");

    // Every refusal is in the audit log, with what was asked for.
    let log = audited(&app, "access_refused").await;
    assert!(log.iter().any(|d| d == "enhed «Sydskolen»"), "{log:?}");
    assert!(log.iter().any(|d| d == "enhed «nordskolen»"));
    assert!(log.iter().any(|d| d == "eksport svar.csv"));
    assert!(log.iter().any(|d| d.ends_with("/rapport")));
    assert!(log.iter().any(|d| d.ends_with("/luk")));
    assert!(
        log.len() >= refused.len() + 5,
        "{} refusals logged",
        log.len()
    );
}

#[tokio::test]
async fn a_draft_shows_no_leader_anything_and_a_leader_without_units_is_told_why() {
    let (app, _, leader) = leader_of_two().await;
    // A draft survey that covers Nordskolen: not listed, and its sheet refused.
    let (draft, _) = staff_survey(&app, &[("Nordskolen", 6)]).await;
    sqlx::query("UPDATE consultation SET status = 'draft' WHERE id = $1")
        .bind(draft)
        .execute(&app.db.write)
        .await
        .unwrap();
    let (_, home) = fetch(&leader, &app.url("/admin")).await;
    assert!(
        !home.contains(&format!("/admin/hoering/{draft}/")),
        "{home}"
    );
    let res = leader
        .get(app.url(&sheet(draft, "Nordskolen")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);

    // A leader nobody has given an institution yet.
    let (app, new) = signed_in(Role::Leader).await;
    let (status, home) = fetch(&new, &app.url("/admin")).await;
    assert_eq!(status, 200);
    assert!(home.contains("Du har ingen institutioner endnu."), "{home}");
}
