//! A consultation itself: created, its settings changed, opened, closed, copied,
//! its bodies reminded, its items edited.

use super::extract::{Manager, ManagerAt, ManagerPost};
use super::reply::{
    back, read_multipart, rejected, settle, settle_back, unprocessable, value, Again,
};
use app::backend::import_draft::{self, ImportKind};
use app::backend::manage::{self, ItemEdit, ItemSettings, Source};
use app::backend::template::Template;
use app::backend::{now_ms, series, sheet};
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem};
use app::model::{ConsultationId, ConsultationKind, ItemId};
use app::wire::path;
use axum::extract::{Multipart, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/hoeringer", post(create))
        .route("/admin/hoering/{id}/indstillinger", post(settings))
        .route("/admin/hoering/{id}/aabn", post(open))
        .route("/admin/hoering/{id}/luk", post(close))
        .route("/admin/hoering/{id}/kopier", post(duplicate))
        .route("/admin/hoering/{id}/paamind", post(remind))
        .route("/admin/hoering/{id}/forslag", post(items))
        .route("/admin/hoering/{id}/serie", post(series))
        .route("/admin/hoering/{id}/serie/spoergsmaal", post(questions))
}

async fn create(
    State(state): State<AppState>,
    Manager(user): Manager,
    parts: Parts,
    multipart: Multipart,
) -> Response {
    let upload = match read_multipart(multipart).await {
        Ok(upload) => upload,
        Err(problem) => {
            return rejected(
                &state,
                parts,
                "/admin",
                "create",
                Vec::new(),
                vec![problem],
                StatusCode::PAYLOAD_TOO_LARGE,
            )
            .await
        }
    };
    let now = now_ms();
    let mut problems = Vec::new();
    let title = manage::parse_title(value(&upload.fields, "title"), &mut problems);
    let deadline = manage::parse_deadline(value(&upload.fields, "deadline"), now, &mut problems);
    let source = value(&upload.fields, "source");
    let from_sheet = matches!(source, "sheet" | "survey_sheet");
    let sheet_bytes = match (from_sheet, &upload.file) {
        (true, None) => {
            problems.push(Problem::new("file", Msg::FileMissing));
            None
        }
        (true, Some((_, bytes))) => match sheet::read_off_runtime(bytes.clone()).await {
            Ok(_) => Some(upload.file.clone().unwrap_or_default()),
            Err(problem) => {
                problems.push(problem);
                None
            }
        },
        _ => None,
    };
    if !problems.is_empty() {
        return unprocessable(&state, parts, "/admin", "create", upload.fields, problems).await;
    }
    let kind = match source {
        "blank_survey" | "survey_sheet" => ConsultationKind::Survey,
        _ => ConsultationKind::Hearing,
    };
    let source = Template::BUILT_IN
        .iter()
        .find(|(name, _)| *name == source)
        .map_or(Source::Blank(kind), |&(name, template)| {
            Source::Template(name, template)
        });
    let id = match manage::create(&state.db, &user, &title, deadline, source, now).await {
        Ok(id) => id,
        Err(e) => return e.into_response(),
    };
    match sheet_bytes {
        Some((file_name, bytes)) => {
            let kind = ImportKind::Items;
            let result =
                import_draft::save(&state.db, &user, id, kind, &file_name, &bytes, now).await;
            settle_back(result, &path::consultation(id), |draft| {
                Redirect::to(&format!("/admin/hoering/{id}/import/{draft}")).into_response()
            })
        }
        None => back(
            &path::consultation(id),
            Msg::Created.for_kind(kind == ConsultationKind::Survey),
            None,
        ),
    }
}

async fn settings(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let now = now_ms();
    let current = match manage::current_deadline(&state.db, id).await {
        Ok(deadline) => deadline,
        Err(e) => return e.into_response(),
    };
    match manage::parse_settings(&fields, Some(current), now) {
        Ok(settings) => match manage::update_settings(&state.db, &user, id, &settings, now).await {
            Ok(()) => back(&path::consultation(id), Msg::Saved, None),
            Err(e) => e.into_response(),
        },
        Err(problems) => {
            unprocessable(
                &state,
                parts,
                &path::consultation(id),
                "settings",
                fields,
                problems,
            )
            .await
        }
    }
}

async fn open(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let now = now_ms();
    let raw_deadline = value(&fields, "deadline");
    let new_deadline = if raw_deadline.is_empty() {
        None
    } else {
        let mut problems = Vec::new();
        let deadline = manage::parse_deadline(raw_deadline, now, &mut problems);
        if !problems.is_empty() {
            return unprocessable(
                &state,
                parts,
                &path::consultation(id),
                "status",
                fields,
                problems,
            )
            .await;
        }
        Some(deadline)
    };
    let result = manage::open(
        &state.db,
        &user,
        id,
        new_deadline,
        &state.settings.base_url,
        now,
    )
    .await;
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "status",
        fields,
    };
    let survey = is_survey(&state, id).await;
    settle(result, again, |queued| {
        state.mail_signal.notify_one();
        let msg = if new_deadline.is_some() {
            Msg::Reopened
        } else {
            Msg::Opened
        };
        back(&path::consultation(id), msg.for_kind(survey), Some(queued))
    })
    .await
}

async fn close(State(state): State<AppState>, ManagerAt(user, id): ManagerAt) -> Response {
    match manage::close(&state.db, &user, id, now_ms()).await {
        Ok(()) => {
            let msg = Msg::Closed.for_kind(is_survey(&state, id).await);
            back(&path::consultation(id), msg, None)
        }
        Err(e) => e.into_response(),
    }
}

async fn duplicate(State(state): State<AppState>, ManagerAt(user, id): ManagerAt) -> Response {
    match manage::duplicate(&state.db, &user, id, now_ms()).await {
        Ok(copy) => back(&path::consultation(copy), Msg::Duplicated, None),
        Err(e) => e.into_response(),
    }
}

async fn remind(State(state): State<AppState>, ManagerAt(user, id): ManagerAt) -> Response {
    let base_url = &state.settings.base_url;
    let result = manage::remind(&state.db, Some(&user), id, base_url, now_ms()).await;
    settle_back(result, &path::consultation(id), |n| {
        if n == 0 {
            return back(&path::consultation(id), Msg::NobodyToRemind, None);
        }
        state.mail_signal.notify_one();
        back(&path::consultation(id), Msg::RemindersQueued, Some(n))
    })
}

async fn items(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let item = value(&fields, "item").parse::<ItemId>().unwrap_or_default();
    let text = value(&fields, "text").to_owned();
    let edit = match value(&fields, "action") {
        "add" => ItemEdit::Add {
            section: value(&fields, "section").to_owned(),
            text,
        },
        "text" => ItemEdit::Text { item, text },
        "up" => ItemEdit::Up { item },
        "down" => ItemEdit::Down { item },
        "remove" => ItemEdit::Remove { item },
        "settings" => ItemEdit::Settings(ItemSettings {
            item,
            kind: value(&fields, "type").to_owned(),
            options: value(&fields, "svarmuligheder").to_owned(),
            max: value(&fields, "hoejst").to_owned(),
            required: !value(&fields, "obligatorisk").is_empty(),
            show_if: fields
                .iter()
                .filter(|(name, _)| name == "vis_hvis")
                .map(|(_, v)| v.clone())
                .collect(),
            translations: fields
                .iter()
                .filter_map(|(name, text)| {
                    let tag = name.strip_prefix("tekst_")?;
                    let options = value(&fields, &format!("svarmuligheder_{tag}"));
                    Some((tag.to_owned(), text.clone(), options.to_owned()))
                })
                .collect(),
        }),
        _ => return StatusCode::BAD_REQUEST.into_response(),
    };
    let result = manage::edit_items(&state.db, &user, id, &edit, now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "items",
        fields,
    };
    let survey = is_survey(&state, id).await;
    settle(result, again, |msg| {
        back(&path::consultation(id), msg.for_kind(survey), None)
    })
    .await
}

/// Whether consultation `id` is a survey, for the wording of an outcome; a lookup
/// that fails words it as a hearing (the action itself has already succeeded or
/// answered for itself).
async fn is_survey(state: &AppState, id: ConsultationId) -> bool {
    let Ok(mut conn) = state.db.read.acquire().await else {
        return false;
    };
    manage::kind(&mut conn, id).await.ok().flatten() == Some(ConsultationKind::Survey)
}

/// Puts the consultation in a series (chosen or new) or takes it out of one.
async fn series(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let page = path::consultation(id);
    let choice = match series::Choice::parse(value(&fields, "series"), value(&fields, "title")) {
        Ok(choice) => choice,
        Err(problem) => {
            return unprocessable(&state, parts, &page, "series", fields, vec![problem]).await
        }
    };
    let result = series::assign(&state.db, &user, id, &choice, now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: page.clone(),
        form: "series",
        fields,
    };
    settle(result, again, |msg| {
        Redirect::to(&format!("{page}?besked={}#serie", msg.code())).into_response()
    })
    .await
}

/// The discussion questions of the consultation's series, for every unit's dialogue
/// sheet.
async fn questions(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let page = path::consultation(id);
    let typed = ["q1", "q2", "q3"].map(|name| (name, value(&fields, name)));
    let result = match series::parse_questions(typed.into_iter()) {
        Ok(questions) => series::save_questions(&state.db, &user, id, &questions, now_ms()).await,
        Err(problem) => Ok(Err(problem)),
    };
    let again = Again {
        state: &state,
        parts,
        page: page.clone(),
        form: "questions",
        fields,
    };
    settle(result, again, |msg| {
        Redirect::to(&format!("{page}?besked={}#serie", msg.code())).into_response()
    })
    .await
}
