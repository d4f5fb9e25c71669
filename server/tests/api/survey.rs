//! Surveys through the hearing pipeline: anonymous submission that the database
//! cannot link back to a person, the minimum group size in the report and the
//! exports, and the item kinds through the form post.

use crate::helpers::{
    client, fetch, intent, item_fields, spawn_app, ConsultationId, ItemId, TestApp, DAY_MS,
};
use app::backend::manage::{add_respondent, create_hearing, NewRespondent};
use app::backend::template::{Template, STAFF_WELLBEING};
use app::backend::{now_ms, open_link};
use app::model::admin::Role;
use app::model::ConsultationStatus;
use rand::seq::SliceRandom;

/// An open staff survey with `units` (name, staff) and every person's token.
pub(crate) async fn staff_survey(
    app: &TestApp,
    units: &[(&str, usize)],
) -> (ConsultationId, Vec<(String, String)>) {
    let id = open_survey(app, &STAFF_WELLBEING).await;
    let mut people = Vec::new();
    for (unit, staff) in units {
        people.extend(invite(app, id, unit, *staff).await);
    }
    (id, people)
}

/// An open survey of `template`, with no one invited yet.
async fn open_survey(app: &TestApp, template: &Template) -> ConsultationId {
    create_hearing(
        &app.db,
        template,
        ConsultationStatus::Open,
        now_ms() + 14 * DAY_MS,
        now_ms(),
    )
    .await
    .unwrap()
}

/// Invites `staff` people of `unit` to survey `id`: (unit, token) each.
async fn invite(
    app: &TestApp,
    id: ConsultationId,
    unit: &str,
    staff: usize,
) -> Vec<(String, String)> {
    let mut people = Vec::new();
    for n in 0..staff {
        let name = format!("{unit} medarbejder {n}");
        let email = format!("m{n}@{}.example.dk", unit.to_lowercase().replace(' ', "-"));
        let (_, token) = add_respondent(
            &app.db,
            id,
            &NewRespondent {
                name: &name,
                group: "Medarbejdere",
                unit,
                emails: &[email.as_str()],
            },
            now_ms(),
        )
        .await
        .unwrap();
        people.push((unit.to_string(), token.as_str().to_owned()));
    }
    people
}

/// The survey's items: (id, kind name).
pub(crate) async fn items(app: &TestApp, id: ConsultationId) -> Vec<(ItemId, String)> {
    sqlx::query_as("SELECT id, kind FROM item WHERE consultation_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&app.db.read)
        .await
        .unwrap()
}

/// A whole answer to the staff survey, leaning by `seed`, submitted by form post.
pub(crate) fn answers(items: &[(ItemId, String)], seed: usize) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for (n, (id, kind)) in items.iter().enumerate() {
        let value = match kind.as_str() {
            "likert5" => ((seed + n) % 5 + 1).to_string(),
            "nps" => ((seed * 3 + n) % 11).to_string(),
            _ => format!("Svar nr. {seed}"),
        };
        pairs.extend(item_fields(*id, &value, "", None));
    }
    pairs.push(intent("submit"));
    pairs
}

#[tokio::test]
async fn anonymous_answers_keep_no_link_to_the_person_who_gave_them() {
    let app = spawn_app().await;
    let (id, mut people) = staff_survey(&app, &[("Nordskolen", 25), ("Sydskolen", 25)]).await;
    let items = items(&app, id).await;
    people.shuffle(&mut rand::thread_rng());
    for (n, (_, token)) in people.iter().enumerate() {
        let res = app.post_form(&client(), token, &answers(&items, n)).await;
        assert_eq!(res.status().as_u16(), 303, "submission {n}");
        assert!(crate::helpers::location(&res).ends_with("/kvittering"));
    }

    // No draft, and no answered row keeps a respondent, a fine time or a sequence.
    let (drafts,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM answer")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(drafts, 0, "the drafts are gone");
    let rows: Vec<(i64, Option<i64>, i64, i64, String)> = sqlx::query_as(
        "SELECT id, respondent_id, submitted_at, updated_at, unit FROM response
         WHERE consultation_id = $1",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    assert_eq!(rows.len(), 50);
    assert!(rows.iter().all(|r| r.1.is_none()), "no respondent");
    assert!(
        rows.iter().all(|r| r.2 % DAY_MS == 0 && r.3 % DAY_MS == 0),
        "no time finer than the day"
    );
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut sorted = ids.clone();
    sorted.sort();
    let (respondents,): (i64,) = sqlx::query_as("SELECT MAX(id) FROM respondent")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert!(
        sorted.windows(2).any(|w| w[1] - w[0] > 1_000_000) && sorted[0] > respondents,
        "random ids, not a sequence: {sorted:?}"
    );
    // SQLite keeps the answers in the order of those random ids, not of arrival (a
    // table without rowid). PostgreSQL has no such table: its heap keeps rows in
    // roughly the order they came (see README, "Two engines"); the ids stay random.
    let stored: Vec<(i64,)> = sqlx::query_as("SELECT DISTINCT response_id FROM submitted_answer")
        .fetch_all(&app.db.read)
        .await
        .unwrap();
    let mut stored: Vec<i64> = stored.into_iter().map(|(r,)| r).collect();
    if !crate::helpers::on_postgres() {
        assert_eq!(stored, sorted, "stored in the order of the random ids");
    }
    stored.sort();
    assert_eq!(stored, sorted);
    // Every invitation knows only that it answered.
    let (answered,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM respondent WHERE consultation_id = $1 AND state = 'submitted'",
    )
    .bind(id)
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(answered, 50);
    // No column of any response row holds a token or an invitation id.
    let (linked,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM response rs JOIN invitation i ON i.id = rs.id
         OR i.respondent_id = rs.respondent_id",
    )
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(linked, 0);

    // The link now says it was answered and cannot be edited; another post is refused.
    let (_, token) = &people[0];
    let c = client();
    let (status, page) = app.get_page(&c, token).await;
    assert_eq!(status, 200);
    assert!(page.contains("gemt anonymt"), "{page}");
    let res = app.post_form(&c, token, &answers(&items, 1)).await;
    assert_eq!(res.status().as_u16(), 403);
    let (_, receipt) = fetch(&c, &app.url(&format!("/svar/{token}/kvittering"))).await;
    assert!(receipt.contains("Tak for dit svar"));
    assert!(
        !receipt.contains("Svar nr."),
        "the receipt shows no answers"
    );
}

/// Everyone in Nordskolen (8), Sydskolen (7) and Østskolen (3) has answered.
pub(crate) async fn three_units_answered() -> (TestApp, ConsultationId) {
    let app = spawn_app().await;
    let (id, people) = staff_survey(
        &app,
        &[("Nordskolen", 8), ("Sydskolen", 7), ("Østskolen", 3)],
    )
    .await;
    let items = items(&app, id).await;
    for (n, (_, token)) in people.iter().enumerate() {
        let res = app.post_form(&client(), token, &answers(&items, n)).await;
        assert_eq!(res.status().as_u16(), 303);
    }
    (app, id)
}

#[tokio::test]
async fn a_unit_below_the_minimum_is_hidden_with_the_next_smallest_and_its_text_unattributed() {
    let (app, id) = three_units_answered().await;
    let c = client();
    app.sign_in_as(&c, Role::Viewer).await;
    let (status, page) = fetch(
        &c,
        &app.url(&format!("/admin/hoering/{id}/rapport?opdeling=enhed")),
    )
    .await;
    assert_eq!(status, 200);
    // Østskolen (3) is below 5; alone it could be worked out from the total, so the
    // next smallest, Sydskolen (7), is hidden too. Nordskolen (8) shows.
    // The first item's table (the response rates above it show every unit).
    let item = &page[page.find("class=\"card report-item\"").unwrap()..];
    let table = &item[item.find("class=\"tally-table\"").unwrap()..];
    let row = |unit: &str| {
        let at = table
            .find(&format!("<th scope=\"row\">{unit}</th>"))
            .unwrap();
        table[at..].split("</tr>").next().unwrap().to_owned()
    };
    assert!(
        row("Østskolen").contains("Færre end 5 svar"),
        "{}",
        row("Østskolen")
    );
    assert!(row("Sydskolen").contains("Færre end 5 svar"));
    assert!(!row("Nordskolen").contains("Færre end 5 svar"));
    assert!(row("Nordskolen").contains("%"));
    // Free text is shown in the total, with no name or unit.
    assert!(page.contains("Svar nr. 0"));
    assert!(!page.contains("medarbejder 0"));
}

#[tokio::test]
async fn a_filter_below_the_minimum_shows_nothing_but_the_message() {
    let app = spawn_app().await;
    let (id, people) = staff_survey(&app, &[("Nordskolen", 4)]).await;
    let items = items(&app, id).await;
    for (n, (_, token)) in people.iter().enumerate() {
        app.post_form(&client(), token, &answers(&items, n)).await;
    }
    let c = client();
    app.sign_in_as(&c, Role::Viewer).await;
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert!(page.contains("Færre end 5 svar"));
    assert!(!page.contains("class=\"seg "), "no bar");
    let items = &page[page.find("class=\"card report-item\"").unwrap()..];
    let tables = items.split("class=\"tally-table\"").skip(1);
    for table in tables {
        let table = table.split("</table>").next().unwrap();
        assert!(!table.contains("class=\"share\""), "no figure: {table}");
    }
    // The summary export shows the message where the figures would be.
    let csv = c
        .get(app.url(&format!("/admin/hoering/{id}/eksport/opsummering.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Færre end 5 svar"), "{csv}");
    assert!(
        !csv.contains(",0\"") && !csv.contains("\"100,0\""),
        "no share: {csv}"
    );

    assert!(!page.contains("Svar nr."), "no free text");
}

#[tokio::test]
async fn multiple_choice_and_scale_values_are_checked_by_kind() {
    let app = spawn_app().await;
    let (id, people) = staff_survey(&app, &[("Nordskolen", 1)]).await;
    let items = items(&app, id).await;
    let likert = items.iter().find(|(_, k)| k == "likert5").unwrap().0;
    let nps = items.iter().find(|(_, k)| k == "nps").unwrap().0;
    let token = &people[0].1;
    let mut pairs = item_fields(likert, "6", "", None);
    pairs.extend(item_fields(nps, "11", "", None));
    pairs.push(intent("save"));
    let res = app.post_form(&client(), token, &pairs).await;
    assert_eq!(res.status().as_u16(), 422);
    let mut pairs = item_fields(likert, "dont_know", "", None);
    pairs.extend(item_fields(nps, "10", "", None));
    pairs.push(intent("save"));
    let res = app.post_form(&client(), token, &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        app.answer(likert).await.unwrap().0,
        "dont_know",
        "ved ikke kept apart"
    );
}

#[tokio::test]
async fn a_survey_from_a_sheet_asks_its_required_question_and_takes_ticked_boxes() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let sheet = "område;nr;tekst;type;svarmuligheder;obligatorisk\n\
                 Om dig;1;Hvilket tilbud går dit barn i?;enkeltvalg;Dagtilbud|Skole;ja\n\
                 Om dig;2;Hvad bruger I?;flervalg;SFO|Klub, fritidscenter|Ingen;\n\
                 Trivsel;3;Mit barn trives.;likert5;;\n";
    let res = app
        .post_create(
            &c,
            "Forældretilfredshed",
            "survey_sheet",
            Some(("f.csv", sheet.into())),
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let preview = crate::helpers::location(&res);
    let (_, page) = fetch(&c, &app.url(&preview)).await;
    assert!(page.contains("enkeltvalg") && page.contains("Klub, fritidscenter"));
    app.admin_post(&c, &format!("{preview}/gem"), &[]).await;
    let id: ConsultationId = preview.split('/').nth(3).unwrap().parse().unwrap();
    let (kind, anonymous): (String, i64) =
        sqlx::query_as("SELECT kind, CAST(anonymous AS INTEGER) FROM consultation WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    assert_eq!((kind.as_str(), anonymous), ("survey", 1));
    sqlx::query("UPDATE consultation SET status = 'open' WHERE id = $1")
        .bind(id)
        .execute(&app.db.write)
        .await
        .unwrap();
    let (_, token) = add_respondent(
        &app.db,
        id,
        &NewRespondent {
            name: "Forælder",
            group: "Forældre",
            unit: "Nordskolen",
            emails: &["f@example.dk"],
        },
        now_ms(),
    )
    .await
    .unwrap();
    let items = items(&app, id).await;
    let (choice, boxes, likert) = (items[0].0, items[1].0, items[2].0);
    let (_, page) = app.get_page(&client(), token.as_str()).await;
    assert!(page.contains("(skal besvares)"));

    // The boxes ticked without JavaScript, the required question left blank: the
    // draft is kept, nothing is submitted, and the message stands by the question.
    let mut pairs = item_fields(boxes, "", "", None);
    pairs.push((format!("m{boxes}"), "Klub, fritidscenter".into()));
    pairs.push((format!("m{boxes}"), "SFO".into()));
    pairs.extend(item_fields(likert, "4", "", None));
    pairs.push(intent("confirm_submit"));
    let res = app.post_form(&client(), token.as_str(), &pairs).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("Dette spørgsmål skal besvares"), "{page}");
    assert!(page.contains("Spørgsmål 1"));
    assert_eq!(
        app.answer(boxes).await.unwrap().0,
        r#"["SFO","Klub, fritidscenter"]"#,
        "stored in the options' order, the comma intact"
    );
    let (submitted,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM response WHERE consultation_id = $1 AND submitted_at IS NOT NULL",
    )
    .bind(id)
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(submitted, 0);

    let (_, page) = app.get_page(&client(), token.as_str()).await;
    let mut pairs = crate::helpers::fields_seen_on(&page, choice, "Skole", "");
    pairs.push(intent("confirm_submit"));
    let res = app.post_form(&client(), token.as_str(), &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    let (value,): (String,) =
        sqlx::query_as("SELECT sa.value FROM submitted_answer sa WHERE sa.item_id = $1")
            .bind(boxes)
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    assert_eq!(value, r#"["SFO","Klub, fritidscenter"]"#);
}

/// An open survey with one open link for `unit` (with `access_code`), made through
/// the administration's form; returns the survey and the link's path.
async fn open_link_survey(
    app: &TestApp,
    unit: &str,
    access_code: &str,
) -> (ConsultationId, String) {
    let (id, _) = staff_survey(app, &[]).await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/aabne-links"),
            &[
                ("unit", unit),
                ("group", "Forældre"),
                ("access_code", access_code),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (code,): (String,) =
        sqlx::query_as("SELECT code FROM open_link WHERE consultation_id = $1")
            .bind(id)
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    (id, format!("/u/{code}"))
}

#[tokio::test]
async fn an_open_link_starts_an_answer_in_its_unit_and_the_browser_keeps_it() {
    let app = spawn_app().await;
    let (id, link) = open_link_survey(&app, "Børnehuset Kastanjen", "").await;
    let items = items(&app, id).await;
    let browser = client();
    let (status, page) = fetch(&browser, &app.url(&link)).await;
    assert_eq!(status, 200);
    assert!(page.contains("Børnehuset Kastanjen") && page.contains(">Start<"));
    let (started,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM respondent")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(started, 0, "looking at the page starts nothing");

    // A forged unit in the post is ignored: the unit comes from the link.
    let res = browser
        .post(app.url(&link))
        .form(&[("unit", "Engskolen"), ("group", "Ledere")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let personal = crate::helpers::location(&res);
    assert!(personal.starts_with("/svar/"));
    // Back at the open link, the browser is sent to its draft.
    let res = browser.get(app.url(&link)).send().await.unwrap();
    assert_eq!(crate::helpers::location(&res), personal);

    let token = personal.trim_start_matches("/svar/");
    let res = app.post_form(&browser, token, &answers(&items, 3)).await;
    assert_eq!(res.status().as_u16(), 303);
    let (unit, group): (String, String) = sqlx::query_as(
        "SELECT unit, group_name FROM response WHERE consultation_id = $1 AND submitted_at IS NOT NULL",
    )
    .bind(id)
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(
        (unit.as_str(), group.as_str()),
        ("Børnehuset Kastanjen", "Forældre")
    );
    // Answered: the link asks whether to answer again.
    let (_, page) = fetch(&browser, &app.url(&link)).await;
    assert!(page.contains("allerede svaret") && page.contains("Svar igen"));
}

#[tokio::test]
async fn an_access_code_and_the_rate_limit_are_enforced_with_danish_pages() {
    let app = spawn_app().await;
    let (_, link) = open_link_survey(&app, "Nordskolen", "sol42").await;
    let start = |c: reqwest::Client, code: &'static str| {
        let url = app.url(&link);
        async move {
            c.post(url)
                .form(&[("access_code", code)])
                .send()
                .await
                .unwrap()
        }
    };
    let c = client();
    let res = start(c.clone(), "måne").await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Adgangskoden passer ikke"));
    for n in 0..open_link::STARTS_PER_WINDOW {
        let res = start(client(), " SOL42 ").await;
        assert_eq!(res.status().as_u16(), 303, "start {n}");
    }
    let res = start(c, "sol42").await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("mange svar fra denne adresse"));
}

#[tokio::test]
async fn an_open_link_of_a_closed_survey_says_so_and_starts_nothing() {
    let app = spawn_app().await;
    let (id, link) = open_link_survey(&app, "Nordskolen", "").await;
    sqlx::query("UPDATE consultation SET status = 'closed' WHERE id = $1")
        .bind(id)
        .execute(&app.db.write)
        .await
        .unwrap();
    let c = client();
    let (status, page) = fetch(&c, &app.url(&link)).await;
    assert_eq!(status, 200);
    assert!(page.contains("lukket") || page.contains("Lukket"), "{page}");
    assert!(!page.contains(">Start<"));
    let res = c.post(app.url(&link)).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let (unknown, _) = fetch(&c, &app.url("/u/ikkeetlink12")).await;
    assert_eq!(unknown, 404);
}

#[tokio::test]
async fn a_hearing_gets_no_open_link_and_posters_carry_a_qr_code() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{}/aabne-links", app.consultation_id),
            &[("unit", "Nordskolen"), ("group", "Forældre")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 404, "a hearing has no open links");

    let (id, link) = open_link_survey(&app, "Nordskolen", "").await;
    let (status, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/plakater"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("<svg") && page.contains(&link), "{page}");
}

#[tokio::test]
async fn one_unit_beside_the_whole_is_suppressed_as_among_all_units() {
    let (app, id) = three_units_answered().await;
    let c = client();
    app.sign_in_as(&c, Role::Viewer).await;
    let table_of = |page: &str| {
        let item = &page[page.find("class=\"card report-item\"").unwrap()..];
        let table = &item[item.find("class=\"tally-table\"").unwrap()..];
        table.split("</table>").next().unwrap().to_owned()
    };
    // Nordskolen beside the whole: its figures, the whole's, and no other unit.
    let (status, page) = fetch(
        &c,
        &app.url(&format!(
            "/admin/hoering/{id}/rapport?institution=Nordskolen"
        )),
    )
    .await;
    assert_eq!(status, 200);
    let table = table_of(&page);
    assert!(table.contains(">Nordskolen<") && table.contains(">I alt<"));
    assert!(!table.contains("Sydskolen") && !table.contains("Færre end"));
    // Sydskolen (7) is hidden beside the whole too, as it is among all units: with it
    // shown, Østskolen's three would be the whole minus the two others.
    let (_, page) = fetch(
        &c,
        &app.url(&format!(
            "/admin/hoering/{id}/rapport?institution=Sydskolen"
        )),
    )
    .await;
    let table = table_of(&page);
    assert!(table.contains(">Sydskolen<") && table.contains("Færre end 5 svar"));
}

/// A survey created from `sheet` by a signed-in `c`, saved from the preview and
/// opened: its id and the preview page, for checking what the preview showed.
async fn survey_from_sheet(
    app: &TestApp,
    c: &reqwest::Client,
    sheet: &str,
) -> (ConsultationId, String) {
    let (id, page) = draft_from_sheet(app, c, sheet).await;
    sqlx::query("UPDATE consultation SET status = 'open' WHERE id = $1")
        .bind(id)
        .execute(&app.db.write)
        .await
        .unwrap();
    (id, page)
}

/// [`survey_from_sheet`], left a draft.
async fn draft_from_sheet(
    app: &TestApp,
    c: &reqwest::Client,
    sheet: &str,
) -> (ConsultationId, String) {
    let res = app
        .post_create(
            c,
            "Fra regneark",
            "survey_sheet",
            Some(("s.csv", sheet.into())),
        )
        .await;
    let preview = crate::helpers::location(&res);
    let (_, page) = fetch(c, &app.url(&preview)).await;
    app.admin_post(c, &format!("{preview}/gem"), &[]).await;
    let id: ConsultationId = preview.split('/').nth(3).unwrap().parse().unwrap();
    (id, page)
}

/// Whether the element `id="<id>"` is drawn hidden (`hidden` on its own tag).
fn drawn_hidden(html: &str, id: &str) -> bool {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("{id} is on the page"));
    let tag = &html[html[..at].rfind('<').unwrap()..at];
    tag.contains(" hidden")
}

#[tokio::test]
async fn without_javascript_the_parent_survey_goes_page_by_page_and_drops_hidden_answers() {
    use app::backend::template::{PARENT_DAYCARE, PARENT_SATISFACTION, PARENT_SCHOOL};
    let app = spawn_app().await;
    let id = open_survey(&app, &PARENT_SATISFACTION).await;
    let (_, token) = invite(&app, id, "Nordskolen", 1).await.remove(0);
    let token = token.as_str();
    let items = items(&app, id).await;
    let (offer, daycare, school, common) = (items[0].0, items[1].0, items[4].0, items[7].0);
    let c = client();

    // Page 1 asks which offer; both branches wait behind "Næste".
    let (status, page) = app.get_page(&c, token).await;
    assert_eq!(status, 200);
    assert!(page.contains("Side 1 af 2"));
    assert!(page.contains("value=\"next\""), "Næste, not Indsend");
    assert!(!page.contains("value=\"submit\""));
    assert!(drawn_hidden(&page, &format!("item-{school}")));
    assert!(
        drawn_hidden(&page, &format!("item-{common}")),
        "the rest is page 2"
    );

    let mut pairs = item_fields(offer, PARENT_SCHOOL, "", None);
    pairs.push(intent("next"));
    pairs.push(("side".into(), "1".into()));
    let res = app.post_form(&c, token, &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(
        crate::helpers::location(&res),
        format!("/svar/{token}?side=2")
    );

    // Page 2: the school's questions and the common ones, not the daycare's.
    let (_, page) = fetch(&c, &app.url(&format!("/svar/{token}?side=2"))).await;
    assert!(page.contains("Side 2 af 2"));
    assert!(!drawn_hidden(&page, &format!("item-{school}")));
    assert!(!drawn_hidden(&page, &format!("item-{common}")));
    assert!(drawn_hidden(&page, &format!("item-{daycare}")));
    assert!(
        drawn_hidden(&page, &format!("item-{offer}")),
        "page 1 is behind Tilbage"
    );
    assert!(page.contains("value=\"back\"") && page.contains("value=\"submit\""));

    // Back goes to page 1 with nothing lost.
    let res = app
        .post_form(&c, token, &[intent("back"), ("side".into(), "2".into())])
        .await;
    assert_eq!(
        crate::helpers::location(&res),
        format!("/svar/{token}?side=1")
    );

    // A forged answer to a daycare question is discarded at submission.
    let mut pairs = Vec::new();
    for (item, _) in items.iter().skip(1).filter(|(_, k)| k == "likert5") {
        pairs.extend(item_fields(*item, "4", "", None));
    }
    pairs.push(intent("confirm_submit"));
    pairs.push(("side".into(), "2".into()));
    let res = app.post_form(&c, token, &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(crate::helpers::location(&res).ends_with("/kvittering"));
    let answered: Vec<(ItemId,)> = sqlx::query_as(
        "SELECT a.item_id FROM submitted_answer a JOIN response r ON r.id = a.response_id
         WHERE r.consultation_id = $1",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    let answered: Vec<ItemId> = answered.into_iter().map(|(i,)| i).collect();
    assert!(answered.contains(&offer) && answered.contains(&school));
    assert!(
        !answered.contains(&daycare),
        "hidden by the logic: {answered:?}"
    );
    assert_eq!(PARENT_SATISFACTION.sections[1].items.len(), 3);
    assert_ne!(PARENT_DAYCARE, PARENT_SCHOOL);
}

#[tokio::test]
async fn a_required_question_hidden_by_the_logic_does_not_stop_the_submission() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let sheet = "område;nr;tekst;type;svarmuligheder;obligatorisk;vis_hvis\n\
                 Om dig;A;Har du ledelsesansvar?;enkeltvalg;Ja|Nej;ja;\n\
                 Ledelse;B;Jeg har tid til ledelse.;likert5;;ja;A=ja\n\
                 Trivsel;C;Jeg trives.;likert5;;;\n";
    let (id, page) = survey_from_sheet(&app, &c, sheet).await;
    assert!(
        page.contains("A = Ja"),
        "the preview shows the condition as the option is spelt"
    );
    let tokens: Vec<String> = invite(&app, id, "Nordskolen", 2)
        .await
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    let items = items(&app, id).await;
    let (lead, leading, wellbeing) = (items[0].0, items[1].0, items[2].0);

    // Asked, the required question must be answered.
    let mut pairs = item_fields(lead, "Ja", "", None);
    pairs.extend(item_fields(leading, "", "", None));
    pairs.push(intent("confirm_submit"));
    let res = app.post_form(&client(), &tokens[0], &pairs).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Dette spørgsmål skal besvares"));

    // Not asked, it is not required, and an answer sent anyway is dropped.
    let mut pairs = item_fields(lead, "Nej", "", None);
    pairs.extend(item_fields(leading, "2", "", None));
    pairs.extend(item_fields(wellbeing, "5", "", None));
    pairs.push(intent("confirm_submit"));
    let res = app.post_form(&client(), &tokens[1], &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    let kept: Vec<(ItemId,)> =
        sqlx::query_as("SELECT item_id FROM submitted_answer ORDER BY item_id")
            .fetch_all(&app.db.read)
            .await
            .unwrap();
    assert_eq!(kept, vec![(lead,), (wellbeing,)]);
}

#[tokio::test]
async fn a_translated_survey_is_read_in_the_readers_language_and_counted_in_danish() {
    use app::backend::template::{PARENT_SATISFACTION, PARENT_SCHOOL};
    let app = spawn_app().await;
    let id = open_survey(&app, &PARENT_SATISFACTION).await;
    let people = invite(&app, id, "Nordskolen", 3).await;
    let page_url = |n: usize| app.url(&format!("/svar/{}", people[n].1));

    // The browser asks for Arabic first: the page is Arabic, mirrored, and the choice
    // is kept in the language cookie.
    let res = client()
        .get(page_url(0))
        .header("accept-language", "ar-SA,ar;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap();
    let kept = res
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    assert!(kept.starts_with("samrad_lang=ar;"), "{kept}");
    let page = res.text().await.unwrap();
    assert!(
        page.contains(r#"<html lang="ar" dir="rtl""#),
        "html lang and dir"
    );
    assert!(
        page.contains("رضا أولياء الأمور"),
        "the survey's title in Arabic"
    );
    assert!(page.contains("التالي"), "the chrome in Arabic: Næste");
    assert!(
        page.contains(&format!(r#"value="{PARENT_SCHOOL}""#)) && page.contains("مدرسة"),
        "the option reads in Arabic and posts in Danish"
    );
    for name in ["Dansk", "English", "العربية"] {
        assert!(page.contains(name), "the switch names {name} in itself");
    }

    // A language the survey does not have: Danish texts, and no cookie is set.
    let res = client()
        .get(page_url(1))
        .header("accept-language", "so")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("set-cookie").is_none());
    let page = res.text().await.unwrap();
    assert!(page.contains(r#"<html lang="da" dir="ltr""#) && page.contains("Forældretilfredshed"));

    // Somali chosen by hand: English chrome around the Danish texts (the fallback).
    let c = client();
    let res = c.get(app.url("/sprog/so?til=/")).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = fetch(&c, &page_url(1)).await;
    assert!(page.contains(r#"<html lang="en""#) && page.contains("Forældretilfredshed"));
    assert!(page.contains(">Next<"), "English buttons");
    let (status, _) = fetch(&c, &app.url("/sprog/<b>?til=/")).await;
    assert_eq!(status, 404);

    // An answer given on the Arabic page is stored as the Danish option.
    let arabic = client();
    arabic.get(app.url("/sprog/ar?til=/")).send().await.unwrap();
    let items = items(&app, id).await;
    let mut pairs = item_fields(items[0].0, PARENT_SCHOOL, "", None);
    pairs.push(intent("save"));
    let res = app.post_form(&arabic, &people[2].1, &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.answer(items[0].0).await.unwrap().0, PARENT_SCHOOL);

    // A hearing has only Danish: the browser's English changes nothing.
    let (hearing, bodies) = staff_survey(&app, &[("Vestskolen", 1)]).await;
    assert!(hearing > ConsultationId::default());
    let res = client()
        .get(app.url(&format!("/svar/{}", bodies[0].1)))
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert!(res.headers().get("set-cookie").is_none());
    assert!(res.text().await.unwrap().contains(r#"<html lang="da""#));
}

#[tokio::test]
async fn a_sheet_translates_a_survey_into_any_language_and_the_preview_shows_it() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let sheet = "område;nr;tekst;type;svarmuligheder;tekst_uk;svarmuligheder_uk;område_uk\n\
                 Om dig;1;Hvilket tilbud?;enkeltvalg;Dagtilbud|Skole;Який заклад?;Садок|Школа;Про вас\n\
                 Trivsel;2;Mit barn trives.;likert5;;Моя дитина почувається добре.;;Самопочуття\n";
    let (id, page) = survey_from_sheet(&app, &c, sheet).await;
    assert!(
        page.contains("uk: Який заклад?"),
        "the preview shows the translation"
    );
    let (_, token) = invite(&app, id, "Nordskolen", 1).await.remove(0);
    let reader = client();
    reader.get(app.url("/sprog/uk?til=/")).send().await.unwrap();
    let (_, page) = app.get_page(&reader, &token).await;
    assert!(page.contains("Моя дитина почувається добре.") && page.contains("Про вас"));
    assert!(page.contains(">Школа<") && page.contains(r#"value="Skole""#));
    assert!(
        page.contains("Українська") && page.contains(">Submit<"),
        "English chrome"
    );

    // The title is translated on the survey's page; a tag that cannot be read, or
    // Danish, is refused with its message.
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{id}/sprog"),
            &[
                ("lang", "uk"),
                ("title", "Задоволеність батьків"),
                ("intro", ""),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.get_page(&reader, &token).await;
    assert!(page.contains("Задоволеність батьків"));
    for (tag, message) in [
        ("ukrainsk", "er ikke en sprogkode"),
        ("da", "undersøgelsens eget sprog"),
    ] {
        let res = app
            .admin_post(
                &c,
                &format!("/admin/hoering/{id}/sprog"),
                &[("lang", tag), ("title", "x"), ("intro", "")],
            )
            .await;
        assert_eq!(res.status().as_u16(), 422, "{tag}");
        assert!(res.text().await.unwrap().contains(message), "{tag}");
    }
    let (_, admin_page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(admin_page.contains("Українська") && admin_page.contains("2 / 2"));

    // A column whose language cannot be read is named, and nothing is saved.
    let bad = "område;tekst;tekst_ukrainsk\nA;B;C\n";
    let res = app
        .post_create(&c, "Fejl", "survey_sheet", Some(("f.csv", bad.into())))
        .await;
    let (_, body) = fetch(&c, &app.url(&crate::helpers::location(&res))).await;
    assert!(body.contains("tekst_ukrainsk"), "the column is named");
}

#[tokio::test]
async fn a_sheets_maximum_is_checked_in_the_preview_and_on_the_page() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    // A maximum on a scale, and one above the number of options: named by row.
    for (sheet, message) in [
        (
            "område;nr;tekst;type;højst\nTrivsel;1;Jeg trives.;likert5;2\n",
            "Højst passer kun til flervalg, ikke til »likert5«.",
        ),
        (
            "område;nr;tekst;type;svarmuligheder;højst\nOm dig;1;Hvad bruger I?;flervalg;SFO|Klub;3\n",
            "Højst skal være et helt tal fra 1 til antallet af svarmuligheder, ikke »3«.",
        ),
    ] {
        let res = app
            .post_create(&c, "Maks", "survey_sheet", Some(("s.csv", sheet.into())))
            .await;
        let preview = crate::helpers::location(&res);
        let (_, page) = fetch(&c, &app.url(&preview)).await;
        assert!(page.contains(message), "{message}: {page}");
        assert!(!page.contains("/gem\""), "nothing to save");
    }

    let sheet = "område;nr;tekst;type;svarmuligheder;højst\n\
                 Om dig;1;Hvad bruger I?;flervalg;SFO|Klub|Ingen;1\n";
    let (id, preview) = survey_from_sheet(&app, &c, sheet).await;
    assert!(
        preview.contains("SFO | Klub | Ingen (højst 1)"),
        "{preview}"
    );
    let (_, token) = invite(&app, id, "Nordskolen", 1).await.remove(0);
    let boxes = items(&app, id).await[0].0;
    let (_, page) = app.get_page(&client(), &token).await;
    assert!(page.contains("Vælg højst 1."));

    // Two ticked where one is allowed: refused by the field, nothing stored.
    let mut pairs = item_fields(boxes, "", "", None);
    pairs.push((format!("m{boxes}"), "SFO".into()));
    pairs.push((format!("m{boxes}"), "Klub".into()));
    pairs.push(intent("save"));
    let res = app.post_form(&client(), &token, &pairs).await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    let error: String = page[page.find(&format!("id=\"err-v{boxes}\"")).unwrap()..]
        .chars()
        .take(300)
        .collect();
    assert!(
        error.contains("Der er valgt for mange. Vælg højst 1."),
        "by the question: {error}"
    );
    assert!(app.answer(boxes).await.is_none(), "nothing saved");
    pairs.retain(|(_, v)| v != "Klub");
    let res = app.post_form(&client(), &token, &pairs).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.answer(boxes).await.unwrap().0, r#"["SFO"]"#);
}

#[tokio::test]
async fn free_text_says_the_language_it_was_written_in() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let sheet = "område;nr;tekst;type;tekst_ar\n\
                 Ord;1;Hvad er godt?;tekst;ما الجيد؟\n";
    let (id, _) = survey_from_sheet(&app, &c, sheet).await;
    let people = invite(&app, id, "Nordskolen", 5).await;
    let text = items(&app, id).await[0].0;
    for (n, (_, token)) in people.iter().enumerate() {
        let browser = client();
        let answer = if n == 0 {
            browser
                .get(app.url("/sprog/ar?til=/"))
                .send()
                .await
                .unwrap();
            "المعلمون لطفاء".to_owned()
        } else {
            format!("Godt svar {n}")
        };
        let mut pairs = item_fields(text, &answer, "", None);
        pairs.push(intent("confirm_submit"));
        let res = app.post_form(&browser, token, &pairs).await;
        assert_eq!(res.status().as_u16(), 303);
    }
    let langs: Vec<(String,)> =
        sqlx::query_as("SELECT lang FROM response WHERE consultation_id = $1 ORDER BY lang")
            .bind(id)
            .fetch_all(&app.db.read)
            .await
            .unwrap();
    let langs: Vec<String> = langs.into_iter().map(|(l,)| l).collect();
    assert_eq!(langs, ["ar", "da", "da", "da", "da"]);
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    let at = page
        .find("المعلمون لطفاء")
        .expect("the Arabic answer is shown");
    let entry = &page[page[..at].rfind("<li").unwrap()..at];
    assert!(entry.contains("Skrevet på"), "{entry}");
    assert!(
        entry.contains(r#"<span lang="ar" dir="rtl">العربية</span>"#),
        "{entry}"
    );
    assert!(
        entry.contains(r#"lang="ar""#),
        "the text is marked up in its language"
    );
    let danish = page.find("Godt svar 1").unwrap();
    let entry = &page[page[..danish].rfind("<li").unwrap()..danish];
    assert!(!entry.contains("Skrevet på"), "Danish is not marked");
    let (_, memo) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/notat"))).await;
    assert!(memo.contains("Skrevet på") && memo.contains("المعلمون لطفاء"));
}

#[tokio::test]
async fn a_survey_breaks_down_by_a_background_answer_with_the_same_suppression() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let sheet = "område;nr;tekst;type;svarmuligheder\n\
                 Om dig;1;Hvilket tilbud går dit barn i?;enkeltvalg;Dagtilbud|Skole\n\
                 Trivsel;2;Mit barn trives.;likert5;\n";
    let (id, _) = survey_from_sheet(&app, &c, sheet).await;
    let people = invite(&app, id, "Nordskolen", 16).await;
    let ids = items(&app, id).await;
    let (offer, likert) = (ids[0].0, ids[1].0);
    // Eight say school, six daycare, two leave the question blank.
    for (n, (_, token)) in people.iter().enumerate() {
        let choice = match n {
            0..=7 => "Skole",
            8..=13 => "Dagtilbud",
            _ => "",
        };
        let mut pairs = item_fields(offer, choice, "", None);
        pairs.extend(item_fields(likert, &(n % 5 + 1).to_string(), "", None));
        pairs.push(intent("confirm_submit"));
        let res = app.post_form(&client(), token, &pairs).await;
        assert_eq!(res.status().as_u16(), 303);
    }
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert!(
        page.contains(&format!(r#"<option value="svar-{offer}""#)),
        "the background question is offered"
    );
    assert!(
        !page.contains(&format!(r#"value="svar-{likert}""#)),
        "a scale is not"
    );
    let (status, page) = fetch(
        &c,
        &app.url(&format!(
            "/admin/hoering/{id}/rapport?opdeling=svar-{offer}"
        )),
    )
    .await;
    assert_eq!(status, 200);
    let item = &page[page.find(&format!("id=\"punkt-{likert}\"")).unwrap()..];
    let table = &item[item.find("class=\"tally-table\"").unwrap()..];
    let table = table.split("</table>").next().unwrap();
    let row = |name: &str| {
        let at = table
            .find(&format!("<th scope=\"row\">{name}</th>"))
            .unwrap_or_else(|| panic!("{name} in {table}"));
        table[at..].split("</tr>").next().unwrap().to_owned()
    };
    // The two who did not answer are below 5; alone they could be worked out, so
    // the next smallest (daycare, six) is hidden too; school shows.
    assert!(row("Ikke besvaret").contains("Færre end 5 svar"));
    assert!(row("Dagtilbud").contains("Færre end 5 svar"));
    assert!(!row("Skole").contains("Færre end") && row("Skole").contains('%'));
    // Nobody is invited to an answer: no rate per column.
    let rates = &page[page.find("class=\"rate-table\"").unwrap()..];
    let rates = rates.split("</table>").next().unwrap();
    assert!(!rates.contains(">Skole<"), "{rates}");
    // A question that is not a background question falls back to the groups.
    let (status, page) = fetch(
        &c,
        &app.url(&format!(
            "/admin/hoering/{id}/rapport?opdeling=svar-{likert}"
        )),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"<option value="gruppe" selected"#));
}

#[tokio::test]
async fn one_units_printed_page_sets_it_beside_the_whole_and_a_survey_speaks_of_participants() {
    let (app, id) = three_units_answered().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let (_, report) = fetch(
        &c,
        &app.url(&format!(
            "/admin/hoering/{id}/rapport?institution=Nordskolen"
        )),
    )
    .await;
    assert!(report.contains(&format!("/admin/hoering/{id}/enhed?institution=Nordskolen")));
    let (status, page) = fetch(
        &c,
        &app.url(&format!("/admin/hoering/{id}/enhed?institution=Nordskolen")),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Nordskolen</h1>") && page.contains("Hele kommunen"));
    let table = &page[page.find("class=\"unit-sheet-table\"").unwrap()..];
    let first = table[table.find("<tbody>").unwrap()..]
        .split("</tr>")
        .next()
        .unwrap();
    assert_eq!(first.matches("% positive").count(), 2, "{first}");
    let sheet = &page[page.find("<article").unwrap()..page.find("</article>").unwrap()];
    assert!(!sheet.contains("Sydskolen"), "no other unit: {sheet}");
    assert!(!sheet.contains("Svar nr."), "no free text");
    // Sydskolen is hidden beside the whole as among all units.
    let (_, page) = fetch(
        &c,
        &app.url(&format!("/admin/hoering/{id}/enhed?institution=Sydskolen")),
    )
    .await;
    let table = &page[page.find("class=\"unit-sheet-table\"").unwrap()..];
    let first = table[table.find("<tbody>").unwrap()..]
        .split("</tr>")
        .next()
        .unwrap();
    assert_eq!(first.matches("Færre end 5 svar").count(), 1, "{first}");
    assert_eq!(first.matches("% positive").count(), 1, "the whole's figure");
    // Without a unit, the page says to choose one.
    let (status, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/enhed"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("Vælg en institution"));

    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("Tilføj deltagere") && page.contains("Spørgsmål ("));
    assert!(
        !page.to_lowercase().contains("høringspart"),
        "a survey has no consulted bodies"
    );
}

/// An item's stored settings: (kind, options, max, required, decider, shown on).
async fn settings_of(
    app: &TestApp,
    item: ItemId,
) -> (String, String, Option<i64>, bool, Option<ItemId>, String) {
    let (kind, options, max, required, decider, shown_on): (String, String, Option<i64>, i64, Option<ItemId>, String) =
        sqlx::query_as(
            "SELECT kind, options_json, max_choices, CAST(required AS INTEGER), show_if_item, show_if_any
             FROM item WHERE id = $1",
        )
        .bind(item)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    (kind, options, max, required != 0, decider, shown_on)
}

#[tokio::test]
async fn the_builder_sets_a_questions_kind_options_logic_and_translation() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let sheet = "område;nr;tekst;type;svarmuligheder\n\
                 Om dig;1;Hvilket tilbud går dit barn i?;enkeltvalg;Dagtilbud|Skole\n\
                 Om dig;2;Hvad bruger I?;tekst;\n\
                 Trivsel;3;Mit barn trives.;likert5;\n";
    let (id, _) = draft_from_sheet(&app, &c, sheet).await;
    let ids = items(&app, id).await;
    let (offer, uses, thrives) = (ids[0].0, ids[1].0, ids[2].0);
    let base = format!("/admin/hoering/{id}");
    let items_url = format!("{base}/forslag");
    let (_, page) = fetch(&c, &app.url(&base)).await;
    assert!(
        page.contains(&format!(r#"id="s{uses}-type""#)),
        "a settings form per question"
    );
    assert!(
        page.contains(&format!(r#"value="{offer}:1""#)) && page.contains("1 = Skole"),
        "a later question can be shown on the first one's answers"
    );
    assert!(
        !page.contains(&format!(r#"id="s{offer}-if-"#)),
        "the first has nothing before it"
    );
    assert!(page.contains("Enkeltvalg · vises") || page.contains("Enkeltvalg"));

    let settings = |item: ItemId, extra: &[(&str, &str)]| {
        let mut form: Vec<(String, String)> = vec![
            ("action".into(), "settings".into()),
            ("item".into(), item.to_string()),
        ];
        form.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        form
    };
    let post = |form: Vec<(String, String)>| {
        let c = c.clone();
        let url = app.url(&items_url);
        async move { c.post(url).form(&form).send().await.unwrap() }
    };

    // The second question becomes a multiple choice of at most two, required, asked
    // only of a school's parents; an option may hold a | and a comma.
    let shown_on_school = format!("{offer}:1");
    let res = post(settings(
        uses,
        &[
            ("type", "flervalg"),
            (
                "svarmuligheder",
                "SFO\r\nKlub | fritidscenter, ungdomsskole\r\nIngen",
            ),
            ("hoejst", "2"),
            ("obligatorisk", "ja"),
            ("vis_hvis", &shown_on_school),
        ],
    ))
    .await;
    assert_eq!(res.status().as_u16(), 303, "{}", res.text().await.unwrap());
    let stored = settings_of(&app, uses).await;
    assert_eq!(stored.0, "multi");
    assert_eq!(
        stored.1,
        r#"["SFO","Klub | fritidscenter, ungdomsskole","Ingen"]"#
    );
    assert_eq!((stored.2, stored.3, stored.4), (Some(2), true, Some(offer)));
    assert_eq!(stored.5, r#"["Skole"]"#);
    let (_, page) = fetch(&c, &app.url(&base)).await;
    assert!(
        page.contains("Flervalg · højst 2 · obligatorisk · vises når 1 = Skole"),
        "the list says it"
    );

    // Refusals, each with its message; nothing changes.
    let before = settings_of(&app, thrives).await;
    let shown_on_sfo = format!("{uses}:0");
    for (item, form, message) in [
        (
            thrives,
            vec![
                ("type", "likert5"),
                ("vis_hvis", shown_on_school.as_str()),
                ("vis_hvis", shown_on_sfo.as_str()),
            ],
            "Et spørgsmål kan kun vises ud fra svaret på ét andet spørgsmål.",
        ),
        (
            offer,
            vec![
                ("type", "enkeltvalg"),
                ("svarmuligheder", "Dagtilbud\nAndet"),
            ],
            "Spørgsmål 2 vises ud fra et svar på dette spørgsmål, som ikke længere findes.",
        ),
        (
            offer,
            vec![
                ("type", "enkeltvalg"),
                ("svarmuligheder", "Dagtilbud\nSkole"),
                ("vis_hvis", shown_on_sfo.as_str()),
            ],
            "Spørgsmål 2 kommer ikke før dette spørgsmål",
        ),
        (
            thrives,
            vec![("type", "likert5"), ("hoejst", "2")],
            "Højst passer kun til flervalg",
        ),
        (
            thrives,
            vec![("type", "enkeltvalg"), ("svarmuligheder", "Ja")],
            "Et valgspørgsmål skal have mindst to svarmuligheder",
        ),
        (
            thrives,
            vec![("type", "stjerner")],
            "Typen »stjerner« kendes ikke.",
        ),
    ] {
        let res = post(settings(item, &form)).await;
        assert_eq!(res.status().as_u16(), 422, "{message}");
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{message}");
    }
    assert_eq!(
        settings_of(&app, thrives).await,
        before,
        "nothing half-written"
    );
    // Moving the second question above the one it is asked on is refused.
    let moved = vec![
        ("action".to_owned(), "up".to_owned()),
        ("item".to_owned(), uses.to_string()),
    ];
    let res = post(moved).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Flytningen ville sætte et spørgsmål før spørgsmål 1"));
    let order: Vec<(ItemId,)> = sqlx::query_as(
        "SELECT i.id FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.consultation_id = $1 ORDER BY s.position, i.position",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    assert_eq!(order[0].0, offer, "the order is kept");
    assert_eq!(settings_of(&app, offer).await.1, r#"["Dagtilbud","Skole"]"#);

    // In Arabic: the options must be as many as in Danish.
    let res = app
        .admin_post(
            &c,
            &format!("{base}/sprog"),
            &[("lang", "ar"), ("title", "استبيان"), ("intro", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = fetch(&c, &app.url(&base)).await;
    assert!(page.contains(r#"name="tekst_ar""#), "a field per language");
    let res = post(settings(
        offer,
        &[
            ("type", "enkeltvalg"),
            ("svarmuligheder", "Dagtilbud\nSkole"),
            ("tekst_ar", "أي عرض يحضره طفلك؟"),
            ("svarmuligheder_ar", "رعاية نهارية"),
        ],
    ))
    .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Svarmulighederne på العربية skal være lige så mange som på dansk"));
    let res = post(settings(
        offer,
        &[
            ("type", "enkeltvalg"),
            ("svarmuligheder", "Dagtilbud\nSkole"),
            ("tekst_ar", "أي عرض يحضره طفلك؟"),
            ("svarmuligheder_ar", "رعاية نهارية\nمدرسة"),
        ],
    ))
    .await;
    assert_eq!(res.status().as_u16(), 303);
    let (text, options): (String, String) = sqlx::query_as(
        "SELECT text, options_json FROM item_translation WHERE item_id = $1 AND lang = 'ar'",
    )
    .bind(offer)
    .fetch_one(&app.db.read)
    .await
    .unwrap();
    assert_eq!(text, "أي عرض يحضره طفلك؟");
    assert_eq!(options, r#"["رعاية نهارية","مدرسة"]"#);

    // The respondent gets what the builder set: the maximum and the logic.
    sqlx::query("UPDATE consultation SET status = 'open' WHERE id = $1")
        .bind(id)
        .execute(&app.db.write)
        .await
        .unwrap();
    let (_, token) = invite(&app, id, "Nordskolen", 1).await.remove(0);
    let (_, page) = app.get_page(&client(), &token).await;
    assert!(page.contains("Vælg højst 2.") && page.contains("Klub | fritidscenter, ungdomsskole"));
    assert!(
        drawn_hidden(&page, &format!("item-{uses}")),
        "hidden until Skole is chosen"
    );

    // Once open, the settings are locked like the list of questions.
    let res = post(settings(thrives, &[("type", "nps")])).await;
    assert_eq!(res.status().as_u16(), 422);
    assert_eq!(settings_of(&app, thrives).await, before);
}

#[tokio::test]
async fn a_survey_exports_only_its_suppressed_summary() {
    let (app, id) = three_units_answered().await;
    let c = client();
    app.sign_in_as(&c, Role::Viewer).await;
    let get = |file: &str| {
        let c = c.clone();
        let url = app.url(&format!("/admin/hoering/{id}/eksport/{file}"));
        async move { c.get(url).send().await.unwrap() }
    };
    // Each person's answers, and the general comments with who wrote them, are a
    // hearing's: for a survey they do not exist.
    for file in ["svar.csv", "generelle-kommentarer.csv"] {
        assert_eq!(get(file).await.status().as_u16(), 404, "{file}");
    }
    // The workbook holds the summary sheet alone.
    let res = get("beslutningsgrundlag.xlsx").await;
    assert_eq!(res.status().as_u16(), 200);
    let bytes = res.bytes().await.unwrap();
    let names = String::from_utf8_lossy(&bytes);
    assert!(names.contains("xl/worksheets/sheet1.xml"));
    assert!(!names.contains("xl/worksheets/sheet2.xml"), "one sheet");
}
