//! The two engines hold the same schema: every table and column the SQLite
//! migrations make, the PostgreSQL ones make too, and nothing more. Runs in the
//! PostgreSQL pass of the suite (it needs both engines).

use crate::helpers::{fresh_database, on_postgres, open_database};
use std::collections::BTreeSet;

type Columns = BTreeSet<(String, String)>;

#[tokio::test]
async fn both_engines_have_the_same_columns() {
    if !on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = open_database(dir.path().join("schema.db").to_str().unwrap()).await;
    let postgres = open_database(&fresh_database(dir.path(), "unused").await).await;
    let on_sqlite: Columns = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite%' AND m.name <> '_sqlx_migrations'",
    )
    .fetch_all(&sqlite.read)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let on_postgres: Columns = sqlx::query_as(
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT)
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&postgres.read)
    .await
    .unwrap()
    .into_iter()
    .collect();
    assert!(on_sqlite.len() > 100, "the whole schema was read");
    let only_sqlite: Vec<_> = on_sqlite.difference(&on_postgres).collect();
    let only_postgres: Vec<_> = on_postgres.difference(&on_sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only in migrations/sqlite: {only_sqlite:?}; only in migrations/postgres: {only_postgres:?}"
    );
}

/// `samrad copy`'s work: the demo installation (hearing, staff survey, parents'
/// survey, accounts, mails) moved from SQLite to PostgreSQL and back reads the same
/// everywhere — every table's rows, and the decision material built from them — and
/// a second copy into the now full database is refused without writing.
#[tokio::test]
async fn an_installation_moves_between_engines_unchanged() {
    use app::backend::copy::{copy, CopyError};
    use app::backend::report::{report, Comments};
    use app::backend::{demo, demo_survey, now_ms};
    use app::i18n::Lang;
    use app::model::report::{Breakdown, ReportQuery};
    if !on_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = open_database(dir.path().join("from.db").to_str().unwrap()).await;
    let now = now_ms();
    let hearing = demo::load(&sqlite, now + 7 * crate::helpers::DAY_MS, now)
        .await
        .unwrap()
        .consultation_id;
    let survey = demo_survey::load(&sqlite, now + 7 * crate::helpers::DAY_MS, now)
        .await
        .unwrap()
        .consultation_id;
    let postgres = open_database(&fresh_database(dir.path(), "unused").await).await;
    let counts = copy(&sqlite, &postgres).await.unwrap();
    assert!(counts
        .iter()
        .any(|(t, n)| *t == "submitted_answer" && *n > 1_000));
    let back = open_database(dir.path().join("back.db").to_str().unwrap()).await;
    assert_eq!(copy(&postgres, &back).await.unwrap(), counts);

    let read = |db, id, breakdown| async move {
        let query = ReportQuery {
            breakdown,
            ..ReportQuery::default()
        };
        let mut r = report(db, id, &query, Comments::All, true, Lang::Da, now)
            .await
            .unwrap();
        r.generated = String::new();
        r
    };
    for (id, breakdown) in [(hearing, Breakdown::Group), (survey, Breakdown::Unit)] {
        let original = read(&sqlite, id, breakdown).await;
        assert!(!original.items.is_empty());
        assert_eq!(read(&postgres, id, breakdown).await, original);
        assert_eq!(read(&back, id, breakdown).await, original);
    }
    // Both engines go on numbering after the copied ids.
    let (next,): (i64,) = sqlx::query_as(
        "INSERT INTO app_user (email, name, password_hash, role, created_at)
         VALUES ('ny@kommune.dk', 'Ny', 'x', 'viewer', 0) RETURNING id",
    )
    .fetch_one(&postgres.write)
    .await
    .unwrap();
    let (highest,): (i64,) =
        sqlx::query_as("SELECT MAX(id) FROM app_user WHERE email <> 'ny@kommune.dk'")
            .fetch_one(&postgres.read)
            .await
            .unwrap();
    assert!(next > highest);

    let refused = copy(&sqlite, &postgres).await;
    assert!(
        matches!(refused, Err(CopyError::TargetNotEmpty(_))),
        "{refused:?}"
    );
}
