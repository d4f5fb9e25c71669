//! Checkpoints of SQLite's write-ahead log, beside the writer instead of on its path.
//!
//! In WAL mode a commit appends the pages it changed to the log, and a checkpoint
//! copies them into the database file. SQLite makes one by itself after each commit
//! that takes the log past 1,000 pages, in the connection that committed — here the
//! one writer, which every save waits for. In the form's benchmark that was a
//! checkpoint six times a second on the writer's thread: of its system calls in a
//! sample, 14,000 reads of the log and 13,000 writes to the database file came from
//! checkpoints, beside 42,000 writes of the commits themselves.
//!
//! So a connection of its own checkpoints a few times a second, `PASSIVE`: that takes
//! no lock the writer or a reader waits for, so it runs on the other CPU while the
//! writer goes on. Durability is the commits' own (each waits for the log to be on
//! disk); a checkpoint only moves pages along.
//!
//! The log starts over from its beginning when a write begins after a checkpoint has
//! copied all of it, which under a steady stream of commits may not happen. So the
//! writer still checkpoints by itself, but only once the log is past
//! [`WRITER_AFTER`] pages (`wal_autocheckpoint`, see [`super::db`]): by then nearly
//! all of it has been copied here, so little is left for the writer to copy, and its
//! next write starts the log over. The writer is the only connection that ever takes
//! the write lock: a `RESTART` checkpoint from this connection would take it too, and
//! a save that had already read (a deferred transaction) is refused at once with
//! "database is locked" when it finds the lock taken (the benchmark got 500s).

use sqlx::AnyPool;
use std::time::Duration;
use tokio::sync::mpsc;

/// How often the log is checkpointed: often enough that each checkpoint copies a
/// few commits' pages, seldom enough that a page changed by many commits (the
/// report's counts) is copied once for all of them.
const EVERY: Duration = Duration::from_millis(250);

/// Log pages (4 kB each) beyond which the writer checkpoints by itself: about 40 MB.
pub const WRITER_AFTER: i64 = 10_000;

/// Keeps the checkpoints going; they stop when the last handle is dropped.
#[derive(Clone, Debug)]
pub struct Checkpoints {
    _alive: mpsc::Sender<()>,
}

impl Checkpoints {
    /// Starts checkpointing on `pool`, a one-connection pool of its own on the
    /// database file.
    pub fn start(pool: AnyPool) -> Self {
        let (alive, mut gone) = mpsc::channel::<()>(1);
        tokio::spawn(async move {
            // Nothing is ever sent: `recv` returns when every handle is gone.
            while tokio::time::timeout(EVERY, gone.recv()).await.is_err() {
                if let Err(error) = checkpoint(&pool).await {
                    tracing::warn!(%error, "checkpoint of the write-ahead log failed");
                }
            }
        });
        Self { _alive: alive }
    }
}

/// Copies what it can of the log into the database file; a turn that finds another
/// checkpoint running (the writer's) leaves the log to it.
async fn checkpoint(pool: &AnyPool) -> Result<(), sqlx::Error> {
    sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::db::Db;
    use std::path::Path;
    use std::time::Instant;

    /// About 6 MB written in one commit: some 1,500 pages in the log.
    async fn write_pages(db: &Db) {
        for sql in [
            "CREATE TABLE IF NOT EXISTS filler (b BLOB NOT NULL)",
            "INSERT INTO filler (b)
             SELECT randomblob(4000) FROM (
                 WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1500)
                 SELECT x FROM n)",
        ] {
            sqlx::query(sql).execute(&db.write).await.unwrap();
        }
    }

    fn file_len(path: &Path) -> u64 {
        std::fs::metadata(path).map_or(0, |m| m.len())
    }

    #[tokio::test]
    async fn the_log_is_copied_into_the_file_beside_the_writer_not_by_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let db = Db::open(&path).await.unwrap();
        let (pages,): (i64,) = sqlx::query_as("PRAGMA wal_autocheckpoint")
            .fetch_one(&db.write)
            .await
            .unwrap();
        assert_eq!(pages, WRITER_AFTER, "the writer checkpoints by itself");
        write_pages(&db).await;
        let start = Instant::now();
        while file_len(&path) < 6_000_000 {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the log was not checkpointed: the file has {} bytes",
                file_len(&path)
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM filler")
            .fetch_one(&db.read)
            .await
            .unwrap();
        assert_eq!(rows, 1500);
    }
}
