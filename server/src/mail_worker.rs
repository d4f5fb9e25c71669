//! The mail worker: sends what the outbox holds, with bounded concurrency and an
//! optional rate limit, retries transient failures with backoff, waits for a relay
//! that cannot be reached without spending the mails' attempts, and sends the
//! automatic reminders that fall due. On shutdown it finishes the batch in hand and
//! records it, so a clean restart neither loses nor repeats a mail.

use app::backend::db::Db;
use app::backend::mail::outbox::{self, Claimed, Outcome};
use app::backend::mail::transport::{MailConfig, Transport};
use app::backend::{manage, now_ms};
use futures::stream::{self, StreamExt};
use lettre::message::Mailbox;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{watch, Mutex, Notify};
use tokio::time::{interval, Instant, MissedTickBehavior};

/// How often the worker looks for automatic reminders that have fallen due.
const REMINDER_CHECK: Duration = Duration::from_secs(60);
/// The longest an idle worker sleeps without looking.
const IDLE_POLL: Duration = Duration::from_secs(30);

pub struct MailWorker {
    pub db: Db,
    pub config: MailConfig,
    pub transport: Transport,
    pub from: Mailbox,
    pub base_url: String,
    pub signal: Arc<Notify>,
}

impl MailWorker {
    pub fn new(
        db: Db,
        config: MailConfig,
        base_url: String,
        signal: Arc<Notify>,
    ) -> Result<Self, String> {
        let transport = Transport::new(&config)?;
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|e| format!("the sender address {:?} is not valid: {e}", config.from))?;
        Ok(Self {
            db,
            config,
            transport,
            from,
            base_url,
            signal,
        })
    }

    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let pace = self.config.per_second.max(1);
        let mut ticker = interval(Duration::from_secs(1) / pace);
        ticker.set_missed_tick_behavior(MissedTickBehavior::Delay);
        let ticker = Mutex::new(ticker);
        let mut last_reminder_check: Option<Instant> = None;
        let batch = (self.config.concurrency.max(1) * 8) as i64;
        // Batches in a row that reached no relay.
        let mut relay_down: u32 = 0;
        while !*shutdown.borrow() {
            if last_reminder_check.is_none_or(|t| t.elapsed() >= REMINDER_CHECK) {
                last_reminder_check = Some(Instant::now());
                match manage::send_due_reminders(&self.db, &self.base_url, now_ms()).await {
                    Ok(n) if n > 0 => {
                        tracing::info!(consultations = n, "automatic reminders queued")
                    }
                    Ok(_) => {}
                    Err(e) => e.log(),
                }
            }
            let claimed = match outbox::claim(&self.db, batch, self.config.lease_ms, now_ms()).await
            {
                Ok(claimed) => claimed,
                Err(e) => {
                    tracing::error!(error = %e, "cannot claim mail");
                    Vec::new()
                }
            };
            if claimed.is_empty() {
                let wait = match outbox::next_due(&self.db).await {
                    Ok(Some(at)) => Duration::from_millis((at - now_ms()).clamp(50, 30_000) as u64),
                    _ => IDLE_POLL,
                };
                tokio::select! {
                    _ = self.signal.notified() => {},
                    _ = tokio::time::sleep(wait.min(REMINDER_CHECK)) => {},
                    _ = shutdown.changed() => {},
                }
                continue;
            }
            let limited = self.config.per_second > 0;
            let (transport, from) = (&self.transport, &self.from);
            let outcomes: Vec<(Claimed, Outcome)> = stream::iter(claimed)
                .map(|mail| {
                    let ticker = &ticker;
                    async move {
                        if limited {
                            ticker.lock().await.tick().await;
                        }
                        let outcome = transport.send(from, &mail).await;
                        (mail, outcome)
                    }
                })
                .buffer_unordered(self.config.concurrency.max(1))
                .collect()
                .await;
            let count = |f: fn(&Outcome) -> bool| outcomes.iter().filter(|(_, o)| f(o)).count();
            let sent = count(|o| *o == Outcome::Sent);
            let unreachable = count(|o| matches!(o, Outcome::Unreachable(_)));
            if sent + unreachable < outcomes.len() {
                tracing::warn!(
                    sent,
                    not_sent = outcomes.len() - sent - unreachable,
                    "mail batch had failures"
                );
            }
            // A batch that reached no relay at all: wait for it, longer each time.
            if sent == 0 && unreachable > 0 {
                relay_down = relay_down.saturating_add(1);
            } else {
                relay_down = 0;
            }
            let relay_wait = outbox::relay_wait_ms(relay_down);
            if relay_down == 1 {
                tracing::warn!("the mail relay cannot be reached; mail waits for it");
            }
            if let Err(e) = outbox::record(
                &self.db,
                &outcomes,
                (self.config.retry_base_ms, relay_wait),
                self.config.smtp.is_none(),
                now_ms(),
            )
            .await
            {
                tracing::error!(error = %e, "cannot record mail outcomes");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
            // One batch at a time probes a relay that is away; the rest of the queue
            // keeps its attempts.
            if relay_down > 0 {
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_millis(relay_wait as u64)) => {},
                    _ = shutdown.changed() => {},
                }
            }
        }
        tracing::info!("mail worker stopped");
    }
}
