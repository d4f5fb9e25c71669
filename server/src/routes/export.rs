//! Downloads of the decision material: CSV "svar" (streamed), CSV "opsummering" and
//! the XLSX workbook. Every role may download; every download is audited.

use super::admin::{failure, Staff};
use app::backend::export::{self, CsvDialect};
use app::backend::state::AppState;
use app::i18n::Lang;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ExportQuery {
    /// `standard` for RFC 4180; Danish Excel otherwise.
    format: Option<String>,
}

fn lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::from_cookie_header)
        .unwrap_or_default()
}

fn download(content_type: &'static str, filename: String, body: Body) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

pub async fn answers_csv(
    State(state): State<AppState>,
    Staff(user): Staff,
    Path(id): Path<i64>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    let title = match export::title(&state.db, id).await {
        Ok(title) => title,
        Err(e) => return failure(e),
    };
    if let Err(e) = export::log_export(&state.db, &user, id, "svar.csv").await {
        return failure(e);
    }
    let dialect = CsvDialect::parse(query.format.as_deref());
    let chunks = export::answers_csv(state.db.clone(), id, title, dialect, lang(&headers));
    download(
        "text/csv; charset=utf-8",
        format!("hoering-{id}-svar.csv"),
        Body::from_stream(chunks),
    )
}

pub async fn summary_csv(
    State(state): State<AppState>,
    Staff(user): Staff,
    Path(id): Path<i64>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
) -> Response {
    let lang = lang(&headers);
    let dialect = CsvDialect::parse(query.format.as_deref());
    let bytes = match export::summary(&state.db, id, lang).await {
        Ok(report) => export::summary_csv(&report, dialect, lang),
        Err(e) => Err(e),
    };
    let logged = match &bytes {
        Ok(_) => export::log_export(&state.db, &user, id, "opsummering.csv").await,
        Err(_) => Ok(()),
    };
    match bytes.and_then(|b| logged.map(|()| b)) {
        Ok(bytes) => download(
            "text/csv; charset=utf-8",
            format!("hoering-{id}-opsummering.csv"),
            Body::from(bytes),
        ),
        Err(e) => failure(e),
    }
}

pub async fn workbook(
    State(state): State<AppState>,
    Staff(user): Staff,
    Path(id): Path<i64>,
    headers: HeaderMap,
) -> Response {
    let file = match export::workbook(&state.db, id, lang(&headers)).await {
        Ok(file) => file,
        Err(e) => return failure(e),
    };
    if let Err(e) = export::log_export(&state.db, &user, id, "beslutningsgrundlag.xlsx").await {
        return failure(e);
    }
    match export::file_chunks(file) {
        Ok(chunks) => download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            format!("hoering-{id}-beslutningsgrundlag.xlsx"),
            Body::from_stream(chunks),
        ),
        Err(e) => failure(e),
    }
}
