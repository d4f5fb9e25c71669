//! Series and trends (issue 11 §2): editions put in a series from the consultation's
//! page, matched item by item by code (new, reworded, rescaled, gone), each item's
//! trend on the report, the institution's sheet and the memo for the whole and the
//! unit, and the refusals: another kind of consultation, a code used twice, a title
//! taken — nothing half-saved.

use crate::helpers::*;
use crate::survey::{answers, items, staff_survey, three_units_answered};
use app::backend::report::{report, Comments};
use app::i18n::Lang;
use app::model::admin::Role;
use app::model::listing::encode_query;
use app::model::report::ReportQuery;
use app::model::series::Measure;

/// Last year's edition of the staff survey, answered and closed: its 1.2 worded
/// otherwise, its 1.3 numbered 9.9 (gone this year, and this year's 1.3 new) and its
/// 1.4 asked on the 0–10 scale (rescaled).
async fn last_year(app: &TestApp) -> ConsultationId {
    let (id, people) = staff_survey(app, &[("Nordskolen", 6), ("Sydskolen", 6)]).await;
    for (sql, code) in [
        ("UPDATE item SET text = 'Mit arbejde er meningsfuldt.' WHERE consultation_id = $1 AND code = $2", "1.2"),
        ("UPDATE item SET code = '9.9' WHERE consultation_id = $1 AND code = $2", "1.3"),
        ("UPDATE item SET kind = 'nps' WHERE consultation_id = $1 AND code = $2", "1.4"),
    ] {
        sqlx::query(sql)
            .bind(id)
            .bind(code)
            .execute(&app.db.write)
            .await
            .unwrap();
    }
    let items = items(app, id).await;
    for (n, (_, token)) in people.iter().enumerate() {
        let res = app
            .post_form(&client(), token, &answers(&items, n * 2 + 1))
            .await;
        assert_eq!(res.status().as_u16(), 303);
    }
    sqlx::query(
        "UPDATE consultation SET status = 'closed', closed_at = $1, deadline = $1 WHERE id = $2",
    )
    .bind(now() - 365 * DAY_MS)
    .bind(id)
    .execute(&app.db.write)
    .await
    .unwrap();
    id
}

fn now() -> i64 {
    app::backend::now_ms()
}

/// The year of a deadline `days` from now, as the editions are labelled.
fn year_of(ms: i64) -> String {
    app::backend::dates::local_date(ms)[..4].to_owned()
}

async fn put_in_series(
    app: &TestApp,
    c: &reqwest::Client,
    id: ConsultationId,
    pairs: &[(&str, &str)],
) -> reqwest::Response {
    app.admin_post(c, &format!("/admin/hoering/{id}/serie"), pairs)
        .await
}

/// An item's card on the report or memo page, found by its code.
fn card<'a>(page: &'a str, code: &str) -> &'a str {
    let at = page
        .find(&format!("{code} "))
        .unwrap_or_else(|| panic!("{code} on the page"));
    let start = page[..at].rfind("<section").unwrap();
    let end = page[at..].find("</section>").unwrap() + at;
    &page[start..end]
}

/// The share positive of item `code` in `id`'s report (whole or `unit`).
async fn positive(app: &TestApp, id: ConsultationId, code: &str, unit: Option<&str>) -> i32 {
    let query = ReportQuery {
        unit: unit.map(str::to_owned),
        ..ReportQuery::default()
    };
    let r = report(&app.db, id, &query, Comments::None, false, Lang::Da, now())
        .await
        .unwrap();
    let item = r.items.iter().find(|i| i.code == code).unwrap();
    let tally = match unit {
        Some(_) => item.breakdown[0].clone().unwrap(),
        None => item.overall.clone().unwrap(),
    };
    Measure::Positive.value(&item.kind, &tally).unwrap()
}

#[tokio::test]
async fn editions_are_matched_by_code_and_every_item_shows_its_trend() {
    let (app, id) = three_units_answered().await;
    let before = last_year(&app).await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;

    let res = put_in_series(&app, &c, before, &[("series", "new"), ("title", "Trivsel")]).await;
    assert_eq!(
        location(&res),
        format!("/admin/hoering/{before}?besked=SeriesSaved#serie")
    );
    let (series,): (i64,) = sqlx::query_as("SELECT id FROM series WHERE title = 'Trivsel'")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    let res = put_in_series(&app, &c, id, &[("series", &series.to_string())]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(audited(&app, "series_changed").await.len(), 2);

    // The consultation's page: its editions and what changed since the one before.
    let (then, this) = (year_of(now() - 365 * DAY_MS), year_of(now() + 14 * DAY_MS));
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}"))).await;
    let panel = &page[page.find("id=\"serie\"").unwrap()..];
    let panel = &panel[..panel.find("</section>").unwrap()];
    assert!(panel.contains("Indgår i serien »Trivsel«"), "{panel}");
    assert!(panel.contains(&format!("Sammenlignet med {then}")));
    for (heading, code) in [
        ("Nye (1)", "1.3"),
        ("Ny formulering (1)", "1.2"),
        ("Ny svarskala – tallene kan ikke sammenlignes (1)", "1.4"),
        ("Udgået (1)", "9.9"),
    ] {
        let at = panel.find(heading).unwrap_or_else(|| panic!("{heading}"));
        let list = &panel[at..];
        let list = &list[..list.find("</ul>").unwrap()];
        assert!(
            list.contains(&format!("<span class=\"code\">{code}</span>")),
            "{heading}: {list}"
        );
    }

    // The report: the whole's figure per edition, the change in words, the notes.
    let (old, new) = (
        positive(&app, before, "1.1", None).await,
        positive(&app, id, "1.1", None).await,
    );
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport"))).await;
    assert!(page.contains(&format!("Serie: Trivsel – {then}, {this}")));
    let first = card(&page, "1.1");
    let table = &first[first.find("trend-table").unwrap()..];
    let row = |year: &str| {
        let at = table
            .find(&format!("<th scope=\"row\">{year}</th>"))
            .unwrap();
        table[at..].split("</tr>").next().unwrap().to_owned()
    };
    assert!(row(&then).contains(&format!("{old} %")), "{}", row(&then));
    assert!(row(&this).contains(&format!("{new} %")));
    let change = match (new - old).signum() {
        1 => format!("Steget {} procentpoint siden {then}", new - old),
        -1 => format!("Faldet {} procentpoint siden {then}", old - new),
        _ => format!("Uændret siden {then}"),
    };
    assert!(first.contains(&change), "{change}: {first}");
    assert!(first.contains("<svg"), "a chart drawn on the server");
    assert!(card(&page, "1.2").contains(&format!("Ny formulering siden {then}.")));
    assert!(
        card(&page, "1.2").contains("trend-table"),
        "reworded: still compared"
    );
    assert!(card(&page, "1.3").contains("Nyt spørgsmål i denne udgave."));
    assert!(!card(&page, "1.3").contains("trend-table"));
    let rescaled = card(&page, "1.4");
    assert!(rescaled.contains("Ny svarskala siden"));
    assert!(
        !rescaled.contains("trend-table"),
        "no comparison across scales"
    );
    let gone = &page[page.find(&format!("Udgået siden {then}")).unwrap()..];
    assert!(gone[..gone.find("</section>").unwrap()].contains("9.9"));

    // One unit beside the whole: the unit's figure per edition too.
    let unit = encode_query(&[("institution", "Nordskolen".to_owned())]);
    let (old_unit, new_unit) = (
        positive(&app, before, "1.1", Some("Nordskolen")).await,
        positive(&app, id, "1.1", Some("Nordskolen")).await,
    );
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/rapport{unit}"))).await;
    let first = card(&page, "1.1");
    assert!(first.contains("<th scope=\"col\" class=\"num\">Nordskolen</th>"));
    assert!(
        first.contains(&format!("<td class=\"num\">{old_unit} %</td>")),
        "{first}"
    );
    assert!(first.contains(&format!("<td class=\"num\">{new_unit} %</td>")));
    // The institution's sheet says the changes in a few words, the memo in full.
    let (_, sheet) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/enhed{unit}"))).await;
    let delta = new_unit - old_unit;
    let short = match delta.signum() {
        1 => format!("+{delta} pp siden {then}"),
        -1 => format!("−{} pp siden {then}", -delta),
        _ => format!("±0 pp siden {then}"),
    };
    assert!(sheet.contains(&short), "{short}");
    let (_, memo) = fetch(&c, &app.url(&format!("/admin/hoering/{id}/notat"))).await;
    assert!(card(&memo, "1.1").contains(&change));
    assert!(memo.contains(&format!("Udgået siden {then}")));

    // Last year's report has no later edition in it.
    let (_, page) = fetch(&c, &app.url(&format!("/admin/hoering/{before}/rapport"))).await;
    assert!(
        page.contains(&format!("Serie: Trivsel – {then}<")),
        "only up to itself"
    );
    assert!(!page.contains("trend-table"));
}

#[tokio::test]
async fn a_series_refuses_another_kind_a_code_used_twice_and_a_taken_title() {
    let app = spawn_app().await;
    let (survey, _) = staff_survey(&app, &[("Nordskolen", 1)]).await;
    let (other, _) = staff_survey(&app, &[("Sydskolen", 1)]).await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    let res = put_in_series(&app, &c, survey, &[("series", "new"), ("title", "Trivsel")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (series,): (i64,) = sqlx::query_as("SELECT id FROM series")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    let series = series.to_string();
    let hearing = app.consultation_id;
    sqlx::query("UPDATE item SET code = '1.1' WHERE consultation_id = $1 AND code = '1.2'")
        .bind(other)
        .execute(&app.db.write)
        .await
        .unwrap();

    for (id, pairs, message) in [
        (
            hearing,
            vec![("series", series.as_str())],
            "Serien »Trivsel« rummer spørgeskemaundersøgelser. En høring kan kun indgå i en serie af høringer.",
        ),
        (
            other,
            vec![("series", series.as_str())],
            "Nummer 1.1 står ved mere end ét spørgsmål.",
        ),
        (
            other,
            vec![("series", "new"), ("title", "Twice")],
            "Nummer 1.1 står ved mere end ét spørgsmål.",
        ),
        (
            hearing,
            vec![("series", "new"), ("title", "trivsel")],
            "Der findes allerede en serie med navnet »trivsel«.",
        ),
        (hearing, vec![("series", "new"), ("title", " ")], "Skriv en titel."),
        (
            hearing,
            vec![("series", "99999")],
            "Vælg en serie på listen, eller opret en ny.",
        ),
    ] {
        let res = put_in_series(&app, &c, id, &pairs).await;
        assert_eq!(res.status().as_u16(), 422, "{message}");
        let page = res.text().await.unwrap();
        assert!(page.contains(message), "{message}: {page}");
        // A new series chosen and named is chosen and named again.
        if let [("series", "new"), ("title", title)] = pairs[..] {
            let select = &page[page.find("id=\"f-series\"").unwrap()..];
            let select = &select[..select.find("</select>").unwrap()];
            assert!(select.contains("<option value=\"new\" selected"), "{select}");
            assert!(page.contains(&format!("value=\"{title}\"")), "{title} kept");
        }
    }
    // Nothing half-saved: one series, only the first survey in it, one audit line.
    let rows: Vec<(i64, Option<i64>)> =
        sqlx::query_as("SELECT id, series_id FROM consultation ORDER BY id")
            .fetch_all(&app.db.read)
            .await
            .unwrap();
    let members: Vec<i64> = rows
        .iter()
        .filter(|(_, s)| s.is_some())
        .map(|(id, _)| *id)
        .collect();
    assert_eq!(members, vec![survey.get()]);
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM series")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(count, 1);
    assert_eq!(
        audited(&app, "series_changed").await,
        vec!["serie: Trivsel"]
    );

    // Out of the series again; a reader cannot change it.
    let res = put_in_series(&app, &c, survey, &[("series", "")]).await;
    assert_eq!(
        location(&res),
        format!("/admin/hoering/{survey}?besked=SeriesLeft#serie")
    );
    let reader = client();
    app.sign_in_as(&reader, Role::Viewer).await;
    let res = put_in_series(&app, &reader, survey, &[("series", &series)]).await;
    assert_eq!(res.status().as_u16(), 403);
}
