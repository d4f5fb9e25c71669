use crate::i18n::{Key, Lang};
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The language switch: plain links to `/sprog/<tag>`, which sets the language
/// cookie and comes back — so it works without JavaScript. `rel="external"` keeps the
/// client-side router from handling them: the whole page must be rendered anew.
///
/// A survey translated into other languages lists them all, each named in itself
/// (العربية, Soomaali, Українська …), so a reader finds theirs whatever the page is in
/// now; every other page toggles between Danish and English.
#[component]
pub fn LanguageSwitch(
    /// The survey's languages: (BCP 47 tag, name in itself); fewer than two: the toggle.
    #[prop(optional)]
    languages: Vec<(String, String)>,
    /// The tag the survey is shown in now.
    #[prop(optional)]
    current: String,
) -> impl IntoView {
    let lang = use_lang();
    let back = use_location().pathname.get_untracked();
    if languages.len() > 1 {
        let links = languages
            .into_iter()
            .map(|(tag, name)| {
                let here = tag == current;
                view! {
                    <li>
                        <a
                            href=format!("/sprog/{tag}?til={back}")
                            hreflang=tag.clone()
                            lang=tag.clone()
                            rel="external"
                            aria-current=here.then_some("true")
                        >
                            {name}
                        </a>
                    </li>
                }
            })
            .collect_view();
        return view! {
            <nav class="lang-list" aria-label=lang.t(Key::LanguageLabel)>
                <ul>{links}</ul>
            </nav>
        }
        .into_any();
    }
    let other = if lang == Lang::Da { Lang::En } else { Lang::Da };
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
    .into_any()
}
