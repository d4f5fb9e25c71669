use super::frame::AdminFrame;
use super::{loaded, page_href, page_param, Loaded, Pager, TableWrap};
use crate::api::admin_audit;
use crate::components::PageTitle;
use crate::i18n::Key;
use crate::model::admin::AuditEntry;
use crate::model::listing::PageInfo;
use crate::use_lang;
use leptos::prelude::*;

/// The audit log (admins only), newest first.
#[component]
pub fn AuditPage() -> impl IntoView {
    let data = Resource::new(page_param(), admin_audit);
    view! { <AdminFrame render=move |_| view! { <Audit data=data/> }.into_any()/> }
}

#[component]
fn Audit(data: Loaded<(Vec<AuditEntry>, PageInfo)>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Key::NavAudit)/>
        <h1>{lang.t(Key::NavAudit)}</h1>
        {loaded(data, move |(rows, page)| view! {
                        <TableWrap label=lang.t(Key::NavAudit)>
                            <table>
                                <thead><tr>
                                    <th scope="col">{lang.t(Key::WhenLabel)}</th>
                                    <th scope="col">{lang.t(Key::WhoLabel)}</th>
                                    <th scope="col">{lang.t(Key::WhatLabel)}</th>
                                    <th scope="col">{lang.t(Key::NavConsultations)}</th>
                                    <th scope="col">{lang.t(Key::DetailLabel)}</th>
                                </tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{r.at}</td>
                                            <td>{r.user}</td>
                                            <td>{r.action}</td>
                                            <td>{r.consultation.map(|id| view! { <a class="cell-link" href=format!("/admin/hoering/{id}")>{id.to_string()}</a> })}</td>
                                            <td>{r.detail}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </TableWrap>
                        <Pager page=page href=page_href/>
        }.into_any())}
    }
}
