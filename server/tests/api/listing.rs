//! Long lists in the administration come a page at a time, searchable and filtered on
//! the server, without JavaScript.

use crate::helpers::*;
use app::backend::manage::{add_respondent, NewRespondent};
use app::backend::now_ms;
use app::model::admin::Role;

/// Rows of the bodies table on a consultation page.
fn body_rows(page: &str) -> usize {
    page.matches("<tr class=\"state-").count()
}

async fn with_bodies(n: usize) -> (TestApp, reqwest::Client) {
    let (app, client) = signed_in(Role::Manager).await;
    for i in 0..n {
        let (group, email) = if i % 2 == 0 {
            ("Skolebestyrelse", format!("sb{i}@skole.example"))
        } else {
            ("MED-udvalg", format!("med{i}@skole.example"))
        };
        add_respondent(
            &app.db,
            app.consultation_id,
            &NewRespondent {
                name: &format!("Part {i:03}"),
                group,
                unit: if i < 10 { "Nordskolen" } else { "Sydskolen" },
                emails: &[email.as_str()],
            },
            now_ms(),
        )
        .await
        .unwrap();
    }
    (app, client)
}

#[tokio::test]
async fn the_bodies_come_fifty_to_a_page_with_search_and_filters() {
    let (app, staff) = with_bodies(120).await;
    let base = app.url(&format!("/admin/hoering/{}", app.consultation_id));

    let (status, page) = fetch(&staff, &base).await;
    assert_eq!(status, 200);
    assert_eq!(body_rows(&page), 50);
    assert!(page.contains("Viser 1–50 af 120"), "the count is shown");
    assert!(page.contains("Side 1 af 3"));
    assert!(page.contains("Vis de 120, der mangler at svare"));

    let (_, last) = fetch(&staff, &format!("{base}?side=3")).await;
    assert_eq!(body_rows(&last), 20);
    assert!(last.contains("Viser 101–120 af 120"));
    let (_, beyond) = fetch(&staff, &format!("{base}?side=99")).await;
    assert_eq!(body_rows(&beyond), 20, "a page past the end shows the last");

    let (_, found) = fetch(&staff, &format!("{base}?q=part%20007")).await;
    assert_eq!(body_rows(&found), 1);
    assert!(found.contains("Part 007"));
    let (_, by_mail) = fetch(&staff, &format!("{base}?q=MED11%40")).await;
    assert_eq!(body_rows(&by_mail), 1, "search finds addresses, any case");
    let (_, literal) = fetch(&staff, &format!("{base}?q=%25")).await;
    assert_eq!(
        body_rows(&literal),
        0,
        "a % in the search is a character, not a wildcard"
    );
    assert!(literal.contains("Ingen høringsparter passer til søgningen."));

    let (_, group) = fetch(&staff, &format!("{base}?gruppe=MED-udvalg&side=2")).await;
    assert_eq!(body_rows(&group), 10);
    assert!(group.contains("Viser 51–60 af 60"));
    assert!(
        group.contains("gruppe=MED-udvalg&amp;side=1") || group.contains("rel=\"prev\""),
        "the pager keeps the filter"
    );
    let (_, unit) = fetch(&staff, &format!("{base}?enhed=Nordskolen")).await;
    assert_eq!(body_rows(&unit), 10);

    let token = app.add_body("Part 999 indsendt").await;
    let mut form = item_fields(app.item_ids[0], "agree", "", None);
    form.push(intent("submit"));
    let respondent = client();
    app.post_form(&respondent, &token, &form).await;
    app.post_form(&respondent, &token, &[intent("confirm_submit")])
        .await;
    let (_, submitted) = fetch(&staff, &format!("{base}?status=indsendt")).await;
    assert_eq!(body_rows(&submitted), 1);
    assert!(submitted.contains("Part 999 indsendt"));
    let (_, missing) = fetch(&staff, &format!("{base}?status=mangler")).await;
    assert!(missing.contains("Viser 1–50 af 120"));
    let (_, odd) = fetch(&staff, &format!("{base}?status=alt-muligt&side=x")).await;
    assert!(
        odd.contains("Viser 1–50 af 121"),
        "unknown words are ignored"
    );
}

#[tokio::test]
async fn the_database_refuses_a_second_body_of_the_same_name() {
    let app = spawn_app().await;
    app.add_body("Skolebestyrelsen").await;
    let again = add_respondent(
        &app.db,
        app.consultation_id,
        &NewRespondent {
            name: "SKOLEBESTYRELSEN",
            group: "Skolebestyrelse",
            unit: "",
            emails: &[],
        },
        now_ms(),
    )
    .await;
    assert!(
        again.is_err(),
        "the unique index holds whatever path inserts"
    );
}
