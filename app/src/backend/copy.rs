//! Moving an installation from one engine to the other (`samrad copy`): every table,
//! ids kept, in one transaction on the target, row counts checked at the end.
//!
//! From the embedded SQLite file to PostgreSQL when a municipality outgrows one
//! machine, and back (a portable one-file backup of a PostgreSQL installation). Both
//! databases are first brought up to the same schema by their own migrations, so the
//! copy moves rows, never structure.

use super::db::{parameter_rows, Db, Engine};
use futures::TryStreamExt;
use sqlx::any::{AnyRow, AnyTypeInfoKind};
use sqlx::{Any, Row, ValueRef};

/// Every table, parents before children (the target checks foreign keys as rows
/// arrive), with the columns that order its rows. A table the schema has and this
/// list lacks makes the copy refuse (see [`check_tables`]), so a new table cannot be
/// silently left behind.
const TABLES: &[(&str, &str)] = &[
    ("app_user", "id"),
    ("leader_unit", "user_id, unit"),
    ("series", "id"),
    ("consultation", "id"),
    ("guidepost_period", "id"),
    ("guidepost", "id"),
    ("section", "id"),
    ("item", "id"),
    ("open_link", "id"),
    ("open_start", "client_key, started_at"),
    ("respondent", "id"),
    ("respondent_email", "respondent_id, email"),
    ("invitation", "id"),
    ("response", "id"),
    ("answer", "response_id, item_id"),
    ("submitted_answer", "response_id, item_id"),
    (
        "answer_tally",
        "consultation_id, item_id, group_name, unit, value",
    ),
    (
        "answer_tally_by_answer",
        "consultation_id, background_item, background_value, group_name, item_id, value",
    ),
    ("user_session", "id_hash"),
    ("login_failure", "id"),
    ("audit_log", "id"),
    ("outbox", "id"),
    ("outbox_body", "mail_id"),
    ("import_draft", "id"),
    ("consultation_language", "consultation_id, lang"),
    ("section_translation", "section_id, lang"),
    ("target", "id"),
    ("story_tag", "guidepost_id, response_id, tag"),
    ("story_quote", "id"),
    ("item_translation", "item_id, lang"),
];

/// Rows written per statement.
const BATCH: usize = 100;

/// Why a copy did not start or did not finish.
#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(
        "the target already holds data (table {0} has rows); copy only into an empty database"
    )]
    TargetNotEmpty(String),
    #[error("the schema has tables the copy does not know: {0}")]
    UnknownTables(String),
    #[error("table {table}: {copied} rows copied, but the target holds {found}")]
    CountMismatch {
        table: String,
        copied: u64,
        found: i64,
    },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

/// What a column holds, as the target declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Bool,
    Int,
    Real,
    Text,
    Blob,
}

impl Kind {
    fn of_declared(declared: &str) -> Self {
        match declared.to_ascii_lowercase().as_str() {
            "boolean" => Self::Bool,
            "integer" | "bigint" | "smallint" => Self::Int,
            "real" | "double precision" => Self::Real,
            "blob" | "bytea" => Self::Blob,
            _ => Self::Text,
        }
    }
}

/// One value on its way from one engine to the other.
#[derive(Clone, Debug)]
enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

type Query<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

impl Cell {
    fn read(row: &AnyRow, i: usize) -> Result<Self, sqlx::Error> {
        let value = row.try_get_raw(i)?;
        if value.is_null() {
            return Ok(Cell::Null);
        }
        Ok(match value.type_info().kind() {
            AnyTypeInfoKind::Null => Cell::Null,
            AnyTypeInfoKind::Bool => Cell::Bool(row.try_get(i)?),
            AnyTypeInfoKind::SmallInt | AnyTypeInfoKind::Integer | AnyTypeInfoKind::BigInt => {
                Cell::Int(row.try_get(i)?)
            }
            AnyTypeInfoKind::Real | AnyTypeInfoKind::Double => Cell::Real(row.try_get(i)?),
            AnyTypeInfoKind::Text => Cell::Text(row.try_get(i)?),
            AnyTypeInfoKind::Blob => Cell::Blob(row.try_get(i)?),
        })
    }

    /// As the target column takes it: SQLite keeps yes/no as an integer, which a
    /// PostgreSQL BOOLEAN column does not take, and a NULL must carry the column's
    /// type.
    fn bind(self, query: Query<'_>, kind: Kind) -> Query<'_> {
        match (self, kind) {
            (Cell::Null, Kind::Bool) => query.bind(None::<bool>),
            (Cell::Null, Kind::Int) => query.bind(None::<i64>),
            (Cell::Null, Kind::Real) => query.bind(None::<f64>),
            (Cell::Null, Kind::Blob) => query.bind(None::<Vec<u8>>),
            (Cell::Null, Kind::Text) => query.bind(None::<String>),
            (Cell::Int(n), Kind::Bool) => query.bind(n != 0),
            (Cell::Bool(b), _) => query.bind(b),
            (Cell::Int(n), _) => query.bind(n),
            (Cell::Real(r), _) => query.bind(r),
            (Cell::Text(t), _) => query.bind(t),
            (Cell::Blob(b), _) => query.bind(b),
        }
    }
}

/// Copies every row of `from` into `to`, which must be empty, and returns the number
/// of rows per table. All or nothing: the target's writes are one transaction. Each
/// table is read as one stream, in order, and written [`BATCH`] rows a statement.
pub async fn copy(from: &Db, to: &Db) -> Result<Vec<(&'static str, u64)>, CopyError> {
    check_tables(from).await?;
    check_tables(to).await?;
    for (table, _) in TABLES {
        let (n,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&to.read)
            .await?;
        if n > 0 {
            return Err(CopyError::TargetNotEmpty((*table).to_owned()));
        }
    }
    let mut tx = to.write.begin().await?;
    let mut counts = Vec::with_capacity(TABLES.len());
    for (table, order) in TABLES {
        let kinds = column_kinds(to, table).await?;
        // Yes/no read as integers (see `db::Flag`), written as the target takes them.
        let read: Vec<String> = kinds
            .iter()
            .map(|(name, kind)| match kind {
                Kind::Bool => format!("CAST({name} AS INTEGER) AS {name}"),
                _ => name.clone(),
            })
            .collect();
        let select = format!("SELECT {} FROM {table} ORDER BY {order}", read.join(", "));
        let mut rows = sqlx::query(&select).fetch(&from.read);
        let mut batch: Vec<Vec<Cell>> = Vec::with_capacity(BATCH);
        let mut copied = 0u64;
        loop {
            let row = rows.try_next().await?;
            if let Some(row) = &row {
                let cells = (0..kinds.len())
                    .map(|i| Cell::read(row, i))
                    .collect::<Result<_, _>>()?;
                batch.push(cells);
            }
            if batch.len() == BATCH || (row.is_none() && !batch.is_empty()) {
                copied += batch.len() as u64;
                insert(&mut tx, table, &kinds, std::mem::take(&mut batch)).await?;
            }
            if row.is_none() {
                break;
            }
        }
        counts.push((*table, copied));
    }
    if to.engine == Engine::Postgres {
        // The identities carry on after the highest id copied.
        for (table, _) in TABLES.iter().filter(|(_, order)| *order == "id") {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                               COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            ))
            .execute(&mut *tx)
            .await?;
        }
    }
    for (table, copied) in &counts {
        let (found,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&mut *tx)
            .await?;
        if found != *copied as i64 {
            return Err(CopyError::CountMismatch {
                table: (*table).to_owned(),
                copied: *copied,
                found,
            });
        }
    }
    tx.commit().await?;
    Ok(counts)
}

/// Writes `rows` of `table` in one statement.
async fn insert(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    kinds: &[(String, Kind)],
    rows: Vec<Vec<Cell>>,
) -> Result<(), sqlx::Error> {
    let values = parameter_rows(1, kinds.len(), rows.len());
    let names: Vec<&str> = kinds.iter().map(|(name, _)| name.as_str()).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES {}",
        names.join(", "),
        values
    );
    let mut query = sqlx::query(&sql);
    for row in rows {
        for (cell, (_, kind)) in row.into_iter().zip(kinds) {
            query = cell.bind(query, *kind);
        }
    }
    query.execute(conn).await?;
    Ok(())
}

/// Refuses a schema with a table [`TABLES`] does not list.
async fn check_tables(db: &Db) -> Result<(), CopyError> {
    let sql = match db.engine {
        Engine::Sqlite => {
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        }
        Engine::Postgres => {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        }
    };
    let names: Vec<(String,)> = sqlx::query_as(sql).fetch_all(&db.read).await?;
    let unknown: Vec<String> = names
        .into_iter()
        .map(|(name,)| name)
        .filter(|name| name != "_sqlx_migrations" && !TABLES.iter().any(|(t, _)| t == name))
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(CopyError::UnknownTables(unknown.join(", ")))
    }
}

/// The columns of `table` on `db`, with what each holds.
async fn column_kinds(db: &Db, table: &str) -> Result<Vec<(String, Kind)>, sqlx::Error> {
    let sql = match db.engine {
        Engine::Sqlite => "SELECT name, type FROM pragma_table_info($1) ORDER BY cid",
        Engine::Postgres => {
            "SELECT CAST(column_name AS TEXT), CAST(data_type AS TEXT) FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position"
        }
    };
    let rows: Vec<(String, String)> = sqlx::query_as(sql).bind(table).fetch_all(&db.read).await?;
    Ok(rows
        .into_iter()
        .map(|(name, declared)| {
            let kind = Kind::of_declared(&declared);
            (name, kind)
        })
        .collect())
}
