//! Staff accounts, kept by an administrator.

use super::extract::Admin;
use super::reply::{back, settle, unprocessable, value, Again, Fields};
use app::backend::auth::{self, Password};
use app::backend::now_ms;
use app::edge::state::AppState;
use app::model::admin::{Msg, Problem, Role};
use app::model::Email;
use axum::extract::State;
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::post;
use axum::{Form, Router};

pub fn routes() -> Router<AppState> {
    Router::new().route("/admin/brugere", post(add_user))
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
