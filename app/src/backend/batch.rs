//! Statements sent to the database together.
//!
//! On SQLite every statement is a round trip from the writer's task to the
//! connection's own thread and back: two context switches, which were a fifth of
//! the writer's time in a submission of eleven statements. SQLite runs a string of
//! several statements in one call, and sqlx binds a `$N` in any of them to the N-th
//! value of the whole call (sqlx-sqlite's `SqliteArguments::bind`), so there a batch
//! is one string: each statement's own `$1, $2, …` renumbered to follow the values
//! of the statements before it. PostgreSQL prepares one statement at a time, so there
//! the statements go one after the other, each as written.

use sqlx::any::{Any, AnyArguments};
use sqlx::{AnyConnection, Arguments, Encode, Type};

/// Statements to run in order on one connection, in the caller's transaction.
pub struct Batch<'q> {
    statements: Statements<'q>,
    /// The first value that could not be encoded; the batch then runs nothing.
    error: Option<sqlx::Error>,
}

enum Statements<'q> {
    /// SQLite: the statements so far, renumbered and `;`-separated, and the values of
    /// all of them, in order.
    Together {
        sql: String,
        values: AnyArguments<'q>,
    },
    /// PostgreSQL: each statement with its own values.
    Apart(Vec<(&'q str, AnyArguments<'q>)>),
}

impl<'q> Batch<'q> {
    /// An empty batch for `conn`'s engine.
    pub fn new(conn: &AnyConnection) -> Self {
        let statements = if conn.backend_name() == "SQLite" {
            Statements::Together {
                sql: String::new(),
                values: AnyArguments::default(),
            }
        } else {
            Statements::Apart(Vec::new())
        };
        Self {
            statements,
            error: None,
        }
    }

    /// Adds a statement whose parameters are `$1…$n`; bind exactly its `n` values
    /// to what this returns, before the next statement is added.
    pub fn push(&mut self, statement: &'q str) -> Bind<'_, 'q> {
        let values = match &mut self.statements {
            Statements::Together { sql, values } => {
                if !sql.is_empty() {
                    sql.push_str(";\n");
                }
                renumber(statement, values.len(), sql);
                values
            }
            Statements::Apart(statements) => {
                statements.push((statement, AnyArguments::default()));
                &mut statements.last_mut().expect("just pushed").1
            }
        };
        Bind {
            values,
            error: &mut self.error,
        }
    }

    /// Runs the statements in order; the first that fails stops the rest.
    pub async fn execute(self, conn: &mut AnyConnection) -> Result<(), sqlx::Error> {
        if let Some(error) = self.error {
            return Err(error);
        }
        match self.statements {
            Statements::Together { sql, values } => {
                if !sql.is_empty() {
                    sqlx::query_with(&sql, values).execute(&mut *conn).await?;
                }
            }
            Statements::Apart(statements) => {
                for (sql, values) in statements {
                    sqlx::query_with(sql, values).execute(&mut *conn).await?;
                }
            }
        }
        Ok(())
    }
}

/// Binds the values of the statement just added, in the order of its parameters.
pub struct Bind<'b, 'q> {
    values: &'b mut AnyArguments<'q>,
    error: &'b mut Option<sqlx::Error>,
}

impl<'q> Bind<'_, 'q> {
    pub fn bind<T: 'q + Encode<'q, Any> + Type<Any>>(self, value: T) -> Self {
        if let Err(error) = self.values.add(value) {
            self.error.get_or_insert(sqlx::Error::Encode(error));
        }
        self
    }
}

/// Appends `sql` to `out` with every parameter `$N` as `$(N + by)`. A `$` inside a
/// quoted string or name is text, not a parameter, and is left as it is. The text
/// between parameters is copied in runs, not character by character: a submission's
/// count statements hold a few hundred parameters, and this runs on the writer's
/// serial path.
fn renumber(sql: &str, by: usize, out: &mut String) {
    use std::fmt::Write;
    let bytes = sql.as_bytes();
    out.reserve(sql.len() + sql.len() / 8);
    let mut quote = None;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        at += 1;
        match (quote, byte) {
            (Some(open), _) if byte == open => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(byte),
            (None, b'$') => {
                let digits = bytes[at..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count();
                if digits > 0 {
                    let n = bytes[at..at + digits]
                        .iter()
                        .fold(0usize, |n, d| n * 10 + usize::from(d - b'0'));
                    out.push_str(&sql[copied..at]);
                    write!(out, "{}", n + by).expect("writing to a String");
                    at += digits;
                    copied = at;
                }
            }
            (None, _) => {}
        }
    }
    out.push_str(&sql[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn renumbered(sql: &str, by: usize) -> String {
        let mut out = String::new();
        renumber(sql, by, &mut out);
        out
    }

    #[test]
    fn parameters_follow_the_values_before_them_and_quoted_text_is_left_alone() {
        assert_eq!(
            renumbered("UPDATE t SET a = $1, b = $12 WHERE id = $1", 3),
            "UPDATE t SET a = $4, b = $15 WHERE id = $4"
        );
        assert_eq!(
            renumbered("SELECT '$1', \"$2\", $2 FROM t", 10),
            "SELECT '$1', \"$2\", $12 FROM t"
        );
        assert_eq!(renumbered("SELECT $1", 0), "SELECT $1");
        assert_eq!(
            renumbered("SELECT 'it''s $3', $3", 1),
            "SELECT 'it''s $3', $4"
        );
        assert_eq!(
            renumbered("SELECT 'æø $1', $2, 'å', $ , $9", 1),
            "SELECT 'æø $1', $3, 'å', $ , $10"
        );
    }

    #[tokio::test]
    async fn a_batch_runs_its_statements_in_order_with_each_its_own_values() {
        sqlx::any::install_default_drivers();
        let mut conn: AnyConnection = sqlx::Connection::connect("sqlite::memory:").await.unwrap();
        sqlx::query("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)")
            .execute(&mut conn)
            .await
            .unwrap();
        let mut batch = Batch::new(&conn);
        assert!(matches!(batch.statements, Statements::Together { .. }));
        batch
            .push("INSERT INTO t (id, a, b) VALUES ($1, $2, $1)")
            .bind(7_i64)
            .bind("x");
        batch
            .push("UPDATE t SET a = a || $2 WHERE id = $1")
            .bind(7_i64)
            .bind("'$1'");
        batch
            .push("INSERT INTO t (id, a, b) VALUES ($2, $1, $2)")
            .bind("y")
            .bind(8_i64);
        batch.execute(&mut conn).await.unwrap();
        let rows: Vec<(i64, String, i64)> = sqlx::query_as("SELECT id, a, b FROM t ORDER BY id")
            .fetch_all(&mut conn)
            .await
            .unwrap();
        assert_eq!(rows, [(7, "x'$1'".into(), 7), (8, "y".into(), 8)]);
    }
}
