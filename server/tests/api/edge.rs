//! The HTTP edge: security headers on every kind of response, the client's address
//! behind a trusted proxy, and clients too slow to be let in.

use crate::helpers::*;
use app::backend::now_ms;
use app::model::admin::Role;
use server::serve::ConnectionLimits;
use server::startup::ServeOptions;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{} has no {name}", res.url()))
}

/// The headers every response carries, and the policy a rendered page carries.
fn assert_secured(res: &reqwest::Response, page: bool) {
    assert_eq!(header(res, "x-content-type-options"), "nosniff");
    assert_eq!(header(res, "cross-origin-opener-policy"), "same-origin");
    assert_eq!(header(res, "x-frame-options"), "DENY");
    assert_eq!(header(res, "referrer-policy"), "same-origin");
    let permissions = header(res, "permissions-policy");
    for feature in ["camera=()", "microphone=()", "geolocation=()"] {
        assert!(permissions.contains(feature), "{permissions}");
    }
    let csp = header(res, "content-security-policy");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(
        !csp.contains("unsafe-inline") && !csp.contains("'unsafe-eval'"),
        "{csp}"
    );
    if page {
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("'wasm-unsafe-eval'"), "{csp}");
        for directive in ["base-uri 'none'", "object-src 'none'", "form-action 'self'"] {
            assert!(csp.contains(directive), "{csp}");
        }
        assert!(
            res.headers().get("strict-transport-security").is_none(),
            "no HSTS on plain http"
        );
    }
}

/// The nonce the policy names is the one on the page's scripts, and it changes.
async fn nonce_of(res: reqwest::Response) -> String {
    let csp = header(&res, "content-security-policy").to_owned();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a nonce in the policy")
        .to_owned();
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the page's scripts carry the policy's nonce"
    );
    nonce
}

/// A rendered page goes out brotli-encoded where the browser takes brotli
/// (`routes::page_brotli`, Google's encoder in one call) and decodes to the very page
/// sent to a browser that takes no compression; a browser that refuses brotli
/// (`br;q=0`) does not get it.
#[tokio::test]
async fn a_page_is_sent_with_brotli_only_where_the_browser_takes_it_and_decodes_whole() {
    let app = spawn_app().await;
    let client = client();
    let token = app.add_body("Skolebestyrelsen").await;
    // The page's encoding and the page, with the response's own nonce (in the policy
    // and on the page's scripts) taken out.
    let fetch = |encoding: &'static str| {
        let request = client.get(app.url(&format!("/svar/{token}")));
        async move {
            let res = request
                .header("accept-encoding", encoding)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
            let coding = res
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_owned());
            let csp = header(&res, "content-security-policy").to_owned();
            let nonce = csp
                .split("'nonce-")
                .nth(1)
                .unwrap()
                .split('\'')
                .next()
                .unwrap()
                .to_owned();
            let bytes = res.bytes().await.unwrap().to_vec();
            let bytes = match coding.as_deref() {
                None => bytes,
                Some("br") => {
                    let mut decoded = vec![0; bytes.len() * 20];
                    let size = brotlic::decompress(&bytes, &mut decoded).unwrap();
                    assert!(bytes.len() * 4 < size, "{} of {size} bytes", bytes.len());
                    decoded.truncate(size);
                    decoded
                }
                // Only which encoding, not the page, is looked at for the others.
                Some(_) => return (coding, String::new()),
            };
            let page = String::from_utf8(bytes).unwrap().replace(&nonce, "");
            (coding, page)
        }
    };
    // The first view notes the link's opening; the views compared come after it.
    fetch("identity").await;
    let (coding, plain) = fetch("identity").await;
    assert_eq!(coding, None);
    let (coding, decoded) = fetch("gzip, deflate, br, zstd").await;
    assert_eq!(coding.as_deref(), Some("br"));
    assert_eq!(decoded, plain);
    let (coding, _) = fetch("gzip, br;q=0").await;
    assert_eq!(coding.as_deref(), Some("gzip"));
}

#[tokio::test]
async fn every_kind_of_response_carries_the_security_headers() {
    let app = spawn_app().await;
    let client = client();
    let token = app.add_body("Skolebestyrelsen").await;

    let page = client
        .get(app.url(&format!("/svar/{token}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert_secured(&page, true);
    let first = nonce_of(page).await;
    let again = client
        .get(app.url(&format!("/svar/{token}")))
        .send()
        .await
        .unwrap();
    assert_ne!(nonce_of(again).await, first, "a new nonce per response");

    let mut form = item_fields(app.item_ids[0], "agree", "", None);
    form.push(intent("submit"));
    app.post_form(&client, &token, &form).await;
    app.post_form(&client, &token, &[intent("confirm_submit")])
        .await;
    let receipt = client
        .get(app.url(&format!("/svar/{token}/kvittering")))
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status(), 200);
    assert_secured(&receipt, true);

    let bad = client
        .get(app.url("/svar/ikke-et-link"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 404);
    assert_secured(&bad, true);

    let sign_in = client.get(app.url("/admin/log-ind")).send().await.unwrap();
    assert_secured(&sign_in, true);

    app.sign_in_as(&client, Role::Admin).await;
    let admin = client.get(app.url("/admin")).send().await.unwrap();
    assert_eq!(admin.status(), 200);
    assert_secured(&admin, true);
    let memo = client
        .get(app.url(&format!("/admin/hoering/{}/notat", app.consultation_id)))
        .send()
        .await
        .unwrap();
    assert_eq!(memo.status(), 200);
    assert_secured(&memo, true);

    let export = client
        .get(app.url(&format!(
            "/admin/hoering/{}/eksport/svar.csv",
            app.consultation_id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(export.status(), 200);
    assert_secured(&export, false);
    assert_eq!(
        header(&export, "content-security-policy"),
        app::edge::security::NOTHING_POLICY
    );
    assert_eq!(
        header(&export, "content-disposition"),
        format!(
            "attachment; filename=\"hoering-{}-svar.csv\"",
            app.consultation_id
        )
    );
}

/// 20 failed sign-ins recorded for `client` within the window.
async fn failures_from(app: &TestApp, client: &str) {
    for n in 0..20 {
        sqlx::query("INSERT INTO login_failure (email, client, at) VALUES ($1, $2, $3)")
            .bind(format!("someone{n}@example.dk"))
            .bind(client)
            .bind(now_ms())
            .execute(&app.db.write)
            .await
            .unwrap();
    }
}

async fn sign_in_from(app: &TestApp, forwarded_for: &str) -> u16 {
    client()
        .post(app.url("/admin/log-ind"))
        .header("x-forwarded-for", forwarded_for)
        .form(&[("email", "ny@example.dk"), ("password", "forkert-kodeord")])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn without_trusted_proxies_the_forwarded_header_is_ignored() {
    let app = spawn_app().await;
    failures_from(&app, "127.0.0.1").await;
    assert_eq!(sign_in_from(&app, "203.0.113.2").await, 429);
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_throttled_on_its_own() {
    let app = spawn_app_serving(ServeOptions {
        trusted_proxies: vec!["127.0.0.0/8".parse().unwrap()],
        ..ServeOptions::local("target/site")
    })
    .await;
    failures_from(&app, "203.0.113.1").await;
    assert_eq!(sign_in_from(&app, "203.0.113.1").await, 429);
    assert_eq!(sign_in_from(&app, "203.0.113.2").await, 401);
    // A forged entry on the left does not help the throttled client.
    assert_eq!(sign_in_from(&app, "198.51.100.9, 203.0.113.1").await, 429);
}

fn port_of(app: &TestApp) -> u16 {
    app.address.rsplit(':').next().unwrap().parse().unwrap()
}

/// Whether the server closed `stream` (read gives 0 or an error) within `wait`.
fn closed_within(stream: &mut TcpStream, wait: Duration) -> bool {
    stream.set_read_timeout(Some(wait)).unwrap();
    let mut buf = [0u8; 256];
    match stream.read(&mut buf) {
        Ok(0) => true,
        Ok(_) => false,
        Err(e) => !matches!(
            e.kind(),
            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
        ),
    }
}

#[tokio::test]
async fn a_client_sending_one_byte_a_second_is_cut_off() {
    let app = spawn_app_serving(ServeOptions {
        limits: ConnectionLimits {
            header_timeout: Duration::from_secs(2),
            ..ConnectionLimits::default()
        },
        ..ServeOptions::local("target/site")
    })
    .await;
    let port = port_of(&app);
    let started = Instant::now();
    let cut_off = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\n".iter() {
            if stream.write_all(&[*byte]).is_err() {
                return true;
            }
            std::thread::sleep(Duration::from_secs(1));
            stream.set_nonblocking(true).unwrap();
            let mut buf = [0u8; 64];
            let gone = matches!(stream.read(&mut buf), Ok(0));
            stream.set_nonblocking(false).unwrap();
            if gone {
                return true;
            }
        }
        false
    })
    .await
    .unwrap();
    assert!(cut_off, "the slow client was never cut off");
    assert!(started.elapsed() < Duration::from_secs(8));
    let (status, _) = fetch(&client(), &app.url("/healthz")).await;
    assert_eq!(status, 200, "others are still served");
}

#[tokio::test]
async fn one_address_cannot_hold_more_connections_than_its_share() {
    let app = spawn_app_serving(ServeOptions {
        limits: ConnectionLimits {
            per_address: 4,
            ..ConnectionLimits::default()
        },
        ..ServeOptions::local("target/site")
    })
    .await;
    let port = port_of(&app);
    tokio::task::spawn_blocking(move || {
        let held: Vec<TcpStream> = (0..4)
            .map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap())
            .collect();
        std::thread::sleep(Duration::from_millis(200));
        let mut fifth = TcpStream::connect(("127.0.0.1", port)).unwrap();
        assert!(
            closed_within(&mut fifth, Duration::from_secs(2)),
            "the fifth connection is refused"
        );
        drop(held);
    })
    .await
    .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let (status, _) = fetch(&client(), &app.url("/healthz")).await;
    assert_eq!(status, 200, "slots come back when connections close");
}

#[tokio::test]
async fn a_failed_form_post_gets_a_page_that_says_why() {
    let (app, staff) = signed_in(Role::Manager).await;
    let res = app
        .admin_post(&staff, "/admin/hoering/99999/luk", &[])
        .await;
    assert_eq!(res.status().as_u16(), 404);
    assert_secured(&res, false);
    let page = res.text().await.unwrap();
    assert!(page.contains("<h1>Siden findes ikke</h1>"), "{page}");
    assert!(page.contains("href=\"/admin\""), "a way on");
}
