//! `spawn_app()`: starts the application on 127.0.0.1:0 with a fresh SQLite file and
//! the built-in hearing, and gives back a client that keeps cookies and does not
//! follow redirects.

use app::backend::auth::{create_user, Password};
use app::backend::db::{Db, Location};
use app::backend::mail::transport::{MailConfig, SmtpConfig, Tls};
use app::backend::manage::{add_respondent, create_hearing, NewRespondent};
use app::backend::template::DEVELOPMENT_PLAN;
use app::backend::{now_ms, token::fingerprint};
use app::model::admin::Role;
pub use app::model::{BodyId, ConsultationId, ItemId};
use app::model::{ConsultationStatus, Email};
use reqwest::redirect::Policy;
use server::startup::{Application, ServeOptions};
use tempfile::TempDir;

pub const DAY_MS: i64 = 24 * 3_600_000;

pub struct TestApp {
    pub address: String,
    pub db: Db,
    pub consultation_id: ConsultationId,
    pub item_ids: Vec<ItemId>,
    /// Keeps the database's folder alive as long as the app.
    dir: TempDir,
}

/// The mail settings of a test: the SMTP sink on `port`, or the folder transport;
/// retries after 200 ms so a retry is seen within the test.
pub fn mail_config(smtp_port: Option<u16>, folder: &std::path::Path) -> MailConfig {
    MailConfig {
        smtp: smtp_port.map(|port| SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            tls: Tls::None,
            user: None,
            password: None,
        }),
        folder: folder.to_path_buf(),
        retry_base_ms: 200,
        ..MailConfig::default()
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(None).await
}

/// Like [`spawn_app`], with mail going to an SMTP server on `smtp_port`.
pub async fn spawn_app_with(smtp_port: Option<u16>) -> TestApp {
    spawn(smtp_port, ServeOptions::local("target/site")).await
}

/// Like [`spawn_app`], served with `options` (their address is ignored: port 0).
pub async fn spawn_app_serving(options: ServeOptions) -> TestApp {
    spawn(None, options).await
}

/// Which engine the suite runs on: SQLite unless `SAMRAD_TEST_ENGINE=postgres`.
pub fn on_postgres() -> bool {
    std::env::var("SAMRAD_TEST_ENGINE").is_ok_and(|e| e == "postgres")
}

/// A fresh, empty database for one test, as `--database` names it: a SQLite file
/// `file` in `dir`, or on PostgreSQL a database of its own on the server that
/// `SAMRAD_TEST_PG` names (by default the local one), so tests never share data.
pub async fn fresh_database(dir: &std::path::Path, file: &str) -> String {
    if !on_postgres() {
        return dir.join(file).to_str().expect("a UTF-8 path").to_owned();
    }
    use sqlx::{Connection, Executor};
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let server = std::env::var("SAMRAD_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned());
    let name = format!(
        "samrad_test_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        rand::random::<u32>()
    );
    sqlx::any::install_default_drivers();
    let mut admin = sqlx::AnyConnection::connect(&format!("{server}/postgres"))
        .await
        .expect("the test PostgreSQL server");
    admin
        // Byte order and ASCII-only case folding, as SQLite compares text.
        .execute(
            format!("CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
                .as_str(),
        )
        .await
        .expect("create test database");
    admin.close().await.ok();
    format!("{server}/{name}")
}

/// An open hearing of the built-in template, due in a week, with nobody invited.
pub async fn open_hearing(db: &Db) -> ConsultationId {
    create_hearing(
        db,
        &DEVELOPMENT_PLAN,
        ConsultationStatus::Open,
        now_ms() + 7 * DAY_MS,
        now_ms(),
    )
    .await
    .expect("hearing")
}

/// Opens and migrates the database `fresh_database` named.
pub async fn open_database(database: &str) -> Db {
    let db = Db::connect(&Location::parse(database))
        .await
        .expect("open db");
    db.migrate().await.expect("migrate");
    db
}

async fn spawn(smtp_port: Option<u16>, options: ServeOptions) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = open_database(&fresh_database(dir.path(), "test.db").await).await;
    let consultation_id = create_hearing(
        &db,
        &DEVELOPMENT_PLAN,
        ConsultationStatus::Open,
        now_ms() + 14 * DAY_MS,
        now_ms(),
    )
    .await
    .expect("hearing");
    let item_ids: Vec<(ItemId,)> =
        sqlx::query_as("SELECT id FROM item WHERE consultation_id = $1 ORDER BY id")
            .bind(consultation_id)
            .fetch_all(&db.read)
            .await
            .expect("items");
    let app = Application::build(
        ServeOptions {
            addr: "127.0.0.1:0".parse().unwrap(),
            ..options
        },
        db.clone(),
        mail_config(smtp_port, &dir.path().join("mail")),
    )
    .await
    .expect("build app");
    let address = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        db,
        consultation_id,
        item_ids: item_ids.into_iter().map(|(id,)| id).collect(),
        dir,
    }
}

/// A fresh app and a client signed in to it with `role`.
pub async fn signed_in(role: Role) -> (TestApp, reqwest::Client) {
    let app = spawn_app().await;
    let client = client();
    app.sign_in_as(&client, role).await;
    (app, client)
}

/// The audit log's details for `action`, oldest first.
pub async fn audited(app: &TestApp, action: &str) -> Vec<String> {
    sqlx::query_as::<_, (String,)>("SELECT detail FROM audit_log WHERE action = $1 ORDER BY id")
        .bind(action)
        .fetch_all(&app.db.read)
        .await
        .unwrap()
        .into_iter()
        .map(|(d,)| d)
        .collect()
}

/// The id of the staff account with `email`.
pub async fn user_id(app: &TestApp, email: &str) -> i64 {
    let (id,): (i64,) = sqlx::query_as("SELECT id FROM app_user WHERE email = $1")
        .bind(email)
        .fetch_one(&app.db.read)
        .await
        .unwrap();
    id
}

/// Where a redirect points.
pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        // A hung request must fail the test, not hang the suite.
        .timeout(std::time::Duration::from_secs(60))
        .build()
        .expect("client")
}

impl TestApp {
    /// Creates a staff account with the given role and signs `client` in as it.
    pub async fn sign_in_as(&self, client: &reqwest::Client, role: Role) -> String {
        let email = format!("{}@kommune.example", role.as_str());
        let password = "korrekt-hest-batteri";
        create_user(
            &self.db,
            None,
            &Email::parse(&email).unwrap(),
            &format!("Test {}", role.as_str()),
            Password::parse(password).unwrap(),
            role,
            now_ms(),
        )
        .await
        .expect("user")
        .ok();
        let res = self.sign_in(client, &email, password).await;
        assert_eq!(res.status().as_u16(), 303, "signed in as {email}");
        email
    }

    pub async fn sign_in(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/admin/log-ind"))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .expect("sign in")
    }

    /// Posts an administration form.
    pub async fn admin_post(
        &self,
        client: &reqwest::Client,
        path: &str,
        pairs: &[(&str, &str)],
    ) -> reqwest::Response {
        client
            .post(self.url(path))
            .form(pairs)
            .send()
            .await
            .expect("admin post")
    }

    /// Posts the form that creates a consultation from `source` (template, blank or
    /// sheet, with the sheet's file name and bytes).
    pub async fn post_create(
        &self,
        client: &reqwest::Client,
        title: &str,
        source: &str,
        file: Option<(&str, Vec<u8>)>,
    ) -> reqwest::Response {
        let mut form = reqwest::multipart::Form::new()
            .text("title", title.to_owned())
            .text("deadline", "2099-03-01 12:00")
            .text("source", source.to_owned());
        if let Some((name, bytes)) = file {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
            );
        }
        client
            .post(self.url("/admin/hoeringer"))
            .multipart(form)
            .send()
            .await
            .expect("create")
    }

    /// Uploads a sheet to a consultation's import (`kind` bodies or items).
    pub async fn upload(
        &self,
        client: &reqwest::Client,
        consultation: ConsultationId,
        kind: &str,
        file_name: &str,
        bytes: Vec<u8>,
    ) -> reqwest::Response {
        let form = reqwest::multipart::Form::new()
            .text("kind", kind.to_owned())
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
            );
        client
            .post(self.url(&format!("/admin/hoering/{consultation}/import")))
            .multipart(form)
            .send()
            .await
            .expect("upload")
    }

    /// Waits until the outbox has nothing left to send (or `timeout` passes).
    pub async fn outbox_settled(&self, timeout: std::time::Duration) -> bool {
        let until = std::time::Instant::now() + timeout;
        while std::time::Instant::now() < until {
            let (open,): (i64,) = sqlx::query_as(
                "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL",
            )
            .fetch_one(&self.db.read)
            .await
            .expect("outbox");
            if open == 0 {
                return true;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        false
    }

    /// Adds a consulted body and returns its raw token.
    pub async fn add_body(&self, name: &str) -> String {
        let (_, token) = add_respondent(
            &self.db,
            self.consultation_id,
            &NewRespondent {
                name,
                group: "Skolebestyrelse",
                unit: "Nordskolen",
                emails: &["b@example.dk"],
            },
            now_ms(),
        )
        .await
        .expect("respondent");
        token.as_str().to_owned()
    }

    /// Where the development transport writes this app's `.eml` files.
    pub fn mail_folder(&self) -> std::path::PathBuf {
        self.dir.path().join("mail")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get_page(&self, client: &reqwest::Client, token: &str) -> (u16, String) {
        fetch(client, &self.url(&format!("/svar/{token}"))).await
    }

    pub async fn post_form(
        &self,
        client: &reqwest::Client,
        token: &str,
        pairs: &[(String, String)],
    ) -> reqwest::Response {
        client
            .post(self.url(&format!("/svar/{token}")))
            .form(pairs)
            .send()
            .await
            .expect("post")
    }

    /// The stored working copy of one answer, if any.
    pub async fn answer(&self, token_item: ItemId) -> Option<(String, String)> {
        sqlx::query_as("SELECT value, comment FROM answer WHERE item_id = $1")
            .bind(token_item)
            .fetch_optional(&self.db.read)
            .await
            .expect("answer")
    }

    /// The submitted value of one item.
    pub async fn submitted_value(&self, item: ItemId) -> String {
        let (value,): (String,) =
            sqlx::query_as("SELECT value FROM submitted_answer WHERE item_id = $1")
                .bind(item)
                .fetch_one(&self.db.read)
                .await
                .expect("submitted answer");
        value
    }

    /// The progress of the body added as `name` (`not_opened` … `submitted`).
    pub async fn body_state(&self, name: &str) -> String {
        let (state,): (String,) = sqlx::query_as("SELECT state FROM respondent WHERE name = $1")
            .bind(name)
            .fetch_one(&self.db.read)
            .await
            .expect("body state");
        state
    }

    /// The one integer `sql` selects: a count, an id.
    pub async fn integer(&self, sql: &str) -> i64 {
        let (n,): (i64,) = sqlx::query_as(sql)
            .fetch_one(&self.db.read)
            .await
            .expect("an integer");
        n
    }

    pub async fn answer_count(&self) -> i64 {
        let (n,): (i64,) =
            sqlx::query_as("SELECT COUNT(*) FROM answer WHERE value <> '' OR comment <> ''")
                .fetch_one(&self.db.read)
                .await
                .expect("count");
        n
    }
}

/// Form fields for one item, as the page would post them, with the fingerprint the
/// page showed (an empty answer unless given).
pub fn item_fields(
    id: ItemId,
    value: &str,
    comment: &str,
    seen: Option<&str>,
) -> Vec<(String, String)> {
    vec![
        (format!("v{id}"), value.to_owned()),
        (format!("c{id}"), comment.to_owned()),
        (
            format!("f{id}"),
            seen.map_or_else(|| fingerprint("", ""), str::to_owned),
        ),
    ]
}

/// Form fields for one item, answered on a page that showed `page`.
pub fn fields_seen_on(page: &str, id: ItemId, value: &str, comment: &str) -> Vec<(String, String)> {
    item_fields(
        id,
        value,
        comment,
        Some(&fingerprint_in(page, &format!("f{id}"))),
    )
}

/// GETs a URL and returns its status and body.
pub async fn fetch(client: &reqwest::Client, url: &str) -> (u16, String) {
    let res = client.get(url).send().await.expect("get");
    (res.status().as_u16(), res.text().await.expect("body"))
}

pub fn intent(intent: &str) -> (String, String) {
    ("intent".to_owned(), intent.to_owned())
}

/// The value of the hidden fingerprint field `f<id>` (or `gf`) in a rendered page.
pub fn fingerprint_in(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\"");
    let at = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no field {name}"));
    let rest = &html[at..];
    let value = rest.find("value=\"").expect("value attribute") + "value=\"".len();
    rest[value..].split('"').next().unwrap().to_owned()
}

/// Whether the radio `v<id>` with `value` is rendered checked.
pub fn is_checked(html: &str, id: ItemId, value: &str) -> bool {
    html.split("<input").any(|input| {
        let tag = input.split('>').next().unwrap_or_default();
        tag.contains(&format!("name=\"v{id}\""))
            && tag.contains(&format!("value=\"{value}\""))
            && tag.contains("checked")
    })
}

pub use crate::process::launch;

/// Starts the real binary on a port of its own choosing and returns it with the port
/// (read from its first line of output), once it answers.
pub async fn start_server(database: &str) -> (std::process::Child, u16) {
    let (mut child, line) = launch(database, &[]);
    let port: u16 = line
        .trim()
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("port in first line");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        if let Ok(res) = client()
            .get(format!("http://127.0.0.1:{port}/healthz"))
            .send()
            .await
        {
            if res.status().is_success() {
                return (child, port);
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("server did not come up on port {port}");
}
