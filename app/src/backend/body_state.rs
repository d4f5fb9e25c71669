//! A body's state, kept on the body (`respondent.state`) so the administration's
//! lists filter, count and sort by a column. It only moves forward — not opened,
//! opened, draft, submitted — and it is moved in the same transaction as what moves
//! it, so it never disagrees with the invitations and the response it sums up.

use crate::model::admin::BodyState;
use crate::model::BodyId;
use sqlx::AnyConnection;

/// Moves the body to `to`, unless it is there or further already.
pub async fn advance(
    conn: &mut AnyConnection,
    respondent_id: BodyId,
    to: BodyState,
) -> Result<(), sqlx::Error> {
    let rank = BodyState::ALL.iter().position(|s| *s == to).unwrap_or(0) as i64;
    sqlx::query(
        "UPDATE respondent SET state = $1
         WHERE id = $2 AND (CASE state WHEN 'not_opened' THEN 0 WHEN 'opened' THEN 1
                                       WHEN 'draft' THEN 2 ELSE 3 END) < $3",
    )
    .bind(to.as_str())
    .bind(respondent_id)
    .bind(rank)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
