//! Benchmark: the decision material of a hearing with 10,000 bodies × 42 items, every
//! answer with a comment.
//!
//! `cargo bench -p server --bench report`. Prints the time to compute the report page's
//! figures (goal ≤ 200 ms), the time and peak memory of streaming the CSV "svar"
//! export of 420,000 rows (goal ≤ 2 s, memory flat: compared with the same export of
//! 1,000 bodies), and the time of the XLSX export. Peak memory is the growth of the
//! process's resident high-water mark (`VmHWM`, reset through `/proc/self/clear_refs`).

mod support;

use app::backend::db::Db;
use app::backend::demo::synthetic;
use app::backend::export::{self, CsvDialect};
use app::backend::now_ms;
use app::backend::report::{report, Comments};
use app::i18n::Lang;
use app::model::report::ReportQuery;
use app::model::ConsultationId;
use futures::StreamExt;
use std::time::{Duration, Instant};

const BODIES: usize = 10_000;

/// A field of `/proc/self/status` in kB.
fn status_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

/// Resets the high-water mark to the current resident size.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

struct Streamed {
    time: Duration,
    rows: usize,
    bytes: usize,
    peak_growth_mb: f64,
}

async fn stream_csv(db: &Db, id: ConsultationId) -> Streamed {
    reset_peak();
    let before = status_kb("VmRSS:");
    let started = Instant::now();
    let title = export::title(db, id).await.unwrap();
    let mut chunks = Box::pin(export::ANSWERS_CSV.stream(
        db.clone(),
        id,
        title,
        CsvDialect::DanishExcel,
        Lang::Da,
        std::time::Duration::from_secs(30),
    ));
    let (mut bytes, mut rows) = (0, 0);
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.unwrap();
        bytes += chunk.len();
        rows += chunk.iter().filter(|&&b| b == b'\n').count();
    }
    Streamed {
        time: started.elapsed(),
        // Line feeds inside quoted comments would count too; the generated ones have none.
        rows: rows - 1,
        bytes,
        peak_growth_mb: status_kb("VmHWM:").saturating_sub(before) as f64 / 1024.0,
    }
}

#[tokio::main]
async fn main() {
    let (_dir, db) = support::fresh_db().await;
    let generating = Instant::now();
    let small = synthetic(&db, BODIES / 10, 1.0, 1, now_ms()).await.unwrap();
    let large = synthetic(&db, BODIES, 1.0, 2, now_ms()).await.unwrap();
    println!(
        "generated {BODIES} + {} bodies × 42 items in {:.1} s",
        BODIES / 10,
        generating.elapsed().as_secs_f64()
    );

    let mut times = Vec::new();
    for _ in 0..7 {
        let started = Instant::now();
        let r = report(
            &db,
            large,
            &ReportQuery::default(),
            Comments::Preview,
            true,
            Lang::Da,
            now_ms(),
        )
        .await
        .unwrap();
        times.push(started.elapsed());
        assert_eq!(r.overall.submitted as usize, BODIES);
    }
    times.sort();
    println!(
        "report page figures ({BODIES} bodies): median {:.0} ms, best {:.0} ms (goal <= 200 ms)",
        support::ms(times[times.len() / 2]),
        support::ms(times[0])
    );
    let started = Instant::now();
    let memo = report(
        &db,
        large,
        &ReportQuery::default(),
        Comments::All,
        false,
        Lang::Da,
        now_ms(),
    )
    .await
    .unwrap();
    let comments: u32 = memo.items.iter().map(|i| i.comments.len() as u32).sum();
    println!(
        "memo figures with all {comments} comments: {:.0} ms",
        support::ms(started.elapsed())
    );

    let small_csv = stream_csv(&db, small).await;
    let large_csv = stream_csv(&db, large).await;
    for (name, s) in [("1,000 bodies", &small_csv), ("10,000 bodies", &large_csv)] {
        println!(
            "CSV svar, {name}: {} rows, {:.1} MB in {:.2} s; peak memory growth {:.1} MB",
            s.rows,
            s.bytes as f64 / 1e6,
            s.time.as_secs_f64(),
            s.peak_growth_mb
        );
    }
    println!("  (goal: 420,000 rows <= 2 s, memory flat: the larger export may not need more)");
    assert_eq!(large_csv.rows, BODIES * 42);

    reset_peak();
    let before = status_kb("VmRSS:");
    let started = Instant::now();
    let file = export::workbook(&db, large, Lang::Da).await.unwrap();
    let size = std::fs::metadata(file.path()).unwrap().len();
    println!(
        "XLSX, {BODIES} bodies: {:.1} MB in {:.2} s; peak memory growth {:.1} MB",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        status_kb("VmHWM:").saturating_sub(before) as f64 / 1024.0
    );
}
