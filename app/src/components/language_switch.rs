use crate::i18n::{Key, Lang};
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A link to the page in the other language. A plain link to `/sprog/<lang>`, which
/// sets the language cookie and comes back — so it works without JavaScript.
/// `rel="external"` keeps the client-side router from handling it: the whole page
/// must be rendered anew in the other language.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let other = if lang == Lang::Da { Lang::En } else { Lang::Da };
    let back = use_location().pathname.get_untracked();
    view! {
        <a
            class="lang-switch"
            href=format!("/sprog/{}?til={back}", other.tag())
            hreflang=other.tag()
            lang=other.tag()
            rel="external"
        >
            {lang.t(Key::LanguageSwitch)}
        </a>
    }
}
