//! Who is posting: a signed-in staff member, with the role the action needs, about
//! which consultation.

use super::super::render::render_with;
use super::reply::Fields;
use app::backend::audit;
use app::backend::auth::SessionLookup;
use app::backend::error::AppError;
use app::backend::now_ms;
use app::edge::request;
use app::edge::state::AppState;
use app::model::admin::UserView;
use app::model::ConsultationId;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

/// A signed-in staff member. Without a live session the request is sent to sign-in.
pub struct Staff(pub UserView);

impl FromRequestParts<AppState> for Staff {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let session = request::session_id(&parts.headers);
        match request::current_user(&state.db, session, now_ms()).await {
            Ok(SessionLookup::Active(user)) => Ok(Staff(user)),
            Ok(SessionLookup::Expired) => {
                Err(Redirect::to("/admin/log-ind?besked=SessionExpired").into_response())
            }
            Ok(SessionLookup::Unknown) => Err(Redirect::to("/admin/log-ind").into_response()),
            Err(e) => Err(e.into_response()),
        }
    }
}

/// An extractor for a signed-in staff member whose role passes `$allowed`; anyone
/// else gets the 403 page, and the refusal is audited.
macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $allowed:ident) => {
        $(#[$doc])*
        pub struct $name(pub UserView);

        impl FromRequestParts<AppState> for $name {
            type Rejection = Response;

            async fn from_request_parts(
                parts: &mut Parts,
                state: &AppState,
            ) -> Result<Self, Response> {
                let Staff(user) = Staff::from_request_parts(parts, state).await?;
                if user.role.$allowed() {
                    Ok($name(user))
                } else {
                    Err(refuse(state, &user, parts.clone()).await)
                }
            }
        }
    };
}

role_extractor!(
    /// A staff member whose role may run consultations.
    Manager,
    can_run_consultations
);
role_extractor!(
    /// An administrator.
    Admin,
    can_administer
);

/// A manager acting on one consultation (`…/{id}/…`).
pub struct ManagerAt(pub UserView, pub ConsultationId);

impl FromRequestParts<AppState> for ManagerAt {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Manager(user) = Manager::from_request_parts(parts, state).await?;
        let Path(id) = Path::<ConsultationId>::from_request_parts(parts, state)
            .await
            .map_err(IntoResponse::into_response)?;
        Ok(ManagerAt(user, id))
    }
}

/// A manager's form post about one consultation (`…/{id}/…`): who posted, which
/// consultation, the request's parts (to show the page again if the post is refused)
/// and the form's fields.
pub struct ManagerPost {
    user: UserView,
    id: ConsultationId,
    parts: Parts,
    fields: Fields,
}

impl ManagerPost {
    pub fn into_parts(self) -> (UserView, ConsultationId, Parts, Fields) {
        (self.user, self.id, self.parts, self.fields)
    }
}

impl FromRequest<AppState> for ManagerPost {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let (mut parts, body) = request.into_parts();
        let ManagerAt(user, id) = ManagerAt::from_request_parts(&mut parts, state).await?;
        let Form(fields) =
            Form::<Fields>::from_request(Request::from_parts(parts.clone(), body), state)
                .await
                .map_err(IntoResponse::into_response)?;
        Ok(Self {
            user,
            id,
            parts,
            fields,
        })
    }
}

/// Audits the refused request and answers with the 403 page.
async fn refuse(state: &AppState, user: &UserView, parts: Parts) -> Response {
    let what = parts.uri.path().to_owned();
    match audit::refused(&state.db, user, None, &what, now_ms()).await {
        AppError::Forbidden => forbidden(state, parts).await,
        other => other.into_response(),
    }
}

/// The 403 page.
async fn forbidden(state: &AppState, parts: Parts) -> Response {
    render_with(
        state,
        parts,
        Some("/admin/ingen-adgang"),
        || {},
        StatusCode::FORBIDDEN,
    )
    .await
}
