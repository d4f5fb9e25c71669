//! The database handle, on either engine.
//!
//! **SQLite** (the embedded default, one file): WAL so readers never wait for the
//! writer, `synchronous=FULL` so an acknowledged write survives a crash or power cut,
//! foreign keys on. All writes go through a one-connection pool, so concurrent writers
//! queue in the pool instead of failing with `database is locked`; the respondents'
//! saves, the bulk of the writes, share commits ([`Db::transact`], group commit).
//!
//! **PostgreSQL** (the scale-out engine, several instances on one database): both
//! pools are ordinary pools on the server; the places where SQLite's single writer
//! made a write safe take row locks instead (see [`Engine::lock_row`]).
//!
//! One code path for both: every query is written once, in SQL both engines run, and
//! executed through sqlx's `Any` driver on the engine the address names. The few
//! places where the dialects differ ask [`Db::engine`] (see the README, "Two engines").

use super::error::AppError;
use super::group_commit::{GroupCommit, Work};
use super::openings::Openings;
use super::questionnaire::Questionnaires;
use sqlx::any::{AnyPoolOptions, AnyTypeInfoKind};
use sqlx::{Any, AnyConnection, AnyPool, Decode, Executor, Type, ValueRef};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Which engine a database is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// ` FOR UPDATE SKIP LOCKED`: rows another instance is claiming are passed over.
    pub fn skip_locked(self) -> &'static str {
        match self {
            Self::Sqlite => "",
            Self::Postgres => " FOR UPDATE SKIP LOCKED",
        }
    }

    /// Makes the calling transaction wait for any other one that took the same `key`
    /// (until it ends): a count followed by an insert that must see every earlier
    /// insert, such as sign-in throttling. On SQLite the single writer already does.
    pub async fn serialize_on(
        self,
        conn: &mut sqlx::AnyConnection,
        key: &str,
    ) -> Result<(), sqlx::Error> {
        if self == Self::Postgres {
            sqlx::query(
                "SELECT COUNT(*) FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS locked",
            )
            .bind(key)
            .execute(conn)
            .await?;
        }
        Ok(())
    }

    /// The aggregate that gathers JSON values into one JSON array.
    pub fn json_array_agg(self) -> &'static str {
        match self {
            Self::Sqlite => "json_group_array",
            Self::Postgres => "json_agg",
        }
    }

    /// The function that makes a JSON array of its arguments.
    pub fn json_array(self) -> &'static str {
        match self {
            Self::Sqlite => "json_array",
            Self::Postgres => "json_build_array",
        }
    }

    /// The aggregate that joins texts with a separator.
    pub fn string_agg(self) -> &'static str {
        match self {
            Self::Sqlite => "group_concat",
            Self::Postgres => "string_agg",
        }
    }
}

/// Runs `attempt` again, three times in all, while the database breaks it off for
/// colliding with another transaction (PostgreSQL, under concurrent writers: two
/// submissions counting into the same tallies in a different order can deadlock).
/// Nothing of a broken-off attempt was written, so running it again is safe.
pub async fn retrying<T, F, Fut>(mut attempt: F) -> Result<T, AppError>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let mut tries = 1;
    loop {
        match attempt().await {
            Err(AppError::Contention) if tries < 3 => {
                tokio::time::sleep(Duration::from_millis(rand::random::<u64>() % (20 * tries)))
                    .await;
                tries += 1;
            }
            done => return done,
        }
    }
}

/// Where the data lives: a SQLite file, or a PostgreSQL server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Server(String),
}

impl Location {
    /// `postgres://…` or `postgresql://…` is a server; anything else is a file path
    /// (with or without `sqlite://`).
    pub fn parse(raw: &str) -> Self {
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            Self::Server(raw.to_owned())
        } else {
            let path = raw
                .strip_prefix("sqlite://")
                .or_else(|| raw.strip_prefix("sqlite:"))
                .unwrap_or(raw);
            Self::File(PathBuf::from(path))
        }
    }

    /// How it is shown in messages: a server's address without its password.
    pub fn display(&self) -> String {
        match self {
            Self::File(path) => path.display().to_string(),
            Self::Server(url) => without_password(url),
        }
    }
}

/// `$first, $first+1, …`: `count` numbered parameters, for an `IN (…)` list or a
/// row of a multi-row `VALUES` (both engines number parameters the same way).
pub fn parameters(first: usize, count: usize) -> String {
    let list: Vec<String> = (first..first + count).map(|n| format!("${n}")).collect();
    list.join(", ")
}

/// `(…), (…), …`: `rows` rows of `width` numbered parameters from `$first`, for a
/// multi-row `VALUES`.
pub fn parameter_rows(first: usize, width: usize, rows: usize) -> String {
    let rows: Vec<String> = (0..rows)
        .map(|r| format!("({})", parameters(first + r * width, width)))
        .collect();
    rows.join(", ")
}

#[derive(Clone, Debug)]
pub struct Db {
    /// For reads; several connections, each sees the last committed state.
    pub read: AnyPool,
    /// For every write transaction; on SQLite exactly one connection.
    pub write: AnyPool,
    pub engine: Engine,
    /// Where [`Db::transact`] runs its work.
    writer: Writer,
    /// Links opened, waiting to be noted (see [`super::openings`]).
    pub openings: Openings,
    /// The respondents' questionnaires this instance holds.
    pub questionnaires: Questionnaires,
}

/// The write side of [`Db::transact`], on its own so a task that writes (the
/// [`Openings`]) can hold it without holding the whole handle.
#[derive(Clone, Debug)]
pub struct Writer {
    write: AnyPool,
    /// SQLite's group commit writer; none on PostgreSQL.
    group: Option<GroupCommit>,
}

impl Writer {
    /// See [`Db::transact`].
    pub async fn transact<T: Send + 'static>(&self, work: Work<T>) -> Result<T, AppError> {
        if let Some(group) = &self.group {
            return group.run(work).await;
        }
        let mut tx = self.write.begin().await?;
        let conn: &mut AnyConnection = &mut tx;
        let result = work(conn).await?;
        tx.commit().await?;
        Ok(result)
    }
}

impl Db {
    /// Opens the SQLite file at `path`, creating it if missing.
    pub async fn open(path: &Path) -> Result<Self, sqlx::Error> {
        Self::connect(&Location::File(path.to_owned())).await
    }

    pub async fn connect(location: &Location) -> Result<Self, sqlx::Error> {
        sqlx::any::install_default_drivers();
        match location {
            Location::File(path) => Self::sqlite(path).await,
            Location::Server(url) => Self::postgres(url).await,
        }
    }

    async fn sqlite(path: &Path) -> Result<Self, sqlx::Error> {
        private_file(path)?;
        // The driver reads `sqlite://<path>?mode=…`, percent-decoding the path.
        let file = path
            .to_string_lossy()
            .replace('%', "%25")
            .replace('?', "%3F")
            .replace('#', "%23");
        let url = |mode: &str| format!("sqlite://{file}?mode={mode}");
        // The pragmas every connection needs; the journal mode is the file's, set once
        // by the writer.
        const PRAGMAS: &str =
            "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;";
        // Opened by the group commit writer, and kept open: see [`GroupCommit::start`].
        let write = AnyPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(Duration::from_secs(30))
            .idle_timeout(None)
            .max_lifetime(None)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(PRAGMAS).await?;
                    conn.execute("PRAGMA journal_mode = WAL;").await?;
                    // The writer's savepoints' sub-journal (one save's pages at a
                    // time, see `group_commit::run_batch`) in memory, not in a
                    // temporary file written a page at a time.
                    conn.execute("PRAGMA temp_store = MEMORY;").await?;
                    Ok(())
                })
            })
            .connect_lazy(&url("rwc"))?;
        let group = GroupCommit::start(write.clone()).await?;
        let read = AnyPoolOptions::new()
            .max_connections(8)
            .after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute(PRAGMAS).await?;
                    Ok(())
                })
            })
            .connect(&url("ro"))
            .await?;
        Ok(Self::new(read, write, Engine::Sqlite, Some(group)))
    }

    async fn postgres(url: &str) -> Result<Self, sqlx::Error> {
        let pool = AnyPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(30))
            .connect(url)
            .await?;
        Ok(Self::new(pool.clone(), pool, Engine::Postgres, None))
    }

    fn new(read: AnyPool, write: AnyPool, engine: Engine, group: Option<GroupCommit>) -> Self {
        let writer = Writer {
            write: write.clone(),
            group,
        };
        Self {
            read,
            write,
            engine,
            openings: Openings::start(writer.clone()),
            writer,
            questionnaires: Questionnaires::default(),
        }
    }

    /// Runs `work` in a write transaction and returns its result once that is
    /// committed; an error from `work` writes nothing of it. On SQLite the work shares
    /// its commit with the others waiting (see [`super::group_commit`]), so it must
    /// not begin or end transactions itself.
    pub async fn transact<T: Send + 'static>(&self, work: Work<T>) -> Result<T, AppError> {
        self.writer.transact(work).await
    }

    /// Brings the schema up to date, from the engine's own migrations. Safe to run on
    /// every start, and from several instances at once (PostgreSQL: the migrator
    /// takes an advisory lock).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match self.engine {
            Engine::Sqlite => {
                sqlx::migrate!("../migrations/sqlite")
                    .run(&self.write)
                    .await?;
                Ok(self.allow_leader_role().await?)
            }
            Engine::Postgres => {
                sqlx::migrate!("../migrations/postgres")
                    .run(&self.write)
                    .await
            }
        }
    }

    /// Lets SQLite's `app_user.role` take 'leader', once. SQLite cannot change a CHECK
    /// constraint in place, and sqlx runs every SQLite migration in a transaction,
    /// where foreign keys cannot be switched off — and with them on, dropping the old
    /// table would delete every session and unlink every audit entry. So the table is
    /// rebuilt here, on a connection with foreign keys off, in one transaction.
    async fn allow_leader_role(&self) -> Result<(), sqlx::Error> {
        let (current,): (String,) = sqlx::query_as(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'app_user'",
        )
        .fetch_one(&self.write)
        .await?;
        if current.contains("'leader'") {
            return Ok(());
        }
        let mut conn = self.write.acquire().await?;
        conn.execute("PRAGMA foreign_keys = OFF").await?;
        let rebuilt = async {
            let mut tx = sqlx::Connection::begin(&mut *conn).await?;
            for statement in ROLE_CHECK_REBUILD {
                tx.execute(*statement).await?;
            }
            tx.commit().await
        }
        .await;
        conn.execute("PRAGMA foreign_keys = ON").await?;
        rebuilt
    }

    /// Closes both pools (a test that reopens the database, a copy that is done).
    pub async fn close(&self) {
        self.read.close().await;
        self.write.close().await;
    }
}

/// The rebuild of SQLite's `app_user` that adds 'leader' to its roles (SQLite's
/// documented way to change a constraint: new table, copy, drop, rename), columns in
/// the same order. See [`Db::allow_leader_role`] for why it is not a migration.
const ROLE_CHECK_REBUILD: &[&str] = &[
    "CREATE TABLE app_user_rebuilt (
        id              INTEGER PRIMARY KEY,
        email           TEXT    NOT NULL UNIQUE,
        name            TEXT    NOT NULL,
        password_hash   TEXT    NOT NULL,
        role            TEXT    NOT NULL CHECK (role IN ('admin', 'manager', 'viewer', 'leader')),
        created_at      BIGINT  NOT NULL,
        disabled_at     BIGINT,
        last_sign_in_at BIGINT
    )",
    "INSERT INTO app_user_rebuilt
        (id, email, name, password_hash, role, created_at, disabled_at, last_sign_in_at)
     SELECT id, email, name, password_hash, role, created_at, disabled_at, last_sign_in_at
     FROM app_user",
    "DROP TABLE app_user",
    "ALTER TABLE app_user_rebuilt RENAME TO app_user",
];

/// A yes/no value read on either engine, as an integer or a BOOLEAN. The `Any` driver
/// cannot read a SQLite column declared BOOLEAN at all, so such a column is selected
/// as `CAST(required AS INTEGER) AS required` (which PostgreSQL reads the same way);
/// a yes/no expression (`x IS NOT NULL AS conditional`) comes as an integer from
/// SQLite and a BOOLEAN from PostgreSQL. For rows: `#[sqlx(try_from = "Flag")]` on a
/// `bool` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Flag(pub bool);

impl From<Flag> for bool {
    fn from(flag: Flag) -> Self {
        flag.0
    }
}

impl Type<Any> for Flag {
    fn type_info() -> sqlx::any::AnyTypeInfo {
        <bool as Type<Any>>::type_info()
    }

    fn compatible(_: &sqlx::any::AnyTypeInfo) -> bool {
        true
    }
}

impl<'r> Decode<'r, Any> for Flag {
    fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
        if value.type_info().kind() == AnyTypeInfoKind::Bool {
            <bool as Decode<Any>>::decode(value).map(Flag)
        } else {
            <i64 as Decode<Any>>::decode(value).map(|n| Flag(n != 0))
        }
    }
}

/// A type stored as one of a fixed set of words in a TEXT column (a status, a kind):
/// encoded as its word, decoded from it, and an unknown word is an error rather than
/// a default.
macro_rules! stored_as_text {
    ($($name:ty),+ $(,)?) => {$(
        impl sqlx::Type<sqlx::Any> for $name {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <&str as sqlx::Type<sqlx::Any>>::type_info()
            }
        }

        impl<'q> sqlx::Encode<'q, sqlx::Any> for $name {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let word: &'q str = self.as_str();
                <&'q str as sqlx::Encode<'q, sqlx::Any>>::encode(word, buf)
            }
        }

        impl<'r> sqlx::Decode<'r, sqlx::Any> for $name {
            fn decode(
                value: sqlx::any::AnyValueRef<'r>,
            ) -> Result<Self, sqlx::error::BoxDynError> {
                let word = <&str as sqlx::Decode<'r, sqlx::Any>>::decode(value)?;
                <$name>::parse(word)
                    .ok_or_else(|| format!("unknown {} {word:?}", stringify!($name)).into())
            }
        }
    )+};
}

stored_as_text!(
    crate::model::ConsultationKind,
    crate::model::ConsultationStatus,
    crate::model::ResponseStatus,
    crate::model::admin::BodyState,
);

/// `postgres://user:secret@host/db` as `postgres://user:***@host/db`, so an address
/// can be printed and logged.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}{path}")
        }
        _ => url.to_owned(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_collision_is_tried_again_three_times_in_all() {
        let tries = std::cell::Cell::new(0);
        let outcome = retrying(|| {
            tries.set(tries.get() + 1);
            let n = tries.get();
            async move {
                if n < 3 {
                    Err(AppError::Contention)
                } else {
                    Ok(n)
                }
            }
        })
        .await;
        assert!(matches!(outcome, Ok(3)));
        tries.set(0);
        let outcome: Result<(), _> = retrying(|| {
            tries.set(tries.get() + 1);
            async { Err(AppError::Contention) }
        })
        .await;
        assert!(matches!(outcome, Err(AppError::Contention)));
        assert_eq!(tries.get(), 3, "and no more");
        let outcome: Result<(), _> = retrying(|| {
            tries.set(tries.get() + 1);
            async { Err(AppError::NotFound) }
        })
        .await;
        assert!(matches!(outcome, Err(AppError::NotFound)));
        assert_eq!(tries.get(), 4, "other errors are not retried");
    }

    #[test]
    fn an_address_names_its_engine_and_hides_its_password() {
        assert_eq!(
            Location::parse("data/samrad.db"),
            Location::File("data/samrad.db".into())
        );
        assert_eq!(
            Location::parse("sqlite://data/x.db"),
            Location::File("data/x.db".into())
        );
        let server = Location::parse("postgres://samrad:hemmelig@db.kommune.dk/samrad");
        assert!(matches!(server, Location::Server(_)));
        assert_eq!(
            server.display(),
            "postgres://samrad:***@db.kommune.dk/samrad"
        );
        let plain = Location::parse("postgres://127.0.0.1:5432/samrad");
        assert_eq!(plain.display(), "postgres://127.0.0.1:5432/samrad");
    }
}
