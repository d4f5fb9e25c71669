//! Reusable view pieces.

mod answer_scale;
mod eager;
mod language_switch;

pub use answer_scale::AnswerScale;
pub use eager::Eager;
pub use language_switch::LanguageSwitch;

use crate::i18n::Key;
use crate::use_lang;
use leptos::prelude::*;
use leptos_meta::Title;

/// E-mail addresses that may wrap after an `@`, a dot or a comma — never inside a
/// word — so a long address fits a phone's table cell.
#[component]
pub fn Addresses(#[prop(into)] text: String) -> impl IntoView {
    let mut parts = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '@' | '.' | ',') {
            parts.push(std::mem::take(&mut current));
        }
    }
    parts.push(current);
    parts
        .into_iter()
        .map(|part| view! { {part} <wbr/> })
        .collect_view()
}

/// The page's main content, where the skip link leads.
#[component]
pub fn Main(children: Children) -> impl IntoView {
    view! { <main id="indhold">{children()}</main> }
}

/// The document's title: what the page is, then the product ("Høringssvar –
/// Nordskolen – Samråd"), with "Fejl: " in front after a rejected form, so the first
/// thing a screen reader says is that the post was refused.
#[component]
pub fn PageTitle(#[prop(into)] text: String, #[prop(optional)] error: bool) -> impl IntoView {
    let lang = use_lang();
    let text = if error {
        format!("{}: {text}", lang.t(Key::ErrorPrefix))
    } else {
        text
    };
    view! { <Title text=format!("{text} – {}", lang.t(Key::AppName))/> }
}

/// Text to put inside a `<textarea>`. Leptos writes textarea children into the page
/// without escaping them (it treats the element as raw text), so on the server the
/// text is escaped here — otherwise a saved `</textarea><script>` would run in the
/// next reader's browser. The browser decodes the entities, so the field holds the
/// original text; in the browser build the text is used as it is.
pub fn textarea_text(text: &str) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;").replace('<', "&lt;")
    } else {
        text.to_owned()
    }
}
