//! The builder's controls for one survey question: its kind, options, maximum,
//! whether it must be answered, when it is asked (skip logic), and its text and
//! options in the survey's other languages. The fields carry the item sheet's names
//! (`type`, `svarmuligheder`, `højst` …) and the server checks them by the same rules
//! as a sheet; the form posts without JavaScript.

use crate::components::textarea_text;
use crate::i18n::{Key, Lang};
use crate::model::admin::{AdminItem, FormEcho, LanguageInfo};
use crate::model::{ItemId, ItemKind};
use crate::use_lang;
use leptos::prelude::*;

/// An earlier choice question a question can be shown on: (id, code, options).
pub type Decider = (ItemId, String, Vec<String>);

/// Every kind the builder offers: (sheet name, label).
const KINDS: [(&str, Key); 6] = [
    ("likert5", Key::KindLikert5),
    ("nps", Key::KindNps),
    ("enkeltvalg", Key::KindSingle),
    ("flervalg", Key::KindMulti),
    ("tekst", Key::KindText),
    ("enig_uenig", Key::KindAgreeDisagree),
];

/// A kind's label in the builder.
pub fn kind_label(lang: Lang, kind: &ItemKind) -> &'static str {
    let name = kind.sheet_name();
    KINDS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, key)| lang.t(*key))
}

/// One line under the question: its kind, whether required, when it is asked.
pub fn settings_line(lang: Lang, item: &AdminItem, deciders: &[Decider]) -> String {
    let mut parts = vec![kind_label(lang, &item.kind).to_owned()];
    if let Some(max) = item.kind.max_choices() {
        parts.push(format!("{} {max}", lang.t(Key::MaxLabel).to_lowercase()));
    }
    if item.required {
        parts.push(lang.t(Key::RequiredLabel).to_lowercase());
    }
    if let Some((decider, any_of)) = &item.show_if {
        let code = deciders
            .iter()
            .find(|(id, ..)| id == decider)
            .map_or("?", |(_, code, _)| code.as_str());
        parts.push(lang.fill(
            Key::ShowIfShort,
            &[("code", code), ("options", &any_of.join(" | "))],
        ));
    }
    parts.join(" · ")
}

#[component]
pub fn ItemSettingsForm(
    item: AdminItem,
    action: String,
    /// The choice questions before this one.
    deciders: Vec<Decider>,
    languages: Vec<LanguageInfo>,
    /// What was typed, when this question's settings were refused.
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let id = item.id;
    let typed = |name: &str| echo.as_ref().and_then(|e| e.value(name).map(str::to_owned));
    let kind_now = typed("type").unwrap_or_else(|| item.kind.sheet_name().to_owned());
    let options = typed("svarmuligheder").unwrap_or_else(|| item.kind.options().join("\n"));
    let max = typed("hoejst").unwrap_or_else(|| {
        item.kind
            .max_choices()
            .map(|m| m.to_string())
            .unwrap_or_default()
    });
    let required = match &echo {
        Some(e) => e.value("obligatorisk").is_some(),
        None => item.required,
    };
    let conditions = deciders
        .iter()
        .map(|(decider, code, opts)| {
            let boxes = opts
                .iter()
                .enumerate()
                .map(|(n, option)| {
                    let field = format!("s{id}-if-{decider}-{n}");
                    let value = format!("{decider}:{n}");
                    let checked = match &echo {
                        Some(e) => e.values("vis_hvis").any(|v| v == value),
                        None => item
                            .show_if
                            .as_ref()
                            .is_some_and(|(d, any)| d == decider && any.contains(option)),
                    };
                    let label_for = field.clone();
                    let text = format!(" {code} = {option}");
                    view! {
                        <label class="choice" for=label_for>
                            <input id=field type="checkbox" name="vis_hvis" value=value checked=checked/>
                            {text}
                        </label>
                    }
                })
                .collect_view();
            view! { <div class="condition-group">{boxes}</div> }
        })
        .collect_view();
    let translations = languages
        .into_iter()
        .map(|l| {
            let saved = item.translations.iter().find(|(tag, ..)| *tag == l.tag);
            let text_name = format!("tekst_{}", l.tag);
            let options_name = format!("svarmuligheder_{}", l.tag);
            let text = typed(&text_name).unwrap_or_else(|| saved.map(|(_, t, _)| t.clone()).unwrap_or_default());
            let translated = typed(&options_name)
                .unwrap_or_else(|| saved.map(|(_, _, o)| o.join("\n")).unwrap_or_default());
            let (text_id, options_id) = (format!("s{id}-t-{}", l.tag), format!("s{id}-o-{}", l.tag));
            view! {
                <div class="field">
                    <label for=text_id.clone()>{lang.fill(Key::TranslatedTextLabel, &[("lang", &l.name)])}</label>
                    <textarea id=text_id name=text_name rows="2" lang=l.tag.clone()>{textarea_text(&text)}</textarea>
                </div>
                <div class="field">
                    <label for=options_id.clone()>{lang.fill(Key::TranslatedOptionsLabel, &[("lang", &l.name)])}</label>
                    <textarea id=options_id name=options_name rows="3" lang=l.tag.clone()>{textarea_text(&translated)}</textarea>
                </div>
            }
        })
        .collect_view();
    let (type_id, options_id, max_id, hint_options, hint_max, hint_if) = (
        format!("s{id}-type"),
        format!("s{id}-options"),
        format!("s{id}-max"),
        format!("s{id}-options-hint"),
        format!("s{id}-max-hint"),
        format!("s{id}-if-hint"),
    );
    view! {
        <form method="post" action=action class="stack item-settings">
            <input type="hidden" name="item" value=id.to_string()/>
            <div class="field">
                <label for=type_id.clone()>{lang.t(Key::TypeLabel)}</label>
                <select id=type_id name="type">
                    {KINDS
                        .iter()
                        .map(|(name, key)| view! { <option value=*name selected=kind_now == *name>{lang.t(*key)}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=options_id.clone()>{lang.t(Key::OptionsLabel)}</label>
                <p class="hint" id=hint_options.clone()>{lang.t(Key::OptionsPerLineHint)}</p>
                <textarea id=options_id name="svarmuligheder" rows="4" aria-describedby=hint_options>{textarea_text(&options)}</textarea>
            </div>
            <div class="field">
                <label for=max_id.clone()>{lang.t(Key::MaxLabel)}</label>
                <p class="hint" id=hint_max.clone()>{lang.t(Key::MaxHint)}</p>
                <input id=max_id name="hoejst" type="text" inputmode="numeric" value=max aria-describedby=hint_max class="short"/>
            </div>
            <label class="choice" for=format!("s{id}-required")>
                <input id=format!("s{id}-required") type="checkbox" name="obligatorisk" value="ja" checked=required/>
                " " {lang.t(Key::RequiredLabel)}
            </label>
            {(!deciders.is_empty())
                .then(|| {
                    let described = hint_if.clone();
                    view! {
                        <fieldset class="conditions" aria-describedby=described>
                            <legend>{lang.t(Key::ShowIfLegend)}</legend>
                            <p class="hint" id=hint_if>{lang.t(Key::ShowIfHint)}</p>
                            {conditions}
                        </fieldset>
                    }
                })}
            {translations}
            <button type="submit" name="action" value="settings">{lang.t(Key::SaveSettings)}</button>
        </form>
    }
}
