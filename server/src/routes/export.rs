//! Downloads of the decision material: CSV "svar" (streamed), CSV "opsummering" and
//! the XLSX workbook, for every role that reads everything; and one unit's figures
//! beside the whole ("enhed.csv"), also for that unit's leader. Every download is
//! audited, and so is every refusal.

use super::admin::Staff;
use app::backend::error::AppError;
use app::backend::export::{self, CsvDialect};
use app::backend::{audit, leaders, now_ms};
use app::edge::state::AppState;
use app::i18n::Lang;
use app::model::ConsultationId;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ExportQuery {
    /// `standard` for RFC 4180; Danish Excel otherwise.
    format: Option<String>,
    /// The unit of "enhed.csv" (the report's word for it, `institution`).
    institution: Option<String>,
}

/// One unit beside the whole.
const UNIT_CSV: &str = "enhed.csv";

const CSV: &str = "text/csv; charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `/admin/hoering/{id}/eksport/{file}`: `svar.csv`, `opsummering.csv`,
/// `generelle-kommentarer.csv`, `beslutningsgrundlag.xlsx` or `enhed.csv?institution=`.
/// The download is logged once the file can be made; a streamed file that fails
/// halfway ends as a broken download, never a short one.
pub async fn download(
    State(state): State<AppState>,
    Staff(user): Staff,
    Path((id, file)): Path<(ConsultationId, String)>,
    Query(query): Query<ExportQuery>,
    headers: HeaderMap,
    lang: Lang,
) -> Response {
    // A link on another site must not make a signed-in reader's browser download the
    // decision material (and write "exported" into the audit log): such a request is
    // sent on to the report page, where the download is one click away.
    let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
    if site.is_some_and(|s| !matches!(s, "same-origin" | "none")) {
        return Redirect::to(&app::wire::path::report(id)).into_response();
    }
    let unit = query.institution.unwrap_or_default();
    let allowed = if file == UNIT_CSV {
        leaders::check_unit(&state.db, &user, id, &unit, now_ms()).await
    } else if user.role.reads_everything() {
        Ok(())
    } else {
        let what = format!("eksport {file}");
        Err(audit::refused(&state.db, &user, Some(id), &what, now_ms()).await)
    };
    if let Err(e) = allowed {
        return e.into_response();
    }
    let dialect = CsvDialect::parse(query.format.as_deref());
    let wait = state.settings.send_timeout;
    let made: Result<(&str, Body), AppError> = match file.as_str() {
        "svar.csv" => export::per_body_title(&state.db, id).await.map(|title| {
            let chunks =
                export::ANSWERS_CSV.stream(state.db.clone(), id, title, dialect, lang, wait);
            (CSV, Body::from_stream(chunks))
        }),
        "generelle-kommentarer.csv" => export::per_body_title(&state.db, id).await.map(|title| {
            let chunks = export::GENERAL_COMMENTS_CSV.stream(
                state.db.clone(),
                id,
                title,
                dialect,
                lang,
                wait,
            );
            (CSV, Body::from_stream(chunks))
        }),
        "opsummering.csv" => match export::summary(&state.db, id, lang).await {
            Ok(report) => export::summary_csv(&report, dialect, lang).map(|b| (CSV, Body::from(b))),
            Err(e) => Err(e),
        },
        UNIT_CSV => match export::unit_summary(&state.db, id, &unit, lang).await {
            Ok(sheet) => export::summary_csv(&sheet, dialect, lang).map(|b| (CSV, Body::from(b))),
            Err(e) => Err(e),
        },
        "beslutningsgrundlag.xlsx" => match export::workbook(&state.db, id, lang).await {
            Ok(workbook) => export::file_chunks(workbook).map(|c| (XLSX, Body::from_stream(c))),
            Err(e) => Err(e),
        },
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let logged = match made {
        Ok(made) => {
            let what = if file == UNIT_CSV {
                format!("{file} ({unit})")
            } else {
                file.clone()
            };
            export::log_export(&state.db, &user, id, &what)
                .await
                .map(|()| made)
        }
        Err(e) => Err(e),
    };
    match logged {
        Ok((content_type, body)) => (
            [
                (header::CONTENT_TYPE, content_type.to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"hoering-{id}-{file}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            body,
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}
