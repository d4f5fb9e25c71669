//! Server functions: thin — find the state, call the backend, map its answer.

#[cfg(feature = "admin-ui")]
mod admin;
mod open_link;
mod respond;

#[cfg(feature = "admin-ui")]
pub use admin::*;
pub use open_link::*;
pub use respond::*;

use crate::model::LockReason;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What a server function can fail with, as the browser sees it. Internal errors are
/// logged on the server and arrive here only as `Server`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum ApiError {
    #[error("invalid link")]
    InvalidLink,
    #[error("locked")]
    Locked(LockReason),
    #[error("not found")]
    NotFound,
    #[error("signed out")]
    SignedOut,
    #[error("forbidden")]
    Forbidden,
    #[error("server error")]
    Server,
    /// The request's arguments could not be read (400): never sent by our pages.
    #[error("Forespørgslen kunne ikke læses / The request could not be read")]
    BadRequest,
    /// The request was larger than the server takes (413).
    #[error("Forespørgslen er for stor / The request is too large")]
    TooLarge,
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    /// On the server, arguments that cannot be read are the caller's mistake — 400,
    /// or 413 for a body over the limit — answered without the parser's details; in
    /// the browser, anything here is a failed request.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        #[cfg(feature = "ssr")]
        {
            use http::StatusCode;
            let refusal = match &value {
                ServerFnErrorErr::Deserialization(e) if e.contains("length limit") => {
                    Some((StatusCode::PAYLOAD_TOO_LARGE, ApiError::TooLarge))
                }
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_) => {
                    Some((StatusCode::BAD_REQUEST, ApiError::BadRequest))
                }
                _ => None,
            };
            if let Some((status, error)) = refusal {
                if let Some(response) =
                    leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
                {
                    response.set_status(status);
                }
                return error;
            }
        }
        ApiError::Transport(value.to_string())
    }
}

/// Turns a backend error into what the browser may see, and gives the response the
/// matching status: 404 for a bad link, 403 when locked, 500 (logged) for our faults.
#[cfg(feature = "ssr")]
pub fn api_error(error: crate::backend::error::AppError) -> ApiError {
    api_error_to(
        leptos::prelude::use_context::<leptos_axum::ResponseOptions>().as_ref(),
        error,
    )
}

/// [`api_error`] for a response found before an `.await` (after one, the reactive
/// owner and with it the context may be gone).
///
/// A redirect already decided stands. A staff page's frame and its own data are
/// loaded side by side, and both find that the visitor is signed out: the frame
/// sends them to sign in (303), the data fails with 401, in either order. Whichever
/// came last used to decide — about one page in fifty answered 401 where a signed-out
/// visitor should have been sent on.
#[cfg(feature = "ssr")]
pub fn api_error_to(
    response: Option<&leptos_axum::ResponseOptions>,
    error: crate::backend::error::AppError,
) -> ApiError {
    use crate::backend::error::AppError;
    use http::StatusCode;
    error.log();
    let (status, api) = match error {
        AppError::InvalidLink => (StatusCode::NOT_FOUND, ApiError::InvalidLink),
        AppError::Locked(reason) => (StatusCode::FORBIDDEN, ApiError::Locked(reason)),
        AppError::NotFound => (StatusCode::NOT_FOUND, ApiError::NotFound),
        AppError::SignedOut => (StatusCode::UNAUTHORIZED, ApiError::SignedOut),
        AppError::Forbidden => (StatusCode::FORBIDDEN, ApiError::Forbidden),
        AppError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ApiError::Server),
        AppError::Contention => (StatusCode::SERVICE_UNAVAILABLE, ApiError::Server),
        AppError::StorageFull => (StatusCode::INSUFFICIENT_STORAGE, ApiError::Server),
    };
    if let Some(response) = response {
        let redirected = response
            .0
            .read()
            .is_ok_and(|parts| parts.status.is_some_and(|s| s.is_redirection()));
        if !redirected {
            response.set_status(status);
        }
    }
    api
}

/// The language of the current request (from its cookie).
#[cfg(feature = "ssr")]
pub fn request_lang() -> crate::i18n::Lang {
    leptos::prelude::use_context::<http::request::Parts>()
        .map(|parts| crate::edge::request::lang(&parts))
        .unwrap_or_default()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::backend::error::AppError;
    use http::StatusCode;

    fn status(response: &leptos_axum::ResponseOptions) -> Option<StatusCode> {
        response.0.read().unwrap().status
    }

    #[test]
    fn an_error_sets_its_status_but_leaves_a_redirect_already_decided() {
        let response = leptos_axum::ResponseOptions::default();
        assert_eq!(
            api_error_to(Some(&response), AppError::SignedOut),
            ApiError::SignedOut
        );
        assert_eq!(status(&response), Some(StatusCode::UNAUTHORIZED));

        let response = leptos_axum::ResponseOptions::default();
        response.set_status(StatusCode::SEE_OTHER);
        api_error_to(Some(&response), AppError::SignedOut);
        assert_eq!(status(&response), Some(StatusCode::SEE_OTHER));
    }
}
