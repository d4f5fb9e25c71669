//! Server functions behind the administration pages. Each finds the signed-in user
//! from the session cookie and checks the role before it reads anything; changes go
//! through plain form posts (see the server's `routes::admin`), so they work without
//! JavaScript.

use super::ApiError;
#[cfg(feature = "ssr")]
use crate::model::admin::UserView;
use crate::model::admin::{
    AdminConsultation, AuditEntry, Home, ImportPreview, OutboxPage, Posters, SendProgress,
    SessionView, StaffAccount,
};
use crate::model::{ConsultationId, DraftId, UserId};
use leptos::prelude::*;

/// Everything a server function needs from its request, taken before the first
/// `.await`: after one, the reactive owner (and the context with it) may be gone.
#[cfg(feature = "ssr")]
struct Call {
    state: crate::edge::state::AppState,
    lang: crate::i18n::Lang,
    session: Option<String>,
    response: Option<leptos_axum::ResponseOptions>,
    /// The page or endpoint asked for, for the audit log when it is refused.
    path: String,
}

#[cfg(feature = "ssr")]
impl Call {
    fn capture() -> Self {
        let parts = use_context::<http::request::Parts>();
        let session = parts
            .as_ref()
            .and_then(|parts| crate::edge::request::session_id(&parts.headers).map(str::to_owned));
        Self {
            state: expect_context(),
            lang: super::request_lang(),
            session,
            response: use_context(),
            path: parts.map(|p| p.uri.path().to_owned()).unwrap_or_default(),
        }
    }

    fn fail(&self, error: crate::backend::error::AppError) -> ApiError {
        super::api_error_to(self.response.as_ref(), error)
    }

    /// The user behind the session cookie.
    async fn user(&self) -> Result<UserView, ApiError> {
        use crate::backend::auth::SessionLookup;
        use crate::backend::error::AppError;
        let found = crate::edge::request::current_user(
            &self.state.db,
            self.session.as_deref(),
            crate::backend::now_ms(),
        )
        .await;
        match found {
            Ok(SessionLookup::Active(user)) => Ok(user),
            Ok(_) => Err(self.fail(AppError::SignedOut)),
            Err(e) => Err(self.fail(e)),
        }
    }

    /// The user, if the role allows what `may` asks; a refusal is audited.
    async fn allowed(&self, may: impl Fn(&UserView) -> bool) -> Result<UserView, ApiError> {
        let user = self.user().await?;
        if may(&user) {
            Ok(user)
        } else {
            let now = crate::backend::now_ms();
            let refused =
                crate::backend::audit::refused(&self.state.db, &user, None, &self.path, now);
            Err(self.fail(refused.await))
        }
    }

    /// A user who reads every consultation: anyone but a leader.
    async fn reader(&self) -> Result<UserView, ApiError> {
        self.allowed(|u| u.role.reads_everything()).await
    }
}

/// What the page frame needs: who is signed in, and a rejected form to show again.
#[server(endpoint = "admin/session")]
pub async fn admin_session() -> Result<SessionView, ApiError> {
    use crate::model::admin::FormEcho;
    let echo = use_context::<FormEcho>();
    use crate::backend::auth::SessionLookup;
    let call = Call::capture();
    let found = crate::edge::request::current_user(
        &call.state.db,
        call.session.as_deref(),
        crate::backend::now_ms(),
    )
    .await
    .map_err(|e| call.fail(e))?;
    Ok(SessionView {
        expired: found == SessionLookup::Expired,
        user: match found {
            SessionLookup::Active(user) => Some(user),
            _ => None,
        },
        echo,
    })
}

/// The start page: every consultation for the staff; for a leader, page `page` of
/// their own units in the consultations that cover them.
#[server(endpoint = "admin/overview")]
pub async fn admin_overview(page: u32) -> Result<Home, ApiError> {
    use crate::model::admin::Role;
    let call = Call::capture();
    let user = call.user().await?;
    let db = &call.state.db;
    let home = match user.role {
        Role::Leader => crate::backend::leaders::home(db, &user, page, call.lang)
            .await
            .map(Home::Leader),
        _ => crate::backend::tracking::overview(db, call.lang)
            .await
            .map(Home::Staff),
    };
    home.map_err(|e| call.fail(e))
}

#[server(endpoint = "admin/consultation")]
pub async fn admin_hearing(
    id: ConsultationId,
    bodies: crate::model::listing::BodyQuery,
) -> Result<AdminConsultation, ApiError> {
    let call = Call::capture();
    let user = call.reader().await?;
    let db = &call.state.db;
    let mut c = crate::backend::tracking::consultation(db, id, user.role, &bodies, call.lang)
        .await
        .map_err(|e| call.fail(e))?;
    c.series = Some(
        crate::backend::series::panel(db, id)
            .await
            .map_err(|e| call.fail(e))?,
    );
    if c.may_edit && c.status == crate::model::ConsultationStatus::Draft {
        let periods = crate::backend::stories::periods(db)
            .await
            .map_err(|e| call.fail(e))?;
        c.periods = periods.into_iter().map(|p| (p.id, p.title)).collect();
    }
    if c.survey {
        let base = &call.state.settings.base_url;
        c.open_links = crate::backend::open_link::list(db, id, base)
            .await
            .map_err(|e| call.fail(e))?;
        c.languages = crate::backend::translation::list(db, id)
            .await
            .map_err(|e| call.fail(e))?;
    }
    Ok(c)
}

/// A survey's posters: one per open link, with its QR code.
#[server(endpoint = "admin/posters")]
pub async fn admin_posters(id: ConsultationId) -> Result<Posters, ApiError> {
    let call = Call::capture();
    call.reader().await?;
    let base = &call.state.settings.base_url;
    crate::backend::open_link::posters(&call.state.db, id, base, call.lang)
        .await
        .map_err(|e| call.fail(e))
}

/// The send-out progress alone, polled by the consultation page while mails go out.
#[server(endpoint = "admin/progress")]
pub async fn admin_progress(id: ConsultationId) -> Result<SendProgress, ApiError> {
    let call = Call::capture();
    call.reader().await?;
    crate::backend::mail::outbox::progress(&call.state.db, Some(id))
        .await
        .map_err(|e| call.fail(e.into()))
}

#[server(endpoint = "admin/import")]
pub async fn admin_import(id: ConsultationId, draft: DraftId) -> Result<ImportPreview, ApiError> {
    let call = Call::capture();
    let user = call.allowed(|u| u.role.can_run_consultations()).await?;
    crate::backend::import_draft::preview(&call.state.db, &user, id, draft)
        .await
        .map_err(|e| call.fail(e))
}

#[server(endpoint = "admin/outbox")]
pub async fn admin_outbox(page: u32) -> Result<OutboxPage, ApiError> {
    use crate::backend::mail::outbox;
    let call = Call::capture();
    call.allowed(|u| u.role.can_run_consultations()).await?;
    let db = &call.state.db;
    let load = async {
        let (rows, page) = outbox::list(db, page, call.lang).await?;
        Ok::<_, sqlx::Error>(OutboxPage {
            progress: outbox::progress(db, None).await?,
            rows,
            page,
            file_folder: call.state.settings.mail_folder.clone(),
        })
    };
    load.await.map_err(|e| call.fail(e.into()))
}

#[server(endpoint = "admin/users")]
pub async fn admin_users() -> Result<Vec<StaffAccount>, ApiError> {
    let call = Call::capture();
    call.allowed(|u| u.role.can_administer()).await?;
    let now = crate::backend::now_ms();
    crate::backend::accounts::list(&call.state.db, now, call.lang)
        .await
        .map_err(|e| call.fail(e))
}

/// One account, and the institution names known from the consultations (offered
/// when a leader is given an institution).
#[server(endpoint = "admin/user")]
pub async fn admin_user(id: UserId) -> Result<(StaffAccount, Vec<String>), ApiError> {
    let call = Call::capture();
    call.allowed(|u| u.role.can_administer()).await?;
    let now = crate::backend::now_ms();
    let db = &call.state.db;
    let load = async {
        let account = crate::backend::accounts::one(db, id, now, call.lang).await?;
        let known = crate::backend::leaders::known_units(db).await?;
        Ok((account, known))
    };
    load.await.map_err(|e| call.fail(e))
}

#[server(endpoint = "admin/audit")]
pub async fn admin_audit(
    page: u32,
) -> Result<(Vec<AuditEntry>, crate::model::listing::PageInfo), ApiError> {
    let call = Call::capture();
    call.allowed(|u| u.role.can_administer()).await?;
    crate::backend::audit::page(&call.state.db, page, call.lang)
        .await
        .map_err(|e| call.fail(e))
}

/// The decision material on screen: the reader's query decides order, filter and
/// breakdown; the first few comments per item, all of the expanded one.
#[server(endpoint = "admin/report")]
pub async fn admin_report(
    id: ConsultationId,
    query: crate::model::report::ReportQuery,
) -> Result<crate::model::report::Report, ApiError> {
    use crate::backend::report::{report, Comments};
    let call = Call::capture();
    let user = call.reader().await?;
    let (db, now) = (&call.state.db, crate::backend::now_ms());
    let load = async {
        let can_edit = user.role.can_run_consultations();
        let mut report =
            report(db, id, &query, Comments::Preview, can_edit, call.lang, now).await?;
        crate::backend::series::attach(db, &mut report, call.lang, now).await?;
        Ok(report)
    };
    load.await.map_err(|e| call.fail(e))
}

/// One unit beside the whole, for its printed page: the figures only — no comments
/// (free text is never shown for one unit) and no list of who has not answered.
/// The staff may see any unit; a leader only their own (see `backend::leaders`).
#[server(endpoint = "admin/unit-sheet")]
pub async fn admin_unit_sheet(
    id: ConsultationId,
    unit: String,
) -> Result<crate::model::report::Report, ApiError> {
    use crate::backend::leaders;
    use crate::backend::report::{report, Comments};
    use crate::model::report::ReportQuery;
    let call = Call::capture();
    let user = call.user().await?;
    let db = &call.state.db;
    let now = crate::backend::now_ms();
    let load = async {
        leaders::check_unit(db, &user, id, &unit, now).await?;
        let query = ReportQuery {
            unit: Some(unit).filter(|u| !u.is_empty()),
            ..ReportQuery::default()
        };
        let mut sheet = report(db, id, &query, Comments::None, false, call.lang, now).await?;
        crate::backend::series::attach(db, &mut sheet, call.lang, now).await?;
        Ok(if user.role.reads_everything() {
            sheet
        } else {
            leaders::for_leader(sheet)
        })
    };
    load.await.map_err(|e| call.fail(e))
}

/// The printable memo: catalogue order, every comment, every note.
#[server(endpoint = "admin/memo")]
pub async fn admin_memo(id: ConsultationId) -> Result<crate::model::report::Report, ApiError> {
    use crate::backend::report::{report, Comments};
    let call = Call::capture();
    call.reader().await?;
    let (db, now) = (&call.state.db, crate::backend::now_ms());
    let query = crate::model::report::ReportQuery::default();
    let load = async {
        let mut memo = report(db, id, &query, Comments::All, false, call.lang, now).await?;
        crate::backend::series::attach(db, &mut memo, call.lang, now).await?;
        Ok(memo)
    };
    load.await.map_err(|e| call.fail(e))
}

/// The periods of guideposts (pejlemærker).
#[server(endpoint = "admin/periods")]
pub async fn admin_periods() -> Result<Vec<crate::model::guidepost::PeriodRow>, ApiError> {
    let call = Call::capture();
    call.reader().await?;
    crate::backend::stories::periods(&call.state.db)
        .await
        .map_err(|e| call.fail(e))
}

/// One period with its guideposts.
#[server(endpoint = "admin/period")]
pub async fn admin_period(
    id: crate::model::PeriodId,
) -> Result<crate::model::guidepost::PeriodView, ApiError> {
    let call = Call::capture();
    call.reader().await?;
    crate::backend::stories::period(&call.state.db, id)
        .await
        .map_err(|e| call.fail(e))
}

/// A guidepost's learning stories, a page at a time (`theme` filters).
#[server(endpoint = "admin/guidepost")]
pub async fn admin_guidepost(
    id: crate::model::GuidepostId,
    page: u32,
    theme: Option<String>,
) -> Result<crate::model::guidepost::GuidepostPage, ApiError> {
    let call = Call::capture();
    call.reader().await?;
    crate::backend::stories::page(&call.state.db, id, page, theme.as_deref())
        .await
        .map_err(|e| call.fail(e))
}

/// The committee memo of a period's guideposts.
#[server(endpoint = "admin/narrative-memo")]
pub async fn admin_narrative_memo(
    id: crate::model::PeriodId,
) -> Result<crate::model::guidepost::NarrativeMemo, ApiError> {
    let call = Call::capture();
    call.reader().await?;
    let now = crate::backend::now_ms();
    crate::backend::stories::memo(&call.state.db, id, call.lang, now)
        .await
        .map_err(|e| call.fail(e))
}
