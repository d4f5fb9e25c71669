use crate::components::{Main, PageTitle};
use crate::i18n::Key;
use crate::use_lang;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Key::HomeTitle)/>
        <Main>
            <article class="page-message">
                <h1>{lang.t(Key::HomeTitle)}</h1>
                <p>{lang.t(Key::HomeText)}</p>
            </article>
        </Main>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Key::NotFoundTitle)/>
        <Main>
            <article class="page-message">
                <h1>{lang.t(Key::NotFoundTitle)}</h1>
                <p>{lang.t(Key::NotFoundText)}</p>
            </article>
        </Main>
    }
}
