//! The accessibility statement (tilgængelighedserklæring) that Danish law
//! (webtilgængelighedsloven) asks of every public-sector site, linked from the foot of
//! every page.

use crate::components::{Main, PageTitle};
use crate::i18n::Key;
use crate::use_lang;
use leptos::prelude::*;

#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let lang = use_lang();
    let section = move |title: Key, text: Key| {
        view! {
            <section class="card">
                <h2>{lang.t(title)}</h2>
                {lang
                    .t(text)
                    .split("\n\n")
                    .map(|paragraph| view! { <p>{paragraph.to_owned()}</p> })
                    .collect_view()}
            </section>
        }
    };
    view! {
        <PageTitle text=lang.t(Key::A11yTitle)/>
        <Main>
            <article class="statement">
                <header class="page-header">
                    <h1>{lang.t(Key::A11yTitle)}</h1>
                    <p>{lang.t(Key::A11yIntro)}</p>
                </header>
                {section(Key::A11yStandardTitle, Key::A11yStandard)}
                {section(Key::A11yTestedTitle, Key::A11yTested)}
                {section(Key::A11yLimitsTitle, Key::A11yLimits)}
                {section(Key::A11yReportTitle, Key::A11yReport)}
            </article>
        </Main>
    }
}
