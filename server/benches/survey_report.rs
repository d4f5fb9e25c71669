//! Benchmark: a survey's report with 50,000 anonymous responses × 30 items, broken
//! down by 100 units (goal ≤ 300 ms), and the same with suppression at work (a
//! minimum group size above some units' size).
//!
//! `cargo bench -p server --bench survey_report`. Prints the median and best of seven
//! runs of the report page's figures, by unit and in total.

mod support;

use app::backend::db::Db;
use app::backend::demo_survey::synthetic;
use app::backend::now_ms;
use app::backend::report::{report, Comments};
use app::backend::template::{Template, TemplateItem::*, TemplateSection};
use app::i18n::Lang;
use app::model::report::{Breakdown, ReportQuery};
use app::model::{ConsultationId, ConsultationKind, ItemId};
use std::time::{Duration, Instant};

const PEOPLE: usize = 50_000;
const UNITS: usize = 100;

/// Thirty items: 26 statements, an eNPS, a choice and two open questions.
const THIRTY: Template = Template {
    translations: &[],
    kind: ConsultationKind::Survey,
    anonymous: true,
    title: "Trivsel (benchmark)",
    intro: "",
    sections: &[
        TemplateSection {
            title: "Arbejdsglæde",
            description: "",
            show_if: None,
            items: &[
                Likert("Udsagn 1"),
                Likert("Udsagn 2"),
                Likert("Udsagn 3"),
                Likert("Udsagn 4"),
                Likert("Udsagn 5"),
                Likert("Udsagn 6"),
                Likert("Udsagn 7"),
                Likert("Udsagn 8"),
                Likert("Udsagn 9"),
                Likert("Udsagn 10"),
                Likert("Udsagn 11"),
                Likert("Udsagn 12"),
                Likert("Udsagn 13"),
            ],
        },
        TemplateSection {
            title: "Ledelse og samarbejde",
            description: "",
            show_if: None,
            items: &[
                Likert("Udsagn 14"),
                Likert("Udsagn 15"),
                Likert("Udsagn 16"),
                Likert("Udsagn 17"),
                Likert("Udsagn 18"),
                Likert("Udsagn 19"),
                Likert("Udsagn 20"),
                Likert("Udsagn 21"),
                Likert("Udsagn 22"),
                Likert("Udsagn 23"),
                Likert("Udsagn 24"),
                Likert("Udsagn 25"),
                Likert("Udsagn 26"),
            ],
        },
        TemplateSection {
            title: "Samlet",
            description: "",
            show_if: None,
            items: &[
                Nps("Anbefaling"),
                Single("Stilling", &["Pædagog", "Lærer", "Leder", "Andet"]),
                Text("Det bedste"),
                Text("Det vi skal blive bedre til"),
            ],
        },
    ],
};

async fn time_report(
    db: &Db,
    id: ConsultationId,
    breakdown: Breakdown,
) -> (Duration, Duration, u32) {
    let query = ReportQuery {
        breakdown,
        ..ReportQuery::default()
    };
    let mut times = Vec::new();
    let mut hidden = 0;
    for _ in 0..7 {
        let started = Instant::now();
        let r = report(db, id, &query, Comments::Preview, true, Lang::Da, now_ms())
            .await
            .unwrap();
        times.push(started.elapsed());
        assert_eq!(r.overall.submitted as usize, PEOPLE);
        assert_eq!(r.items.len(), 30);
        hidden = r.items[0].breakdown.iter().filter(|t| t.is_none()).count() as u32;
    }
    times.sort();
    (times[times.len() / 2], times[0], hidden)
}

#[tokio::main]
async fn main() {
    let (_dir, db) = support::fresh_db().await;
    let generating = Instant::now();
    let id = synthetic(&db, &THIRTY, PEOPLE, UNITS, 5, now_ms())
        .await
        .unwrap();
    println!(
        "generated {PEOPLE} responses × 30 items in {UNITS} units in {:.1} s",
        generating.elapsed().as_secs_f64()
    );
    let (median, best, _) = time_report(&db, id, Breakdown::Unit).await;
    println!(
        "survey report by {UNITS} units: median {:.0} ms, best {:.0} ms (goal <= 300 ms)",
        support::ms(median),
        support::ms(best)
    );
    let (median, best, _) = time_report(&db, id, Breakdown::Group).await;
    println!(
        "survey report in total: median {:.0} ms, best {:.0} ms",
        support::ms(median),
        support::ms(best)
    );
    // By the answer to the background question, counted from the 1.5 million
    // submitted answers themselves rather than the running tally.
    let (position,): (ItemId,) =
        sqlx::query_as("SELECT id FROM item WHERE consultation_id = $1 AND kind = 'single'")
            .bind(id)
            .fetch_one(&db.read)
            .await
            .unwrap();
    let (median, best, _) = time_report(&db, id, Breakdown::Answer(position)).await;
    println!(
        "survey report by a background answer (4 options): median {:.0} ms, best {:.0} ms",
        support::ms(median),
        support::ms(best)
    );
    // With a minimum group size above every unit's 500, each unit is hidden.
    sqlx::query("UPDATE consultation SET min_group_size = 501 WHERE id = $1")
        .bind(id)
        .execute(&db.write)
        .await
        .unwrap();
    let (median, best, hidden) = time_report(&db, id, Breakdown::Unit).await;
    println!(
        "survey report by unit, all {hidden} units suppressed: median {:.0} ms, best {:.0} ms",
        support::ms(median),
        support::ms(best)
    );
}
