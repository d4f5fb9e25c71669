use super::frame::AdminFrame;
use super::{loaded, path_id, problem_text, ActionButton, Loaded, TableWrap};
use crate::api::admin_import;
use crate::components::PageTitle;
use crate::i18n::Key;
use crate::model::admin::ImportPreview;
use crate::use_lang;
use leptos::prelude::*;

/// The preview of an uploaded sheet: every row as it will be saved, every problem by
/// its row number, and save (only when there are no problems) or discard.
#[component]
pub fn ImportPage() -> impl IntoView {
    let (id, draft) = (path_id("id"), path_id("draft"));
    let data = Resource::new(
        move || (id(), draft()),
        |(id, draft)| admin_import(id, draft),
    );
    view! { <AdminFrame render=move |_| view! { <Import data=data/> }.into_any()/> }
}

#[component]
fn Import(data: Loaded<ImportPreview>) -> impl IntoView {
    loaded(data, |p| view! { <Preview p=p/> }.into_any())
}

#[component]
fn Preview(p: ImportPreview) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}/import/{}", p.consultation_id, p.draft_id);
    let rows = p.rows;
    let ok = p.problem_count == 0;
    let shown = p.bodies.len() + p.items.len();
    view! {
        <p class="eyebrow">
            <a href=format!("/admin/hoering/{}", p.consultation_id)>{p.consultation_title.clone()}</a>
        </p>
        <PageTitle text=lang.fill(Key::PreviewTitle, &[("file", &p.file_name)])/>
        <h1>{lang.fill(Key::PreviewTitle, &[("file", &p.file_name)])}</h1>
        {if ok {
            view! {
                <div class="notice notice-ok" role="status">
                    <p>{lang.fill(Key::PreviewReady, &[("n", &lang.number(rows))])}</p>
                </div>
            }
                .into_any()
        } else {
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{lang.fill(Key::PreviewProblems, &[("n", &lang.number(p.problem_count))])}</p>
                    <ul class="problems">
                        {p.problems.iter().map(|x| view! { <li>{problem_text(lang, x)}</li> }).collect_view()}
                    </ul>
                    {(p.problems.len() < p.problem_count)
                        .then(|| {
                            let n = lang.number(p.problems.len());
                            view! { <p>{lang.fill(Key::PreviewFirstProblems, &[("n", &n)])}</p> }
                        })}
                </div>
            }
                .into_any()
        }}
        <div class="actions">
            {ok.then(|| view! { <ActionButton action=format!("{base}/gem") label=lang.t(Key::SaveAll).to_owned() class="primary"/> })}
            <ActionButton action=format!("{base}/kasser") label=lang.t(Key::Discard).to_owned()/>
        </div>
        {(shown < rows)
            .then(|| {
                let args = [("n", lang.number(shown)), ("total", lang.number(rows))];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                view! { <p class="list-count">{lang.fill(Key::PreviewFirstRows, &args)}</p> }
            })}
        {(!p.bodies.is_empty())
            .then(|| {
                let columns = vec![Key::RowLabel, Key::BodyLabel, Key::GroupLabel, Key::UnitLabel, Key::EmailsLabel];
                let rows = p
                    .bodies
                    .iter()
                    .map(|b| vec![b.row.to_string(), b.name.clone(), b.group.clone(), b.unit.clone(), b.emails.join(", ")])
                    .collect();
                view! { <SheetRows columns=columns rows=rows/> }
            })}
        {(!p.items.is_empty())
            .then(|| {
                let columns = vec![
                    Key::RowLabel,
                    Key::SectionLabel,
                    Key::NumberLabel,
                    Key::ItemTextLabel,
                    Key::TypeLabel,
                    Key::OptionsLabel,
                    Key::RequiredLabel,
                    Key::ShowIfLabel,
                    Key::TranslationsLabel,
                ];
                let rows = p
                    .items
                    .iter()
                    .map(|i| {
                        let (kind, options) = match &i.kind {
                            Some(kind) => {
                                let options = kind.options().join(" | ");
                                let options = match kind.max_choices() {
                                    Some(n) => format!("{options} ({} {n})", lang.t(Key::MaxLabel).to_lowercase()),
                                    None => options,
                                };
                                (kind.sheet_name(), options)
                            }
                            None => ("", String::new()),
                        };
                        vec![
                            i.row.to_string(),
                            i.section.clone(),
                            i.code.clone(),
                            i.text.clone(),
                            kind.to_owned(),
                            options,
                            if i.required { lang.t(Key::YesWord).to_owned() } else { String::new() },
                            i.show_if
                                .as_ref()
                                .map(|c| format!("{} = {}", c.code, c.any_of.join(" | ")))
                                .unwrap_or_default(),
                            i.translations
                                .iter()
                                .map(|t| format!("{}: {}", t.lang, t.text))
                                .collect::<Vec<_>>()
                                .join(" · "),
                        ]
                    })
                    .collect();
                view! { <SheetRows columns=columns rows=rows/> }
            })}
    }
}

/// The sheet's rows as they will be saved, each with its row number in the sheet.
#[component]
fn SheetRows(columns: Vec<Key>, rows: Vec<Vec<String>>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <TableWrap label=lang.t(Key::PreviewRows)>
            <table>
                <thead>
                    <tr>{columns.into_iter().map(|k| view! { <th scope="col">{lang.t(k)}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|cells| view! { <tr>{cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}</tr> })
                        .collect_view()}
                </tbody>
            </table>
        </TableWrap>
    }
}
