//! The respondent page: a body's hearing form behind its personal link.
//!
//! Without JavaScript it is one `<form>` posted to `/svar/<token>` (the server's form
//! handler validates, saves and redirects back, or re-renders with the respondent's
//! input and the problems). With JavaScript the same page hydrates and each answer is
//! saved as it is given, through the same validation and the same store call.

mod autosave;
mod cards;

use super::LinkError;
use crate::api::get_respond_page;
use crate::components::{textarea_text, AnswerScale, Eager, LanguageSwitch, Main, PageTitle};
use crate::i18n::{Key, Lang};
use crate::model::logic::{self, Asked};
use crate::model::{
    ErrorCode, Field as FieldId, FieldState, FormData, ItemId, ItemKind, ItemRef, LockReason,
    Notice, RespondPage as PageData, ResponseStatus, COMMENT_MAX_CHARS,
};
use crate::use_lang;
use crate::wire::{path, respond};
use autosave::{Autosave, FieldSignals, SaveStatus};
#[cfg(feature = "ssr")]
pub use cards::CardCache;
use cards::{CardKey, Cards};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::HashSet;
use std::time::Duration;

/// The language the consultation's own texts are shown in (title, intro, areas,
/// proposals, the bodies' names): Danish unless the survey is translated into the
/// reader's language — also when the page around them is English, so a screen reader
/// reads them with the right voice.
#[derive(Clone)]
struct ContentLang(String);

fn content_lang() -> String {
    use_context::<ContentLang>().map_or_else(|| "da".to_owned(), |c| c.0)
}

/// The `Suspense`'s child is the `Suspend` itself, not a closure that makes one: once
/// the data has arrived, `Suspense` walks its children to look for more to wait for and
/// then renders them. A closure is called for each, so the whole form was built twice
/// for most page views (callgrind: 1.78 builds per view); a `Suspend` keeps the view it
/// built when walked and renders that one. The respondent's pages are islands, never
/// rendered again in the browser (the form is an island of its own), so nothing needs
/// the closure's reactivity. The administration's pages keep their closures: they
/// hydrate whole, and a filter's `<Form>` navigates in the browser, where the closure
/// shows the new data.
///
/// The two outcomes are an `Either`, not `into_any`, which first turns every borrowed
/// text of the page's view into an owned copy (9 % of a page view).
#[component]
pub fn RespondPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let page = Resource::new(token, get_respond_page);
    view! {
        <Main>
        <Suspense>
            {Suspend::new(async move {
                match page.await {
                    Ok(data) => Either::Left(Eager(view! { <HearingForm data token=token()/> })),
                    Err(error) => Either::Right(view! { <LinkError error/> }),
                }
            })}
        </Suspense>
        </Main>
    }
}

fn error_text(lang: Lang, code: ErrorCode) -> String {
    let max = lang.number(COMMENT_MAX_CHARS);
    match code {
        ErrorCode::ValueOutOfScale => lang.t(Key::ErrValueOutOfScale).to_owned(),
        ErrorCode::NotOffered => lang.t(Key::ErrNotOffered).to_owned(),
        ErrorCode::TooManyChoices { max } => lang.fill(
            Key::ErrTooManyChoices,
            &[("max", &lang.number(max as usize))],
        ),
        ErrorCode::Required => lang.t(Key::ErrRequired).to_owned(),
        ErrorCode::CommentTooLong { chars } => lang.fill(
            Key::ErrCommentTooLong,
            &[("chars", &lang.number(chars)), ("max", &max)],
        ),
        ErrorCode::TextTooLong { chars } => lang.fill(
            Key::ErrTextTooLong,
            &[("chars", &lang.number(chars)), ("max", &max)],
        ),
        ErrorCode::UnknownItem => lang.t(Key::ErrUnknownItem).to_owned(),
        ErrorCode::MalformedForm => lang.t(Key::ErrMalformed).to_owned(),
    }
}

/// Every problem of a rejected post, each with a link to its field where it has one:
/// "Forslag 2.3: Kommentaren er 5.200 tegn …".
fn error_summary(lang: Lang, form: &FormData) -> Vec<(Option<String>, String)> {
    let label = if form.survey {
        Key::QuestionNo
    } else {
        Key::ProposalNo
    };
    let code = |id: ItemId| {
        form.items()
            .find(|i| i.id == id)
            .map(|i| lang.fill(label, &[("code", &i.code)]))
            .unwrap_or_default()
    };
    form.errors
        .iter()
        .map(|e| {
            let text = error_text(lang, e.code);
            match e.field {
                FieldId::Value(id) => (Some(id.tagged("#item-")), format!("{}: {text}", code(id))),
                FieldId::Comment(id) => (Some(id.tagged("#c")), format!("{}: {text}", code(id))),
                FieldId::GeneralComment => (
                    Some("#gc".to_owned()),
                    format!("{}: {text}", lang.t(Key::GeneralCommentTitle)),
                ),
                FieldId::Form => (None, text),
            }
        })
        .collect()
}

/// The notice to show: one the server put in the page, or one named in the query
/// after a redirect (`?gemt`, `?bekraeft`, `?flettet=<item ids>`).
fn notice_for(notice: Option<&Notice>, form: &FormData) -> Option<Notice> {
    if notice.is_some() {
        return notice.cloned();
    }
    let query = use_query_map().get_untracked();
    let refs = |ids: &str| -> Vec<ItemRef> {
        let ids: Vec<ItemId> = ids.split(',').filter_map(|id| id.parse().ok()).collect();
        form.items()
            .filter(|i| ids.contains(&i.id))
            .map(|i| ItemRef {
                id: i.id,
                code: i.code.clone(),
            })
            .collect()
    };
    if query.get(respond::CONFIRM).is_some() && form.lock.is_none() {
        let shown = shown_now(form);
        let unanswered = form
            .items()
            .filter(|i| i.state.value.is_empty() && shown.contains(&i.id))
            .map(|i| ItemRef {
                id: i.id,
                code: i.code.clone(),
            })
            .collect::<Vec<_>>();
        return (!unanswered.is_empty()).then_some(Notice::ConfirmSubmit { unanswered });
    }
    if let Some(ids) = query.get(respond::MERGED) {
        return Some(Notice::Merged { items: refs(&ids) });
    }
    query.get(respond::SAVED).map(|_| Notice::Saved)
}

/// The items shown by the answers the page was made with.
fn shown_now(form: &FormData) -> HashSet<ItemId> {
    let values: std::collections::HashMap<ItemId, &str> = form
        .items()
        .map(|i| (i.id, i.state.value.as_str()))
        .collect();
    logic::shown(form.items(), |id| {
        values.get(&id).map(|v| (*v).to_owned()).unwrap_or_default()
    })
}

/// The page to show without JavaScript: where the first problem is, else where the
/// server or the address says, within the pages there are.
fn current_page(form: &FormData, decided: Option<usize>, pages: &[usize]) -> usize {
    let page_of = |id: ItemId| {
        form.sections
            .iter()
            .zip(pages)
            .find(|(s, _)| s.items.iter().any(|i| i.id == id))
            .map(|(_, p)| *p)
    };
    let first_problem = form.errors.iter().find_map(|e| match e.field {
        FieldId::Value(id) | FieldId::Comment(id) => page_of(id),
        _ => None,
    });
    let asked = || {
        use_query_map()
            .get_untracked()
            .get(respond::PAGE)
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|p| p.checked_sub(1))
    };
    let last = pages.iter().copied().max().unwrap_or(0);
    first_problem
        .or(decided)
        .or_else(asked)
        .unwrap_or(0)
        .min(last)
}

/// The page around the form: who answers, the deadline, the notices and the intro.
/// Rendered on the server only; the form itself is the island.
#[component]
fn HearingForm(mut data: PageData, token: String) -> impl IntoView {
    let lang = use_lang();
    provide_context(ContentLang(data.content_lang.clone()));
    let form = data.take_form();
    let pages = form.pages();
    let page = current_page(&form, data.page, &pages);
    let notice = notice_for(data.notice.as_ref(), &form);
    let problems = error_summary(lang, &form);

    let title = if data.survey {
        data.title.clone()
    } else {
        lang.fill(Key::TitleResponse, &[("body", &data.respondent_name)])
    };
    let rejected = !data.errors.is_empty();
    view! {
        <PageTitle text=title error=rejected/>
        <article class="respond">
            <header class="page-header">
                <LanguageSwitch languages=data.languages.clone() current=data.content_lang.clone()/>
                {if data.survey {
                    view! { <p class="eyebrow">{lang.t(Key::SurveyEyebrow)}</p> }.into_any()
                } else {
                    view! {
                        <p class="eyebrow">
                            {lang.t(Key::ResponseFrom)} " " <strong lang="da">{data.respondent_name.clone()}</strong>
                            {format!(" · {}", data.respondent_group)}
                            {(!data.respondent_unit.is_empty()).then(|| format!(" · {}", data.respondent_unit))}
                        </p>
                    }
                        .into_any()
                }}
                <h1 lang=content_lang()>{data.title.clone()}</h1>
                <p class="deadline">
                    {lang.t(if data.survey { Key::SurveyDeadlineLabel } else { Key::DeadlineLabel })} ": "
                    <strong>{data.deadline.clone()}</strong>
                </p>
            </header>
            {data.lock.map(|reason| view! { <LockBanner reason deadline=data.deadline.clone()/> })}
            <NoticeBox notice problems/>
            <StatusLine
                status=data.status
                submitted_at=data.submitted_at.clone()
                submission_no=data.submission_no
                unsubmitted_changes=data.unsubmitted_changes
            />
            <section class="intro" lang=content_lang()>
                {data.intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            </section>
            {(data.anonymous && data.lock.is_none())
                .then(|| {
                    view! {
                        <section class="notice anonymity" aria-labelledby="anonymity-title">
                            <h2 id="anonymity-title">{lang.t(Key::AnonymityTitle)}</h2>
                            <p>{lang.fill(Key::AnonymityText, &[("k", &data.min_group_size.to_string())])}</p>
                        </section>
                    }
                })}
            <AnswerForm form token page/>
        </article>
    }
}

/// The answer form, the part of the respondent's page that lives in the browser: its
/// fields' state, autosave, the skip logic and the progress. An island, so the
/// browser gets the form's data as this island's props and hydrates nothing else.
/// `page` is the page shown without JavaScript (the address and the server's choice,
/// read around the island).
#[island]
fn AnswerForm(form: FormData, token: String, page: usize) -> impl IntoView {
    // An island has no context from the page around it: the language is read again
    // (from the document in the browser).
    let lang = crate::current_lang();
    provide_context(lang);
    provide_context(ContentLang(form.content_lang.clone()));
    let editable = form.lock.is_none();
    let conflict_for =
        |id: Option<ItemId>| form.conflicts.iter().find(|c| c.item_id == id).cloned();
    let item_fields: Vec<FieldSignals> = form
        .items()
        .map(|i| FieldSignals::new(Some(i.id), &i.state, conflict_for(Some(i.id))))
        .collect();
    let general = FieldSignals::new(None, &form.general, conflict_for(None));
    let mut all_fields = item_fields.clone();
    all_fields.push(general);
    let autosave = Autosave::new(token.clone(), form.version, all_fields, form.errors.clone());
    let posting = StoredValue::new(false);
    warn_before_leaving_unsaved(autosave, posting);
    // Skip logic: which items the answers so far show, as the respondent answers.
    // Without JavaScript a survey with logic is answered page by page (`page`); once
    // the page has hydrated (`live`), every section is on one page and shows or hides
    // in place.
    let asked: Vec<Asked> = form
        .items()
        .map(|i| Asked {
            id: i.id,
            kind: i.kind.clone(),
            condition: i.show_if.clone(),
        })
        .collect();
    let values: Vec<(ItemId, RwSignal<String>)> = item_fields
        .iter()
        .filter_map(|f| f.item_id.map(|id| (id, f.value)))
        .collect();
    let shown = Memo::new(move |_| {
        logic::shown(&asked, |id| {
            values
                .iter()
                .find(|(i, _)| *i == id)
                .map(|(_, v)| v.get())
                .unwrap_or_default()
        })
    });
    let pages = form.pages();
    let paged = pages.iter().any(|p| *p > 0);
    let live = RwSignal::new(false);
    Effect::new(move |_| live.set(true));
    let page_of_item: Vec<(ItemId, usize)> = form
        .sections
        .iter()
        .zip(&pages)
        .flat_map(|(s, p)| s.items.iter().map(move |i| (i.id, *p)))
        .collect();
    let on_screen = {
        let page_of_item = page_of_item.clone();
        move |id: ItemId| {
            shown.read().contains(&id)
                && (live.get() || page_of_item.iter().any(|(i, p)| *i == id && *p == page))
        }
    };
    let later_page_shown = page_of_item
        .iter()
        .any(|(id, p)| *p > page && shown.read_untracked().contains(id));
    let counted = item_fields.clone();
    let total = Memo::new(move |_| {
        let shown = shown.read();
        counted
            .iter()
            .filter(|f| f.item_id.is_some_and(|id| shown.contains(&id)))
            .count()
    });
    let counted = item_fields.clone();
    let answered = Memo::new(move |_| {
        let shown = shown.read();
        counted
            .iter()
            .filter(|f| {
                f.item_id.is_some_and(|id| shown.contains(&id)) && !f.value.read().is_empty()
            })
            .count()
    });
    let cards = Cards::from_context();
    let first_unanswered = Memo::new({
        let on_screen = on_screen.clone();
        move |_| {
            item_fields
                .iter()
                .filter(|f| f.item_id.is_some_and(&on_screen))
                .find(|f| f.value.read().is_empty())
                .and_then(|f| f.item_id)
        }
    });
    view! {
        <form
            method="post"
            action=path::respond(&token)
            class="hearing-form"
            id="hearing-form"
            on:submit=move |_| posting.set_value(true)
        >
            <div class="progress">
                <progress max=move || total.get() value=move || answered.get() aria-labelledby="progress-text"></progress>
                <span class="progress-text" id="progress-text">
                    {move || {
                        lang.fill(
                            Key::Progress,
                            &[("done", &answered.get().to_string()), ("total", &total.get().to_string())],
                        )
                    }}
                    {move || {
                        (paged && !live.get())
                            .then(|| {
                                let n = (page + 1).to_string();
                                let of = (pages.iter().max().copied().unwrap_or(0) + 1).to_string();
                                format!(" · {}", lang.fill(Key::PageOf, &[("n", &n), ("pages", &of)]))
                            })
                    }}
                </span>
                {move || match first_unanswered.get() {
                    Some(id) if editable => {
                        view! {
                            <a class="jump" href=id.tagged("#item-") rel="external">
                                {lang.t(Key::JumpToUnanswered)}
                            </a>
                        }
                            .into_any()
                    }
                    Some(_) => ().into_any(),
                    None => view! { <span class="jump done">{lang.t(Key::AllAnswered)}</span> }.into_any(),
                }}
                <SaveIndicator autosave/>
            </div>
            {form
                .sections
                .iter()
                .map(|section| {
                    let ids: Vec<ItemId> = section.items.iter().map(|i| i.id).collect();
                    let hidden = {
                        let on_screen = on_screen.clone();
                        move || !ids.iter().any(|id| on_screen(*id))
                    };
                    view! {
                        <section class="area" hidden=hidden aria-labelledby=section.id.tagged("area-")>
                            <h2 id=section.id.tagged("area-") lang=content_lang()>{section.title.clone()}</h2>
                            {(!section.description.is_empty())
                                .then(|| {
                                    view! {
                                        <p class="area-description" lang=content_lang()>
                                            {section.description.clone()}
                                        </p>
                                    }
                                })}
                            {section
                                .items
                                .iter()
                                .map(|item| {
                                    let field = autosave.field(Some(item.id)).expect("every item has a field");
                                    let id = item.id;
                                    let key = || CardKey::of(item, &form, lang, !on_screen(id), editable);
                                    let on_screen = on_screen.clone();
                                    let (code, text, kind) = (item.code.clone(), item.text.clone(), item.kind.clone());
                                    let (option_labels, initial) = (item.option_labels.clone(), item.state.clone());
                                    let (allow_comment, required) = (item.allow_comment, item.required);
                                    cards.card(&key, move || view! {
                                        <ItemCard
                                            hidden=Signal::derive(move || !on_screen(id))
                                            item_id=id
                                            code
                                            text
                                            allow_comment
                                            kind
                                            option_labels
                                            required
                                            initial
                                            field
                                            autosave
                                            editable
                                        />
                                    })
                                })
                                .collect_view()}
                        </section>
                    }
                })
                .collect_view()}
            {(!form.survey)
                .then(|| view! { <GeneralComment initial=form.general.clone() field=general autosave editable/> })}
            {editable
                .then(|| {
                    let by_page = move || paged && !live.get();
                    view! {
                        <div class="actions">
                            {move || {
                                (by_page() && page > 0)
                                    .then(|| {
                                        view! {
                                            <button type="submit" name=respond::INTENT value=respond::BACK class="button secondary">
                                                {lang.t(Key::FormBack)}
                                            </button>
                                        }
                                    })
                            }}
                            <button type="submit" name=respond::INTENT value=respond::SAVE class="button secondary">
                                {lang.t(Key::SaveDraft)}
                            </button>
                            {move || {
                                if by_page() && later_page_shown {
                                    view! {
                                        <button type="submit" name=respond::INTENT value=respond::NEXT class="button primary">
                                            {lang.t(Key::FormNext)}
                                        </button>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <button type="submit" name=respond::INTENT value=respond::SUBMIT class="button primary">
                                            {lang.t(Key::Submit)}
                                        </button>
                                    }
                                        .into_any()
                                }
                            }}
                            {move || {
                                by_page()
                                    .then(|| view! { <input type="hidden" name=respond::PAGE value=page + 1/> })
                            }}
                            <p class="hint">
                                {lang.t(if form.anonymous { Key::AnonymousActionsHint } else { Key::ActionsHint })}
                            </p>
                        </div>
                    }
                })}
        </form>
    }
}

/// With anything typed and not yet saved, leaving the page asks first. Posting the
/// form itself sends every field, so it does not ask (`posting`).
fn warn_before_leaving_unsaved(autosave: Autosave, posting: StoredValue<bool>) {
    #[cfg(feature = "hydrate")]
    {
        let listener = window_event_listener(leptos::ev::beforeunload, move |event| {
            if !posting.get_value() && autosave.unsaved() {
                event.prevent_default();
                event.set_return_value("");
            }
        });
        on_cleanup(move || listener.remove());
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (autosave, posting);
}

#[component]
pub(crate) fn LockBanner(reason: LockReason, deadline: String) -> impl IntoView {
    let lang = use_lang();
    let text = match reason {
        LockReason::DeadlinePassed => lang.fill(Key::LockedDeadline, &[("deadline", &deadline)]),
        LockReason::Closed => lang.t(Key::LockedClosed).to_owned(),
        LockReason::NotOpenYet => lang.t(Key::LockedNotOpen).to_owned(),
        LockReason::AnsweredAnonymously => lang.t(Key::LockedAnswered).to_owned(),
    };
    view! {
        <div class="notice notice-locked" role="status">
            <p>{text}</p>
        </div>
    }
}

/// Whether the response is submitted (when, which submission, with changes since).
#[component]
fn StatusLine(
    status: ResponseStatus,
    submitted_at: Option<String>,
    submission_no: i64,
    unsubmitted_changes: bool,
) -> impl IntoView {
    let lang = use_lang();
    match (status, submitted_at) {
        (ResponseStatus::Submitted, Some(at)) => {
            let n = submission_no.to_string();
            view! {
                <p class="status status-submitted">
                    {lang.fill(Key::StatusSubmitted, &[("date", &at), ("n", &n)])}
                    {unsubmitted_changes.then(|| format!(" {}", lang.t(Key::UnsubmittedChanges)))}
                </p>
            }
            .into_any()
        }
        _ => view! { <p class="status status-draft">{lang.t(Key::StatusDraft)}</p> }.into_any(),
    }
}

#[component]
fn NoticeBox(notice: Option<Notice>, problems: Vec<(Option<String>, String)>) -> impl IntoView {
    let lang = use_lang();
    let errors = (!problems.is_empty()).then(|| {
        view! {
            <ul class="form-errors">
                {problems
                    .into_iter()
                    .map(|(href, text)| match href {
                        Some(href) => view! { <li><a href=href rel="external">{text}</a></li> }.into_any(),
                        None => view! { <li>{text}</li> }.into_any(),
                    })
                    .collect_view()}
            </ul>
        }
    });
    let body = match notice? {
        Notice::Saved => view! { <div class="notice notice-ok" role="status"><p>{lang.t(Key::NoticeSaved)}</p></div> }
            .into_any(),
        Notice::Merged { items } => view! {
            <div class="notice notice-ok" role="status">
                <p>{lang.t(Key::NoticeMerged)}</p>
                <ItemLinks items/>
            </div>
        }
        .into_any(),
        Notice::ConfirmSubmit { unanswered } => {
            let n = unanswered.len().to_string();
            let first = unanswered.first().map(|i| i.id);
            view! {
                <div class="notice notice-confirm" role="alert">
                    <h2>{lang.fill(Key::ConfirmTitle, &[("n", &n)])}</h2>
                    <p>{lang.t(Key::ConfirmText)}</p>
                    <ItemLinks items=unanswered/>
                    <p class="confirm-actions">
                        <button
                            type="submit"
                            form="hearing-form"
                            name=respond::INTENT
                            value=respond::CONFIRM_SUBMIT
                            class="button primary"
                        >
                            {lang.t(Key::SubmitAnyway)}
                        </button>
                        <a class="button secondary" href=first.map(|id| id.tagged("#item-")) rel="external">
                            {lang.t(Key::AnswerThemFirst)}
                        </a>
                    </p>
                </div>
            }
            .into_any()
        }
        Notice::Conflict => view! { <div class="notice notice-error" role="alert"><p>{lang.t(Key::NoticeConflict)}</p></div> }
            .into_any(),
        // The error summary: focused when the page loads, each problem a link to its
        // field.
        Notice::Invalid => view! {
            <div class="notice notice-error error-summary" role="alert" tabindex="-1" autofocus>
                <h2>{lang.t(Key::NoticeInvalid)}</h2>
                {errors}
            </div>
        }
        .into_any(),
        Notice::Refused => view! { <div class="notice notice-error" role="alert"><p>{lang.t(Key::NoticeRefused)}</p></div> }
            .into_any(),
        Notice::NotStored => view! { <div class="notice notice-error" role="alert"><p>{lang.t(Key::NoticeNotStored)}</p></div> }
            .into_any(),
    };
    Some(body)
}

#[component]
fn ItemLinks(items: Vec<ItemRef>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <ul class="item-links">
            {items
                .into_iter()
                .map(|i| {
                    view! {
                        <li>
                            <a href=i.id.tagged("#item-") rel="external">
                                {lang.fill(Key::ProposalNo, &[("code", &i.code)])}
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[component]
fn SaveIndicator(autosave: Autosave) -> impl IntoView {
    let lang = use_lang();
    let text = move || match autosave.status() {
        SaveStatus::Idle => lang.t(Key::SaveIdle),
        SaveStatus::Saving => lang.t(Key::Saving),
        SaveStatus::Saved => lang.t(Key::Saved),
        SaveStatus::Failed | SaveStatus::Invalid => lang.t(Key::NotSaved),
        SaveStatus::Conflict => lang.t(Key::ConflictTitle),
        SaveStatus::Locked => lang.t(Key::NoticeRefused),
    };
    let failed = move || {
        matches!(
            autosave.status(),
            SaveStatus::Failed | SaveStatus::Invalid | SaveStatus::Conflict | SaveStatus::Locked
        )
    };
    // Announced once per save, when it has settled: the visible status passes through
    // "Gemmer …" on every answer, which a screen reader need not hear.
    let settled = move || match autosave.status() {
        SaveStatus::Idle | SaveStatus::Saving => "",
        _ => text(),
    };
    view! {
        <span class="visually-hidden" role="status">{settled}</span>
        <span class="save-status js-only" class:save-failed=failed class:save-idle=move || autosave.status() == SaveStatus::Idle>
            {text}
            {move || {
                (autosave.status() == SaveStatus::Failed)
                    .then(|| {
                        view! {
                            <button type="button" class="link-button" on:click=move |_| autosave.flush()>
                                {lang.t(Key::TryAgain)}
                            </button>
                        }
                    })
            }}
        </span>
    }
}

/// Whether the item's answer or comment has a problem: one read of the errors, and no
/// texts made (every card asks, on every page view).
fn has_error(autosave: Autosave, item_id: ItemId) -> bool {
    autosave
        .errors
        .read()
        .iter()
        .any(|e| matches!(e.field, FieldId::Value(id) | FieldId::Comment(id) if id == item_id))
}

/// Errors for one field, as a list the inputs point at with `aria-describedby`.
fn field_errors(autosave: Autosave, lang: Lang, field: FieldId) -> impl Fn() -> Vec<String> + Copy {
    move || {
        autosave
            .errors
            .read()
            .iter()
            .filter(|e| e.field == field)
            .map(|e| error_text(lang, e.code))
            .collect()
    }
}

#[component]
fn ItemCard(
    /// Hidden by the skip logic, or on another page.
    hidden: Signal<bool>,
    item_id: ItemId,
    code: String,
    text: String,
    allow_comment: bool,
    kind: ItemKind,
    option_labels: Vec<String>,
    required: bool,
    initial: FieldState,
    field: FieldSignals,
    autosave: Autosave,
    editable: bool,
) -> impl IntoView {
    let lang = use_lang();
    let value_errors = field_errors(autosave, lang, FieldId::Value(item_id));
    let comment_errors = field_errors(autosave, lang, FieldId::Comment(item_id));
    let value_error_id = item_id.tagged("err-v");
    let comment_id = respond::field(respond::COMMENT, item_id);
    let has_comment = !initial.comment.is_empty()
        || autosave
            .errors
            .read_untracked()
            .iter()
            .any(|e| e.field == FieldId::Comment(item_id));
    let pick = Callback::new(move |value: String| {
        field.value.set(value);
        field.updated_by_other.set(false);
        autosave.schedule(Some(item_id), Duration::from_millis(300));
    });
    view! {
        <div
            class="item"
            hidden=move || hidden.get()
            id=item_id.tagged("item-")
            tabindex="-1"
            class:unanswered=move || field.value.read().is_empty()
            class:has-error=move || has_error(autosave, item_id)
        >
            <fieldset>
                <legend id=item_id.tagged("q-")>
                    <span class="code">{code.clone()}</span>
                    " "
                    <span lang=content_lang()>{text}</span>
                    {required.then(|| view! { " " <span class="required">{lang.t(Key::RequiredMark)}</span> })}
                    {kind.max_choices().map(|max| {
                        let n = lang.number(max as usize);
                        view! { <span class="choose-max">{lang.fill(Key::ChooseAtMost, &[("max", &n)])}</span> }
                    })}
                </legend>
                // The comment's toggle sits at the end of the answers' row, so a
                // proposal takes one row of targets, not two; the comment opens below.
                <div class="answer-row" class:no-comment=!allow_comment>
                    <ItemInput
                        item_id
                        kind=kind.clone()
                        option_labels
                        initial=initial.value.clone()
                        field
                        autosave
                        editable
                        described_by=value_error_id.clone()
                        on_pick=pick
                    />
                    {allow_comment
                        .then(|| {
                            let label = lang.fill(Key::CommentLabel, &[("code", &code)]);
                            view! {
                                <details class="comment" open=has_comment>
                                    <summary class:written=move || !field.comment.read().is_empty()>
                                        <CommentIcon/>
                                        <span class="visually-hidden">{label.clone()}</span>
                                    </summary>
                                    <div class="comment-body">
                                        <label for=comment_id.clone() class="comment-label">{label}</label>
                                        <CommentField
                                            name=comment_id.clone()
                                            rows=4
                                            initial=initial.comment.clone()
                                            text=field.comment
                                            field
                                            autosave
                                            editable
                                            errors=comment_errors
                                        />
                                    </div>
                                </details>
                            }
                        })}
                </div>
            </fieldset>
            <FieldMessages id=value_error_id errors=value_errors/>
            <ConflictNote field autosave kind=Some(kind)/>
            {move || {
                field
                    .updated_by_other
                    .get()
                    .then(|| view! { <p class="updated-note" role="status">{lang.t(Key::UpdatedByOther)}</p> })
            }}
            <input
                type="hidden"
                name=respond::field(respond::FINGERPRINT, item_id)
                value=initial.fingerprint
                prop:value=move || field.fingerprint.get()
            />
        </div>
    }
}

/// A speech bubble: the comment toggle's picture (its name is in the text beside it).
#[component]
fn CommentIcon() -> impl IntoView {
    view! {
        <svg class="comment-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d="M4 4h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H9l-5 4v-4H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1z"></path>
        </svg>
    }
}

/// A comment's text area with its limit and its errors. `name` is the form field
/// (`c<item>` or `gc`); the label is the caller's, pointing at `name` as the id.
#[component]
fn CommentField(
    name: String,
    rows: u8,
    initial: String,
    /// What the field edits: the comment, or a free-text item's answer.
    text: RwSignal<String>,
    field: FieldSignals,
    autosave: Autosave,
    editable: bool,
    errors: impl Fn() -> Vec<String> + Copy + Send + Sync + 'static,
    /// The question a free-text answer answers, where no `<label>` names the field.
    #[prop(optional)]
    labelled_by: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let error_id = ["msg-", &name].concat();
    let hint_id = ["hint-", &name].concat();
    let described_by = [hint_id.as_str(), " ", &error_id].concat();
    view! {
        <textarea
            id=name.clone()
            name=name
            rows=rows
            maxlength=COMMENT_MAX_CHARS
            disabled=!editable
            aria-describedby=described_by
            aria-labelledby=labelled_by
            aria-invalid=move || (!errors().is_empty()).then_some("true")
            prop:value=move || text.get()
            on:input=move |ev| {
                text.set(event_target_value(&ev));
                field.updated_by_other.set(false);
                autosave.schedule(field.item_id, Duration::from_millis(1200));
            }
            on:blur=move |_| {
                if autosave.is_pending(field.item_id) {
                    autosave.flush();
                }
            }
        >
            {textarea_text(&initial)}
        </textarea>
        <p class="hint" id=hint_id>
            {lang.fill(Key::CommentLimit, &[("max", &lang.number(COMMENT_MAX_CHARS))])}
        </p>
        <FieldMessages id=error_id errors/>
    }
}

/// The answer part of an item, by its kind: a row of choices for the scales and single
/// choice, checkboxes for multiple choice, a text field for free text. Every one
/// posts without JavaScript under the item's fields (`v<item>`, or `m<item>` per
/// checked box) and, with it, saves as the respondent goes.
#[component]
fn ItemInput(
    item_id: ItemId,
    kind: ItemKind,
    option_labels: Vec<String>,
    initial: String,
    field: FieldSignals,
    autosave: Autosave,
    editable: bool,
    described_by: String,
    on_pick: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let class = ["scale scale-", kind.name()].concat();
    match kind {
        ItemKind::Text => Either::Left(view! {
            <div class="text-answer">
                <CommentField
                    name=respond::field(respond::VALUE, item_id)
                    rows=4
                    initial
                    text=field.value
                    field
                    autosave
                    editable
                    errors=move || Vec::new()
                    labelled_by=item_id.tagged("q-")
                />
            </div>
        }),
        kind => {
            let ends = (kind == ItemKind::Nps).then(|| {
                view! {
                    <p class="scale-ends" aria-hidden="true">
                        <span>{lang.t(Key::NpsLow)}</span>
                        <span>{lang.t(Key::NpsHigh)}</span>
                    </p>
                }
            });
            Either::Right(view! {
                {ends}
                <div class=class>
                    <AnswerScale
                        item_id
                        kind
                        option_labels
                        initial
                        value=field.value
                        disabled=!editable
                        described_by
                        on_pick
                    />
                </div>
            })
        }
    }
}

#[component]
fn FieldMessages(
    id: String,
    errors: impl Fn() -> Vec<String> + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <div class="field-errors" id=id aria-live="polite">
            {move || errors().into_iter().map(|e| view! { <p class="field-error">{e}</p> }).collect_view()}
        </div>
    }
}

/// Shown where another member saved something else in the same field: their answer,
/// and (with JavaScript) a choice between theirs and ours.
#[component]
fn ConflictNote(
    field: FieldSignals,
    autosave: Autosave,
    /// The item's kind, to read the other answer by; `None` for the general comment.
    kind: Option<ItemKind>,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        field.conflict.get().map(|conflict| {
            let theirs = conflict.theirs.clone();
            let keep_theirs = theirs.clone();
            let value_line = kind.as_ref().map(|kind| {
                let value = kind
                    .answer_label(lang, &theirs.value)
                    .unwrap_or_else(|| lang.t(Key::NotAnswered).to_owned());
                lang.fill(Key::ConflictTheirs, &[("value", &value)])
            });
            let comment_line = (!theirs.comment.is_empty())
                .then(|| lang.fill(Key::ConflictTheirComment, &[("comment", &theirs.comment)]));
            view! {
                <div class="conflict" role="alert">
                    <p><strong>{lang.t(Key::ConflictTitle)}</strong></p>
                    {value_line.map(|l| view! { <p>{l}</p> })}
                    {comment_line.map(|l| view! { <p class="comment-text">{l}</p> })}
                    <p>{lang.t(Key::ConflictYours)}</p>
                    <p class="js-only conflict-actions">
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| {
                                field.show(keep_theirs.clone());
                                field.conflict.set(None);
                                autosave.discard(field.item_id);
                            }
                        >
                            {lang.t(Key::UseTheirs)}
                        </button>
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| {
                                field.fingerprint.set(conflict.theirs.fingerprint.clone());
                                field.conflict.set(None);
                                autosave.schedule(field.item_id, Duration::ZERO);
                            }
                        >
                            {lang.t(Key::KeepMine)}
                        </button>
                    </p>
                </div>
            }
        })
    }
}

#[component]
fn GeneralComment(
    initial: FieldState,
    field: FieldSignals,
    autosave: Autosave,
    editable: bool,
) -> impl IntoView {
    let lang = use_lang();
    let errors = field_errors(autosave, lang, FieldId::GeneralComment);
    view! {
        <section class="area general" aria-labelledby="general-title">
            <h2 id="general-title">{lang.t(Key::GeneralCommentTitle)}</h2>
            <ConflictNote field autosave kind=None/>
            <label for="gc">{lang.t(Key::GeneralCommentLabel)}</label>
            <CommentField
                name=respond::GENERAL_COMMENT.to_owned()
                rows=4
                initial=initial.comment
                text=field.comment
                field
                autosave
                editable
                errors
            />
            <input
                type="hidden"
                name=respond::GENERAL_FINGERPRINT
                value=initial.fingerprint
                prop:value=move || field.fingerprint.get()
            />
        </section>
    }
}
