//! Noting that a person opened their link: off the page's path, and batched.
//!
//! The first time a browser opens a link, its invitation gets `opened_at` and the body
//! moves from "not opened" to "opened" on the administration's lists. The page does
//! not wait for that: it hands the note to one task, which writes every note that
//! arrived while its previous write was in flight in one transaction of two
//! statements. When a hearing's mail lands and hundreds open their links in the same
//! minute, that is one write per batch instead of one per page view, each of which
//! took a turn of the single writer. The notes are the administration's view of
//! progress, not answers: a crash before the write loses only the note, and the next
//! visit makes it again.

use super::body_state;
use super::db::{parameter_rows, Writer};
use crate::model::admin::BodyState;
use crate::model::BodyId;
use sqlx::AnyConnection;
use std::collections::BTreeMap;
use tokio::sync::mpsc;

/// At most this many links per write: two parameters each, far under either
/// engine's limit, and a write that stays short.
const MAX_BATCH: usize = 500;

/// The sending side of the task that writes the notes; cheap to clone.
#[derive(Clone, Debug)]
pub struct Openings {
    notes: mpsc::UnboundedSender<Opening>,
}

#[derive(Debug)]
struct Opening {
    invitation_id: i64,
    at_ms: i64,
}

impl Openings {
    /// Starts the task on the runtime it is called from; it ends when the last
    /// `Openings` is dropped.
    pub fn start(writer: Writer) -> Self {
        let (notes, queue) = mpsc::unbounded_channel();
        tokio::spawn(write_notes(writer, queue));
        Self { notes }
    }

    /// Notes that the link of `invitation_id` was opened at `at_ms`, unless it was
    /// before; returns at once.
    pub fn note(&self, invitation_id: i64, at_ms: i64) {
        // The task ends only with the last sender, so this send does not fail while
        // `self` is alive.
        let _ = self.notes.send(Opening {
            invitation_id,
            at_ms,
        });
    }
}

async fn write_notes(writer: Writer, mut queue: mpsc::UnboundedReceiver<Opening>) {
    while let Some(first) = queue.recv().await {
        // The earliest time per link: one person reloading, or two members of a
        // board opening the same link, is one opening.
        let mut batch: BTreeMap<i64, i64> = BTreeMap::new();
        let mut next = Some(first);
        while let Some(note) = next.take() {
            let at = batch.entry(note.invitation_id).or_insert(note.at_ms);
            *at = (*at).min(note.at_ms);
            if batch.len() < MAX_BATCH {
                next = queue.try_recv().ok();
            }
        }
        let batch: Vec<(i64, i64)> = batch.into_iter().collect();
        let written = writer
            .transact(Box::new(move |conn: &mut AnyConnection| {
                Box::pin(async move { Ok(record(conn, &batch).await?) })
            }))
            .await;
        if let Err(error) = written {
            error.log();
        }
    }
}

/// Stamps the links of `batch` (invitation, time) that were not opened before, and
/// moves their bodies to at least "opened".
async fn record(conn: &mut AnyConnection, batch: &[(i64, i64)]) -> Result<(), sqlx::Error> {
    let sql = format!(
        "WITH opened (id, at) AS (VALUES {})
         UPDATE invitation SET opened_at = (SELECT at FROM opened WHERE opened.id = invitation.id)
         WHERE opened_at IS NULL AND id IN (SELECT id FROM opened)
         RETURNING respondent_id",
        parameter_rows(1, 2, batch.len())
    );
    let mut query = sqlx::query_as::<_, (BodyId,)>(&sql);
    for (invitation_id, at_ms) in batch {
        query = query.bind(*invitation_id).bind(*at_ms);
    }
    let first_opened: Vec<BodyId> = query
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .map(|(id,)| id)
        .collect();
    body_state::advance_all(conn, &first_opened, BodyState::Opened).await
}
