use super::LinkError;
use crate::api::get_receipt;
use crate::components::{Eager, LanguageSwitch, Main, PageTitle};
use crate::i18n::Key;
use crate::model::Receipt;
use crate::use_lang;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// What the body submitted, shown after each submission. Built once, without
/// `into_any`'s copy of the view, as the respondent's page (see `RespondPage`).
#[component]
pub fn ReceiptPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let data = Resource::new(token, get_receipt);
    view! {
        <Main>
        <Suspense>
            {Suspend::new(async move {
                match data.await {
                    Ok(Some(r)) => EitherOf3::A(Eager(view! { <ReceiptView receipt=r token=token()/> })),
                    Ok(None) => {
                        #[cfg(feature = "ssr")]
                        leptos_axum::redirect(&crate::wire::path::respond(&token()));
                        EitherOf3::B(())
                    }
                    Err(e) => EitherOf3::C(view! { <LinkError error=e/> }),
                }
            })}
        </Suspense>
        </Main>
    }
}

#[component]
fn ReceiptView(receipt: Receipt, token: String) -> impl IntoView {
    let lang = use_lang();
    if receipt.anonymous {
        return view! {
            <PageTitle text=lang.t(Key::ReceiptAnonymousTitle)/>
            <article class="receipt">
                <header class="page-header">
                    <LanguageSwitch/>
                    <p class="eyebrow">{receipt.title.clone()}</p>
                    <h1>{lang.t(Key::ReceiptAnonymousTitle)}</h1>
                </header>
                <div class="notice notice-ok" role="status">
                    <p>{lang.t(Key::LockedAnswered)}</p>
                </div>
            </article>
        }
        .into_any();
    }
    let n = receipt.submission_no.to_string();
    view! {
        <PageTitle text=lang.t(Key::ReceiptTitle)/>
        <article class="receipt">
            <header class="page-header">
                <LanguageSwitch/>
                <p class="eyebrow">{receipt.title.clone()}</p>
                <h1>{lang.t(Key::ReceiptTitle)}</h1>
            </header>
            <div class="notice notice-ok" role="status">
                <p>
                    {lang.fill(
                        Key::ReceiptText,
                        &[("name", &receipt.respondent_name), ("date", &receipt.submitted_at), ("n", &n)],
                    )}
                </p>
                <p>{lang.fill(Key::ReceiptEdit, &[("deadline", &receipt.deadline)])}</p>
                <p>
                    <a class="button" href=crate::wire::path::respond(&token)>{lang.t(Key::EditAnswers)}</a>
                </p>
            </div>
            <h2>{lang.t(Key::ReceiptSummary)}</h2>
            {receipt
                .sections
                .into_iter()
                .map(|section| {
                    view! {
                        <section class="receipt-section">
                            <h3>{section.title}</h3>
                            <dl>
                                {section
                                    .items
                                    .into_iter()
                                    .map(|item| {
                                        view! {
                                            <dt>
                                                <span class="code">{item.code}</span>
                                                " "
                                                {item.text}
                                            </dt>
                                            <dd>
                                                <strong>
                                                    {item
                                                        .kind
                                                        .answer_label(lang, &item.value)
                                                        .unwrap_or_else(|| lang.t(Key::NotAnswered).to_owned())}
                                                </strong>
                                                {(!item.comment.is_empty())
                                                    .then(|| view! { <p class="comment-text">{item.comment}</p> })}
                                            </dd>
                                        }
                                    })
                                    .collect_view()}
                            </dl>
                        </section>
                    }
                })
                .collect_view()}
            {(!receipt.general_comment.is_empty())
                .then(|| {
                    view! {
                        <section class="receipt-section">
                            <h3>{lang.t(Key::GeneralCommentTitle)}</h3>
                            <p class="comment-text">{receipt.general_comment}</p>
                        </section>
                    }
                })}
        </article>
    }
    .into_any()
}
