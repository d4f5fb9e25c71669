//! Sheets of bodies or items: uploaded to a preview, then kept or discarded.

use super::extract::Manager;
use super::reply::{
    back, read_multipart, rejected, settle, settle_back, unprocessable, value, Again,
};
use app::backend::import_draft::{self, ImportKind};
use app::backend::now_ms;
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem};
use app::model::{ConsultationId, DraftId};
use app::wire::path;
use axum::extract::{Multipart, Path, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/hoering/{id}/import", post(upload))
        .route(
            "/admin/hoering/{id}/import/{draft}/{action}",
            post(confirm_import),
        )
}

async fn upload(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<ConsultationId>,
    parts: Parts,
    multipart: Multipart,
) -> Response {
    let upload = read_multipart(multipart).await;
    let kind = upload
        .as_ref()
        .ok()
        .and_then(|u| ImportKind::parse(value(&u.fields, "kind")))
        .unwrap_or(ImportKind::Bodies);
    let form = match kind {
        ImportKind::Bodies => "import-bodies",
        ImportKind::Items => "import-items",
    };
    let page = path::consultation(id);
    let upload = match upload {
        Ok(upload) => upload,
        Err(problem) => {
            return rejected(
                &state,
                parts,
                &page,
                form,
                Vec::new(),
                vec![problem],
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await
        }
    };
    let Some((file_name, bytes)) = upload.file else {
        let problem = Problem::new("file", Msg::FileMissing);
        return unprocessable(&state, parts, &page, form, Vec::new(), vec![problem]).await;
    };
    let result = import_draft::save(&state.db, &user, id, kind, &file_name, &bytes, now_ms()).await;
    let to_preview = format!("{page}/import/");
    let again = Again {
        state: &state,
        parts,
        page,
        form,
        fields: Vec::new(),
    };
    settle(result, again, |draft| {
        Redirect::to(&format!("{to_preview}{draft}")).into_response()
    })
    .await
}

async fn confirm_import(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((id, draft, action)): Path<(ConsultationId, DraftId, String)>,
) -> Response {
    let page = path::consultation(id);
    match action.as_str() {
        "gem" => {
            let base_url = &state.settings.base_url;
            let result =
                import_draft::confirm(&state.db, &user, id, draft, base_url, now_ms()).await;
            settle_back(result, &format!("{page}/import/{draft}"), |count| {
                state.mail_signal.notify_one();
                back(&page, Msg::Imported, Some(count as i64))
            })
        }
        "kasser" => match import_draft::discard(&state.db, &user, id, draft).await {
            Ok(()) => back(&page, Msg::ImportDiscarded, None),
            Err(e) => e.into_response(),
        },
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}
