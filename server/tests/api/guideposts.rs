//! Pejlemærker and learning stories (issue 11 §5): a period and its guideposts, a
//! draft asking each institution for a story per guidepost, the stories answered
//! through the personal link, read side by side, tagged, quoted (word for word), a
//! meta-narrative written and survey questions named — and the committee memo, which
//! names the institution by a quote only where the consultation says so. Every bad
//! input is refused with its reason and nothing is stored.

use crate::helpers::*;
use crate::survey::staff_survey;
use app::backend::auth::user_by_id;
use app::backend::manage::{add_respondent, create, NewRespondent, Source};
use app::backend::now_ms;
use app::model::admin::Role;
use app::model::{ConsultationKind, UserId};

/// Posts and expects a refusal (422) that says `message`.
async fn refused(
    app: &TestApp,
    c: &reqwest::Client,
    path: &str,
    pairs: &[(&str, &str)],
    message: &str,
) {
    let res = app.admin_post(c, path, pairs).await;
    assert_eq!(res.status().as_u16(), 422, "{path}: {message}");
    let page = res.text().await.unwrap();
    assert!(page.contains(message), "{message}: {page}");
}

#[tokio::test]
async fn stories_are_asked_answered_read_tagged_quoted_and_told_to_the_committee() {
    let app = spawn_app().await;
    let (survey, _) = staff_survey(&app, &[("Nordskolen", 1)]).await;
    let c = client();
    let email = app.sign_in_as(&c, Role::Manager).await;

    // A period, refused without a name and with a name taken.
    refused(
        &app,
        &c,
        "/admin/pejlemaerker",
        &[("title", " ")],
        "Skriv en titel.",
    )
    .await;
    let res = app
        .admin_post(&c, "/admin/pejlemaerker", &[("title", "Pejlemærker 2026")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let period = app.integer("SELECT id FROM guidepost_period").await;
    assert_eq!(
        location(&res),
        format!("/admin/pejlemaerker/{period}?besked=PeriodCreated")
    );
    refused(
        &app,
        &c,
        "/admin/pejlemaerker",
        &[("title", "pejlemærker 2026")],
        "Der findes allerede en periode",
    )
    .await;

    // Its guideposts; a text over 1,000 characters is refused.
    let add = format!("/admin/pejlemaerker/{period}/nyt");
    let long = "x".repeat(1001);
    refused(
        &app,
        &c,
        &add,
        &[("title", "Sprog"), ("body", &long)],
        "Teksten er for lang (højst 1000 tegn).",
    )
    .await;
    for (title, body) in [
        ("Sprog fra første dag", "Alle børn udvikler sprog."),
        ("Fællesskaber", "Alle er med."),
    ] {
        let res = app
            .admin_post(&c, &add, &[("title", title), ("body", body)])
            .await;
        assert_eq!(
            location(&res),
            format!("/admin/pejlemaerker/{period}?besked=GuidepostAdded")
        );
    }
    assert_eq!(app.integer("SELECT COUNT(*) FROM guidepost").await, 2);
    let (first,): (i64,) = sqlx::query_as("SELECT id FROM guidepost ORDER BY position LIMIT 1")
        .fetch_one(&app.db.read)
        .await
        .unwrap();

    // A draft asks for a story per guidepost: three free-text questions each.
    let user_id = UserId::new(user_id(&app, &email).await);
    let user = user_by_id(&app.db, user_id).await.unwrap().unwrap();
    let deadline = now_ms() + 14 * DAY_MS;
    let draft = create(
        &app.db,
        &user,
        "Læringshistorier",
        deadline,
        Source::Blank(ConsultationKind::Hearing),
        now_ms(),
    )
    .await
    .unwrap();
    let ask = format!("/admin/hoering/{draft}/historier");
    let period_id = period.to_string();
    let res = app
        .admin_post(&c, &ask, &[("period", &period_id), ("attributed", "1")])
        .await;
    assert_eq!(
        location(&res),
        format!("/admin/hoering/{draft}?besked=StoriesAsked")
    );
    let items: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, code, text, story_part FROM item WHERE consultation_id = $1 ORDER BY id",
    )
    .bind(draft)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    let codes: Vec<&str> = items.iter().map(|i| i.1.as_str()).collect();
    assert_eq!(codes, ["L1.1", "L1.2", "L1.3", "L2.1", "L2.2", "L2.3"]);
    assert_eq!(items[2].2, "Hvad lærte vi?");
    // Asked twice: refused, nothing added.
    let res = app.admin_post(&c, &ask, &[("period", &period_id)]).await;
    assert!(
        location(&res).contains("StoriesAlreadyAsked"),
        "{}",
        location(&res)
    );
    assert_eq!(
        items.len() as i64,
        app.integer(&format!(
            "SELECT COUNT(*) FROM item WHERE consultation_id = {draft}"
        ))
        .await
    );

    // Next year's copy asks the same guideposts: its story questions stay linked (and
    // attributed), so asking it again is refused as well.
    let res = app
        .admin_post(&c, &format!("/admin/hoering/{draft}/kopier"), &[])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let copy = app.integer("SELECT MAX(id) FROM consultation").await;
    assert_eq!(
        app.integer(&format!(
            "SELECT COUNT(*) FROM item i JOIN consultation c ON c.id = i.consultation_id
                 WHERE c.id = {copy} AND c.stories_attributed AND i.guidepost_id IS NOT NULL
                   AND i.story_part IS NOT NULL"
        ))
        .await,
        6
    );
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{copy}/historier"),
            &[("period", &period_id)],
        )
        .await;
    assert!(location(&res).contains("StoriesAlreadyAsked"));

    // Two institutions answer through their personal links; a part over 5,000
    // characters is refused at its field and nothing is saved.
    sqlx::query("UPDATE consultation SET status = 'open' WHERE id = $1")
        .bind(draft)
        .execute(&app.db.write)
        .await
        .unwrap();
    let mut tokens = Vec::new();
    for unit in ["Nordskolen", "Engskolen"] {
        let email = format!("leder@{}.example", unit.to_lowercase());
        let (_, token) = add_respondent(
            &app.db,
            draft,
            &NewRespondent {
                name: unit,
                group: "Ledelse",
                unit,
                emails: &[email.as_str()],
            },
            now_ms(),
        )
        .await
        .unwrap();
        tokens.push(token.as_str().to_owned());
    }
    let story = |unit: &str| -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (n, (id, ..)) in items.iter().enumerate() {
            let text = format!("{unit} del {n}: Vi læste højt hver morgen, og børnene talte mere.");
            pairs.extend(item_fields(ItemId::new(*id), &text, "", None));
        }
        pairs.push(intent("submit"));
        pairs
    };
    let mut too_long = story("Nordskolen");
    too_long[0].1 = "æ".repeat(5001);
    let res = app.post_form(&client(), &tokens[0], &too_long).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("Svaret er på 5.001 tegn. Det må højst være 5.000 tegn."));
    assert_eq!(
        app.integer("SELECT COUNT(*) FROM submitted_answer").await,
        0
    );
    for (token, unit) in tokens.iter().zip(["Nordskolen", "Engskolen"]) {
        let res = app.post_form(&client(), token, &story(unit)).await;
        assert_eq!(res.status().as_u16(), 303, "{unit} submitted");
    }

    // Side by side, attributed.
    let page_url = app.url(&format!("/admin/pejlemaerke/{first}"));
    let (status, page) = fetch(&c, &page_url).await;
    assert_eq!(status, 200);
    assert!(page.contains("Nordskolen del 0: Vi læste højt"));
    assert!(page.contains("Engskolen del 2:"));
    assert!(
        !page.contains("del 3:"),
        "the other guidepost's story is on its own page"
    );
    let responses: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, unit FROM response WHERE consultation_id = $1 AND status = 'submitted' ORDER BY unit",
    )
    .bind(draft)
    .fetch_all(&app.db.read)
    .await
    .unwrap();
    let (engskolen, nordskolen) = (responses[0].0.to_string(), responses[1].0.to_string());

    // Themes: split, deduplicated; too many refused.
    let tags = format!("/admin/pejlemaerke/{first}/temaer");
    let many = (0..9)
        .map(|n| format!("t{n}"))
        .collect::<Vec<_>>()
        .join(",");
    refused(
        &app,
        &c,
        &tags,
        &[("response", &nordskolen), ("tags", &many)],
        "Højst 8 temaer pr. historie.",
    )
    .await;
    let res = app
        .admin_post(
            &c,
            &tags,
            &[
                ("response", &nordskolen),
                ("tags", "Højtlæsning, højtlæsning, Rutiner"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let stored: Vec<(String,)> = sqlx::query_as("SELECT tag FROM story_tag ORDER BY tag")
        .fetch_all(&app.db.read)
        .await
        .unwrap();
    assert_eq!(
        stored,
        vec![("Højtlæsning".to_owned(),), ("Rutiner".to_owned(),)]
    );
    let (_, page) = fetch(&c, &format!("{page_url}?tema=Rutiner")).await;
    assert!(
        page.contains("Nordskolen del 0") && !page.contains("Engskolen del 0"),
        "filtered by theme"
    );

    // Quotes: word for word, or refused.
    let quote = format!("/admin/pejlemaerke/{first}/citat");
    let learned = items[2].0.to_string();
    refused(
        &app,
        &c,
        &quote,
        &[
            ("response", &engskolen),
            ("item", &learned),
            ("excerpt", "børnene talte meget mere"),
        ],
        "Citatet skal stå ordret i historien.",
    )
    .await;
    assert_eq!(app.integer("SELECT COUNT(*) FROM story_quote").await, 0);
    let res = app
        .admin_post(
            &c,
            &quote,
            &[
                ("response", &engskolen),
                ("item", &learned),
                ("excerpt", "børnene  talte mere."),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // The meta-narrative; and the survey's questions, each checked.
    let narrative = format!("/admin/pejlemaerke/{first}/fortaelling");
    let too_much = "y".repeat(10_001);
    refused(
        &app,
        &c,
        &narrative,
        &[("narrative", &too_much)],
        "Teksten er for lang",
    )
    .await;
    let res = app
        .admin_post(
            &c,
            &narrative,
            &[(
                "narrative",
                "Det går igen: faste rutiner.\n\nVi foreslår mere højtlæsning.",
            )],
        )
        .await;
    assert!(location(&res).contains("NarrativeSaved"));
    let figures = format!("/admin/pejlemaerke/{first}/tal");
    let survey_id = survey.to_string();
    let hearing = app.consultation_id.to_string();
    refused(
        &app,
        &c,
        &figures,
        &[("survey", &survey_id), ("codes", "1.1, 9.9")],
        "Spørgsmål 9.9 findes ikke i undersøgelsen.",
    )
    .await;
    refused(
        &app,
        &c,
        &figures,
        &[("survey", &survey_id), ("codes", " ")],
        "Skriv numrene på de spørgsmål, notatet skal vise",
    )
    .await;
    refused(
        &app,
        &c,
        &figures,
        &[("survey", &hearing), ("codes", "1")],
        "Vælg en spørgeskemaundersøgelse",
    )
    .await;
    let res = app
        .admin_post(
            &c,
            &figures,
            &[("survey", &survey_id), ("codes", "1.1 1.2")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);

    // The committee memo: the narrative in paragraphs, the figures, the themes, and
    // the quote with its institution (the consultation says stories are attributed).
    let memo_url = app.url(&format!("/admin/pejlemaerker/{period}/notat"));
    let (status, memo) = fetch(&c, &memo_url).await;
    assert_eq!(status, 200);
    assert!(memo.contains("<p class=\"narrative\">Vi foreslår mere højtlæsning.</p>"));
    assert!(
        memo.contains("Jeg glæder mig til at gå på arbejde."),
        "1.1 from the survey"
    );
    assert!(memo.contains("Højtlæsning (1)"));
    assert!(memo.contains("<p>børnene talte mere.</p>"), "{memo}");
    assert!(memo.contains("Hvad lærte vi? – Engskolen"));
    // Unattributed: the same quote, no institution.
    sqlx::query("UPDATE consultation SET stories_attributed = FALSE WHERE id = $1")
        .bind(draft)
        .execute(&app.db.write)
        .await
        .unwrap();
    let (_, memo) = fetch(&c, &memo_url).await;
    assert!(memo.contains("<p>børnene talte mere.</p>"));
    assert!(
        !memo.contains("– Engskolen"),
        "the institution is not named"
    );
    let (_, page) = fetch(&c, &page_url).await;
    assert!(!page.contains(">Engskolen</h2>") && page.contains("Historie (uden navn)"));

    // Every change is audited; a reader reads but cannot change; a leader neither.
    assert!(audited(&app, "guidepost_changed").await.len() >= 7);
    let reader = client();
    app.sign_in_as(&reader, Role::Viewer).await;
    assert_eq!(fetch(&reader, &page_url).await.0, 200);
    let res = app
        .admin_post(&reader, &narrative, &[("narrative", "x")])
        .await;
    assert_eq!(res.status().as_u16(), 403);
    let leader = client();
    app.sign_in_as(&leader, Role::Leader).await;
    assert_eq!(fetch(&leader, &page_url).await.0, 403);
}

#[tokio::test]
async fn stories_are_asked_only_of_a_draft_and_of_a_period_with_guideposts() {
    let app = spawn_app().await;
    let c = client();
    app.sign_in_as(&c, Role::Manager).await;
    app.admin_post(&c, "/admin/pejlemaerker", &[("title", "Tom")])
        .await;
    let period = app
        .integer("SELECT id FROM guidepost_period")
        .await
        .to_string();
    // The demo hearing is open, and the period is empty.
    let open = app.consultation_id;
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{open}/historier"),
            &[("period", &period)],
        )
        .await;
    assert!(
        location(&res).contains("StoriesOnlyInDraft"),
        "{}",
        location(&res)
    );
    sqlx::query("UPDATE consultation SET status = 'draft' WHERE id = $1")
        .bind(open)
        .execute(&app.db.write)
        .await
        .unwrap();
    let res = app
        .admin_post(
            &c,
            &format!("/admin/hoering/{open}/historier"),
            &[("period", &period)],
        )
        .await;
    assert!(location(&res).contains("PeriodEmpty"));
    assert_eq!(
        app.integer("SELECT COUNT(*) FROM item WHERE guidepost_id IS NOT NULL")
            .await,
        0
    );
}
