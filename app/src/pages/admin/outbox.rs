use super::frame::AdminFrame;
use super::{loaded, page_href, page_param, Loaded, Pager};
use crate::api::admin_outbox;
use crate::components::PageTitle;
use crate::i18n::Key;
use crate::model::admin::OutboxPage as Outbox;
use crate::use_lang;
use leptos::prelude::*;

/// Every mail, sent or waiting, with failures and their reasons. With the development
/// transport this is the list of what would have been sent.
#[component]
pub fn OutboxPage() -> impl IntoView {
    let data = Resource::new(page_param(), admin_outbox);
    view! { <AdminFrame render=move |_| view! { <OutboxList data=data/> }.into_any()/> }
}

#[component]
fn OutboxList(data: Loaded<Outbox>) -> impl IntoView {
    loaded(data, |o| view! { <OutboxView o=o/> }.into_any())
}

#[component]
fn OutboxView(o: Outbox) -> impl IntoView {
    let lang = use_lang();
    let p = o.progress.clone();
    view! {
        <PageTitle text=lang.t(Key::NavOutbox)/>
        <h1>{lang.t(Key::NavOutbox)}</h1>
        <p role="status">
            {lang.fill(Key::SentProgress, &[("sent", &lang.number(p.sent as usize)), ("total", &lang.number(p.total as usize))])}
            {(p.failed > 0).then(|| lang.fill(Key::SentFailed, &[("n", &p.failed.to_string())]))}
        </p>
        {o.file_folder.clone().map(|folder| view! {
            <div class="notice" role="note"><p>{lang.fill(Key::DevTransport, &[("folder", &folder)])}</p></div>
        })}
        <ol class="outbox">
            {o.rows.into_iter().map(|m| view! {
                <li class=format!("mail mail-{:?}", m.state).to_lowercase()>
                    <details>
                        <summary>
                            <strong>{m.subject.clone()}</strong>
                            " · " {m.recipients.clone()}
                            " · " {lang.t(m.state.label())}
                            " · " {m.created.clone()}
                        </summary>
                        {(!m.last_error.is_empty()).then(|| view! {
                            <p class="mail-failure">{lang.fill(Key::MailFailedFor, &[("error", &m.last_error)])}
                                " (" {lang.fill(Key::Attempts, &[("n", &m.attempts.to_string())])} ")"</p>
                        })}
                        <pre class="mail-body">{m.body_text.clone()}</pre>
                    </details>
                </li>
            }).collect_view()}
        </ol>
        <Pager page=o.page href=page_href/>
    }
}
