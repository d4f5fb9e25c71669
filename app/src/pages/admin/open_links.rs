//! A survey's open links on its page (one per unit, with how many started and
//! answered, and the form that makes one), and the posters to print: one A4 page per
//! unit with the title, the deadline, the short link, its QR code and the access code.

use super::frame::AdminFrame;
use super::{echo_for, loaded, path_id, Loaded, Problems, TableWrap, TextField};
use crate::api::admin_posters;
use crate::components::PageTitle;
use crate::i18n::Key;
use crate::model::admin::{AdminConsultation, FormEcho, Posters};
use crate::use_lang;
use leptos::prelude::*;

#[component]
pub fn OpenLinks(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}", c.id);
    let echo = echo_for(&echo, "open_link");
    let group = echo
        .as_ref()
        .and_then(|e| e.value("group").map(str::to_owned))
        .unwrap_or_else(|| lang.t(Key::OpenDefaultGroup).to_owned());
    view! {
        <section class="card" aria-labelledby="aabne-links">
            <h2 id="aabne-links">{lang.t(Key::OpenLinksTitle)}</h2>
            <p class="hint">{lang.t(Key::OpenLinksHint)}</p>
            {(!c.open_links.is_empty()).then(|| view! {
                <TableWrap label=lang.t(Key::OpenLinksTitle)>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{lang.t(Key::UnitLabel)}</th>
                                <th scope="col">{lang.t(Key::OpenLinkCol)}</th>
                                <th scope="col">{lang.t(Key::OpenCodeCol)}</th>
                                <th scope="col" class="num">{lang.t(Key::OpenStartedCol)}</th>
                                <th scope="col" class="num">{lang.t(Key::AnsweredCol)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {c.open_links.iter().map(|l| view! {
                                <tr>
                                    <th scope="row">{l.unit.clone()} <br/> <small>{l.group_name.clone()}</small></th>
                                    <td class="link-cell"><code>{l.url.clone()}</code></td>
                                    <td>{l.access_code.clone()}</td>
                                    <td class="num">{l.started}</td>
                                    <td class="num">{l.answered}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableWrap>
                <p><a href=format!("{base}/plakater")>{lang.t(Key::PostersLink)}</a></p>
            })}
            {c.may_edit.then(|| view! {
                <form method="post" action=format!("{base}/aabne-links") class="stack">
                    <h3>{lang.t(Key::OpenLinkNew)}</h3>
                    <Problems echo=echo.clone()/>
                    <TextField name="unit" label=Key::UnitLabel required=true echo=echo.clone()/>
                    <TextField name="group" label=Key::GroupLabel required=true value=group echo=echo.clone()/>
                    <TextField name="access_code" label=Key::OpenCodeCol hint=Key::OpenCodeHint echo=echo.clone()/>
                    <button type="submit">{lang.t(Key::OpenLinkCreate)}</button>
                </form>
            })}
        </section>
    }
}

#[component]
pub fn PostersPage() -> impl IntoView {
    let data = Resource::new(path_id("id"), admin_posters);
    view! { <AdminFrame render=move |_| view! { <PostersLoader data=data/> }.into_any()/> }
}

#[component]
fn PostersLoader(data: Loaded<Posters>) -> impl IntoView {
    loaded(data, |p| view! { <PosterSheets p=p/> }.into_any())
}

#[component]
fn PosterSheets(p: Posters) -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=format!("{} – {}", lang.t(Key::PostersTitle), p.title)/>
        <p class="screen-only hint">
            <a href=format!("/admin/hoering/{}", p.consultation_id)>{p.title.clone()}</a>
            " · " {lang.t(Key::PostersPrintHint)}
        </p>
        <h1 class="screen-only">{lang.t(Key::PostersTitle)}</h1>
        {p.posters.is_empty().then(|| view! { <p>{lang.t(Key::NoOpenLinks)}</p> })}
        {p.posters.into_iter().map(|poster| {
            let label = lang.fill(Key::QrLabel, &[("url", &poster.link.url)]);
            view! {
                <section class="poster" lang="da">
                    <p class="poster-unit">{poster.link.unit.clone()}</p>
                    <h2 class="poster-title">{p.title.clone()}</h2>
                    <p class="poster-ask">{lang.t(Key::PosterAsk)}</p>
                    <div class="poster-qr" role="img" aria-label=label inner_html=poster.qr_svg></div>
                    <p class="poster-url">{poster.link.url.clone()}</p>
                    {(!poster.link.access_code.is_empty()).then(|| view! {
                        <p class="poster-code">{lang.t(Key::OpenCodeCol)} ": " <strong>{poster.link.access_code.clone()}</strong></p>
                    })}
                    <p class="poster-deadline">{lang.t(Key::SurveyDeadlineLabel)} ": " {p.deadline.clone()}</p>
                    <p class="poster-note">{lang.t(Key::PosterAnonymous)}</p>
                </section>
            }
        }).collect_view()}
    }
}
