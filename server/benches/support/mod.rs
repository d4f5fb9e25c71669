//! What every benchmark starts from. Each benchmark is a binary of its own and uses
//! what it needs of this.
#![allow(dead_code)]

pub mod mailing;
pub mod respondent;
pub mod served;

use app::backend::db::Db;
use tempfile::TempDir;

/// A fresh, migrated database in a folder of its own (kept as long as the `TempDir`).
pub async fn fresh_db() -> (TempDir, Db) {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(&dir.path().join("bench.db")).await.unwrap();
    db.migrate().await.unwrap();
    (dir, db)
}

pub fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
