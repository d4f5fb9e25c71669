//! A respondent as the load and fault runs play one: a hearing prepared through the
//! administration's own functions, a phone's requests, and the check afterwards that
//! every acknowledged submission and save is stored with what was sent.

use app::backend::demo::admin_with_draft;
use app::backend::manage::{self, insert_body};
use app::backend::now_ms;
use app::backend::token::fingerprint;
use app::model::admin::BodyRow;
use app::model::{BodyId, ItemId};
use app::wire::{path, respond};
use std::collections::HashMap;
use std::time::Duration;

pub const VALUES: [&str; 3] = ["agree", "disagree", "dont_know"];

/// A body's personal link.
#[derive(Clone)]
pub struct Body {
    pub id: BodyId,
    pub token: String,
}

/// What a client sent and the server acknowledged.
#[derive(Default)]
pub struct Acknowledged {
    /// Submitted through the form: body → (item → value, comment).
    pub submitted: HashMap<BodyId, Vec<(ItemId, String, String)>>,
    /// Saved through the autosave: (body, item) → value.
    pub saved: HashMap<(BodyId, ItemId), String>,
}

/// A hearing with `count` bodies, opened; returns its bodies with their links and its
/// items in page order.
pub async fn prepare(database: &std::path::Path, count: usize) -> (Vec<Body>, Vec<ItemId>) {
    let db = app::backend::db::Db::open(database).await.unwrap();
    db.migrate().await.unwrap();
    let (user, hearing) = admin_with_draft(&db, "Belastning", now_ms() + 86_400_000 * 30, now_ms())
        .await
        .unwrap();
    let mut tx = db.write.begin().await.unwrap();
    for n in 0..count {
        let body = BodyRow {
            row: 0,
            name: format!("Bestyrelse {n:05}"),
            group: ["Skolebestyrelse", "MED-udvalg", "Forældrebestyrelse"][n % 3].into(),
            unit: format!("Institution {:02}", n % 50 + 1),
            emails: vec![format!("b{n}@skole.example")],
        };
        insert_body(&mut tx, hearing, &body, now_ms())
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    manage::open(&db, &user, hearing, None, "http://samrad", now_ms())
        .await
        .unwrap()
        .unwrap();
    let mails: Vec<(BodyId, String)> = sqlx::query_as(
        "SELECT respondent_id, link FROM outbox WHERE kind = 'invitation' ORDER BY respondent_id",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    let bodies = mails
        .into_iter()
        .map(|(id, text)| {
            let at = text.find("/svar/").expect("a link in the invitation") + "/svar/".len();
            let token: String = text[at..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            Body { id, token }
        })
        .collect();
    // The invitations count as delivered: the mail worker's work is not measured here.
    sqlx::query("UPDATE outbox SET sent_at = $1")
        .bind(now_ms())
        .execute(&db.write)
        .await
        .unwrap();
    let items: Vec<(ItemId,)> = sqlx::query_as(
        "SELECT i.id FROM item i JOIN section s ON s.id = i.section_id
         WHERE i.consultation_id = $1 ORDER BY s.position, i.position",
    )
    .bind(hearing)
    .fetch_all(&db.read)
    .await
    .unwrap();
    db.close().await;
    (bodies, items.into_iter().map(|(id,)| id).collect())
}

/// The answers body number `n` gives: every proposal answered, every fifth commented.
pub fn answers(n: usize, items: &[ItemId]) -> Vec<(ItemId, String, String)> {
    items
        .iter()
        .enumerate()
        .map(|(k, &id)| {
            let comment = match (n + k) % 5 {
                0 => format!("Vi støtter forslaget, men økonomien skal følge med ({n}/{k})."),
                _ => String::new(),
            };
            (id, VALUES[(n + k) % 3].to_owned(), comment)
        })
        .collect()
}

/// A client as a phone's browser: pages compressed (`encoding`; the load generator
/// does not spend its CPU decompressing them), posts from the page's own origin.
pub fn phone(base: &str, encoding: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("accept-encoding", encoding.parse().unwrap());
    headers.insert("origin", base.parse().unwrap());
    headers.insert("sec-fetch-site", "same-origin".parse().unwrap());
    reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// One complete respondent: the page, then all answers with "Indsend".
pub async fn respondent(
    client: &reqwest::Client,
    base: &str,
    body: &Body,
    sent: &[(ItemId, String, String)],
) -> Result<(), String> {
    let url = format!("{base}{}", path::respond(&body.token));
    let page = client
        .get(&url)
        .header("sec-fetch-mode", "navigate")
        .header("sec-fetch-dest", "document")
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if page.status() != 200 {
        return Err(format!("GET {}", page.status()));
    }
    page.bytes().await.map_err(|e| e.to_string())?;
    let empty = fingerprint("", "");
    let mut form: Vec<(String, String)> = Vec::with_capacity(sent.len() * 3 + 3);
    for (id, value, comment) in sent {
        form.push((respond::field(respond::VALUE, *id), value.clone()));
        form.push((respond::field(respond::COMMENT, *id), comment.clone()));
        form.push((respond::field(respond::FINGERPRINT, *id), empty.clone()));
    }
    form.push((respond::GENERAL_COMMENT.into(), String::new()));
    form.push((respond::GENERAL_FINGERPRINT.into(), empty));
    form.push((respond::INTENT.into(), respond::SUBMIT.into()));
    let posted = client
        .post(&url)
        .form(&form)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let to = posted
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or_default();
    if posted.status() != 303 || to != path::receipt(&body.token) {
        return Err(format!("POST {} to {to:?}", posted.status()));
    }
    Ok(())
}

/// One answer saved as the page's autosave sends it; returns the response's version.
pub async fn autosave(
    client: &reqwest::Client,
    base: &str,
    body: &Body,
    since_version: i64,
    item: ItemId,
    value: &str,
) -> Result<i64, String> {
    let reply = client
        .post(format!("{base}/api/autosave"))
        .json(&serde_json::json!({
            "token": body.token,
            "since_version": since_version,
            "changes": [{"item_id": item, "value": value, "comment": "", "fingerprint": fingerprint("", "")}],
        }))
        .send()
        .await
        .map_err(|e| e.to_string())?;
    if reply.status() != 200 {
        return Err(format!("autosave {}", reply.status()));
    }
    let reply: serde_json::Value = reply.json().await.map_err(|e| e.to_string())?;
    reply["Saved"]["version"]
        .as_i64()
        .ok_or_else(|| format!("autosave answered {reply}"))
}

/// Looks every acknowledged submission and save up in the database; returns how many
/// are missing or differ.
pub async fn verify(database: &std::path::Path, acknowledged: &Acknowledged) -> (usize, usize) {
    let db = app::backend::db::Db::open(database).await.unwrap();
    let rows: Vec<(BodyId, ItemId, String, String)> = sqlx::query_as(
        "SELECT r.respondent_id, s.item_id, s.value, s.comment
         FROM submitted_answer s JOIN response r ON r.id = s.response_id",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    let mut stored: HashMap<BodyId, Vec<(ItemId, String, String)>> = HashMap::new();
    for (body, item, value, comment) in rows {
        stored.entry(body).or_default().push((item, value, comment));
    }
    let mut bad_submissions = 0;
    for (body, sent) in &acknowledged.submitted {
        let mut found = stored.remove(body).unwrap_or_default();
        let mut sent = sent.clone();
        found.sort();
        sent.sort();
        if found != sent {
            bad_submissions += 1;
        }
    }
    let saved: Vec<(BodyId, ItemId, String)> = sqlx::query_as(
        "SELECT r.respondent_id, a.item_id, a.value
         FROM answer a JOIN response r ON r.id = a.response_id WHERE r.status = 'draft'",
    )
    .fetch_all(&db.read)
    .await
    .unwrap();
    let saved: HashMap<(BodyId, ItemId), String> = saved
        .into_iter()
        .map(|(body, item, value)| ((body, item), value))
        .collect();
    let bad_saves = acknowledged
        .saved
        .iter()
        .filter(|(key, value)| saved.get(key) != Some(value))
        .count();
    db.close().await;
    (bad_submissions, bad_saves)
}
