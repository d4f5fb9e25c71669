//! Staff accounts: an administrator adds and keeps them; everyone changes their own
//! password.

use super::extract::{Admin, Staff};
use super::reply::{
    back, refused, rejected, settle, settle_back, unprocessable, value, Again, Fields,
};
use crate::routes::client_addr::ClientAddr;
use app::backend::accounts::{self, ChangeRefused};
use app::backend::auth::{self, Password};
use app::backend::leaders;
use app::backend::now_ms;
use app::edge::request;
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem, Role};
use app::model::{Email, UserId};
use axum::extract::{Path, State};
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/admin/brugere", post(add_user))
        .route("/admin/brugere/{user}/rolle", post(change_role))
        .route("/admin/brugere/{user}/spaerring", post(set_disabled))
        .route("/admin/brugere/{user}/log-ud", post(end_sessions))
        .route("/admin/brugere/{user}/adgangskode", post(reset_password))
        .route("/admin/brugere/{user}/institutioner", post(assign_unit))
        .route(
            "/admin/brugere/{user}/institutioner/fjern",
            post(unassign_unit),
        )
        .route("/admin/adgangskode", post(change_own_password))
}

async fn add_user(
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

fn user_page(id: UserId) -> String {
    format!("/admin/brugere/{id}")
}

async fn change_role(
    State(state): State<AppState>,
    Admin(by): Admin,
    Path(id): Path<UserId>,
    Form(fields): Form<Fields>,
) -> Response {
    let page = user_page(id);
    let Some(role) = Role::parse(value(&fields, "role")) else {
        return refused(&page, Msg::RoleInvalid);
    };
    let result = accounts::change_role(&state.db, &by, id, role, now_ms()).await;
    settle_back(result, &page, |()| {
        // Who took away their own administrator role can no longer see this page.
        let target = if id == by.id && role != Role::Admin {
            "/admin"
        } else {
            &page
        };
        back(target, Msg::RoleChanged, None)
    })
}

/// Gives a leader one more unit; a refusal shows the user page again with what was
/// typed and why.
async fn assign_unit(
    State(state): State<AppState>,
    Admin(by): Admin,
    Path(id): Path<UserId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let page = user_page(id);
    let result = leaders::assign(&state.db, &by, id, value(&fields, "unit"), now_ms()).await;
    let again = Again {
        state: &state,
        parts,
        page: page.clone(),
        form: "unit",
        fields,
    };
    settle(result, again, |()| back(&page, Msg::UnitAssigned, None)).await
}

async fn unassign_unit(
    State(state): State<AppState>,
    Admin(by): Admin,
    Path(id): Path<UserId>,
    Form(fields): Form<Fields>,
) -> Response {
    let page = user_page(id);
    match leaders::unassign(&state.db, &by, id, value(&fields, "unit"), now_ms()).await {
        Ok(()) => back(&page, Msg::UnitRemoved, None),
        Err(e) => e.into_response(),
    }
}

async fn set_disabled(
    State(state): State<AppState>,
    Admin(by): Admin,
    Path(id): Path<UserId>,
    Form(fields): Form<Fields>,
) -> Response {
    let page = user_page(id);
    let disabled = value(&fields, "disabled") == "ja";
    let result = accounts::set_disabled(&state.db, &by, id, disabled, now_ms()).await;
    settle_back(result, &page, |()| {
        let msg = if disabled {
            Msg::UserDisabled
        } else {
            Msg::UserEnabled
        };
        back(&page, msg, None)
    })
}

async fn end_sessions(
    State(state): State<AppState>,
    Admin(by): Admin,
    Path(id): Path<UserId>,
) -> Response {
    match accounts::end_sessions(&state.db, &by, id, now_ms()).await {
        Ok(_) if id == by.id => Redirect::to("/admin/log-ind?besked=SignedOut").into_response(),
        Ok(ended) => back(
            &user_page(id),
            Msg::SessionsEnded,
            Some(i64::try_from(ended).unwrap_or(i64::MAX)),
        ),
        Err(e) => e.into_response(),
    }
}

async fn reset_password(
    State(state): State<AppState>,
    Admin(by): Admin,
    Path(id): Path<UserId>,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    let page = user_page(id);
    let password = match Password::parse(value(&fields, "password")) {
        Ok(password) => password,
        Err(problem) => {
            return unprocessable(&state, parts, &page, "reset", fields, vec![problem]).await
        }
    };
    match accounts::reset_password(&state.db, &by, id, password, now_ms()).await {
        Ok(()) if id == by.id => Redirect::to("/admin/log-ind?besked=SignedOut").into_response(),
        Ok(()) => back(&page, Msg::PasswordReset, None),
        Err(e) => e.into_response(),
    }
}

async fn change_own_password(
    State(state): State<AppState>,
    Staff(user): Staff,
    ClientAddr(client): ClientAddr,
    parts: Parts,
    Form(fields): Form<Fields>,
) -> Response {
    const PAGE: &str = "/admin/adgangskode";
    let mut problems = Vec::new();
    let new = value(&fields, "new_password");
    let password = Password::parse(new)
        .map_err(|p| {
            problems.push(Problem {
                field: "new_password".into(),
                ..p
            })
        })
        .ok();
    if new != value(&fields, "repeat_password") {
        problems.push(Problem::new("repeat_password", Msg::PasswordMismatch));
    }
    let (Some(password), true) = (password, problems.is_empty()) else {
        return unprocessable(&state, parts, PAGE, "password", fields, problems).await;
    };
    let keep = request::session_id(&parts.headers)
        .unwrap_or_default()
        .to_owned();
    let result = accounts::change_own_password(
        &state.db,
        &user,
        value(&fields, "current_password"),
        password,
        &auth::client_key(client),
        &keep,
        now_ms(),
    )
    .await;
    let (msg, status) = match result {
        Ok(Ok(())) => return back(PAGE, Msg::PasswordChanged, None),
        Ok(Err(ChangeRefused::WrongPassword)) => {
            (Msg::PasswordWrong, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Ok(Err(ChangeRefused::Throttled)) => (Msg::Throttled, StatusCode::TOO_MANY_REQUESTS),
        Err(e) => return e.into_response(),
    };
    let problems = vec![Problem::new("current_password", msg)];
    rejected(&state, parts, PAGE, "password", fields, problems, status).await
}
