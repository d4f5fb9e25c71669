//! A body's state, kept on the body (`respondent.state`) so the administration's
//! lists filter, count and sort by a column. It only moves forward — not opened,
//! opened, draft, submitted — and it is moved in the same transaction as what moves
//! it, so it never disagrees with the invitations and the response it sums up.

use super::batch::Batch;
use super::db::parameters;
use crate::model::admin::BodyState;
use crate::model::BodyId;
use sqlx::AnyConnection;

/// The condition that the body's state is before the state ranked `$2`.
macro_rules! rank_below {
    () => {
        "(CASE state WHEN 'not_opened' THEN 0 WHEN 'opened' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END) < $2"
    };
}

/// A state's place in the order the states follow.
fn rank(state: BodyState) -> i64 {
    BodyState::ALL.iter().position(|s| *s == state).unwrap_or(0) as i64
}

/// Moves the body to `to`, unless it is there or further already.
pub async fn advance(
    conn: &mut AnyConnection,
    respondent_id: BodyId,
    to: BodyState,
) -> Result<(), sqlx::Error> {
    let mut batch = Batch::new(conn);
    advance_in(&mut batch, respondent_id, to);
    batch.execute(conn).await
}

/// [`advance`] as a statement of the caller's `batch`.
pub fn advance_in(batch: &mut Batch<'_>, respondent_id: BodyId, to: BodyState) {
    batch
        .push(concat!(
            "UPDATE respondent SET state = $1 WHERE id = $3 AND ",
            rank_below!()
        ))
        .bind(to.as_str())
        .bind(rank(to))
        .bind(respondent_id);
}

/// Moves each of the bodies to `to`, unless it is there or further already; one
/// statement for them all.
pub async fn advance_all(
    conn: &mut AnyConnection,
    respondent_ids: &[BodyId],
    to: BodyState,
) -> Result<(), sqlx::Error> {
    if respondent_ids.is_empty() {
        return Ok(());
    }
    let sql = format!(
        concat!(
            "UPDATE respondent SET state = $1 WHERE id IN ({}) AND ",
            rank_below!()
        ),
        parameters(3, respondent_ids.len())
    );
    let mut query = sqlx::query(&sql).bind(to.as_str()).bind(rank(to));
    for id in respondent_ids {
        query = query.bind(*id);
    }
    query.execute(&mut *conn).await?;
    Ok(())
}
