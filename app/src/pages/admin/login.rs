use super::frame::FlashMessage;
use super::{echo_for, Problems, TextField};
use crate::api::admin_session;
use crate::components::{LanguageSwitch, Main, PageTitle};
use crate::i18n::Key;
use crate::use_lang;
use leptos::prelude::*;

/// Sign-in for staff. The same message for an unknown e-mail and a wrong password.
#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let session = Resource::new(|| (), |_| admin_session());
    view! {
        <Main>
        <article class="login">
            <header class="page-header">
                <LanguageSwitch/>
                <p class="eyebrow">{lang.t(Key::AppName)}</p>
                <h1>{lang.t(Key::SignInTitle)}</h1>
            </header>
            <FlashMessage/>
            <Suspense>
                {move || Suspend::new(async move {
                    let view = session.await.ok();
                    let echo = view.as_ref().and_then(|v| echo_for(&v.echo, "login"));
                    let refused = echo.is_some();
                    let title = view! { <PageTitle text=lang.t(Key::SignInTitle) error=refused/> };
                    let body = match view.and_then(|v| v.user) {
                        Some(user) => {
                            view! {
                                <p>
                                    {lang.fill(Key::SignedInAs, &[("name", &user.name)])} " "
                                    <a href="/admin">{lang.t(Key::BackToOverview)}</a>
                                </p>
                            }
                                .into_any()
                        }
                        None => {
                            view! {
                                <form method="post" action="/admin/log-ind" class="stack">
                                    <Problems echo=echo.clone() lead=Key::SignInFailed/>
                                    <TextField
                                        name="email"
                                        label=Key::EmailLabel
                                        kind="email"
                                        required=true
                                        autocomplete="username"
                                        echo=echo.clone()
                                        invalid=refused
                                    />
                                    <TextField
                                        name="password"
                                        label=Key::PasswordLabel
                                        kind="password"
                                        required=true
                                        autocomplete="current-password"
                                        invalid=refused
                                    />
                                    <button type="submit" class="primary">{lang.t(Key::SignIn)}</button>
                                </form>
                            }
                                .into_any()
                        }
                    };
                    view! { {title} {body} }.into_any()
                })}
            </Suspense>
        </article>
        </Main>
    }
}
