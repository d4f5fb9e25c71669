//! Samråd — hearings and surveys for a municipality's children & youth administration.
//!
//! Start reading here: [`shell`] is the HTML document, [`App`] the routes. The crate is
//! compiled twice: with `ssr` for the server (pages rendered to HTML, server functions,
//! [`backend`]) and with `hydrate` to wasm for the browser, which takes over the
//! server-rendered page and adds autosave. Every form also works without JavaScript.
//!
//! The administration's pages hydrate whole. The respondent's pages are Leptos
//! *islands*: the server renders them, and only the answer form (an `#[island]`)
//! comes alive in the browser — so a phone downloads and runs the form's code, not
//! the router, the page around it or the code that would rebuild it.

#![recursion_limit = "256"]

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
#[cfg(feature = "ssr")]
pub mod edge;
pub mod html;
pub mod i18n;
pub mod model;
pub mod pages;
pub mod wire;

use i18n::{Key, Lang};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The name wasm-bindgen gives the front end's files under `/pkg`.
pub const OUTPUT_NAME: &str = "samrad";

/// The whole HTML document, rendered on the server. (The empty icon saves every page
/// a favicon request and its 404 until there is a real one.)
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_page_policy();
    let lang = current_lang();
    let admin = is_admin_page();
    let options = bundle_for(options, admin);
    // Mirrored for a right-to-left language chosen (Arabic, Urdu …), also where the
    // chrome around it falls back to English.
    #[cfg(feature = "ssr")]
    let dir = use_context::<http::request::Parts>()
        .and_then(|parts| edge::request::page_language(&parts))
        .map_or(lang.dir(), |tag| tag.dir());
    #[cfg(not(feature = "ssr"))]
    let dir = lang.dir();
    view! {
        <!DOCTYPE html>
        <html lang=lang.tag() dir=dir>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="icon" href="data:,"/>
                <link rel="stylesheet" href=format!("/pkg/{OUTPUT_NAME}.css")/>
                <HydrationScripts options islands=!admin/>
                <leptos_meta::MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Gives the response the page's Content-Security-Policy with this response's nonce,
/// which Leptos writes on its hydration bootstrap.
#[cfg(feature = "ssr")]
fn set_page_policy() {
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        if let Ok(value) = http::HeaderValue::from_str(&edge::security::page_policy(&nonce)) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

/// Whether this request is for one of the administration's pages, which hydrate whole
/// with their own bundle; every other page is the respondent's, in islands.
fn is_admin_page() -> bool {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .is_some_and(|parts| parts.uri.path().starts_with("/admin"))
    }
    #[cfg(not(feature = "ssr"))]
    {
        cfg!(feature = "admin-ui")
    }
}

/// The administration's pages load the bundle built with `admin-ui`
/// (`/pkg/samrad_admin.js`); every other page the respondent's (`/pkg/samrad.js`).
fn bundle_for(options: LeptosOptions, admin: bool) -> LeptosOptions {
    if admin {
        let mut admin = options;
        admin.output_name = format!("{OUTPUT_NAME}_admin").into();
        return admin;
    }
    options
}

/// The language of this page view: from the request's cookie on the server, from the
/// document the server rendered in the browser, so both sides agree.
pub fn current_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        api::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|tag| Lang::from_tag(&tag))
            .unwrap_or_default()
    }
}

/// The language chosen for the page, from context.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = current_lang();
    provide_context(lang);
    view! {
        <Title text=lang.t(Key::AppName)/>
        <a class="skip-link" href="#indhold">{lang.t(Key::SkipToContent)}</a>
        // Each page puts its own `<main>` (components::Main), so the staff pages' menu
        // can stand before it and the skip link skip it.
        <Router>{routes()}</Router>
        <footer class="site-footer">
            <a href="/tilgaengelighed">{lang.t(Key::A11yTitle)}</a>
        </footer>
    }
}

/// The respondent's pages; and, in the server and the administration's bundle, the
/// administration's. The respondent's bundle leaves them out, so a phone answering a
/// hearing downloads only what it needs.
///
/// The respondent's routes are written out in both lists on purpose: shared through a
/// transparent route component, about one run in seven of the API suite had a request
/// that never answered. Keep them in step by hand.
#[cfg(feature = "admin-ui")]
fn routes() -> impl IntoView {
    use pages::admin;
    view! {
        <Routes fallback=pages::NotFound>
            <Route path=path!("/") view=pages::Home/>
            <Route path=path!("/svar/:token") view=pages::RespondPage ssr=SsrMode::Async/>
            <Route path=path!("/svar/:token/kvittering") view=pages::ReceiptPage ssr=SsrMode::Async/>
            <Route path=path!("/u/:code") view=pages::OpenLinkPage ssr=SsrMode::Async/>
            <Route path=path!("/tilgaengelighed") view=pages::AccessibilityPage/>
            <Route path=path!("/admin") view=admin::OverviewPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/log-ind") view=admin::LoginPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id") view=admin::ConsultationPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id/import/:draft") view=admin::ImportPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id/rapport") view=admin::ReportPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id/notat") view=admin::MemoPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id/enhed") view=admin::UnitSheetPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id/dialogark") view=admin::DialogueSheetPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/hoering/:id/plakater") view=admin::PostersPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/udbakke") view=admin::OutboxPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/pejlemaerker") view=admin::PeriodsPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/pejlemaerker/:period") view=admin::PeriodPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/pejlemaerker/:period/notat") view=admin::NarrativeMemoPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/pejlemaerke/:id") view=admin::GuidepostStoriesPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/brugere") view=admin::UsersPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/brugere/:user") view=admin::UserPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/adgangskode") view=admin::PasswordPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/log") view=admin::AuditPage ssr=SsrMode::Async/>
            <Route path=path!("/admin/ingen-adgang") view=admin::ForbiddenPage/>
        </Routes>
    }
}

#[cfg(not(feature = "admin-ui"))]
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=pages::NotFound>
            <Route path=path!("/") view=pages::Home/>
            <Route path=path!("/svar/:token") view=pages::RespondPage ssr=SsrMode::Async/>
            <Route path=path!("/svar/:token/kvittering") view=pages::ReceiptPage ssr=SsrMode::Async/>
            <Route path=path!("/u/:code") view=pages::OpenLinkPage ssr=SsrMode::Async/>
            <Route path=path!("/tilgaengelighed") view=pages::AccessibilityPage/>
        </Routes>
    }
}

/// The browser's entry point: take over the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Lets the stylesheet show what only works with JavaScript (autosave status,
    // conflict buttons) without changing the DOM that hydration expects.
    if let Some(html) = document().document_element() {
        let _ = html.class_list().add_1("js");
    }
    // The administration's bundle takes over its whole page; the respondent's only
    // sets up the islands' root, and Leptos' loader then hydrates each island.
    #[cfg(feature = "admin-ui")]
    leptos::mount::hydrate_body(App);
    #[cfg(not(feature = "admin-ui"))]
    leptos::mount::hydrate_islands();
}
