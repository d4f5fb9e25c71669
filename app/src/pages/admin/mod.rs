//! The administration: sign-in, the consultations overview, one consultation (its
//! settings, items, bodies, response tracking and send-outs), sheet-import previews,
//! the outbox, users and the audit log; the decision material and its printable memo.
//!
//! Pages read through server functions; every change is a plain `<form method=post>`
//! to a handler in the server's `routes::admin`, which redirects back with a message
//! (`?besked=…`) or re-renders the page with what was typed and what was wrong.

mod audit;
mod consultation;
mod dialogue;
mod frame;
mod guideposts;
mod import;
mod item_settings;
mod languages;
mod leader;
mod login;
mod memo;
mod open_links;
mod outbox;
mod overview;
mod report;
mod series;
mod targets;
mod unit_sheet;
mod users;

pub use audit::AuditPage;
pub use consultation::ConsultationPage;
pub use dialogue::DialogueSheetPage;
pub use guideposts::{GuidepostStoriesPage, NarrativeMemoPage, PeriodPage, PeriodsPage};
pub use import::ImportPage;
pub use login::LoginPage;
pub use memo::MemoPage;
pub use open_links::PostersPage;
pub use outbox::OutboxPage;
pub use overview::OverviewPage;
pub use report::ReportPage;
pub use unit_sheet::UnitSheetPage;
pub use users::{PasswordPage, UserPage, UsersPage};

use crate::api::ApiError;
use crate::components::{Eager, Main, PageTitle};
use crate::i18n::{Key, Lang};
use crate::model::admin::{FormEcho, Problem};
use crate::model::listing::PageInfo;
use crate::use_lang;
use leptos::prelude::*;

/// The id in the page's path parameter `name`; the default (0) when it is not one,
/// which the server answers with "not found".
fn path_id<T>(name: &'static str) -> impl Fn() -> T + Copy + Send + Sync + 'static
where
    T: std::str::FromStr + Default,
{
    let params = leptos_router::hooks::use_params_map();
    move || {
        params
            .read()
            .get(name)
            .and_then(|v| v.parse::<T>().ok())
            .unwrap_or_default()
    }
}

/// A page's data, loaded by the page itself before its frame: resources created
/// inside a `Suspense` are created anew each time it re-runs its children (and
/// fetched again), and created up front they load alongside the session instead of
/// after it.
type Loaded<T> = Resource<Result<T, ApiError>>;

/// What `data` loads, shown by `show` once it has arrived; or the page that says why
/// it could not be loaded (signed out, not allowed, not found). What `show` makes
/// waits for nothing more (no page nests a `Suspense`), so it is written in one piece
/// ([`Eager`]).
fn loaded<T>(
    data: Loaded<T>,
    show: impl Fn(T) -> AnyView + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    view! {
        <Suspense>
            {move || {
                let show = show.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => Eager(show(value)).into_any(),
                        Err(e) => view! { <AdminError error=e/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A problem in the user's language; sheet rows get "Række 7: " in front.
pub fn problem_text(lang: Lang, problem: &Problem) -> String {
    let text = lang.fill(problem.msg.key(), &[("arg", &problem.arg)]);
    if problem.field.chars().all(|c| c.is_ascii_digit()) && !problem.field.is_empty() {
        format!(
            "{}: {text}",
            lang.fill(Key::RowNo, &[("row", &problem.field)])
        )
    } else {
        text
    }
}

/// The echo of a rejected post to the form named `form`, if that is what this is.
fn echo_for(echo: &Option<FormEcho>, form: &str) -> Option<FormEcho> {
    echo.as_ref().filter(|e| e.form == form).cloned()
}

/// The problems of a rejected form, as a list at the top of the form.
#[component]
fn Problems(
    echo: Option<FormEcho>,
    /// What the refusal means; "Ikke gemt" unless said otherwise.
    #[prop(default = Key::AdminNotSaved)]
    lead: Key,
) -> impl IntoView {
    let lang = use_lang();
    echo.filter(|e| !e.problems.is_empty()).map(|e| {
        view! {
            <div class="notice notice-error" role="alert">
                <p>{lang.t(lead)}</p>
                <ul>
                    {e.problems.iter().map(|p| view! { <li>{problem_text(lang, p)}</li> }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// A labelled text input that shows what was typed before a rejected post.
#[component]
fn TextField(
    name: &'static str,
    label: Key,
    #[prop(optional)] value: String,
    #[prop(default = None)] echo: Option<FormEcho>,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] hint: Option<Key>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Tells the field apart from the same field in another form on the page.
    #[prop(optional)]
    scope: String,
    /// Marked invalid whatever the echo says (a refusal of the whole form).
    #[prop(optional)]
    invalid: bool,
    /// The id of a `<datalist>` of values to offer.
    #[prop(optional)]
    list: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let value = echo
        .as_ref()
        .and_then(|e| e.value(name).map(str::to_owned))
        .unwrap_or(value);
    let invalid = invalid
        || echo
            .as_ref()
            .is_some_and(|e| e.problems.iter().any(|p| p.field == name));
    let id = if scope.is_empty() {
        format!("f-{name}")
    } else {
        format!("f-{name}-{scope}")
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{lang.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{lang.t(h)}</p> })}
            <input
                id=id
                name=name
                type=kind.unwrap_or("text")
                value=value
                required=required
                autocomplete=autocomplete
                list=list
                aria-invalid=invalid.then_some("true")
                aria-describedby=hint.map(|_| hint_id.clone())
            />
        </div>
    }
}

/// The deadline field of the forms that set one (create, reopen).
#[component]
fn DeadlineField(label: Key, echo: Option<FormEcho>) -> impl IntoView {
    view! { <TextField name="deadline" label=label hint=Key::DeadlineHint required=true echo=echo/> }
}

/// What a page shows when its server function refused.
#[component]
fn AdminError(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    let (title, text) = match error {
        ApiError::Forbidden => (Key::ForbiddenTitle, Key::ForbiddenText),
        ApiError::NotFound => (Key::NotFoundTitle, Key::AdminNotFoundText),
        ApiError::SignedOut => (Key::SignInTitle, Key::MsgSessionExpired),
        _ => (Key::AppName, Key::ServerError),
    };
    view! {
        <PageTitle text=lang.t(title)/>
        <article class="page-message">
            <h1>{lang.t(title)}</h1>
            <p>{lang.t(text)}</p>
            <p>
                <a href="/admin">{lang.t(Key::BackToOverview)}</a>
            </p>
        </article>
    }
}

/// Where a handler sends a role that may not do what it asked (status 403).
#[component]
pub fn ForbiddenPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FORBIDDEN);
    }
    view! { <Main><AdminError error=ApiError::Forbidden/></Main> }
}

/// A table that may scroll sideways on a narrow screen: a labelled region that takes
/// keyboard focus, so it can be scrolled without a mouse.
#[component]
fn TableWrap(#[prop(into)] label: String, children: Children) -> impl IntoView {
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-label=label>
            {children()}
        </div>
    }
}

/// The page number of a list from the query (`?side=`).
fn page_param() -> impl Fn() -> u32 + Copy + Send + Sync + 'static {
    let query = leptos_router::hooks::use_query_map();
    move || crate::model::listing::parse_page(query.read().get(crate::model::listing::PAGE_PARAM))
}

/// The link to page `n` of a list that has no other query.
fn page_href(n: u32) -> String {
    crate::model::listing::encode_query(&[(crate::model::listing::PAGE_PARAM, n.to_string())])
}

/// "Forrige · Side 2 af 200 · Næste" under a long list; `href` makes page n's link.
#[component]
fn Pager(page: PageInfo, href: impl Fn(u32) -> String + 'static) -> impl IntoView {
    let lang = use_lang();
    (page.pages() > 1).then(|| {
        let n = page.number;
        view! {
            <nav class="pager" aria-label=lang.t(Key::Pages)>
                {(n > 1).then(|| view! { <a href=href(n - 1) rel="prev">{lang.t(Key::PreviousPage)}</a> })}
                <span aria-current="page">
                    {lang.fill(
                        Key::PageOf,
                        &[("n", &lang.number(n as usize)), ("pages", &lang.number(page.pages() as usize))],
                    )}
                </span>
                {(n < page.pages()).then(|| view! { <a href=href(n + 1) rel="next">{lang.t(Key::NextPage)}</a> })}
            </nav>
        }
    })
}

/// A small form with one button that posts to `action`.
#[component]
fn ActionButton(
    action: String,
    label: String,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    view! {
        <form method="post" action=action class="inline-form">
            <button type="submit" class=class>{label}</button>
        </form>
    }
}
