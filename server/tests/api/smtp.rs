//! A small SMTP server for the tests and the benchmark: it speaks enough SMTP for
//! lettre, keeps every accepted message, and can be told to answer a recipient with a
//! temporary (451) or permanent (550) refusal, or to go down as a relay does for
//! maintenance (new connections closed at once, open ones told 421 at their next
//! command) and come back.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    pub raw: Vec<u8>,
}

impl Received {
    pub fn parsed(&self) -> mail_parser::Message<'_> {
        mail_parser::MessageParser::default()
            .parse(&self.raw)
            .expect("a parsable message")
    }

    pub fn message_id(&self) -> String {
        self.parsed().message_id().unwrap_or_default().to_owned()
    }

    pub fn subject(&self) -> String {
        self.parsed().subject().unwrap_or_default().to_owned()
    }

    pub fn text(&self) -> String {
        self.parsed()
            .body_text(0)
            .map(|t| t.into_owned())
            .unwrap_or_default()
    }

    /// The personal link in the mail, if there is one.
    pub fn link(&self) -> Option<String> {
        let text = self.text();
        let start = text.find("http://")?;
        Some(
            text[start..]
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_owned(),
        )
    }
}

#[derive(Default)]
struct Rules {
    /// Recipient → how many more times to answer 451.
    temporary: HashMap<String, u32>,
    permanent: Vec<String>,
}

#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    received: Arc<Mutex<Vec<Received>>>,
    rules: Arc<Mutex<Rules>>,
    down: Arc<AtomicBool>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind smtp");
        let port = listener.local_addr().unwrap().port();
        let sink = Self {
            port,
            received: Arc::default(),
            rules: Arc::default(),
            down: Arc::default(),
        };
        let server = sink.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                if server.is_down() {
                    drop(stream);
                    continue;
                }
                let session = server.clone();
                tokio::spawn(async move {
                    let _ = session.serve(stream).await;
                });
            }
        });
        sink
    }

    /// Takes the relay down (`true`) or brings it back.
    pub fn set_down(&self, down: bool) {
        self.down.store(down, Ordering::SeqCst);
    }

    fn is_down(&self) -> bool {
        self.down.load(Ordering::SeqCst)
    }

    /// Answer `recipient` with 451 the next `times` times.
    pub fn fail_temporarily(&self, recipient: &str, times: u32) {
        self.rules
            .lock()
            .unwrap()
            .temporary
            .insert(recipient.to_owned(), times);
    }

    /// Always answer `recipient` with 550.
    pub fn refuse(&self, recipient: &str) {
        self.rules
            .lock()
            .unwrap()
            .permanent
            .push(recipient.to_owned());
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    pub fn to(&self, recipient: &str) -> Vec<Received> {
        self.received()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t == recipient))
            .collect()
    }

    fn rcpt_reply(&self, recipient: &str) -> &'static str {
        let mut rules = self.rules.lock().unwrap();
        if rules.permanent.iter().any(|r| r == recipient) {
            return "550 5.1.1 Mailbox does not exist\r\n";
        }
        if let Some(left) = rules.temporary.get_mut(recipient) {
            if *left > 0 {
                *left -= 1;
                return "451 4.3.0 Try again later\r\n";
            }
        }
        "250 2.1.5 OK\r\n"
    }

    async fn serve(&self, stream: tokio::net::TcpStream) -> std::io::Result<()> {
        let (read, mut write) = stream.into_split();
        let mut lines = BufReader::new(read);
        write.write_all(b"220 sink ESMTP\r\n").await?;
        let mut to = Vec::new();
        let mut line = String::new();
        loop {
            line.clear();
            if lines.read_line(&mut line).await? == 0 {
                return Ok(());
            }
            if self.is_down() {
                write
                    .write_all(b"421 4.3.2 Service shutting down\r\n")
                    .await?;
                return Ok(());
            }
            let command = line.trim_end().to_owned();
            let upper = command.to_ascii_uppercase();
            let reply: String = if upper.starts_with("EHLO") {
                "250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n".into()
            } else if upper.starts_with("HELO") || upper.starts_with("NOOP") {
                "250 OK\r\n".into()
            } else if upper.starts_with("MAIL FROM") || upper.starts_with("RSET") {
                to.clear();
                "250 OK\r\n".into()
            } else if upper.starts_with("RCPT TO") {
                let address = command
                    .split_once('<')
                    .and_then(|(_, rest)| rest.split_once('>'))
                    .map(|(a, _)| a.to_owned())
                    .unwrap_or_default();
                let reply = self.rcpt_reply(&address);
                if reply.starts_with('2') {
                    to.push(address);
                }
                reply.into()
            } else if upper == "DATA" {
                write
                    .write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")
                    .await?;
                let mut raw = Vec::new();
                loop {
                    line.clear();
                    if lines.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" || line == ".\n" {
                        break;
                    }
                    let content = line.strip_prefix('.').unwrap_or(&line);
                    raw.extend_from_slice(content.as_bytes());
                }
                self.received.lock().unwrap().push(Received {
                    to: std::mem::take(&mut to),
                    raw,
                });
                "250 2.0.0 Queued\r\n".into()
            } else if upper.starts_with("QUIT") {
                write.write_all(b"221 Bye\r\n").await?;
                return Ok(());
            } else {
                "502 5.5.2 Command not recognized\r\n".into()
            };
            write.write_all(reply.as_bytes()).await?;
        }
    }
}
