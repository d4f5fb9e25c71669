use super::frame::{AdminFrame, Session};
use super::{problem_text, ActionButton, AdminError};
use crate::api::admin_import;
use crate::i18n::Key;
use crate::model::admin::ImportPreview;
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The preview of an uploaded sheet: every row as it will be saved, every problem by
/// its row number, and save (only when there are no problems) or discard.
#[component]
pub fn ImportPage() -> impl IntoView {
    view! { <AdminFrame render=|s| view! { <Import _session=s/> }.into_any()/> }
}

#[component]
fn Import(_session: Session) -> impl IntoView {
    let params = use_params_map();
    let ids = move || {
        let p = params.read();
        let num = |k: &str| p.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        (num("id"), num("draft"))
    };
    let data = Resource::new(ids, |(id, draft)| admin_import(id, draft));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(p) => view! { <Preview p=p/> }.into_any(),
                    Err(e) => view! { <AdminError error=e/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Preview(p: ImportPreview) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}/import/{}", p.consultation_id, p.draft_id);
    let rows = p.bodies.len() + p.items.len();
    let ok = p.problems.is_empty();
    view! {
        <p class="eyebrow">
            <a href=format!("/admin/hoering/{}", p.consultation_id)>{p.consultation_title.clone()}</a>
        </p>
        <h1>{lang.fill(Key::PreviewTitle, &[("file", &p.file_name)])}</h1>
        {if ok {
            view! {
                <div class="notice notice-ok" role="status">
                    <p>{lang.fill(Key::PreviewReady, &[("n", &rows.to_string())])}</p>
                </div>
            }
                .into_any()
        } else {
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{lang.fill(Key::PreviewProblems, &[("n", &p.problems.len().to_string())])}</p>
                    <ul class="problems">
                        {p.problems.iter().map(|x| view! { <li>{problem_text(lang, x)}</li> }).collect_view()}
                    </ul>
                </div>
            }
                .into_any()
        }}
        <div class="actions">
            {ok.then(|| view! { <ActionButton action=format!("{base}/gem") label=lang.t(Key::SaveAll).to_owned() class="primary"/> })}
            <ActionButton action=format!("{base}/kasser") label=lang.t(Key::Discard).to_owned()/>
        </div>
        {(!p.bodies.is_empty())
            .then(|| {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{lang.t(Key::RowLabel)}</th>
                                    <th scope="col">{lang.t(Key::BodyLabel)}</th>
                                    <th scope="col">{lang.t(Key::GroupLabel)}</th>
                                    <th scope="col">{lang.t(Key::UnitLabel)}</th>
                                    <th scope="col">{lang.t(Key::EmailsLabel)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {p.bodies.iter().map(|b| view! {
                                    <tr>
                                        <td>{b.row}</td>
                                        <td>{b.name.clone()}</td>
                                        <td>{b.group.clone()}</td>
                                        <td>{b.unit.clone()}</td>
                                        <td>{b.emails.join(", ")}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
        {(!p.items.is_empty())
            .then(|| {
                view! {
                    <div class="table-wrap">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{lang.t(Key::RowLabel)}</th>
                                    <th scope="col">{lang.t(Key::SectionLabel)}</th>
                                    <th scope="col">{lang.t(Key::NumberLabel)}</th>
                                    <th scope="col">{lang.t(Key::ItemTextLabel)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {p.items.iter().map(|i| view! {
                                    <tr>
                                        <td>{i.row}</td>
                                        <td>{i.section.clone()}</td>
                                        <td>{i.code.clone()}</td>
                                        <td>{i.text.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
            })}
    }
}
