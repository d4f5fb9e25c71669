//! An open link's page: which survey and unit, that answers are anonymous, and a
//! button that starts an answer (posted, so a link previewer that fetches the page
//! starts nothing). With an access code on the poster, a field for it.

use super::{LinkError, LockBanner};
use crate::api::get_open_link;
use crate::components::{LanguageSwitch, Main, PageTitle};
use crate::i18n::Key;
use crate::model::{OpenLinkProblem, OpenLinkView};
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn OpenLinkPage() -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, get_open_link);
    view! {
        <Main>
        <Suspense>
            {Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <OpenLinkStart page/> }.into_any(),
                    Err(error) => view! { <LinkError error/> }.into_any(),
                }
            })}
        </Suspense>
        </Main>
    }
}

#[component]
fn OpenLinkStart(page: OpenLinkView) -> impl IntoView {
    let lang = use_lang();
    let problem = page.problem.map(|p| match p {
        OpenLinkProblem::WrongCode => lang.t(Key::OpenWrongCode),
        OpenLinkProblem::TooMany => lang.t(Key::OpenTooMany),
    });
    let wrong_code = page.problem == Some(OpenLinkProblem::WrongCode);
    view! {
        <PageTitle text=page.title.clone() error=problem.is_some()/>
        <article class="respond open-link">
            <header class="page-header">
                <LanguageSwitch languages=page.languages.clone() current=page.content_lang.clone()/>
                <p class="eyebrow">{lang.t(Key::SurveyEyebrow)}</p>
                <h1 lang=page.content_lang.clone()>{page.title.clone()}</h1>
                <p class="deadline">
                    {lang.fill(Key::OpenFor, &[("unit", &page.unit)])} " · "
                    {lang.t(Key::SurveyDeadlineLabel)} ": " <strong>{page.deadline.clone()}</strong>
                </p>
            </header>
            {page.lock.map(|reason| view! { <LockBanner reason deadline=page.deadline.clone()/> })}
            {problem.map(|text| view! { <div class="notice notice-error" role="alert"><p>{text}</p></div> })}
            {page.lock.is_none().then(|| view! {
                <section class="notice anonymity">
                    <h2>{lang.t(Key::AnonymityTitle)}</h2>
                    <p>{lang.t(Key::OpenIntro)}</p>
                </section>
                {page.answered_before.then(|| view! { <p class="notice">{lang.t(Key::OpenAnsweredBefore)}</p> })}
                <form method="post" action=format!("/u/{}", page.code) class="stack open-start">
                    {page.needs_code.then(|| view! {
                        <div class="field">
                            <label for="access-code">{lang.t(Key::OpenCodeLabel)}</label>
                            <input
                                id="access-code"
                                name="access_code"
                                autocomplete="off"
                                autocapitalize="none"
                                required
                                aria-invalid=wrong_code.then_some("true")
                            />
                        </div>
                    })}
                    <button type="submit" class="button primary">
                        {lang.t(if page.answered_before { Key::OpenAgain } else { Key::OpenStart })}
                    </button>
                </form>
            })}
        </article>
    }
}
