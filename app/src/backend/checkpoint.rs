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
//! So the writer's own checkpoints are off (`wal_autocheckpoint = 0`, see
//! [`super::db`]), and a connection of its own checkpoints a few times a second:
//! `PASSIVE`, which takes no lock that the writer or a reader waits for, so it runs
//! on the other CPU while the writer goes on. Durability is the commits' own (each
//! waits for the log to be on disk); a checkpoint only moves pages along.
//!
//! The log starts over from its beginning only when a write begins after a
//! checkpoint has copied all of it, and under a steady stream of commits that moment
//! may not come. So once the log is longer than [`RESTART_AFTER`] pages, a `RESTART`
//! checkpoint copies the rest — little, as the passive one has just run — and makes
//! the next write start the log over. It holds the writer back while it copies, and
//! waits for readers still on older pages for at most [`BUSY`] before it gives up
//! until the next turn (a long export keeps the log long, not the writer waiting).

use sqlx::AnyPool;
use std::time::Duration;
use tokio::sync::mpsc;

/// How often the log is checkpointed: often enough that each checkpoint copies a
/// few commits' pages, seldom enough that a page changed by many commits (the
/// report's counts) is copied once for all of them.
const EVERY: Duration = Duration::from_millis(250);

/// Log pages (4 kB each) beyond which the log is started over: about 40 MB.
const RESTART_AFTER: i64 = 10_000;

/// How long a restarting checkpoint waits for the writer and the readers.
pub const BUSY: Duration = Duration::from_millis(100);

/// Keeps the checkpoints going; they stop when the last handle is dropped.
#[derive(Clone, Debug)]
pub struct Checkpoints {
    _alive: mpsc::Sender<()>,
}

impl Checkpoints {
    /// Starts checkpointing on `pool`, a one-connection pool of its own on the
    /// database file, whose connection waits for locks at most [`BUSY`].
    pub fn start(pool: AnyPool) -> Self {
        let (alive, mut gone) = mpsc::channel::<()>(1);
        tokio::spawn(async move {
            // Nothing is ever sent: `recv` returns when every handle is gone.
            while tokio::time::timeout(EVERY, gone.recv()).await.is_err() {
                if let Err(error) = checkpoint(&pool, RESTART_AFTER).await {
                    tracing::warn!(%error, "checkpoint of the write-ahead log failed");
                }
            }
        });
        Self { _alive: alive }
    }
}

/// One turn: a passive checkpoint, then a restarting one if the log is longer than
/// `restart_after` pages.
async fn checkpoint(pool: &AnyPool, restart_after: i64) -> Result<(), sqlx::Error> {
    let (_, log_pages, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
        .fetch_one(pool)
        .await?;
    if log_pages > restart_after {
        // `busy` (the first column) is 1 when readers kept it from finishing: the
        // next turn tries again.
        sqlx::query("PRAGMA wal_checkpoint(RESTART)")
            .execute(pool)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::db::Db;
    use sqlx::any::AnyPoolOptions;
    use sqlx::Connection;
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
        assert_eq!(pages, 0, "the writer checkpoints by itself");
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

    #[tokio::test]
    async fn a_restart_held_up_by_a_reader_gives_up_soon_and_the_writer_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let db = Db::open(&path).await.unwrap();
        write_pages(&db).await;
        let url = format!("sqlite://{}?mode=rw", path.display());
        let pool = AnyPoolOptions::new()
            .max_connections(1)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    sqlx::Executor::execute(&mut *conn, "PRAGMA busy_timeout = 100;").await?;
                    Ok(())
                })
            })
            .connect(&url)
            .await
            .unwrap();
        // A reader in the middle of a read, on the log as it is now.
        let mut reader = db.read.acquire().await.unwrap();
        let mut reading = reader.begin().await.unwrap();
        sqlx::query("SELECT COUNT(*) FROM filler")
            .fetch_one(&mut *reading)
            .await
            .unwrap();
        sqlx::query("INSERT INTO filler (b) VALUES (x'00')")
            .execute(&db.write)
            .await
            .unwrap();

        let start = Instant::now();
        checkpoint(&pool, 0).await.unwrap();
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
        sqlx::query("INSERT INTO filler (b) VALUES (x'01')")
            .execute(&db.write)
            .await
            .unwrap();

        // Once the reader is done, the log starts over: a small write is a short log.
        reading.rollback().await.unwrap();
        drop(reader);
        checkpoint(&pool, 0).await.unwrap();
        sqlx::query("INSERT INTO filler (b) VALUES (x'02')")
            .execute(&db.write)
            .await
            .unwrap();
        let (_, log, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(PASSIVE)")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert!(log < 10, "the log was not started over: {log} pages");
        let (rows,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM filler")
            .fetch_one(&db.read)
            .await
            .unwrap();
        assert_eq!(rows, 1503);
    }
}
