//! Group commit for SQLite's one writer.
//!
//! With `synchronous=FULL` every commit waits for the disk (`fsync`), and SQLite has
//! one writer, so a transaction per save caps the saves per second at the disk's
//! flushes per second, however fast the work itself is. Here one task owns the write
//! path for the saves: it takes every save that arrived while the previous commit was
//! in flight, runs each in a savepoint of one transaction — a save that fails rolls
//! back its own savepoint and nothing else — commits once, and only then answers each
//! caller. A save is acknowledged only after the commit that holds it, so it is as
//! durable as before; a commit that fails fails every caller of the batch, and none of
//! their writes remain.
//!
//! PostgreSQL needs none of this (writers run side by side, each commit flushes the
//! log with the others that are waiting): there a piece of work is simply a
//! transaction of its own.

use super::error::AppError;
use futures::future::BoxFuture;
use futures::FutureExt;
use sqlx::{Acquire, AnyConnection, AnyPool};
use std::panic::AssertUnwindSafe;
use tokio::sync::{mpsc, oneshot};

/// At most this many saves share a commit: enough to make one fsync serve a burst,
/// few enough that the first of them does not wait long for the last.
const MAX_BATCH: usize = 256;

/// A piece of work on the write connection, inside a transaction.
pub type Work<T> =
    Box<dyn for<'c> FnOnce(&'c mut AnyConnection) -> BoxFuture<'c, Result<T, AppError>> + Send>;

/// The sending side of the writer task; cheap to clone.
#[derive(Clone, Debug)]
pub struct GroupCommit {
    jobs: mpsc::UnboundedSender<Box<dyn Job>>,
}

impl GroupCommit {
    /// Starts the writer on `pool`, the one-connection write pool, which must not have
    /// opened its connection yet (`connect_lazy`, no idle timeout, no lifetime): the
    /// writer opens it. It takes the connection for each batch only, so other writers
    /// still get their turn, and it ends when the last `GroupCommit` is dropped.
    ///
    /// The writer runs on a thread of its own, not on the server's shared workers. A
    /// batch is many short waits — on SQLite every statement is a round trip to the
    /// connection's own thread — and on a shared worker each of them queued behind
    /// whatever page was being rendered there, so the one writer, which every save
    /// passes through, went at the pace of the page renders while the CPU sat partly
    /// idle.
    ///
    /// That thread also stays on one CPU, and opens the connection from there, so the
    /// connection's thread starts on the same CPU (a thread inherits where it may run).
    /// The two take turns, one statement at a time; on two CPUs every turn woke the
    /// other CPU, and the wake-ups, not SQLite, were most of the writer's time (three
    /// times the autosaves per second on the same machine once they shared one).
    pub async fn start(pool: AnyPool) -> Result<Self, sqlx::Error> {
        let (jobs, queue) = mpsc::unbounded_channel();
        let (ready, opened) = oneshot::channel();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("group-commit".into())
            .spawn(move || {
                stay_on_one_cpu();
                runtime.block_on(async move {
                    // The connection goes back to the pool at once (`map(drop)`),
                    // not at the end of the match, which would keep it from the batches.
                    match pool.acquire().await.map(drop) {
                        Ok(()) => {
                            let _ = ready.send(Ok(()));
                            write_batches(pool, queue).await;
                        }
                        Err(error) => {
                            let _ = ready.send(Err(error));
                        }
                    }
                })
            })?;
        opened.await.map_err(|_| sqlx::Error::WorkerCrashed)??;
        Ok(Self { jobs })
    }

    /// Runs `work` in the next batch and returns its result once the batch is
    /// committed (or the error that stopped the work or the commit).
    pub async fn run<T: Send + 'static>(&self, work: Work<T>) -> Result<T, AppError> {
        let (reply, answer) = oneshot::channel();
        let job = Box::new(Typed {
            work: Some(work),
            result: None,
            reply,
        });
        self.jobs
            .send(job)
            .map_err(|_| AppError::Internal("the group commit writer has stopped".into()))?;
        answer
            .await
            .map_err(|_| AppError::Internal("the group commit writer dropped a save".into()))?
    }
}

/// One caller's work, its result so far, and where its answer goes.
trait Job: Send {
    /// Runs the work; `true` when it succeeded and its writes are to be kept.
    fn run<'c>(&'c mut self, conn: &'c mut AnyConnection) -> BoxFuture<'c, bool>;
    /// Answers the caller once the batch's commit has succeeded or failed.
    fn settle(self: Box<Self>, commit: Result<(), &sqlx::Error>);
}

struct Typed<T> {
    work: Option<Work<T>>,
    result: Option<Result<T, AppError>>,
    reply: oneshot::Sender<Result<T, AppError>>,
}

impl<T: Send + 'static> Job for Typed<T> {
    fn run<'c>(&'c mut self, conn: &'c mut AnyConnection) -> BoxFuture<'c, bool> {
        Box::pin(async move {
            let Some(work) = self.work.take() else {
                return false;
            };
            let result = match AssertUnwindSafe(work(conn)).catch_unwind().await {
                Ok(result) => result,
                Err(_) => Err(AppError::Internal("a save panicked".into())),
            };
            let ok = result.is_ok();
            self.result = Some(result);
            ok
        })
    }

    fn settle(self: Box<Self>, commit: Result<(), &sqlx::Error>) {
        let result = match (self.result, commit) {
            (Some(Ok(_)), Err(error)) => Err(AppError::from(error)),
            (Some(result), _) => result,
            (None, _) => Err(AppError::Internal("a save was never run".into())),
        };
        // A caller that has gone away (its request was cancelled) needs no answer.
        let _ = self.reply.send(result);
    }
}

/// Keeps the calling thread on the last CPU it may run on, where it can.
fn stay_on_one_cpu() {
    if let Some(&cpu) = core_affinity::get_core_ids()
        .as_deref()
        .and_then(<[_]>::last)
    {
        core_affinity::set_for_current(cpu);
    }
}

async fn write_batches(pool: AnyPool, mut queue: mpsc::UnboundedReceiver<Box<dyn Job>>) {
    while let Some(first) = queue.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        commit_batch(&pool, batch).await;
    }
}

/// Runs a batch in one transaction, each job in a savepoint, and answers every job
/// after the commit.
async fn commit_batch(pool: &AnyPool, mut batch: Vec<Box<dyn Job>>) {
    let committed = match run_batch(pool, &mut batch).await {
        Ok(()) => Ok(()),
        Err(error) => {
            tracing::error!(%error, jobs = batch.len(), "group commit failed");
            Err(error)
        }
    };
    for job in batch {
        job.settle(committed.as_ref().map(|_| ()));
    }
}

/// Each job runs in a savepoint of its own: a job that fails rolls back to it, so none
/// of its writes remain and no other job's are touched. The next job's savepoint is
/// taken in the same statement that releases the one before (`RELEASE job; SAVEPOINT
/// job`), so releasing costs no round trip to the connection's thread; the commit
/// keeps what the last one holds.
///
/// Why release at all: SQLite keeps, for every open savepoint, the pages as they were
/// before it (its sub-journal). Savepoints left open one inside the other held every
/// page of every job of the batch until the commit — megabytes for a batch of
/// submissions, spilled to a temporary file a page per write (three quarters of the
/// writer's writes to the disk were that file). Once no savepoint is open SQLite
/// starts its sub-journal over, so it holds one job's pages at a time.
async fn run_batch(pool: &AnyPool, batch: &mut [Box<dyn Job>]) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let mut tx = conn.begin().await?;
    for (n, job) in batch.iter_mut().enumerate() {
        let savepoint = if n == 0 {
            "SAVEPOINT job"
        } else {
            "RELEASE job; SAVEPOINT job"
        };
        sqlx::query(savepoint).execute(&mut *tx).await?;
        if !job.run(&mut tx).await {
            sqlx::query("ROLLBACK TO job").execute(&mut *tx).await?;
        }
    }
    tx.commit().await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::db::Db;

    async fn table(db: &Db) {
        for sql in [
            "CREATE TABLE saved (id INTEGER PRIMARY KEY, caller INTEGER NOT NULL)",
            "CREATE TABLE note (saved_id INTEGER REFERENCES saved (id) DEFERRABLE INITIALLY DEFERRED)",
        ] {
            sqlx::query(sql).execute(&db.write).await.unwrap();
        }
    }

    /// Inserts a row for `caller`; a caller listed in `failing` then fails (its own
    /// savepoint), and `poison` leaves a dangling reference that only the commit
    /// detects (the whole batch fails).
    fn save(caller: i64, failing: bool, poison: bool) -> Work<i64> {
        Box::new(move |conn: &mut AnyConnection| {
            Box::pin(async move {
                sqlx::query("INSERT INTO saved (caller) VALUES ($1)")
                    .bind(caller)
                    .execute(&mut *conn)
                    .await?;
                if poison {
                    sqlx::query("INSERT INTO note (saved_id) VALUES (999999)")
                        .execute(&mut *conn)
                        .await?;
                }
                if failing {
                    return Err(AppError::NotFound);
                }
                Ok(caller)
            })
        })
    }

    async fn callers(db: &Db) -> Vec<i64> {
        sqlx::query_as::<_, (i64,)>("SELECT caller FROM saved ORDER BY caller")
            .fetch_all(&db.read)
            .await
            .unwrap()
            .into_iter()
            .map(|(c,)| c)
            .collect()
    }

    /// Runs `works` as one batch: the writer has a thread of its own, so a first
    /// piece of work holds it until every caller's work is queued behind it.
    async fn one_batch(db: &Db, works: Vec<Work<i64>>) -> Vec<Result<i64, AppError>> {
        let (started, running) = oneshot::channel();
        let release = std::sync::Arc::new(tokio::sync::Notify::new());
        let held = release.clone();
        let gate = db.transact(Box::new(move |_: &mut AnyConnection| {
            Box::pin(async move {
                let _ = started.send(());
                held.notified().await;
                Ok(0)
            })
        }));
        let callers_then_release = async {
            running.await.unwrap();
            let runs = futures::future::join_all(works.into_iter().map(|work| async {
                let result = db.transact(work).await;
                // Acknowledged means committed: another connection sees the row.
                if let Ok(caller) = &result {
                    assert!(callers(db).await.contains(caller), "{caller} not visible");
                }
                result
            }));
            // `join!` polls in order: every work is queued before the gate opens.
            let (results, ()) = futures::join!(runs, async { release.notify_one() });
            results
        };
        let (gate, results) = futures::join!(gate, callers_then_release);
        assert!(gate.is_ok());
        results
    }

    #[tokio::test]
    async fn each_save_is_answered_after_its_commit_and_a_failed_one_alone_is_undone() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("g.db")).await.unwrap();
        table(&db).await;
        let works = (1..=50).map(|n| save(n, n == 7, false)).collect();
        let results = one_batch(&db, works).await;
        for (n, result) in (1..=50).zip(&results) {
            match n {
                7 => assert!(matches!(result, Err(AppError::NotFound))),
                _ => assert_eq!(result.as_ref().ok(), Some(&n)),
            }
        }
        let expected: Vec<i64> = (1..=50).filter(|n| *n != 7).collect();
        assert_eq!(callers(&db).await, expected);
    }

    #[tokio::test]
    async fn a_failed_commit_fails_every_caller_of_the_batch_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("g.db")).await.unwrap();
        table(&db).await;
        let works = (1..=20).map(|n| save(n, false, n == 13)).collect();
        let results = one_batch(&db, works).await;
        assert!(results.iter().all(Result::is_err), "{results:?}");
        assert!(callers(&db).await.is_empty());
        // The writer goes on with the next batch.
        let results = one_batch(&db, vec![save(21, false, false)]).await;
        assert_eq!(results[0].as_ref().ok(), Some(&21));
        assert_eq!(callers(&db).await, vec![21]);
    }

    #[tokio::test]
    async fn a_panicking_save_is_an_error_and_the_writer_survives() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join("g.db")).await.unwrap();
        table(&db).await;
        let panicking: Work<i64> =
            Box::new(|_: &mut AnyConnection| Box::pin(async { panic!("a bug in a save") }));
        let results = one_batch(
            &db,
            vec![save(1, false, false), panicking, save(2, false, false)],
        )
        .await;
        assert!(matches!(results[1], Err(AppError::Internal(_))));
        assert_eq!(callers(&db).await, vec![1, 2]);
    }

    /// The CPUs each of this process's threads of `name` may run on, as Linux lists
    /// them (`0-1`, `1`).
    #[cfg(target_os = "linux")]
    fn allowed_cpus(name: &str) -> Vec<String> {
        std::fs::read_dir("/proc/self/task")
            .unwrap()
            .filter_map(|task| {
                let task = task.ok()?.path();
                let comm = std::fs::read_to_string(task.join("comm")).ok()?;
                let status = std::fs::read_to_string(task.join("status")).ok()?;
                let cpus = status
                    .lines()
                    .find_map(|l| l.strip_prefix("Cpus_allowed_list:"))?;
                (comm.trim() == name).then(|| cpus.trim().to_owned())
            })
            .collect()
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn the_writer_and_its_connection_thread_keep_to_one_cpu() {
        let dir = tempfile::tempdir().unwrap();
        let _db = Db::open(&dir.path().join("g.db")).await.unwrap();
        let cpus = core_affinity::get_core_ids().unwrap();
        let writers = allowed_cpus("group-commit");
        assert!(!writers.is_empty());
        if cpus.len() > 1 {
            let last = cpus.last().unwrap().id.to_string();
            assert!(writers.iter().all(|w| *w == last), "{writers:?}");
            // sqlx's thread for the write connection (its name cut to 15 bytes by
            // Linux) started on the writer's CPU; the readers' threads did not.
            let sqlite = allowed_cpus("sqlx-sqlite-wor");
            assert!(sqlite.contains(&last), "{sqlite:?}");
            assert!(sqlite.iter().any(|s| *s != last), "{sqlite:?}");
        }
    }
}
