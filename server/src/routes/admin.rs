//! The administration's form posts. Each checks the session and the role, validates,
//! calls one backend action, and then either redirects back with a message
//! (post/redirect/get) or shows the page again with what was typed and what was wrong.

use super::client_addr::ClientAddr;
use super::render::render_with;
use app::backend::audit::{self, Action};
use app::backend::auth::{self, session_cookie, Password, SessionLookup, SignInError};
use app::backend::error::AppError;
use app::backend::import_draft::{self, ImportKind};
use app::backend::manage::{self, ItemEdit, Source};
use app::backend::{now_ms, report, sheet};
use app::edge::request;
use app::edge::state::AppState;
use app::model::admin::{FormEcho, Msg, Problem, Role, UserView};
use app::model::Email;
use app::wire::path;
use axum::extract::{FromRequest, FromRequestParts, Multipart, Path, Request, State};
use axum::http::{header, request::Parts, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use leptos::prelude::provide_context;

type Fields = Vec<(String, String)>;

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
/// else gets the 403 page.
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
                    Err(forbidden(state, parts.clone()).await)
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
pub struct ManagerAt(UserView, i64);

impl FromRequestParts<AppState> for ManagerAt {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let Manager(user) = Manager::from_request_parts(parts, state).await?;
        let Path(id) = Path::<i64>::from_request_parts(parts, state)
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
    id: i64,
    parts: Parts,
    fields: Fields,
}

impl ManagerPost {
    fn into_parts(self) -> (UserView, i64, Parts, Fields) {
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

/// Back to a page with a message (`n` fills a count into it).
fn back(path: &str, msg: Msg, n: Option<i64>) -> Response {
    let count = n.map(|n| format!("&n={n}")).unwrap_or_default();
    Redirect::to(&format!("{path}?besked={}{count}", msg.code())).into_response()
}

/// The answer to a backend action started by a button, with nothing typed to show
/// again: done → `done(value)`; refused → back to `page` with the problem; our own
/// failure → 500.
fn settle_back<T>(
    result: Result<Result<T, Problem>, AppError>,
    page: &str,
    done: impl FnOnce(T) -> Response,
) -> Response {
    match result {
        Ok(Ok(value)) => done(value),
        Ok(Err(problem)) => {
            Redirect::to(&format!("{page}?fejl={}", problem.msg.code())).into_response()
        }
        Err(e) => e.into_response(),
    }
}

/// Shows `page` again with the form's values (passwords never) and its problems.
async fn rejected(
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
            .filter(|(name, _)| name != "password")
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
async fn unprocessable(
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
struct Again<'a> {
    state: &'a AppState,
    parts: Parts,
    page: String,
    form: &'a str,
    fields: Fields,
}

impl Again<'_> {
    async fn show(self, problems: Vec<Problem>) -> Response {
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
async fn settle<T>(
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

fn value<'a>(fields: &'a Fields, name: &str) -> &'a str {
    fields
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub async fn sign_in(
    State(state): State<AppState>,
    ClientAddr(client): ClientAddr,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let old = request::session_id(&parts.headers).map(str::to_owned);
    let email = value(&fields, "email").to_owned();
    let now = now_ms();
    let result = auth::sign_in(
        &state.db,
        &email,
        value(&fields, "password"),
        &client.to_string(),
        old.as_deref(),
        now,
    )
    .await;
    let session = match result {
        Ok(Ok(session)) => session,
        Ok(Err(refusal)) => {
            let (msg, status) = match refusal {
                SignInError::BadCredentials => (Msg::BadCredentials, StatusCode::UNAUTHORIZED),
                SignInError::Throttled => (Msg::Throttled, StatusCode::TOO_MANY_REQUESTS),
            };
            let problems = vec![Problem::new("form", msg)];
            return rejected(
                &state,
                parts,
                "/admin/log-ind",
                "login",
                fields,
                problems,
                status,
            )
            .await;
        }
        Err(e) => return e.into_response(),
    };
    let who = auth::user_by_id(&state.db, session.user_id)
        .await
        .ok()
        .flatten();
    if let Err(e) =
        audit::record_alone(&state.db, who.as_ref(), Action::SignIn, None, "", now).await
    {
        e.log();
    }
    let mut response = Redirect::to("/admin").into_response();
    let cookie = session_cookie(Some(session.id.as_str()), state.settings.secure_cookies());
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

pub async fn sign_out(State(state): State<AppState>, parts: Parts) -> Response {
    if let Some(id) = request::session_id(&parts.headers) {
        if let Err(e) = auth::sign_out(&state.db, id).await {
            return e.into_response();
        }
    }
    let mut response = Redirect::to("/admin/log-ind?besked=SignedOut").into_response();
    if let Ok(value) = HeaderValue::from_str(&session_cookie(None, state.settings.secure_cookies()))
    {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The parts of a multipart form: text fields and at most one file.
struct Upload {
    fields: Fields,
    file: Option<(String, Vec<u8>)>,
}

async fn read_multipart(mut multipart: Multipart) -> Result<Upload, Problem> {
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

pub async fn create(
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
    let sheet_bytes = match (source, &upload.file) {
        ("sheet", None) => {
            problems.push(Problem::new("file", Msg::FileMissing));
            None
        }
        ("sheet", Some((_, bytes))) => match sheet::read(bytes) {
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
    let source = if source == "template" {
        Source::Template
    } else {
        Source::Blank
    };
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
        None => back(&path::consultation(id), Msg::Created, None),
    }
}

pub async fn settings(State(state): State<AppState>, post: ManagerPost) -> Response {
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

pub async fn open(State(state): State<AppState>, post: ManagerPost) -> Response {
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
    settle(result, again, |queued| {
        state.mail_signal.notify_one();
        let msg = if new_deadline.is_some() {
            Msg::Reopened
        } else {
            Msg::Opened
        };
        back(&path::consultation(id), msg, Some(queued))
    })
    .await
}

pub async fn close(State(state): State<AppState>, ManagerAt(user, id): ManagerAt) -> Response {
    match manage::close(&state.db, &user, id, now_ms()).await {
        Ok(()) => back(&path::consultation(id), Msg::Closed, None),
        Err(e) => e.into_response(),
    }
}

pub async fn duplicate(State(state): State<AppState>, ManagerAt(user, id): ManagerAt) -> Response {
    match manage::duplicate(&state.db, &user, id, now_ms()).await {
        Ok(copy) => back(&path::consultation(copy), Msg::Duplicated, None),
        Err(e) => e.into_response(),
    }
}

pub async fn remind(State(state): State<AppState>, ManagerAt(user, id): ManagerAt) -> Response {
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

pub async fn add_body(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let parsed = manage::parse_body(&fields);
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: "body",
        fields,
    };
    let body = match parsed {
        Ok(body) => body,
        Err(problems) => return again.show(problems).await,
    };
    let base_url = &state.settings.base_url;
    let result = manage::add_body(&state.db, &user, id, &body, base_url, now_ms()).await;
    settle(result, again, |_| {
        state.mail_signal.notify_one();
        back(&path::consultation(id), Msg::BodyAdded, None)
    })
    .await
}

/// Changes one body from the form in its row; a rejected change shows that row's form
/// again, open.
pub async fn edit_body(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((id, body_id)): Path<(i64, i64)>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let parsed = manage::parse_body(&fields);
    let form = format!("body-{body_id}");
    let again = Again {
        state: &state,
        parts,
        page: path::consultation(id),
        form: &form,
        fields,
    };
    let body = match parsed {
        Ok(body) => body,
        Err(problems) => return again.show(problems).await,
    };
    let result = manage::update_body(&state.db, &user, id, body_id, &body, now_ms()).await;
    settle(result, again, |()| {
        back(&path::consultation(id), Msg::BodyChanged, None)
    })
    .await
}

/// What can be done to one body from its row.
pub async fn body_action(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((id, body, action)): Path<(i64, i64, String)>,
) -> Response {
    let now = now_ms();
    let base_url = &state.settings.base_url;
    let (result, msg) = match action.as_str() {
        "fjern" => (
            manage::remove_body(&state.db, &user, id, body, now).await,
            Msg::BodyRemoved,
        ),
        "gensend" => (
            manage::reinvite(&state.db, &user, id, body, false, base_url, now).await,
            Msg::InvitationQueued,
        ),
        "nyt-link" => (
            manage::reinvite(&state.db, &user, id, body, true, base_url, now).await,
            Msg::LinkReplaced,
        ),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    settle_back(result, &path::consultation(id), |()| {
        state.mail_signal.notify_one();
        back(&path::consultation(id), msg, None)
    })
}

pub async fn items(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let item = value(&fields, "item").parse::<i64>().unwrap_or(0);
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
    settle(result, again, |msg| {
        back(&path::consultation(id), msg, None)
    })
    .await
}

pub async fn upload(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path(id): Path<i64>,
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

pub async fn confirm_import(
    State(state): State<AppState>,
    Manager(user): Manager,
    Path((id, draft, action)): Path<(i64, i64, String)>,
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

pub async fn add_user(
    State(state): State<AppState>,
    Admin(user): Admin,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let mut problems = Vec::new();
    let name = value(&fields, "name").trim().to_owned();
    if name.is_empty() {
        problems.push(Problem::new("name", Msg::NameMissing));
    }
    let email = Email::parse(value(&fields, "email"));
    if email.is_none() {
        problems.push(Problem::with(
            "email",
            Msg::EmailInvalid,
            value(&fields, "email"),
        ));
    }
    let password = Password::parse(value(&fields, "password"))
        .map_err(|p| problems.push(p))
        .ok();
    let role = Role::parse(value(&fields, "role"));
    if role.is_none() {
        problems.push(Problem::new("role", Msg::RoleInvalid));
    }
    let (Some(email), Some(password), Some(role), true) =
        (email, password, role, problems.is_empty())
    else {
        return unprocessable(&state, parts, "/admin/brugere", "user", fields, problems).await;
    };
    let now = now_ms();
    let result =
        auth::create_user(&state.db, Some(&user), &email, &name, password, role, now).await;
    let again = Again {
        state: &state,
        parts,
        page: "/admin/brugere".to_owned(),
        form: "user",
        fields,
    };
    settle(result, again, |_| {
        back("/admin/brugere", Msg::UserAdded, None)
    })
    .await
}

/// The administration's note on one item, from the report page.
pub async fn save_note(State(state): State<AppState>, post: ManagerPost) -> Response {
    let (user, id, parts, fields) = post.into_parts();
    let Ok(item) = value(&fields, "item").parse::<i64>() else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let page = path::report(id);
    match report::parse_note(value(&fields, "note")) {
        Ok(note) => match report::save_note(&state.db, &user, id, item, &note, now_ms()).await {
            Ok(()) => Redirect::to(&format!(
                "{page}?besked={}#punkt-{item}",
                Msg::NoteSaved.code()
            ))
            .into_response(),
            Err(e) => e.into_response(),
        },
        Err(problem) => unprocessable(&state, parts, &page, "note", fields, vec![problem]).await,
    }
}
