//! The database handle. SQLite by default: WAL so readers never wait for the writer,
//! `synchronous=FULL` so an acknowledged write survives a crash or power cut, foreign
//! keys on. All writes go through a one-connection pool, so concurrent writers queue
//! in the pool instead of failing with `database is locked`.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::time::Duration;

#[derive(Clone, Debug)]
pub struct Db {
    /// For reads; several connections, each sees the last committed state.
    pub read: SqlitePool,
    /// For every write transaction; exactly one connection.
    pub write: SqlitePool,
}

impl Db {
    pub async fn open(path: &Path) -> Result<Self, sqlx::Error> {
        private_file(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let write = SqlitePoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .connect_with(options.clone())
            .await?;
        let read = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options.read_only(true))
            .await?;
        Ok(Self { read, write })
    }

    /// Brings the schema up to date. Safe to run on every start.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        sqlx::migrate!("../migrations/sqlite")
            .run(&self.write)
            .await
    }
}

/// Creates the database file readable by its owner only (answers and addresses are
/// personal data), or narrows an existing one to that. SQLite gives its `-wal` and
/// `-shm` files the database file's mode.
fn private_file(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
}
