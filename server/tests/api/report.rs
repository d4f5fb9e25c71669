//! The decision material: the report page, notes, the memo and the exports, over
//! hand-made answers (drafts, resubmissions, hostile text) and over generated data.

use crate::admin::create_hearing_via_ui;
use crate::helpers::*;
use app::backend::form::{Intent, Posting, RawField, Target};
use app::backend::manage::{add_respondent, NewRespondent};
use app::backend::now_ms;
use app::backend::respond::save;
use app::backend::token::fingerprint;
use app::model::admin::Role;
use std::collections::{BTreeMap, HashMap};

const HOSTILE: &str = "<script>alert(1)</script>";

async fn body(app: &TestApp, name: &str, group: &str, unit: &str) -> String {
    let (_, token) = add_respondent(
        &app.db,
        app.consultation_id,
        &NewRespondent {
            name,
            group,
            unit,
            emails: &["x@example.dk"],
        },
        now_ms(),
    )
    .await
    .unwrap();
    token.as_str().to_owned()
}

/// Saves (or submits) answers to the first items as the body behind `token`, as a
/// member whose page showed `shown` (blank where absent).
async fn answer_after(
    app: &TestApp,
    token: &str,
    answers: &[(&str, &str)],
    shown: &[(&str, &str)],
    intent: Intent,
) {
    let mut fields: BTreeMap<Target, RawField> = app
        .item_ids
        .iter()
        .enumerate()
        .zip(answers)
        .map(|((i, &id), (value, comment))| {
            let (seen_value, seen_comment) = shown.get(i).copied().unwrap_or(("", ""));
            (
                Target::Item(id),
                RawField {
                    value: (*value).into(),
                    comment: (*comment).into(),
                    fingerprint: fingerprint(seen_value, seen_comment),
                },
            )
        })
        .collect();
    fields.insert(
        Target::General,
        RawField {
            value: String::new(),
            comment: format!("Generelt fra {token:.4}"),
            fingerprint: fingerprint("", ""),
        },
    );
    save(&app.db, token, &fields, &Posting::button(intent), now_ms())
        .await
        .unwrap();
}

async fn answer(app: &TestApp, token: &str, answers: &[(&str, &str)], intent: Intent) {
    answer_after(app, token, answers, &[], intent).await;
}

/// The report's bar label for the item whose heading starts with `code`.
fn bar_of(page: &str, code: &str) -> String {
    // The item's own heading (`<h2 id="punkt-<id>-h">`), not the overview's links.
    let at = page
        .find(&format!("-h\">{code} "))
        .unwrap_or_else(|| panic!("item {code} not on the page"));
    let rest = &page[at..];
    let label = rest
        .find("aria-label=\"")
        .map(|i| &rest[i + 12..])
        .unwrap_or("");
    label[..label.find('"').unwrap_or(0)].to_owned()
}

/// A hearing with three bodies in two groups: one submitted twice (the second answer
/// counts), one only a draft, one submitted with a hostile comment. Item 1.1 is then
/// uenig + ved ikke, item 1.2 an even split (enig + uenig), the rest unanswered.
async fn seeded() -> TestApp {
    let app = spawn_app().await;
    let nord = body(
        &app,
        "Skolebestyrelsen, Nordskolen",
        "Skolebestyrelse",
        "Nordskolen",
    )
    .await;
    let first = [("agree", "Først enig")];
    answer(&app, &nord, &first, Intent::ConfirmSubmit).await;
    answer_after(
        &app,
        &nord,
        &[("disagree", "=1+1 nu uenig"), ("disagree", "")],
        &first,
        Intent::ConfirmSubmit,
    )
    .await;
    let draft = body(
        &app,
        "Skolebestyrelsen, Syd",
        "Skolebestyrelse",
        "Sydskolen",
    )
    .await;
    answer(&app, &draft, &[("agree", "kun kladde")], Intent::Save).await;
    let med = body(&app, &format!("MED {HOSTILE}"), "MED-udvalg", "").await;
    answer(
        &app,
        &med,
        &[("dont_know", HOSTILE), ("agree", "")],
        Intent::ConfirmSubmit,
    )
    .await;
    app
}

#[tokio::test]
async fn the_report_counts_submitted_responses_only_each_body_once_as_last_submitted() {
    let app = seeded().await;
    let client = client();
    app.sign_in_as(&client, Role::Viewer).await;
    let (status, page) = fetch(
        &client,
        &app.url(&format!("/admin/hoering/{}/rapport", app.consultation_id)),
    )
    .await;
    assert_eq!(status, 200);
    assert!(page.contains("Svarprocent"));
    // Item 1: Nordskolen's latest (uenig) and MED's ved ikke; the draft's enig not at all.
    assert_eq!(
        bar_of(&page, "1.1"),
        "Enig: 0, Uenig: 1, Ved ikke: 1, Ikke besvaret: 0"
    );
    assert_eq!(
        bar_of(&page, "1.2"),
        "Enig: 1, Uenig: 1, Ved ikke: 0, Ikke besvaret: 0"
    );
    assert!(page.contains("=1+1 nu uenig") && !page.contains("Først enig"));
    assert!(!page.contains("kun kladde"));
    assert!(!page.contains(HOSTILE), "hostile text is escaped");
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The body that only has a draft is listed as not having answered.
    assert!(page.contains("Skolebestyrelsen, Syd"));
    // A viewer sees notes but gets no form to change them.
    assert!(!page.contains("Gem bemærkning"));
}

#[tokio::test]
async fn filtering_by_group_and_breaking_down_by_unit_and_sorting_by_contest() {
    let app = seeded().await;
    let client = client();
    app.sign_in_as(&client, Role::Manager).await;
    let base = format!("/admin/hoering/{}/rapport", app.consultation_id);
    let (status, page) = fetch(&client, &app.url(&format!("{base}?gruppe=MED-udvalg"))).await;
    assert_eq!(status, 200);
    assert_eq!(
        bar_of(&page, "1.1"),
        "Enig: 0, Uenig: 0, Ved ikke: 1, Ikke besvaret: 0"
    );
    assert!(!page.contains("=1+1 nu uenig"));
    let (_, page) = fetch(&client, &app.url(&format!("{base}?opdeling=enhed"))).await;
    assert!(page.contains(">Nordskolen<") && page.contains("(uden institution)"));
    let (_, page) = fetch(&client, &app.url(&format!("{base}?sortering=omstridt"))).await;
    assert!(page.contains("Mest omstridt: den mindste forskel"));
    // 1.2 (an even split) before 1.1 (one position: unanimous), and the items nobody
    // took a position on last.
    let first = page.find(">1.2 ").unwrap();
    let second = page.find(">1.1 ").unwrap();
    let untouched = page.find(">1.3 ").unwrap();
    assert!(first < second && second < untouched);
    // Nonsense in the query falls back to the defaults instead of failing.
    let (status, _) = fetch(
        &client,
        &app.url(&format!(
            "{base}?sortering=%3Cx%3E&opdeling=zzz&vis=abc&gruppe=findes-ikke"
        )),
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn a_manager_writes_the_note_it_shows_in_the_memo_and_a_viewer_cannot() {
    let app = seeded().await;
    let item = app.item_ids[0];
    let id = app.consultation_id;
    let note_path = format!("/admin/hoering/{id}/rapport/bemaerkning");

    let viewer = client();
    app.sign_in_as(&viewer, Role::Viewer).await;
    let res = viewer
        .post(app.url(&note_path))
        .form(&[("item", item.to_string()), ("note", "Læserens note".into())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);

    let manager = client();
    app.sign_in_as(&manager, Role::Manager).await;
    let res = manager
        .post(app.url(&note_path))
        .form(&[
            ("item", item.to_string()),
            (
                "note",
                format!("Forvaltningen anbefaler forslaget. {HOSTILE}"),
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.ends_with(&format!("#punkt-{item}")), "{location}");

    let too_long = "x".repeat(10_001);
    let res = manager
        .post(app.url(&note_path))
        .form(&[("item", item.to_string()), ("note", too_long.clone())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains("10000"), "the limit is named");
    assert!(page.contains(&too_long), "what was typed is kept");

    let res = manager
        .post(app.url(&note_path))
        .form(&[("item", "999999".to_owned()), ("note", "x".into())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);

    let (status, memo) = fetch(&viewer, &app.url(&format!("/admin/hoering/{id}/notat"))).await;
    assert_eq!(status, 200);
    assert!(memo.contains("Forvaltningen anbefaler forslaget."));
    assert!(!memo.contains("Læserens note") && !memo.contains(HOSTILE));
    assert!(memo.contains("Høringsparter, der ikke har svaret"));
    assert!(memo.contains("Skolebestyrelsen, Syd"));
}

#[tokio::test]
async fn a_hearing_without_answers_still_has_a_report_and_exports() {
    let (app, client) = signed_in(Role::Manager).await;
    let id = create_hearing_via_ui(&app, &client, "Tom høring").await;
    let (status, page) = fetch(&client, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert_eq!(status, 200);
    assert!(page.contains("ingen svar"));
    let (status, memo) = fetch(&client, &app.url(&format!("/admin/hoering/{id}/notat"))).await;
    assert_eq!(status, 200);
    assert!(memo.contains("ingen svar"));
    let res = client
        .get(app.url(&format!("/admin/hoering/{id}/eksport/svar.csv")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let text = res.text().await.unwrap();
    assert_eq!(text.lines().count(), 1, "only the header: {text}");
    let (status, _) = fetch(&client, &app.url("/admin/hoering/99999/rapport")).await;
    assert_eq!(status, 404);
    let res = client
        .get(app.url("/admin/hoering/99999/eksport/svar.csv"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
}

async fn download(client: &reqwest::Client, url: String) -> (reqwest::header::HeaderMap, Vec<u8>) {
    let res = client.get(url).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let headers = res.headers().clone();
    (headers, res.bytes().await.unwrap().to_vec())
}

#[tokio::test]
async fn the_exports_in_both_dialects_and_xlsx_read_back_and_are_audited() {
    let app = seeded().await;
    let client = client();
    app.sign_in_as(&client, Role::Viewer).await;
    let base = app.url(&format!("/admin/hoering/{}/eksport", app.consultation_id));
    let items = app.item_ids.len();

    let (headers, bytes) = download(&client, format!("{base}/svar.csv")).await;
    assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
    assert!(headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.contains("\r\n"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    assert_eq!(&reader.headers().unwrap()[1], "Høringspart");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2 * items, "two submitted bodies × every item");
    let nord: Vec<_> = rows
        .iter()
        .filter(|r| r[1].contains("Nordskolen"))
        .collect();
    assert_eq!(&nord[0][7], "Uenig");
    assert_eq!(&nord[0][8], "'=1+1 nu uenig", "formula neutralised");
    let med: Vec<_> = rows.iter().filter(|r| r[2] == *"MED-udvalg").collect();
    assert_eq!(&med[0][8], HOSTILE, "text stays text");
    assert!(
        rows.iter().all(|r| !r[1].contains("Syd")),
        "drafts never count"
    );

    let (_, bytes) = download(&client, format!("{base}/svar.csv?format=standard")).await;
    assert!(!bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::Reader::from_reader(&bytes[..]);
    assert_eq!(reader.records().count(), 2 * items);

    let (_, bytes) = download(&client, format!("{base}/opsummering.csv")).await;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let headers = reader.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), items);
    let first = &rows[0];
    assert_eq!(&first[3], "2");
    // "I alt" shares: 0,0 / 50,0 / 50,0 / 0,0 — with a decimal comma, summing to 100.
    let shares: Vec<f64> = [5, 7, 9, 11]
        .iter()
        .map(|&i| first[i].replace(',', ".").parse::<f64>().unwrap())
        .collect();
    assert_eq!(shares, vec![0.0, 50.0, 50.0, 0.0]);
    assert!(headers.iter().any(|h| h == "MED-udvalg: Ved ikke, antal"));

    let (_, bytes) = download(&client, format!("{base}/generelle-kommentarer.csv")).await;
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "Høring",
            "Høringspart",
            "Målgruppe",
            "Institution",
            "Generel kommentar",
            "Indsendt"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(
        rows.len(),
        2,
        "one per submitted body with a general comment"
    );
    assert!(rows.iter().all(|r| r[4].starts_with("Generelt fra")));
    assert!(rows
        .iter()
        .any(|r| r[1] == *"Skolebestyrelsen, Nordskolen" && r[3] == *"Nordskolen"));
    assert!(
        rows.iter().all(|r| !r[5].is_empty()),
        "with the submission time"
    );

    let (_, bytes) = download(&client, format!("{base}/beslutningsgrundlag.xlsx")).await;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    use calamine::Reader;
    assert_eq!(
        book.sheet_names(),
        vec!["Opsummering", "Svar", "Generelle kommentarer"]
    );
    let general = book.worksheet_range("Generelle kommentarer").unwrap();
    assert_eq!(general.height(), 3, "a header and two comments");
    let summary = book.worksheet_range("Opsummering").unwrap();
    assert_eq!(summary.height(), items + 1);
    let cell = summary.get_value((1, 7)).unwrap();
    assert_eq!(
        cell,
        &calamine::Data::Float(0.5),
        "a percentage cell holds 50 %"
    );
    let answers = book.worksheet_range("Svar").unwrap();
    assert_eq!(answers.height(), 2 * items + 1);
    assert!(answers
        .rows()
        .any(|r| r[8] == calamine::Data::String("=1+1 nu uenig".into())));

    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'exported'")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(n, 5);
}

#[tokio::test]
async fn signed_out_visitors_get_no_report_or_export() {
    let app = seeded().await;
    let client = client();
    let res = client
        .get(app.url(&format!(
            "/admin/hoering/{}/eksport/svar.csv",
            app.consultation_id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let res = client
        .get(app.url(&format!("/admin/hoering/{}/rapport", app.consultation_id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
}

/// The report's tallies over generated data equal a naive count of the same rows.
#[tokio::test]
async fn generated_data_adds_up() {
    use app::backend::report::{report, Comments};
    use app::model::report::ReportQuery;
    let app = spawn_app().await;
    let id = app::backend::demo::synthetic(&app.db, 120, 0.3, 7, now_ms())
        .await
        .unwrap();
    let r = report(
        &app.db,
        id,
        &ReportQuery::default(),
        Comments::All,
        false,
        app::i18n::Lang::Da,
        now_ms(),
    )
    .await
    .unwrap();
    assert_eq!(r.overall.invited, 120);
    assert_eq!(r.overall.submitted, 120);
    let rows: Vec<(ItemId, String, String)> = sqlx::query_as(
        "SELECT sa.item_id, sa.value, sa.comment FROM submitted_answer sa
         JOIN response rs ON rs.id = sa.response_id WHERE rs.consultation_id = $1",
    )
    .bind(id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    let mut naive: HashMap<(ItemId, String), u32> = HashMap::new();
    let mut comments: HashMap<ItemId, u32> = HashMap::new();
    for (item, value, comment) in rows {
        *naive.entry((item, value)).or_default() += 1;
        if !comment.is_empty() {
            *comments.entry(item).or_default() += 1;
        }
    }
    for item in &r.items {
        let n = |v: &str| naive.get(&(item.id, v.to_owned())).copied().unwrap_or(0);
        let overall = item.overall.as_ref().expect("a hearing hides nothing");
        assert_eq!(
            overall.counts,
            [n("agree"), n("disagree"), n("dont_know")],
            "enig, uenig, ved ikke"
        );
        assert_eq!(overall.total(), 120);
        assert_eq!(item.breakdown.len(), 3);
        let per_group: u32 = item.breakdown.iter().flatten().map(|t| t.total()).sum();
        assert_eq!(per_group, 120);
        assert_eq!(
            item.comment_count,
            comments.get(&item.id).copied().unwrap_or(0)
        );
        assert_eq!(item.comments.len() as u32, item.comment_count);
        assert_eq!(overall.percents().iter().sum::<u32>(), 100);
    }
    assert_eq!(r.general_comments.len(), 120);
}

/// Above 500 comments the report page loads the general comments only when asked.
#[tokio::test]
async fn many_general_comments_are_counted_and_loaded_when_expanded() {
    use app::backend::report::{report, Comments};
    use app::model::report::{ReportQuery, GENERAL};
    let app = spawn_app().await;
    let id = app::backend::demo::synthetic(&app.db, 520, 0.0, 3, now_ms())
        .await
        .unwrap();
    let mut query = ReportQuery::default();
    for (expand, shown) in [(None, 0), (Some(GENERAL), 520)] {
        query.expand = expand;
        let r = report(
            &app.db,
            id,
            &query,
            Comments::Preview,
            false,
            app::i18n::Lang::Da,
            now_ms(),
        )
        .await
        .unwrap();
        assert_eq!(r.general_comment_count, 520);
        assert_eq!(r.general_comments.len(), shown, "{expand:?}");
    }
    let client = client();
    app.sign_in_as(&client, Role::Viewer).await;
    let (_, page) = fetch(&client, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert!(page.contains("Vis alle 520 kommentarer"));
    assert!(page.contains("vis=0#general"));
}

/// The report's running count, and the same counted afresh from the submitted answers.
async fn count_and_recount(app: &TestApp) -> (Vec<TallyRow>, Vec<TallyRow>) {
    let kept: Vec<TallyRow> = sqlx::query_as(
        "SELECT item_id, group_name, unit, value, answers, commented FROM answer_tally
         WHERE consultation_id = $1 AND answers <> 0 ORDER BY 1, 2, 3, 4",
    )
    .bind(app.consultation_id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    let recounted: Vec<TallyRow> = sqlx::query_as(
        "SELECT sa.item_id, r.group_name, r.unit, sa.value, COUNT(*),
                SUM(CASE WHEN sa.comment <> '' THEN 1 ELSE 0 END)
         FROM response rs JOIN respondent r ON r.id = rs.respondent_id
         JOIN submitted_answer sa ON sa.response_id = rs.id
         WHERE rs.consultation_id = $1
         GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
    )
    .bind(app.consultation_id)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    (kept, recounted)
}

type TallyRow = (i64, String, String, String, i64, i64);

#[tokio::test]
async fn the_count_follows_resubmissions_and_bodies_moved_to_another_group() {
    let app = seeded().await;
    let (kept, recounted) = count_and_recount(&app).await;
    assert!(!kept.is_empty());
    assert_eq!(kept, recounted, "after a resubmission");

    let id = app.consultation_id;
    let (nord,): (i64,) = sqlx::query_as("SELECT id FROM respondent WHERE name LIKE '%Nordskolen'")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    let edit = format!("/admin/hoering/{id}/parter/{nord}");
    let moved = [
        ("name", "Skolebestyrelsen, Nordskolen"),
        ("group", "MED-udvalg"),
        ("unit", "Nordskolen"),
        ("emails", "nord@example.dk; formand@example.dk"),
    ];
    let viewer = client();
    app.sign_in_as(&viewer, Role::Viewer).await;
    let res = app.admin_post(&viewer, &edit, &moved).await;
    assert_eq!(res.status().as_u16(), 403, "a viewer cannot change bodies");

    let manager = client();
    app.sign_in_as(&manager, Role::Manager).await;
    let res = app.admin_post(&manager, &edit, &moved).await;
    assert_eq!(res.status().as_u16(), 303);
    let (kept, recounted) = count_and_recount(&app).await;
    assert_eq!(kept, recounted, "after moving a body");
    let (_, page) = fetch(
        &manager,
        &app.url(&format!("/admin/hoering/{id}/rapport?gruppe=MED-udvalg")),
    )
    .await;
    assert_eq!(
        bar_of(&page, "1.1"),
        "Enig: 0, Uenig: 1, Ved ikke: 1, Ikke besvaret: 0",
        "the body's answers moved with it"
    );
    let (_, page) = fetch(&manager, &app.url(&format!("/admin/hoering/{id}"))).await;
    assert!(page.contains("formand@example.dk"));

    // A bad address, or another body's name: said, shown again, nothing changed.
    for (emails, said) in [
        (
            "ikke-en-adresse",
            "»ikke-en-adresse« er ikke en gyldig e-mailadresse.",
        ),
        (
            "syd@example.dk",
            "»skolebestyrelsen, syd« findes allerede i høringen.",
        ),
    ] {
        let taken = [
            ("name", "skolebestyrelsen, syd"),
            ("group", "Skolebestyrelse"),
            ("emails", emails),
        ];
        let res = app.admin_post(&manager, &edit, &taken).await;
        assert_eq!(res.status().as_u16(), 422);
        let page = res.text().await.unwrap();
        assert!(page.contains(said), "{said}");
        let own_form = format!("id=\"f-emails-{nord}\"");
        assert!(page.contains(&own_form), "the row's own form, open");
    }
    let (group,): (String,) = sqlx::query_as("SELECT group_name FROM respondent WHERE id = $1")
        .bind(nord)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(group, "MED-udvalg");
    let (changes,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE action = 'body_changed'")
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    assert_eq!(
        changes, 1,
        "the change is in the audit log, the refusals are not"
    );
}
