//! Targets (issue 11 §3, "hvad er godt nok?"): set on a survey question or an area from
//! the report, checked against the question's scale, judged over, near or under in
//! words on the report, the institution's sheet and the memo, audited, and taken along
//! when the survey is duplicated.

use crate::helpers::*;
use crate::survey::three_units_answered;
use app::model::admin::Role;

/// (id, code, kind, section id) of the survey's questions, in order.
async fn questions(app: &TestApp, id: ConsultationId) -> Vec<(i64, String, String, i64)> {
    sqlx::query_as(
        "SELECT i.id, i.code, i.kind, i.section_id FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.consultation_id = $1 ORDER BY s.position, i.position",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap()
}

fn find<'a>(
    questions: &'a [(i64, String, String, i64)],
    code: &str,
) -> &'a (i64, String, String, i64) {
    questions.iter().find(|q| q.1 == code).unwrap()
}

/// The report's card of question `item`.
fn card(page: &str, item: i64) -> String {
    let at = page.find(&format!("id=\"punkt-{item}\"")).unwrap();
    page[at..].split("</section>").next().unwrap().to_owned()
}

#[tokio::test]
async fn a_target_is_checked_against_the_scale_and_read_over_near_or_under() {
    let (app, id) = three_units_answered().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let all = questions(&app, id).await;
    let (first, _, _, area) = find(&all, "1.1").clone();
    let (second, ..) = find(&all, "1.2").clone();
    let nps = all.iter().find(|q| q.2 == "nps").unwrap().0;
    let text = all.iter().find(|q| q.2 == "text").unwrap().0;
    let post = |pairs: Vec<(&'static str, String)>| {
        let url = app.url(&format!("/admin/hoering/{id}/rapport/maal"));
        let c = c.clone();
        async move { c.post(url).form(&pairs).send().await.unwrap() }
    };
    let item = |item: i64, metric: &'static str, threshold: &str| {
        vec![
            ("item", item.to_string()),
            ("metric", metric.to_owned()),
            ("threshold", threshold.to_owned()),
            ("intent", "save".to_owned()),
        ]
    };

    // Bad input: each refused with its reason, what was typed kept, nothing stored.
    // (A free-text question has no form to keep the typing in.)
    for (pairs, message, form) in [
        (
            item(first, "positive", "mange"),
            "Skriv målet som et tal",
            true,
        ),
        (
            item(first, "positive", "120"),
            "Målet skal ligge inden for 0 … 100.",
            true,
        ),
        (
            item(first, "mean", "6"),
            "Målet skal ligge inden for 1 … 5.",
            true,
        ),
        (item(first, "nps", "20"), "Der kan kun sættes mål på", true),
        (item(nps, "mean", "4"), "Der kan kun sættes mål på", true),
        (
            item(text, "positive", "50"),
            "Der kan kun sættes mål på",
            false,
        ),
    ] {
        let typed = pairs[2].1.clone();
        let res = post(pairs).await;
        assert_eq!(res.status().as_u16(), 422, "{message}");
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{message}: {page}");
        assert!(
            !form || page.contains(&format!("value=\"{typed}\"")),
            "kept: {typed}"
        );
    }
    // A hearing has no targets.
    let hearing_item = app.item_ids[0];
    let res = c
        .post(app.url(&format!(
            "/admin/hoering/{}/rapport/maal",
            app.consultation_id
        )))
        .form(&item(hearing_item.get(), "positive", "50"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM target")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(stored, 0, "nothing half-saved");

    // Over (nobody can be under 0 %) and under (the answers spread over the scale).
    let res = post(item(first, "positive", "0")).await;
    assert_eq!(
        location(&res),
        format!("/admin/hoering/{id}/rapport?besked=TargetSaved#punkt-{first}")
    );
    let res = post(item(nps, "nps", "100")).await;
    assert_eq!(res.status().as_u16(), 303);
    // An area's target holds for its questions without their own.
    let res = post(vec![
        ("section", area.to_string()),
        ("metric", "mean".into()),
        ("threshold", "4,8".into()),
        ("intent", "save".into()),
    ])
    .await;
    assert_eq!(
        location(&res),
        format!("/admin/hoering/{id}/rapport?besked=TargetSaved#omraade-{area}")
    );
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    let mine = card(&page, first);
    assert!(
        mine.contains("Over målet") && mine.contains("Mål: ≥ 0 % positive"),
        "{mine}"
    );
    assert!(!mine.contains("områdets mål"), "its own target wins");
    let theirs = card(&page, second);
    assert!(theirs.contains("Under målet"), "{theirs}");
    assert!(
        theirs.contains("Mål: gns. ≥ 4,8 (områdets mål)"),
        "{theirs}"
    );
    assert!(card(&page, nps).contains("Mål: NPS ≥ 100"));
    assert!(page.contains("Mål for områder"));

    // The institution's sheet: under each figure where it stands; a suppressed column
    // cannot be judged.
    let (_, sheet) = fetch(
        &c,
        &app.url(&format!("/admin/hoering/{id}/enhed?institution=Nordskolen")),
    )
    .await;
    assert!(sheet.contains("Mål: ≥ 0 % positive"), "{sheet}");
    assert!(sheet.matches("Over målet").count() >= 2, "unit and whole");
    let (_, sheet) = fetch(
        &c,
        &app.url(&format!("/admin/hoering/{id}/enhed?institution=Sydskolen")),
    )
    .await;
    assert!(sheet.contains("Kan ikke vurderes"), "{sheet}");
    // The memo prints it.
    let (_, memo) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/notat"))).await;
    assert!(memo.contains("Mål: gns. ≥ 4,8 (områdets mål)"));

    // Removed, and every change in the audit log.
    let res = post(vec![
        ("item", first.to_string()),
        ("intent", "remove".into()),
    ])
    .await;
    assert_eq!(
        location(&res),
        format!("/admin/hoering/{id}/rapport?besked=TargetRemoved#punkt-{first}")
    );
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert!(
        card(&page, first).contains("(områdets mål)"),
        "the area's again"
    );
    assert_eq!(
        audited(&app, "target_changed").await,
        [
            "1.1: ≥ 0 % positive",
            "6.1: NPS ≥ 100",
            "Arbejdsglæde og engagement: gns. ≥ 4,8",
            "1.1: fjernet"
        ]
    );

    // A copy for next year takes the targets along.
    let res = app
        .admin_post(&c, &format!("/admin/hoering/{id}/kopier"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let copied: Vec<(String, i64)> = sqlx::query_as(
        "SELECT metric, threshold FROM target
         WHERE consultation_id = (SELECT MAX(id) FROM consultation) ORDER BY metric",
    )
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    assert_eq!(
        copied,
        [("mean".to_owned(), 480), ("nps".to_owned(), 10000)]
    );

    // A reader sees the targets and no form, and cannot post one.
    let reader = client();
    app.sign_in_as(&reader, Role::Viewer).await;
    let (_, page) = fetch(&reader, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert!(page.contains("Mål: NPS ≥ 100") && !page.contains("Gem mål"));
    let res = reader
        .post(app.url(&format!("/admin/hoering/{id}/rapport/maal")))
        .form(&item(first, "positive", "50"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
}
