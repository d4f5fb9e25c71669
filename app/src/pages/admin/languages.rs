//! A survey's further languages on its page: each with its title and how many of the
//! questions are translated, and the form that adds a language or changes its title
//! and intro. (The questions themselves are translated by the item sheet's columns.)

use super::{echo_for, Problems, TableWrap, TextField};
use crate::components::textarea_text;
use crate::i18n::Key;
use crate::model::admin::{AdminConsultation, FormEcho};
use crate::use_lang;
use leptos::prelude::*;

#[component]
pub fn Languages(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&echo, "language");
    let intro = echo
        .as_ref()
        .and_then(|e| e.value("intro").map(str::to_owned))
        .unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="sprog">
            <h2 id="sprog">{lang.t(Key::LanguagesTitle)}</h2>
            <p class="hint">{lang.t(Key::LanguagesHint)}</p>
            {(!c.languages.is_empty()).then(|| view! {
                <TableWrap label=lang.t(Key::LanguagesTitle)>
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{lang.t(Key::LanguageLabel)}</th>
                                <th scope="col">{lang.t(Key::TitleLabel)}</th>
                                <th scope="col" class="num">{lang.t(Key::LanguageItemsCol)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {c.languages.iter().map(|l| view! {
                                <tr>
                                    <th scope="row"><span lang=l.tag.clone()>{l.name.clone()}</span> " (" {l.tag.clone()} ")"</th>
                                    <td lang=l.tag.clone()>{l.title.clone()}</td>
                                    <td class="num">{format!("{} / {}", l.items, l.of)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableWrap>
            })}
            {c.may_edit.then(|| view! {
                <form method="post" action=format!("/admin/hoering/{}/sprog", c.id) class="stack">
                    <Problems echo=echo.clone()/>
                    <TextField name="lang" label=Key::LanguageTagLabel required=true scope="language".into() echo=echo.clone()/>
                    <TextField name="title" label=Key::TranslatedTitleLabel scope="language".into() echo=echo.clone()/>
                    <div class="field">
                        <label for="f-intro-language">{lang.t(Key::TranslatedIntroLabel)}</label>
                        <textarea id="f-intro-language" name="intro" rows="4">{textarea_text(&intro)}</textarea>
                    </div>
                    <button type="submit">{lang.t(Key::LanguageSave)}</button>
                </form>
            })}
        </section>
    }
}
