//! The audit log: who did what to which consultation, and when. Written in the same
//! transaction as the action, so the log cannot claim what did not happen or miss
//! what did.

use super::dates::format_datetime;
use super::db::Db;
use super::error::AppError;
use crate::i18n::{Key, Lang};
use crate::model::admin::{AuditEntry, UserView};
use crate::model::listing::{PageInfo, PAGE_SIZE};
use crate::model::ConsultationId;
use sqlx::AnyConnection;

/// What was done; stored by name so the log stays readable in the database too, and
/// shown by its label on the audit page.
macro_rules! actions {
    ($($action:ident => $name:literal, $key:ident;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Action { $($action),* }

        impl Action {
            pub const ALL: &'static [Action] = &[$(Action::$action),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Self::$action => $name),* }
            }

            pub fn label(self) -> Key {
                match self { $(Self::$action => Key::$key),* }
            }

            pub fn parse(stored: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|a| a.as_str() == stored)
            }
        }
    };
}

actions! {
    SignIn => "sign_in", AuditSignIn;
    SignInFailed => "sign_in_failed", AuditSignInFailed;
    SignOut => "sign_out", AuditSignOut;
    UserCreated => "user_created", AuditUserCreated;
    RoleChanged => "role_changed", AuditRoleChanged;
    UserDisabled => "user_disabled", AuditUserDisabled;
    UserEnabled => "user_enabled", AuditUserEnabled;
    SessionsEnded => "sessions_ended", AuditSessionsEnded;
    PasswordChanged => "password_changed", AuditPasswordChanged;
    PasswordReset => "password_reset", AuditPasswordReset;
    Created => "created", AuditCreated;
    Duplicated => "duplicated", AuditDuplicated;
    Changed => "changed", AuditChanged;
    Opened => "opened", AuditOpened;
    Closed => "closed", AuditClosed;
    Reopened => "reopened", AuditReopened;
    Imported => "imported", AuditImported;
    BodyAdded => "body_added", AuditBodyAdded;
    BodyRemoved => "body_removed", AuditBodyRemoved;
    BodyChanged => "body_changed", AuditBodyChanged;
    ItemChanged => "item_changed", AuditItemChanged;
    InvitationsSent => "invitations_sent", AuditInvitationsSent;
    InvitationResent => "invitation_resent", AuditInvitationResent;
    LinkReplaced => "link_replaced", AuditLinkReplaced;
    RemindersSent => "reminders_sent", AuditRemindersSent;
    NoteChanged => "note_changed", AuditNoteChanged;
    Exported => "exported", AuditExported;
    ContactsPurged => "contacts_purged", AuditContactsPurged;
    OpenLinkCreated => "open_link_created", AuditOpenLinkCreated;
    UnitAssigned => "unit_assigned", AuditUnitAssigned;
    UnitRemoved => "unit_removed", AuditUnitRemoved;
    AccessRefused => "access_refused", AuditAccessRefused;
    TargetChanged => "target_changed", AuditTargetChanged;
    SeriesChanged => "series_changed", AuditSeriesChanged;
    GuidepostChanged => "guidepost_changed", AuditGuidepostChanged;
}

/// Records an action inside the caller's transaction. `user` is `None` for what the
/// system does by itself (automatic reminders).
pub async fn record(
    conn: &mut AnyConnection,
    user: Option<&UserView>,
    action: Action,
    consultation_id: Option<ConsultationId>,
    detail: &str,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO audit_log (at, user_id, user_email, action, consultation_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(now_ms)
    .bind(user.map(|u| u.id))
    .bind(user.map(|u| u.email.as_str()).unwrap_or("system"))
    .bind(action.as_str())
    .bind(consultation_id)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

/// Records the action in the transaction that made it, and commits both.
pub async fn commit(
    mut tx: sqlx::Transaction<'_, sqlx::Any>,
    user: Option<&UserView>,
    action: Action,
    consultation_id: Option<ConsultationId>,
    detail: &str,
    now_ms: i64,
) -> Result<(), sqlx::Error> {
    record(&mut tx, user, action, consultation_id, detail, now_ms).await?;
    tx.commit().await
}

/// Records an action that changed nothing else in the database (a sign-in, an
/// export, a user created through its own store call).
pub async fn record_alone(
    db: &Db,
    user: Option<&UserView>,
    action: Action,
    consultation_id: Option<ConsultationId>,
    detail: &str,
    now_ms: i64,
) -> Result<(), AppError> {
    let tx = db.write.begin().await?;
    Ok(commit(tx, user, action, consultation_id, detail, now_ms).await?)
}

/// Audits a refused request (what was asked for, in `what`) and gives the error
/// to answer it with: 403, or the audit's own failure.
pub async fn refused(
    db: &Db,
    user: &UserView,
    consultation: Option<ConsultationId>,
    what: &str,
    now_ms: i64,
) -> AppError {
    let logged = record_alone(
        db,
        Some(user),
        Action::AccessRefused,
        consultation,
        what,
        now_ms,
    )
    .await;
    match logged {
        Ok(()) => AppError::Forbidden,
        Err(e) => e,
    }
}

/// One page of the entries, newest first, and how many there are.
pub async fn page(db: &Db, page: u32, lang: Lang) -> Result<(Vec<AuditEntry>, PageInfo), AppError> {
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&db.read)
        .await?;
    let page = PageInfo::counted(page, total);
    let rows: Vec<(i64, String, String, Option<ConsultationId>, String)> = sqlx::query_as(
        "SELECT at, user_email, action, consultation_id, detail
         FROM audit_log ORDER BY id DESC LIMIT $1 OFFSET $2",
    )
    .bind(i64::from(PAGE_SIZE))
    .bind(i64::from(page.offset()))
    .fetch_all(&db.read)
    .await?;
    let entries = rows
        .into_iter()
        .map(|(at, user, action, consultation, detail)| AuditEntry {
            at: format_datetime(at, lang),
            user,
            action: Action::parse(&action).map_or(action, |a| lang.t(a.label()).to_owned()),
            consultation,
            detail,
        })
        .collect();
    Ok((entries, page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_stored_by_its_own_name_and_read_back() {
        for action in Action::ALL {
            assert_eq!(Action::parse(action.as_str()), Some(*action));
            assert_ne!(Lang::Da.t(action.label()), action.as_str());
        }
        assert_eq!(Action::parse("no_such_action"), None);
    }
}
