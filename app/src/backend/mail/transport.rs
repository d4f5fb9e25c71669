//! Delivering one mail: over SMTP (lettre, with a connection pool), or — for
//! development and the demo — as `.eml` files in a folder, listed on the outbox page.

use super::outbox::{Claimed, Outcome};
#[cfg(test)]
use crate::model::MailId;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Body, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tls {
    /// Plain text; only for a relay on the same machine or network.
    None,
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
}

impl Tls {
    pub fn parse(raw: &str) -> Option<Self> {
        match raw.to_ascii_lowercase().as_str() {
            "none" | "off" | "plain" => Some(Self::None),
            "starttls" => Some(Self::StartTls),
            "tls" | "ssl" | "smtps" => Some(Self::Tls),
            _ => None,
        }
    }
}

#[derive(Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub user: Option<String>,
    pub password: Option<String>,
}

// The password must never reach a log line.
impl std::fmt::Debug for SmtpConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpConfig")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

/// Everything the mail worker needs to know.
#[derive(Clone, Debug)]
pub struct MailConfig {
    /// `Name <address>` the mails come from.
    pub from: String,
    /// SMTP, or `None` for the folder transport.
    pub smtp: Option<SmtpConfig>,
    /// Where the folder transport writes `.eml` files.
    pub folder: PathBuf,
    /// Mails in flight at once.
    pub concurrency: usize,
    /// Most mails per second (0: no limit), for relays that throttle.
    pub per_second: u32,
    /// First retry delay after a transient failure; doubles each time.
    pub retry_base_ms: i64,
    /// How long a claimed mail stays claimed; after a crash it is sent again then.
    pub lease_ms: i64,
}

impl Default for MailConfig {
    fn default() -> Self {
        Self {
            from: "Samråd <noreply@samrad.local>".into(),
            smtp: None,
            folder: PathBuf::from("data/mail"),
            concurrency: 4,
            per_second: 0,
            retry_base_ms: 30_000,
            lease_ms: 120_000,
        }
    }
}

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Folder(AsyncFileTransport<Tokio1Executor>),
}

impl Transport {
    pub fn new(config: &MailConfig) -> Result<Self, String> {
        let Some(smtp) = &config.smtp else {
            // The mails hold personal links: the folder is its owner's alone.
            std::fs::create_dir_all(&config.folder)
                .and_then(|()| {
                    use std::os::unix::fs::PermissionsExt;
                    std::fs::set_permissions(&config.folder, std::fs::Permissions::from_mode(0o700))
                })
                .map_err(|e| format!("cannot create {}: {e}", config.folder.display()))?;
            return Ok(Self::Folder(AsyncFileTransport::new(&config.folder)));
        };
        let builder = match smtp.tls {
            Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
            Tls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)
                .map_err(|e| format!("SMTP host {}: {e}", smtp.host))?,
            Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)
                .map_err(|e| format!("SMTP host {}: {e}", smtp.host))?,
        };
        let mut builder = builder
            .port(smtp.port)
            .timeout(Some(Duration::from_secs(30)))
            .pool_config(PoolConfig::new().max_size(config.concurrency.max(1) as u32));
        if let (Some(user), Some(password)) = (&smtp.user, &smtp.password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Self::Smtp(builder.build()))
    }

    pub async fn send(&self, from: &Mailbox, mail: &Claimed) -> Outcome {
        let message = match build_message(from, mail) {
            Ok(message) => message,
            Err(error) => return Outcome::Permanent(error),
        };
        match self {
            Self::Smtp(transport) => match transport.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(e) if e.is_permanent() => Outcome::Permanent(e.to_string()),
                // No reply code at all (refused, reset, timed out, TLS, garbled), or
                // 421 "closing the channel": the relay is away, not this message's
                // fault. A client error is about the message itself.
                Err(e) if relay_away(&e) => Outcome::Unreachable(e.to_string()),
                Err(e) => Outcome::Transient(e.to_string()),
            },
            Self::Folder(transport) => match transport.send(message).await {
                Ok(_) => Outcome::Sent,
                Err(e) => Outcome::Transient(e.to_string()),
            },
        }
    }
}

fn build_message(from: &Mailbox, mail: &Claimed) -> Result<Message, String> {
    let mut builder = Message::builder()
        .from(from.clone())
        .subject(&mail.subject)
        .message_id(Some(mail.message_id.clone()));
    let recipients = mail.recipient_list();
    if recipients.is_empty() {
        return Err("no recipients".into());
    }
    for to in recipients {
        let mailbox: Mailbox = to
            .parse()
            .map_err(|e| format!("invalid recipient {to}: {e}"))?;
        builder = builder.to(mailbox);
    }
    let (text, html) = mail.bodies();
    builder
        .multipart(
            MultiPart::alternative()
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_PLAIN)
                        .body(text),
                )
                .singlepart(
                    SinglePart::builder()
                        .header(ContentType::TEXT_HTML)
                        .body(html_body(html)),
                ),
        )
        .map_err(|e| e.to_string())
}

/// The HTML alternative in base64. lettre picks quoted-printable for any text that is
/// not plain ASCII, and encodes it byte by byte; a receipt's HTML (every answer, in
/// tags whose every `=` becomes `=3D`) took half of that. No one reads the HTML's
/// source, and base64 is encoded in blocks: a receipt's sending went from 750,000 to
/// 600,000 instructions (callgrind). The plain text stays quoted-printable, readable
/// as it is.
fn html_body(html: String) -> Body {
    Body::new_with_encoding(html, ContentTransferEncoding::Base64)
        .expect("any text can be sent in base64")
}

/// Whether an SMTP error says the relay is away rather than anything of the message.
fn relay_away(e: &lettre::transport::smtp::Error) -> bool {
    match e.status() {
        Some(code) => u16::from(code) == 421,
        None => !e.is_client(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tls_modes_parse() {
        assert_eq!(Tls::parse("STARTTLS"), Some(Tls::StartTls));
        assert_eq!(Tls::parse("none"), Some(Tls::None));
        assert_eq!(Tls::parse("tls"), Some(Tls::Tls));
        assert_eq!(Tls::parse("maybe"), None);
    }

    #[test]
    fn the_password_is_not_in_debug_output() {
        let config = SmtpConfig {
            host: "smtp.kommune.dk".into(),
            port: 587,
            tls: Tls::StartTls,
            user: Some("samrad".into()),
            password: Some("hemmeligt-kodeord".into()),
        };
        assert!(!format!("{config:?}").contains("hemmeligt"));
    }

    #[test]
    fn messages_carry_the_link_and_the_fixed_message_id() {
        let mail = Claimed {
            id: MailId::new(1),
            recipients: r#"["a@x.dk","b@x.dk"]"#.into(),
            subject: "Høring: Plan".into(),
            body_text: "Link: {{link}}".into(),
            body_html: "<a href=\"{{link}}\">{{link}}</a>".into(),
            link: Some("https://h.dk/svar/abc&d".into()),
            message_id: "<m1@samrad.local>".into(),
            attempts: 1,
        };
        let from: Mailbox = "Samråd <noreply@kommune.dk>".parse().unwrap();
        let raw = String::from_utf8(build_message(&from, &mail).unwrap().formatted()).unwrap();
        assert!(raw.contains("Message-ID: <m1@samrad.local>"));
        assert!(raw.contains("To: a@x.dk, b@x.dk"));
        assert!(raw.contains("https://h.dk/svar/abc&d"));
        assert!(html_part(&raw).contains("<a href=\"https://h.dk/svar/abc&amp;d\">"));
    }

    /// The HTML alternative of a formatted message, decoded from its base64.
    fn html_part(raw: &str) -> String {
        use base64::Engine;
        let at = raw
            .find("Content-Transfer-Encoding: base64")
            .expect("a base64 part");
        let body = &raw[at..];
        let start = body.find("\r\n\r\n").expect("the part's body") + 4;
        let end = body[start..].find("\r\n--").expect("the part's end") + start;
        let encoded: String = body[start..end].split_whitespace().collect();
        let html = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .expect("base64");
        String::from_utf8(html).expect("UTF-8")
    }
}
