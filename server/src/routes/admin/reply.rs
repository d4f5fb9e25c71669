//! How a form post is answered: back to the page with a message, or the page again
//! with what was typed and what was wrong.

use super::super::render::render_with;
use app::backend::error::AppError;
use app::edge::state::AppState;
use app::model::admin::{FormEcho, Msg, Problem};
use axum::extract::Multipart;
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use leptos::prelude::provide_context;

/// A form's fields, in the order they came.
pub type Fields = Vec<(String, String)>;

/// Back to a page with a message (`n` fills a count into it).
pub fn back(path: &str, msg: Msg, n: Option<i64>) -> Response {
    let count = n.map(|n| format!("&n={n}")).unwrap_or_default();
    Redirect::to(&format!("{path}?besked={}{count}", msg.code())).into_response()
}

/// The answer to a backend action started by a button, with nothing typed to show
/// again: done → `done(value)`; refused → back to `page` with the problem; our own
/// failure → 500.
pub fn settle_back<T>(
    result: Result<Result<T, Problem>, AppError>,
    page: &str,
    done: impl FnOnce(T) -> Response,
) -> Response {
    match result {
        Ok(Ok(value)) => done(value),
        Ok(Err(problem)) => refused(page, problem.msg),
        Err(e) => e.into_response(),
    }
}

/// Back to a page with the problem that refused a button's action.
pub fn refused(page: &str, msg: Msg) -> Response {
    Redirect::to(&format!("{page}?fejl={}", msg.code())).into_response()
}

/// Shows `page` again with the form's values (no password field, ever) and its
/// problems.
pub async fn rejected(
    state: &AppState,
    parts: Parts,
    page: &str,
    form: &str,
    values: Fields,
    problems: Vec<Problem>,
    status: StatusCode,
) -> Response {
    let echo = FormEcho {
        form: form.to_owned(),
        values: values
            .into_iter()
            .filter(|(name, _)| !name.contains("password"))
            .collect(),
        problems,
    };
    render_with(
        state,
        parts,
        Some(page),
        move || provide_context(echo.clone()),
        status,
    )
    .await
}

/// [`rejected`] for a form whose input was wrong (422).
pub async fn unprocessable(
    state: &AppState,
    parts: Parts,
    page: &str,
    form: &str,
    values: Fields,
    problems: Vec<Problem>,
) -> Response {
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    rejected(state, parts, page, form, values, problems, status).await
}

/// The form a post came from, to show again if the backend refuses it.
pub struct Again<'a> {
    pub state: &'a AppState,
    pub parts: Parts,
    pub page: String,
    pub form: &'a str,
    pub fields: Fields,
}

impl Again<'_> {
    pub async fn show(self, problems: Vec<Problem>) -> Response {
        unprocessable(
            self.state,
            self.parts,
            &self.page,
            self.form,
            self.fields,
            problems,
        )
        .await
    }
}

/// The answer to a backend action that may refuse: done → `done(value)`; refused →
/// the form again with the problem; our own failure → 500.
pub async fn settle<T>(
    result: Result<Result<T, Problem>, AppError>,
    again: Again<'_>,
    done: impl FnOnce(T) -> Response,
) -> Response {
    match result {
        Ok(Ok(value)) => done(value),
        Ok(Err(problem)) => again.show(vec![problem]).await,
        Err(e) => e.into_response(),
    }
}

pub fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

/// The parts of a multipart form: text fields and at most one file.
pub struct Upload {
    pub fields: Fields,
    pub file: Option<(String, Vec<u8>)>,
}

pub async fn read_multipart(mut multipart: Multipart) -> Result<Upload, Problem> {
    let mut upload = Upload {
        fields: Vec::new(),
        file: None,
    };
    let too_large = || Problem::with("file", Msg::FileTooLarge, "5 MB");
    while let Some(field) = multipart.next_field().await.map_err(|_| too_large())? {
        let name = field.name().unwrap_or("").to_owned();
        if let Some(file_name) = field.file_name().map(str::to_owned) {
            let bytes = field.bytes().await.map_err(|_| too_large())?;
            if !file_name.is_empty() || !bytes.is_empty() {
                upload.file = Some((file_name, bytes.to_vec()));
            }
        } else {
            let text = field.text().await.map_err(|_| too_large())?;
            upload.fields.push((name, text));
        }
    }
    Ok(upload)
}
