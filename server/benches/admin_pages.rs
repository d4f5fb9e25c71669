//! Benchmark: every administration page of a hearing with 10,000 consulted bodies.
//!
//! `cargo bench -p server --bench admin_pages`. Starts the real server on loopback
//! with a hearing of 10,000 bodies (all with an address, a sent invitation, a
//! submitted response, 10 % of answers commented), 10,000 audit entries and a
//! 10,000-row sheet of bodies awaiting confirmation, signs in, and prints for every
//! page the brotli-compressed HTML as it crosses the wire and the time to serve it
//! (median of 7). Goal: ≤ 200 kB and ≤ 100 ms per page. The memo is printed too, for
//! information: it is the document for the committee and holds every comment by design.

mod support;

use app::backend::db::Db;
use app::backend::demo::{admin_with_draft, synthetic};
use app::backend::now_ms;
use app::model::ConsultationId;
use server::startup::{Application, ServeOptions};
use std::time::{Duration, Instant};

const BODIES: usize = 10_000;
const RUNS: usize = 7;

async fn fill(db: &Db, hearing: ConsultationId) {
    let now = now_ms();
    for sql in [
        "INSERT INTO respondent_email (respondent_id, email)
         SELECT id, 'part' || id || '@skole.example' FROM respondent WHERE consultation_id = $1",
        "INSERT INTO invitation (respondent_id, token_hash, created_at, sent_at, opened_at)
         SELECT id, 'bench' || id, $2, $2, $2 FROM respondent WHERE consultation_id = $1",
        "INSERT INTO outbox (kind, consultation_id, respondent_id, recipients, subject,
                             message_id, created_at, attempts, next_attempt_at, sent_at)
         SELECT 'invitation', $1, id, '[\"part' || id || '@skole.example\"]',
                'Høring om udviklingsplan for skole og dagtilbud',
                'bench-' || id || '@samrad', $2, 1, $2, $2
         FROM respondent WHERE consultation_id = $1",
        "INSERT INTO outbox_body (mail_id, body_text, body_html)
         SELECT o.id,
                'Kære ' || r.name || ', I inviteres hermed til at afgive høringssvar. ' ||
                'Brug jeres personlige link. Svarfristen er om fire uger. Med venlig hilsen Forvaltningen',
                '<p>Kære</p>'
         FROM outbox o JOIN respondent r ON r.id = o.respondent_id
         WHERE o.consultation_id = $1 AND o.created_at = $2",
        "INSERT INTO audit_log (at, user_email, action, consultation_id, detail)
         SELECT $2, 'admin@kommune.example', 'exported', $1, 'svar.csv'
         FROM respondent WHERE consultation_id = $1",
    ] {
        sqlx::query(sql)
            .bind(hearing)
            .bind(now)
            .execute(&db.write)
            .await
            .unwrap();
    }
}

fn sheet() -> Vec<u8> {
    let mut csv = String::from("Navn;Målgruppe;Institution;E-mail\n");
    for n in 0..BODIES {
        csv.push_str(&format!(
            "Bestyrelsen {n:05};Skolebestyrelse;Skole {:02};b{n}@skole.example\n",
            n % 50
        ));
    }
    csv.into_bytes()
}

struct Measured {
    bytes: usize,
    median: Duration,
}

async fn measure(client: &reqwest::Client, url: &str) -> Measured {
    let mut times = Vec::new();
    let mut bytes = 0;
    for _ in 0..RUNS {
        let started = Instant::now();
        let res = client
            .get(url)
            .header("accept-encoding", "br")
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{url}");
        bytes = res.bytes().await.unwrap().len();
        times.push(started.elapsed());
    }
    times.sort();
    Measured {
        bytes,
        median: times[RUNS / 2],
    }
}

#[tokio::main]
async fn main() {
    let (dir, db) = support::fresh_db().await;
    let generating = Instant::now();
    let (_, draft) = admin_with_draft(&db, "Kladde", now_ms() + 86_400_000, now_ms())
        .await
        .unwrap();
    let hearing = synthetic(&db, BODIES, 0.1, 9, now_ms()).await.unwrap();
    fill(&db, hearing).await;
    println!(
        "generated a hearing with {BODIES} bodies in {:.1} s",
        generating.elapsed().as_secs_f64()
    );

    let app = Application::build(
        ServeOptions::local("target/site"),
        db.clone(),
        app::backend::mail::transport::MailConfig {
            folder: dir.path().join("mail"),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until_stopped());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let signed_in = client
        .post(format!("{base}/admin/log-ind"))
        .form(&[
            ("email", "admin@kommune.example"),
            ("password", "korrekt-hest-batteri"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status().as_u16(), 303, "signed in");
    let upload = client
        .post(format!("{base}/admin/hoering/{draft}/import"))
        .multipart(reqwest::multipart::Form::new().text("kind", "bodies").part(
            "file",
            reqwest::multipart::Part::bytes(sheet()).file_name("parter.csv"),
        ))
        .send()
        .await
        .unwrap();
    let preview = upload
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .expect("the upload leads to its preview")
        .to_owned();

    let h = format!("/admin/hoering/{hearing}");
    let pages = [
        ("overview", "/admin".to_owned()),
        ("hearing page", h.clone()),
        ("hearing page, page 100", format!("{h}?side=100")),
        ("hearing page, search", format!("{h}?q=part1234%40")),
        ("hearing page, not submitted", format!("{h}?status=mangler")),
        ("report", format!("{h}/rapport")),
        ("report by unit", format!("{h}/rapport?opdeling=enhed")),
        ("import preview (10,000 rows)", preview),
        ("outbox", "/admin/udbakke".to_owned()),
        ("outbox, page 200", "/admin/udbakke?side=200".to_owned()),
        ("audit log", "/admin/log".to_owned()),
        ("users", "/admin/brugere".to_owned()),
    ];
    println!("{:<32} {:>14} {:>12}", "page", "br bytes", "median ms");
    let mut over = 0;
    for (name, path) in &pages {
        let m = measure(&client, &format!("{base}{path}")).await;
        let ok = m.bytes <= 200 * 1024 && m.median <= Duration::from_millis(100);
        over += usize::from(!ok);
        println!(
            "{name:<32} {:>14} {:>12.1}{}",
            m.bytes,
            m.median.as_secs_f64() * 1000.0,
            if ok { "" } else { "  OVER GOAL" }
        );
    }
    let memo = measure(&client, &format!("{base}{h}/notat")).await;
    println!(
        "{:<32} {:>14} {:>12.1}  (print document, every comment; no goal)",
        "memo",
        memo.bytes,
        memo.median.as_secs_f64() * 1000.0
    );
    println!(
        "pages over the goal (200 kB, 100 ms): {over} of {}",
        pages.len()
    );
}
