//! Errors as responses to plain requests (form posts, downloads).

use crate::backend::error::AppError;

/// The answer to a plain request (a form post, a download) that failed: the status
/// and a short page in Danish that says what happened, with a way on — never an empty
/// body. Internal errors are logged here and shown only as a generic message.
impl axum::response::IntoResponse for AppError {
    fn into_response(self) -> axum::response::Response {
        use crate::i18n::{Key, Lang};
        use axum::http::{header, HeaderValue, StatusCode};
        self.log();
        let (status, title, text) = match self {
            Self::InvalidLink => (
                StatusCode::NOT_FOUND,
                Key::InvalidLinkTitle,
                Key::InvalidLinkText,
            ),
            Self::Locked(_) => (StatusCode::FORBIDDEN, Key::AppName, Key::NoticeRefused),
            Self::NotFound => (
                StatusCode::NOT_FOUND,
                Key::NotFoundTitle,
                Key::AdminNotFoundText,
            ),
            Self::SignedOut => (
                StatusCode::UNAUTHORIZED,
                Key::SignInTitle,
                Key::MsgSessionExpired,
            ),
            Self::Forbidden => (
                StatusCode::FORBIDDEN,
                Key::ForbiddenTitle,
                Key::ForbiddenText,
            ),
            Self::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                Key::AppName,
                Key::ServerError,
            ),
            Self::Contention => (
                StatusCode::SERVICE_UNAVAILABLE,
                Key::AppName,
                Key::ServerError,
            ),
            Self::StorageFull => (
                StatusCode::INSUFFICIENT_STORAGE,
                Key::AppName,
                Key::ServerError,
            ),
        };
        let lang = Lang::Da;
        let escape = crate::html::escape;
        let page = format!(
            "<!DOCTYPE html><html lang=\"{tag}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title} – {app}</title><link rel=\"stylesheet\" href=\"/pkg/{css}.css\"></head>\
             <body><main id=\"indhold\"><article class=\"page-message\"><h1>{title}</h1><p>{text}</p>\
             <p><a href=\"/admin\">{back}</a></p></article></main></body></html>",
            tag = lang.tag(),
            title = escape(lang.t(title)),
            app = escape(lang.t(Key::AppName)),
            css = crate::OUTPUT_NAME,
            text = escape(lang.t(text)),
            back = escape(lang.t(Key::BackToOverview)),
        );
        let mut response = (status, axum::response::Html(page)).into_response();
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(super::security::PLAIN_PAGE_POLICY),
        );
        response
    }
}
