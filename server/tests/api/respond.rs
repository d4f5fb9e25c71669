use crate::helpers::*;
use app::backend::manage::{revoke_invitations, set_deadline, set_status};
use app::backend::now_ms;
use app::backend::token::fingerprint;
use app::model::ConsultationStatus;
use serde_json::json;

#[tokio::test]
async fn the_page_shows_the_hearing_to_the_body_behind_the_link() {
    let app = spawn_app().await;
    let token = app.add_body("Skolebestyrelsen, Nordskolen").await;
    let res = client()
        .get(app.url(&format!("/svar/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(res.headers()["referrer-policy"], "same-origin");
    let html = res.text().await.unwrap();
    assert!(html.contains("<html lang=\"da\""));
    assert!(html.contains("Høring om udviklingsplan for skole og dagtilbud"));
    assert!(html.contains("Skolebestyrelsen, Nordskolen"));
    assert!(html.contains("0 af 42 besvaret"));
    assert_eq!(html.matches("type=\"radio\"").count(), 42 * 3);
    assert_eq!(html.matches("<textarea").count(), 43);
    assert!(
        html.contains(" den ") && html.contains(" kl. "),
        "deadline in Danish date format"
    );
    assert!(
        !html.contains(&token[..]) || html.contains(&format!("/svar/{token}")),
        "token only in links"
    );
}

#[tokio::test]
async fn bad_links_all_get_the_same_plain_page() {
    let app = spawn_app().await;
    let revoked = app.add_body("Tilbagekaldt").await;
    let respondent_id: (BodyId,) =
        sqlx::query_as("SELECT id FROM respondent WHERE name = 'Tilbagekaldt'")
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    revoke_invitations(&app.db, respondent_id.0, now_ms())
        .await
        .unwrap();
    let client = client();
    let mut bodies = Vec::new();
    for token in [
        revoked.as_str(),
        "AAAAAAAAAAAAAAAAAAAAAAAA",
        "kort",
        "%C3%A6%C3%B8%C3%A5",
        &"x".repeat(600),
    ] {
        let (status, html) = app.get_page(&client, token).await;
        assert_eq!(status, 404, "token {token:.30}");
        assert!(html.contains("Linket virker ikke"));
        bodies.push(without_nonce(&html));
    }
    assert!(
        bodies.windows(2).all(|w| w[0] == w[1]),
        "every bad link gets the same page"
    );
    let res = app
        .post_form(
            &client,
            "AAAAAAAAAAAAAAAAAAAAAAAA",
            &item_fields(app.item_ids[0], "agree", "", None),
        )
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_eq!(app.answer_count().await, 0);
}

/// The page with its per-response script nonce blanked out.
fn without_nonce(html: &str) -> String {
    let start = html.find("nonce=\"").expect("nonce") + "nonce=\"".len();
    let nonce = html[start..].split('"').next().unwrap();
    html.replace(nonce, "")
}

#[tokio::test]
async fn a_draft_is_saved_and_shown_to_the_next_member() {
    let app = spawn_app().await;
    let token = app.add_body("Forældrebestyrelsen").await;
    let ids = &app.item_ids;
    let mut form = item_fields(ids[0], "agree", "Godt forslag.", None);
    form.extend(item_fields(ids[1], "disagree", "", None));
    form.extend(item_fields(ids[2], "", "Vi mangler viden.", None));
    form.push(("gc".into(), "Samlet set godt.".into()));
    form.push(("gf".into(), fingerprint("", "")));
    form.push(intent("save"));
    let res = app.post_form(&client(), &token, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], format!("/svar/{token}?gemt=1"));

    let (_, html) = app.get_page(&client(), &token).await;
    assert!(is_checked(&html, ids[0], "agree"));
    assert!(is_checked(&html, ids[1], "disagree"));
    assert!(html.contains("Godt forslag."));
    assert!(html.contains("Vi mangler viden."));
    assert!(html.contains("Samlet set godt."));
    assert!(html.contains("2 af 42 besvaret"));
    assert!(html.contains("Ikke indsendt endnu"));
}

#[tokio::test]
async fn submitting_with_blanks_asks_first_then_submits_and_resubmits() {
    let app = spawn_app().await;
    let token = app.add_body("MED-udvalget").await;
    let client = client();
    let mut form = item_fields(app.item_ids[0], "agree", "", None);
    form.push(intent("submit"));
    let res = app.post_form(&client, &token, &form).await;
    assert_eq!(
        res.headers()["location"],
        format!("/svar/{token}?bekraeft=1")
    );
    let (_, html) = fetch(&client, &app.url(&format!("/svar/{token}?bekraeft=1"))).await;
    assert!(html.contains("41 forslag er ikke besvaret"));
    assert!(html.contains("Indsend alligevel"));
    assert!(
        is_checked(&html, app.item_ids[0], "agree"),
        "the answers were kept as a draft"
    );
    assert_eq!(
        app.body_state("MED-udvalget").await,
        "draft",
        "a submission asked about is a draft"
    );

    let res = app
        .post_form(&client, &token, &[intent("confirm_submit")])
        .await;
    assert_eq!(
        res.headers()["location"],
        format!("/svar/{token}/kvittering")
    );
    let (status, receipt) = fetch(&client, &app.url(&format!("/svar/{token}/kvittering"))).await;
    assert_eq!(status, 200);
    assert!(receipt.contains("Tak for jeres høringssvar"));
    assert!(receipt.contains("indsendelse nr. 1"));
    assert_eq!(app.body_state("MED-udvalget").await, "submitted");

    // Edit after submitting: the working copy changes, the submitted answer does not
    // until it is submitted again, which bumps the version and the submission number.
    let (_, html) = app.get_page(&client, &token).await;
    let seen = fingerprint_in(&html, &format!("f{}", app.item_ids[0]));
    let mut form = item_fields(
        app.item_ids[0],
        "disagree",
        "Vi har skiftet mening.",
        Some(&seen),
    );
    form.push(intent("save"));
    app.post_form(&client, &token, &form).await;
    assert_eq!(app.submitted_value(app.item_ids[0]).await, "agree");
    let (_, html) = app.get_page(&client, &token).await;
    assert!(html.contains("ændringer, som ikke er indsendt"));

    let res = app
        .post_form(&client, &token, &[intent("confirm_submit")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let (no, version, submitted_version): (i64, i64, i64) =
        sqlx::query_as("SELECT submission_no, version, submitted_version FROM response")
            .fetch_one(&app.db.read)
            .await
            .unwrap();
    assert_eq!(no, 2);
    assert_eq!(version, submitted_version);
    assert_eq!(
        version, 4,
        "draft, submit, edit, resubmit: each write bumps the version"
    );
    assert_eq!(app.submitted_value(app.item_ids[0]).await, "disagree");
}

#[tokio::test]
async fn two_members_changing_the_same_answer_are_told_and_nothing_is_lost() {
    let app = spawn_app().await;
    let token = app.add_body("Skolebestyrelsen").await;
    let (anna, bo) = (client(), client());
    let (item, other) = (app.item_ids[4], app.item_ids[5]);
    let (_, anna_page) = app.get_page(&anna, &token).await;
    let (_, bo_page) = app.get_page(&bo, &token).await;

    // Anna saves item and other first.
    let mut form = fields_seen_on(&anna_page, item, "agree", "Anna mener ja.");
    form.extend(fields_seen_on(&anna_page, other, "dont_know", ""));
    form.push(intent("save"));
    let res = app.post_form(&anna, &token, &form).await;
    assert_eq!(res.status().as_u16(), 303);

    // Bo, from his older page, answers item differently and leaves other as he saw it.
    let mut form = fields_seen_on(&bo_page, item, "disagree", "Bo mener nej.");
    form.extend(fields_seen_on(&bo_page, other, "", ""));
    form.push(intent("save"));
    let res = app.post_form(&bo, &token, &form).await;
    assert_eq!(res.status().as_u16(), 409);
    let html = res.text().await.unwrap();
    assert!(html.contains("et andet medlem har ændret de samme svar"));
    assert!(html.contains("Deres svar: Enig"));
    assert!(html.contains("Anna mener ja."), "Bo sees what Anna wrote");
    assert!(html.contains("Bo mener nej."), "Bo's text is kept");
    assert!(is_checked(&html, item, "disagree"));
    assert_eq!(
        app.answer(item).await.unwrap().0,
        "agree",
        "nothing written"
    );

    // Bo saves again from the re-rendered page: now deliberately over Anna's answer,
    // while Anna's answer to `other`, which Bo did not touch, is kept.
    let mut form = fields_seen_on(&html, item, "disagree", "Bo mener nej.");
    form.extend(fields_seen_on(&bo_page, other, "", ""));
    form.push(intent("save"));
    let res = app.post_form(&bo, &token, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let merged = format!("/svar/{token}?flettet={other}");
    assert_eq!(res.headers()["location"], merged.as_str());
    let expected = ("disagree".to_owned(), "Bo mener nej.".to_owned());
    assert_eq!(app.answer(item).await.unwrap(), expected);
    assert_eq!(app.answer(other).await.unwrap().0, "dont_know");
}

#[tokio::test]
async fn bad_values_are_reported_next_to_the_field_and_nothing_is_written() {
    let app = spawn_app().await;
    let token = app.add_body("Elevrådet").await;
    let ids = &app.item_ids;
    let long = "å".repeat(5_001);
    let mut form = item_fields(ids[0], "agree", "Gyldigt svar.", None);
    form.extend(item_fields(ids[1], "maybe", "", None));
    form.extend(item_fields(ids[2], "agree", &long, None));
    form.push(intent("save"));
    let res = app.post_form(&client(), &token, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Ikke gemt: ret de markerede felter"));
    assert!(html.contains("Vælg enig, uenig eller ved ikke."));
    assert!(html.contains("Kommentaren er på 5.001 tegn. Den må højst være 5.000 tegn."));
    assert!(html.contains("Gyldigt svar."), "what was typed is kept");
    assert!(html.contains(&long[..200]));
    assert_eq!(app.answer_count().await, 0, "nothing half-written");
}

#[tokio::test]
async fn an_item_of_another_consultation_is_refused() {
    let app = spawn_app().await;
    let token = app.add_body("BUPL").await;
    let foreign = ItemId::new(app.item_ids.iter().max().unwrap().get() + 1000);
    let mut form = item_fields(app.item_ids[0], "agree", "", None);
    form.extend(item_fields(foreign, "agree", "", None));
    form.push(intent("save"));
    let res = app.post_form(&client(), &token, &form).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("ikke hører til denne høring"));
    assert_eq!(app.answer_count().await, 0);
}

#[tokio::test]
async fn unreadable_posts_get_a_message_not_a_server_error() {
    let app = spawn_app().await;
    let token = app.add_body("FOA").await;
    for body in [
        "intent=delete",
        "vabc=agree",
        "v99999999999999999999=agree&&==",
    ] {
        let res = client()
            .post(app.url(&format!("/svar/{token}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 400, "{body}");
        assert!(res
            .text()
            .await
            .unwrap()
            .contains("Formularen kunne ikke læses"));
    }
}

#[tokio::test]
async fn after_the_deadline_the_page_is_read_only_and_writes_are_refused() {
    let app = spawn_app().await;
    let token = app.add_body("DLF").await;
    let mut form = item_fields(app.item_ids[0], "agree", "", None);
    form.push(intent("save"));
    app.post_form(&client(), &token, &form).await;
    set_deadline(&app.db, app.consultation_id, now_ms() - 1000, now_ms())
        .await
        .unwrap();

    let (status, html) = app.get_page(&client(), &token).await;
    assert_eq!(status, 200);
    assert!(html.contains("Høringsfristen er udløbet"));
    assert!(!html.contains("Gem kladde"));
    assert_eq!(html.matches("disabled").count(), 42 * 3 + 43);

    let seen = fingerprint_in(&html, &format!("f{}", app.item_ids[0]));
    let mut form = item_fields(app.item_ids[0], "disagree", "For sent.", Some(&seen));
    form.push(intent("confirm_submit"));
    let res = app.post_form(&client(), &token, &form).await;
    assert_eq!(res.status().as_u16(), 403);
    assert!(res
        .text()
        .await
        .unwrap()
        .contains("tager ikke længere imod svar"));
    assert_eq!(app.answer(app.item_ids[0]).await.unwrap().0, "agree");

    set_deadline(&app.db, app.consultation_id, now_ms() + DAY_MS, now_ms())
        .await
        .unwrap();
    set_status(
        &app.db,
        app.consultation_id,
        ConsultationStatus::Closed,
        now_ms(),
    )
    .await
    .unwrap();
    let (_, html) = app.get_page(&client(), &token).await;
    assert!(html.contains("Høringen er lukket"));
    let res = autosave(&app, &token, 0, json!([{"item_id": app.item_ids[0], "value": "disagree", "comment": "", "fingerprint": seen}])).await;
    assert_eq!(res, json!("Locked"));
}

/// An autosave's changes: one item answered, from an empty field.
fn one_change(item: ItemId, value: &str) -> serde_json::Value {
    json!([{"item_id": item, "value": value, "comment": "", "fingerprint": fingerprint("", "")}])
}

async fn autosave(
    app: &TestApp,
    token: &str,
    since: i64,
    changes: serde_json::Value,
) -> serde_json::Value {
    let res = client()
        .post(app.url("/api/autosave"))
        .json(&json!({"token": token, "since_version": since, "changes": changes}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    res.json().await.unwrap()
}

#[tokio::test]
async fn autosave_saves_one_answer_and_reports_other_members_changes() {
    let app = spawn_app().await;
    let token = app.add_body("Skolebestyrelsen, Engskolen").await;
    let (a, b) = (app.item_ids[0], app.item_ids[1]);
    let reply = autosave(&app, &token, 0, one_change(a, "agree")).await;
    assert_eq!(reply["Saved"]["version"], 1);
    assert_eq!(app.answer(a).await.unwrap().0, "agree");

    // Another member, still at version 0, saves b and learns about a.
    let reply = autosave(&app, &token, 0, one_change(b, "dont_know")).await;
    assert_eq!(reply["Saved"]["version"], 2);
    let updates = reply["Saved"]["updates"].as_array().unwrap();
    assert!(updates
        .iter()
        .any(|u| u["item_id"] == a.get() && u["state"]["value"] == "agree"));

    // ... and changing a from the stale fingerprint is a conflict, reported, not written.
    let reply = autosave(&app, &token, 0, one_change(a, "disagree")).await;
    assert_eq!(
        reply["Conflict"]["conflicts"][0]["theirs"]["value"],
        "agree"
    );
    assert_eq!(app.answer(a).await.unwrap().0, "agree");

    let reply = autosave(&app, &token, 2, one_change(a, "nej")).await;
    assert_eq!(reply["Invalid"]["errors"][0]["code"], "ValueOutOfScale");
    let res = client()
        .post(app.url("/api/autosave"))
        .json(&json!({"token": "AAAAAAAAAAAAAAAAAAAAAAAA", "since_version": 0, "changes": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 404);
    assert!(res.text().await.unwrap().contains("InvalidLink"));
}

#[tokio::test]
async fn concurrent_saves_from_many_members_all_land() {
    let app = spawn_app().await;
    let token = app.add_body("Mange medlemmer").await;
    let empty = fingerprint("", "");
    let saves = app.item_ids.iter().map(|&id| {
        let body = json!({"token": token, "since_version": 0,
            "changes": [{"item_id": id, "value": "agree", "comment": format!("Kommentar {id}"), "fingerprint": empty}]});
        let url = app.url("/api/autosave");
        async move { client().post(url).json(&body).send().await.unwrap().status().as_u16() }
    });
    let statuses = futures_join_all(saves).await;
    assert!(statuses.iter().all(|&s| s == 200), "{statuses:?}");
    assert_eq!(app.answer_count().await, 42);
    let (version,): (i64,) = sqlx::query_as("SELECT version FROM response")
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    assert_eq!(version, 42);
}

async fn futures_join_all<F: std::future::Future<Output = u16> + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<u16> {
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

/// The questionnaire is held in memory per catalogue version (backend/questionnaire.rs);
/// a change by any writer — here straight in the database, as another instance or the
/// administration would make it — is on the next page at once, and the next save is
/// checked against the questionnaire as it is now.
#[tokio::test]
async fn a_questionnaire_changed_while_open_is_what_the_next_page_and_save_use() {
    let app = spawn_app().await;
    let token = app.add_body("Elevrådet").await;
    let client = client();
    let (first, last) = (app.item_ids[0], *app.item_ids.last().unwrap());
    let (_, html) = app.get_page(&client, &token).await;
    assert!(html.contains("0 af 42 besvaret"));
    assert!(!html.contains("class=\"lang-list\""));
    let change = |sql: &'static str, id: i64| {
        let db = app.db.write.clone();
        async move {
            sqlx::query(sql).bind(id).execute(&db).await.unwrap();
        }
    };
    change(
        "UPDATE item SET text = 'Rettet: lektiecafé alle dage' WHERE id = $1",
        first.get(),
    )
    .await;
    change(
        "UPDATE section SET title = 'Omdøbt indsatsområde' WHERE id = (SELECT section_id FROM item WHERE id = $1)",
        first.get(),
    )
    .await;
    change(
        "INSERT INTO consultation_language (consultation_id, lang, title) VALUES ($1, 'en', 'Plan')",
        app.consultation_id.get(),
    )
    .await;
    change("DELETE FROM item WHERE id = $1", last.get()).await;
    let (_, html) = app.get_page(&client, &token).await;
    assert!(html.contains("Rettet: lektiecafé alle dage"), "item text");
    assert!(html.contains("Omdøbt indsatsområde"), "section title");
    assert!(html.contains("class=\"lang-list\""), "the language offered");
    assert!(html.contains("hreflang=\"en\""));
    assert!(html.contains("0 af 41 besvaret"), "the item removed");

    let reply = autosave(&app, &token, 0, one_change(last, "agree")).await;
    assert!(reply.get("Invalid").is_some(), "the removed item: {reply}");
    let reply = autosave(&app, &token, 0, one_change(first, "agree")).await;
    assert_eq!(reply["Saved"]["version"], 1);
}

#[tokio::test]
async fn the_respondent_can_switch_to_english() {
    let app = spawn_app().await;
    let token = app.add_body("Elevrådet").await;
    let client = client();
    let res = client
        .get(app.url(&format!("/sprog/en?til=/svar/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(res.headers()["location"], format!("/svar/{token}"));
    let (_, html) = app.get_page(&client, &token).await;
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("0 of 42 answered"));
    assert!(html.contains("Save draft"));
    let res = client
        .get(app.url("/sprog/en?til=//evil.example"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/");
}

#[tokio::test]
async fn markup_in_a_saved_comment_is_shown_as_text_not_run() {
    let app = spawn_app().await;
    let token = app.add_body("Skolebestyrelsen").await;
    let client = client();
    let attack = "</textarea><script>alert('x')</script> & <b>fed</b>";
    let mut form = item_fields(app.item_ids[0], "agree", attack, None);
    form.push(intent("save"));
    let res = app.post_form(&client, &token, &form).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.get_page(&client, &token).await;
    assert!(
        !page.contains("<script>alert('x')"),
        "no script tag from a comment"
    );
    assert!(!page.contains("</textarea><script>"));
    assert!(page.contains("&lt;/textarea>&lt;script>alert('x')&lt;/script> &amp; &lt;b>fed&lt;/b>"));
}

/// The respondent's page is islands: it loads the respondent's bundle, and the answer
/// form is its one island, whose props carry what the form needs (escaped in the
/// attribute, as any text). The administration's pages hydrate whole with theirs.
#[tokio::test]
async fn the_respondent_page_hydrates_only_its_form() {
    let app = spawn_app().await;
    let token = app.add_body("Skolebestyrelsen").await;
    let client = client();
    let mut form = item_fields(
        app.item_ids[0],
        "agree",
        "\"><script>alert(1)</script>",
        None,
    );
    form.push(intent("save"));
    app.post_form(&client, &token, &form).await;
    let (_, page) = app.get_page(&client, &token).await;
    assert!(page.contains("/pkg/samrad.js") && !page.contains("samrad_admin"));
    assert_eq!(page.matches("<leptos-island").count(), 1, "one island");
    let island = &page[page.find("<leptos-island").unwrap()..];
    assert!(island.starts_with("<leptos-island data-component=\"AnswerForm_"));
    let props = island
        .split("data-props=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(props.contains(&token), "the form's props name its link");
    assert!(!props.contains('<') && !page.contains("<script>alert(1)"));
    let form_at = page.find("<form").unwrap();
    assert!(
        page.find("<leptos-island").unwrap() < form_at,
        "the form is inside the island"
    );

    let sign_in = client.get(app.url("/admin/log-ind")).send().await.unwrap();
    let admin = sign_in.text().await.unwrap();
    assert!(admin.contains("/pkg/samrad_admin.js") && !admin.contains("<leptos-island"));
}

/// The answer form of `page` with its link's token as `TOKEN`: what two bodies' pages
/// share when their answers are the same.
fn form_of(page: &str, token: &str) -> String {
    let start = page.find("<form").expect("a form");
    let end = page.find("</form>").expect("the form's end");
    page[start..end].replace(token, "TOKEN")
}

/// The server keeps the cards it has rendered and writes them again for the next page
/// that shows the same card (pages::respond's `cards`): what it writes from there must
/// be what it renders, blank, answered and beside a card that is never kept.
#[tokio::test]
async fn cards_written_again_from_the_servers_store_are_the_cards_it_renders() {
    let app = spawn_app().await;
    let first = app.add_body("Skolebestyrelsen").await;
    let second = app.add_body("Elevrådet").await;
    let client = client();
    let (_, rendered) = app.get_page(&client, &first).await;
    let (_, kept) = app.get_page(&client, &second).await;
    assert_eq!(form_of(&kept, &second), form_of(&rendered, &first));

    let ids = &app.item_ids;
    let mut form = item_fields(ids[0], "agree", "", None);
    form.extend(item_fields(ids[1], "disagree", "Vi savner en plan.", None));
    form.push(intent("save"));
    assert_eq!(
        app.post_form(&client, &second, &form)
            .await
            .status()
            .as_u16(),
        303
    );
    let (_, answered) = app.get_page(&client, &second).await;
    assert!(is_checked(&answered, ids[0], "agree") && is_checked(&answered, ids[1], "disagree"));
    assert!(answered.contains("Vi savner en plan."));
    let (_, again) = app.get_page(&client, &second).await;
    assert_eq!(form_of(&again, &second), form_of(&answered, &second));
    assert_ne!(form_of(&again, &second), form_of(&kept, &second));
}
