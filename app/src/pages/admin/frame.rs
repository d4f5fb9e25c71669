use super::AdminError;
use crate::api::{admin_session, ApiError};
use crate::components::{LanguageSwitch, Main};
use crate::i18n::Key;
use crate::model::admin::{FormEcho, Msg, UserView};
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The signed-in user and the echo of a rejected form, handed to the page.
#[derive(Clone, Debug)]
pub struct Session {
    pub user: UserView,
    pub echo: Option<FormEcho>,
}

/// The frame of every administration page: navigation, the message from the last
/// action, and the page — or the way to the sign-in page when the session has ended.
#[component]
pub fn AdminFrame<F>(render: F) -> impl IntoView
where
    F: Fn(Session) -> AnyView + Send + Sync + Copy + 'static,
{
    let session = Resource::new(|| (), |_| admin_session());
    // Taken now: after the `.await` below the context may no longer be reachable.
    #[cfg(feature = "ssr")]
    let response = use_context::<leptos_axum::ResponseOptions>();
    view! {
        <Suspense>
            {move || {
                #[cfg(feature = "ssr")]
                let response = response.clone();
                Suspend::new(async move {
                match session.await {
                    Ok(view) => match view.user {
                        Some(user) => {
                            let session = Session { user: user.clone(), echo: view.echo };
                            view! {
                                <AdminNav user=user/>
                                <Main>
                                    <div class="admin">
                                        <FlashMessage/>
                                        {render(session)}
                                    </div>
                                </Main>
                            }
                                .into_any()
                        }
                        None => {
                            #[cfg(feature = "ssr")]
                            if let Some(response) = &response {
                                response.set_status(http::StatusCode::SEE_OTHER);
                                response.insert_header(
                                    http::header::LOCATION,
                                    http::HeaderValue::from_static(if view.expired {
                                        "/admin/log-ind?besked=SessionExpired"
                                    } else {
                                        "/admin/log-ind"
                                    }),
                                );
                            }
                            view! { <Main><AdminError error=ApiError::SignedOut/></Main> }.into_any()
                        }
                    },
                    Err(e) => view! { <Main><AdminError error=e/></Main> }.into_any(),
                }
                })
            }}
        </Suspense>
    }
}

#[component]
fn AdminNav(user: UserView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="admin-nav">
            <nav aria-label=lang.t(Key::AdminMenu)>
                <a href="/admin" class="brand">{lang.t(Key::AppName)}</a>
                <a href="/admin">
                    {lang.t(if user.role.reads_everything() { Key::NavConsultations } else { Key::LeaderHomeTitle })}
                </a>
                {user
                    .role
                    .reads_everything()
                    .then(|| view! { <a href="/admin/pejlemaerker">{lang.t(Key::NavGuideposts)}</a> })}
                {user
                    .role
                    .can_run_consultations()
                    .then(|| view! { <a href="/admin/udbakke">{lang.t(Key::NavOutbox)}</a> })}
                {user
                    .role
                    .can_administer()
                    .then(|| {
                        view! {
                            <a href="/admin/brugere">{lang.t(Key::NavUsers)}</a>
                            <a href="/admin/log">{lang.t(Key::NavAudit)}</a>
                        }
                    })}
            </nav>
            <div class="who">
                <a href="/admin/adgangskode">
                    {user.name.clone()} " (" {lang.t(user.role.label())} ")"
                </a>
                <LanguageSwitch/>
                <form method="post" action="/admin/log-ud" class="inline-form">
                    <button type="submit" class="link-button">{lang.t(Key::SignOut)}</button>
                </form>
            </div>
        </header>
    }
}

/// The outcome of the last action, from the redirect's `?besked=` or `?fejl=`.
#[component]
pub fn FlashMessage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map().get_untracked();
    let ok = query.get("besked").and_then(|c| Msg::from_code(&c));
    let error = query.get("fejl").and_then(|c| Msg::from_code(&c));
    // Only a count is ever filled in from the address: anything else would let a link
    // put its own words into an official notice.
    let arg = query
        .get("n")
        .filter(|n| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or_default();
    view! {
        {ok.map(|m| {
            view! {
                <div class="notice notice-ok" role="status">
                    <p>{lang.fill(m.key(), &[("arg", &arg)])}</p>
                </div>
            }
        })}
        {error.map(|m| {
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{lang.fill(m.key(), &[("arg", &arg)])}</p>
                </div>
            }
        })}
    }
}
