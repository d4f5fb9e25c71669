//! The running count of submitted answers behind the report (`answer_tally`, and
//! `answer_tally_by_answer` for the breakdown by a background question).
//!
//! Counting 420,000 answers on every view of the report costs over a second; the
//! count per item, group, unit and answer is a few hundred rows. Every change to what
//! counts goes through here, in the transaction of the change: a submission takes its
//! previous answers out of the count and adds its new ones, and a body moved to
//! another group or unit takes its answers along.

use super::batch::Batch;
use crate::model::{ConsultationId, ResponseId};
use sqlx::AnyConnection;

/// Adds the submitted answers of the responses `filter` selects to the count (or
/// takes them out, with a negative `sign`), under the group and unit each response
/// was stamped with (see [`stamp`]).
macro_rules! add_up {
    ($filter:literal) => {
        concat!(
            "INSERT INTO answer_tally (consultation_id, item_id, group_name, unit, value, answers, commented)
             SELECT rs.consultation_id, sa.item_id, rs.group_name, rs.unit,
                    sa.value, $2 * COUNT(*), $2 * SUM(CASE WHEN sa.comment <> '' THEN 1 ELSE 0 END)
             FROM response rs
             JOIN submitted_answer sa ON sa.response_id = rs.id
             WHERE ",
            $filter,
            " GROUP BY rs.consultation_id, sa.item_id, rs.group_name, rs.unit, sa.value
             ON CONFLICT (consultation_id, item_id, group_name, unit, value) DO UPDATE
             SET answers = answer_tally.answers + excluded.answers,
                 commented = answer_tally.commented + excluded.commented"
        )
    };
}

/// The same per background answer (`answer_tally_by_answer`): each answer of the
/// responses `filter` selects, under every single-choice answer of the same response.
macro_rules! add_up_by_answer {
    ($filter:literal) => {
        concat!(
            "INSERT INTO answer_tally_by_answer (consultation_id, background_item, background_value,
                                                group_name, item_id, value, answers, commented)
             SELECT rs.consultation_id, bg.item_id, bg.value, rs.group_name, sa.item_id, sa.value,
                    $2 * COUNT(*), $2 * SUM(CASE WHEN sa.comment <> '' THEN 1 ELSE 0 END)
             FROM response rs
             JOIN submitted_answer bg ON bg.response_id = rs.id
             JOIN item bi ON bi.id = bg.item_id AND bi.kind = 'single'
             JOIN submitted_answer sa ON sa.response_id = rs.id
             WHERE ",
            $filter,
            " GROUP BY rs.consultation_id, bg.item_id, bg.value, rs.group_name, sa.item_id, sa.value
             ON CONFLICT (consultation_id, background_item, background_value, group_name, item_id, value)
             DO UPDATE SET answers = answer_tally_by_answer.answers + excluded.answers,
                           commented = answer_tally_by_answer.commented + excluded.commented"
        )
    };
}

/// Adds (`Sign::Add`) or removes (`Sign::Remove`) the submitted answers of one
/// response to or from the counts. `background`: whether the consultation asks a
/// single-choice question, the only kind the breakdown by answer is made under.
/// Without one that count has nothing to add, and a hearing's submission, in the one
/// writer's transaction, spends no statement on it.
pub async fn count(
    conn: &mut AnyConnection,
    response_id: ResponseId,
    sign: Sign,
    background: Background,
) -> Result<(), sqlx::Error> {
    let mut batch = Batch::new(conn);
    count_in(&mut batch, response_id, sign, background);
    batch.execute(conn).await
}

/// [`count`] as statements of the caller's `batch`.
pub fn count_in(
    batch: &mut Batch<'_>,
    response_id: ResponseId,
    sign: Sign,
    background: Background,
) {
    let by_answer = (background != Background::NotAsked).then_some(add_up_by_answer!("rs.id = $1"));
    for sql in std::iter::once(add_up!("rs.id = $1")).chain(by_answer) {
        batch.push(sql).bind(response_id).bind(sign as i64);
    }
}

/// Stamps a response with the group and unit of its body as they are now: at
/// submission, and when the administration moves the body. The caller takes the
/// response out of the count before and adds it back after, so the count follows.
pub async fn stamp(conn: &mut AnyConnection, response_id: ResponseId) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE response
         SET group_name = COALESCE((SELECT r.group_name FROM respondent r WHERE r.id = response.respondent_id), group_name),
             unit = COALESCE((SELECT r.unit FROM respondent r WHERE r.id = response.respondent_id), unit)
         WHERE id = $1",
    )
    .bind(response_id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Counts a whole consultation afresh from `submitted_answer`: after a bulk load
/// (the generated demo data) that did not count as it went.
pub async fn recount(
    conn: &mut AnyConnection,
    consultation_id: ConsultationId,
) -> Result<(), sqlx::Error> {
    for table in ["answer_tally", "answer_tally_by_answer"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE consultation_id = $1"))
            .bind(consultation_id)
            .execute(&mut *conn)
            .await?;
    }
    for sql in [
        add_up!("rs.consultation_id = $1"),
        add_up_by_answer!("rs.consultation_id = $1"),
    ] {
        sqlx::query(sql)
            .bind(consultation_id)
            .bind(Sign::Add as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Whether a consultation asks a background question (a single choice) that answers
/// are broken down by. `Unknown` where the caller has not read the questionnaire:
/// then both counts are made, and the breakdown finds what there is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Background {
    Asked,
    NotAsked,
    Unknown,
}

impl Background {
    pub fn of(items: &[crate::model::logic::Asked]) -> Self {
        if items
            .iter()
            .any(|i| matches!(i.kind, crate::model::ItemKind::Single { .. }))
        {
            Self::Asked
        } else {
            Self::NotAsked
        }
    }
}

/// Whether a response's answers go into the count or come out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Add = 1,
    Remove = -1,
}
