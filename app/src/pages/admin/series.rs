//! Series on the pages: the consultation's card that puts it in a series and lists
//! what changed since the edition before, and an item's trend — a small chart drawn
//! on the server with the numbers in a table beside it (the table is what a screen
//! reader reads, and what prints), and the change since the last edition in words.

use super::{echo_for, Problems, TextField};
use crate::components::textarea_text;
use crate::i18n::{Key, Lang};
use crate::model::admin::{AdminConsultation, FormEcho};
use crate::model::series::{
    band, place, ItemSig, ItemTrend, Novelty, SeriesContext, SeriesPanel, QUESTIONS_MAX,
    QUESTION_MAX_CHARS,
};
use crate::use_lang;
use leptos::prelude::*;

/// The consultation's series: which one, its editions, what changed since the one
/// before, and (for the administration) the form that puts it in a series.
#[component]
pub fn SeriesCard(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let all_echo = echo.clone();
    let echo = echo_for(&echo, "series");
    let panel = c.series.clone().unwrap_or_default();
    let chosen = echo
        .as_ref()
        .and_then(|e| e.value("series").map(str::to_owned))
        .unwrap_or_else(|| {
            panel
                .current
                .as_ref()
                .map(|(id, _)| id.to_string())
                .unwrap_or_default()
        });
    let invalid = echo
        .as_ref()
        .is_some_and(|e| e.problems.iter().any(|p| p.field == "series"));
    let editions = (!panel.editions.is_empty()).then(|| {
        view! {
            <ol class="editions">
                {panel.editions.iter().map(|e| {
                    let here = e.id == c.id;
                    view! {
                        <li>
                            <a href=format!("/admin/hoering/{}", e.id) aria-current=here.then_some("page")>
                                {e.title.clone()}
                            </a>
                            " (" {e.label.clone()} ")"
                        </li>
                    }
                }).collect_view()}
            </ol>
        }
    });
    let form = c.may_edit.then(|| {
        let option = |value: String, text: String| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{text}</option> }
        };
        view! {
            <form method="post" action=format!("/admin/hoering/{}/serie", c.id) class="stack">
                <Problems echo=echo.clone()/>
                <div class="field">
                    <label for="f-series">{lang.t(Key::SeriesChoose)}</label>
                    <select id="f-series" name="series" aria-invalid=invalid.then_some("true")>
                        {option(String::new(), lang.t(Key::SeriesNone).to_owned())}
                        {panel.choices.iter().map(|(id, title)| option(id.to_string(), title.clone())).collect_view()}
                        {option("new".to_owned(), lang.t(Key::SeriesNewOption).to_owned())}
                    </select>
                </div>
                <TextField name="title" label=Key::SeriesNewTitle hint=Key::SeriesNewHint scope="series".into() echo=echo.clone()/>
                <button type="submit">{lang.t(Key::SeriesSave)}</button>
            </form>
        }
    });
    view! {
        <section class="card" id="serie" aria-labelledby="serie-h">
            <h2 id="serie-h">{lang.t(Key::SeriesTitle)}</h2>
            <p class="hint">{lang.t(Key::SeriesHint)}</p>
            {match &panel.current {
                Some((_, title)) => view! { <p>{lang.fill(Key::SeriesCurrent, &[("title", title)])}</p> }.into_any(),
                None => view! { <p>{lang.t(Key::SeriesNotInOne)}</p> }.into_any(),
            }}
            {editions}
            <Changes panel=panel.clone()/>
            {form}
            {panel.current.is_some().then(|| view! {
                <Questions id=c.id questions=panel.questions.clone() may_edit=c.may_edit echo=all_echo.clone()/>
            })}
        </section>
    }
}

/// The series' discussion questions, which every unit's dialogue sheet prints; for
/// the administration a form with one field per question.
#[component]
fn Questions(
    id: crate::model::ConsultationId,
    questions: Vec<String>,
    may_edit: bool,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&echo, "questions");
    if !may_edit {
        return view! {
            <h3>{lang.t(Key::SeriesQuestions)}</h3>
            {if questions.is_empty() {
                view! { <p class="hint">{lang.t(Key::SeriesQuestionsNone)}</p> }.into_any()
            } else {
                view! { <ol>{questions.into_iter().map(|q| view! { <li>{q}</li> }).collect_view()}</ol> }.into_any()
            }}
        }
        .into_any();
    }
    let fields = (1..=QUESTIONS_MAX).map(|n| {
        let name = format!("q{n}");
        let typed = echo
            .as_ref()
            .and_then(|e| e.value(&name).map(str::to_owned))
            .unwrap_or_else(|| questions.get(n - 1).cloned().unwrap_or_default());
        let invalid = echo
            .as_ref()
            .is_some_and(|e| e.problems.iter().any(|p| p.field == name));
        let field = format!("f-{name}");
        view! {
            <div class="field">
                <label for=field.clone()>{lang.fill(Key::SeriesQuestionLabel, &[("n", &n.to_string())])}</label>
                <textarea id=field name=name rows="2" maxlength=QUESTION_MAX_CHARS.to_string() aria-invalid=invalid.then_some("true")>
                    {textarea_text(&typed)}
                </textarea>
            </div>
        }
    });
    view! {
        <form method="post" action=format!("/admin/hoering/{id}/serie/spoergsmaal") class="stack series-questions">
            <h3>{lang.t(Key::SeriesQuestions)}</h3>
            <p class="hint">{lang.t(Key::SeriesQuestionsHint)}</p>
            <Problems echo=echo.clone()/>
            {fields.collect_view()}
            <button type="submit">{lang.t(Key::SeriesQuestionsSave)}</button>
        </form>
    }
    .into_any()
}

/// What changed since the edition before: new, reworded, rescaled and gone items.
#[component]
fn Changes(panel: SeriesPanel) -> impl IntoView {
    let lang = use_lang();
    let Some(previous) = panel.previous.clone() else {
        return panel
            .current
            .is_some()
            .then(|| view! { <p>{lang.t(Key::SeriesFirstEdition)}</p> })
            .into_any();
    };
    let lists = [
        (Key::SeriesNewItems, &panel.new),
        (Key::SeriesRewordedItems, &panel.reworded),
        (Key::SeriesRetypedItems, &panel.retyped),
        (Key::SeriesGoneItems, &panel.gone),
    ];
    if lists.iter().all(|(_, items)| items.is_empty()) {
        return view! { <p>{lang.fill(Key::SeriesSameItems, &[("since", &previous)])}</p> }
            .into_any();
    }
    view! {
        <h3>{lang.fill(Key::SeriesComparedWith, &[("since", &previous)])}</h3>
        {lists
            .into_iter()
            .filter(|(_, items)| !items.is_empty())
            .map(|(key, items)| view! { <ItemList heading=key items=items.clone()/> })
            .collect_view()}
    }
    .into_any()
}

#[component]
fn ItemList(heading: Key, items: Vec<ItemSig>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h4>{lang.fill(heading, &[("n", &items.len().to_string())])}</h4>
        <ul class="series-items">
            {items.into_iter().map(|i| view! { <li><span class="code">{i.code}</span> " " {i.text}</li> }).collect_view()}
        </ul>
    }
}

/// Chart size in px (the viewBox); drawn inside a margin so dots are not clipped.
const CHART_W: f32 = 132.0;
const CHART_H: f32 = 44.0;
const MARGIN: f32 = 5.0;

/// An item's trend: the chart, the numbers per edition (the whole's, and the unit's
/// when `unit` is named), and the change since the last edition in words.
#[component]
pub fn TrendFigure(
    trend: ItemTrend,
    #[prop(default = None)] unit: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let note = novelty_text(lang, &trend);
    if !trend.has_history() {
        return note
            .map(|n| view! { <p class="trend-note">{n}</p> })
            .into_any();
    }
    let measure = trend.measure;
    let whole: Vec<Option<i32>> = trend.points.iter().map(|p| p.whole).collect();
    let in_unit: Vec<Option<i32>> = trend.points.iter().map(|p| p.unit).collect();
    let both: Vec<Option<i32>> = whole
        .iter()
        .chain(unit.as_ref().map_or(&[][..], |_| &in_unit[..]))
        .copied()
        .collect();
    // One scale for both lines: the band is fitted to all their values.
    let band = band(measure, &both);
    let line = |values: &[Option<i32>]| {
        place(values, band, CHART_W, CHART_H)
            .into_iter()
            .map(|p| p.map(|(x, y)| (x + MARGIN, y + MARGIN)))
            .collect::<Vec<_>>()
    };
    let whole_line = line(&whole);
    let unit_line = unit.as_ref().map(|_| line(&in_unit));
    let changes = {
        let mut lines = vec![(None, trend.change(false))];
        if let Some(name) = &unit {
            lines.push((Some(name.clone()), trend.change(true)));
        }
        lines
            .into_iter()
            .filter_map(|(who, change)| change.map(|c| (who, c)))
            .map(|(who, c)| {
                let text = c.text(measure, lang);
                view! {
                    <p class="trend-change">
                        <span aria-hidden="true">{c.mark()} " "</span>
                        {who.map(|w| format!("{w}: "))}
                        {text}
                    </p>
                }
            })
            .collect_view()
    };
    let cell = |v: Option<i32>| v.map_or_else(|| "–".to_owned(), |v| measure.show(v, lang));
    view! {
        <figure class="trend">
            <svg
                class="trend-chart"
                viewBox=format!("0 0 {} {}", CHART_W + 2.0 * MARGIN, CHART_H + 2.0 * MARGIN)
                width=CHART_W + 2.0 * MARGIN
                height=CHART_H + 2.0 * MARGIN
                aria-hidden="true"
                focusable="false"
            >
                <text x="0" y="8" class="trend-axis">{band.1}</text>
                <text x="0" y=CHART_H + 2.0 * MARGIN - 1.0 class="trend-axis">{band.0}</text>
                <Polyline points=whole_line class="trend-whole"/>
                {unit_line.map(|l| view! { <Polyline points=l class="trend-unit"/> })}
            </svg>
            <table class="trend-table">
                <caption>{lang.fill(Key::TrendCaption, &[("measure", lang.t(measure.label()))])}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::TrendEdition)}</th>
                        <th scope="col" class="num">{lang.t(Key::UnitSheetWhole)}</th>
                        {unit.clone().map(|u| view! { <th scope="col" class="num">{u}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {trend.points.iter().map(|p| view! {
                        <tr>
                            <th scope="row">{p.edition.clone()}</th>
                            <td class="num">{cell(p.whole)}</td>
                            {unit.is_some().then(|| view! { <td class="num">{cell(p.unit)}</td> })}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <figcaption>
                {changes}
                {note.map(|n| view! { <p class="trend-note">{n}</p> })}
            </figcaption>
        </figure>
    }
    .into_any()
}

/// A line through the present points, broken where an edition has no figure, with a
/// dot on each (a lone figure is a dot alone).
#[component]
fn Polyline(points: Vec<Option<(f32, f32)>>, class: &'static str) -> impl IntoView {
    let mut runs: Vec<Vec<(f32, f32)>> = vec![Vec::new()];
    for p in &points {
        match p {
            Some(p) => runs.last_mut().into_iter().for_each(|r| r.push(*p)),
            None => runs.push(Vec::new()),
        }
    }
    let path = |run: &Vec<(f32, f32)>| {
        run.iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    view! {
        <g class=class>
            {runs.iter().filter(|r| r.len() > 1).map(|r| view! { <polyline points=path(r)/> }).collect_view()}
            {points.iter().flatten().map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="2.5"/> }).collect_view()}
        </g>
    }
}

/// What is new about the item in this edition, in words.
fn novelty_text(lang: Lang, trend: &ItemTrend) -> Option<String> {
    let since = trend.previous.clone().unwrap_or_default();
    match trend.novelty {
        Novelty::Same => None,
        Novelty::New if trend.previous.is_none() => None,
        Novelty::New => Some(lang.t(Key::TrendNew).to_owned()),
        Novelty::Reworded => Some(lang.fill(Key::TrendReworded, &[("since", &since)])),
        Novelty::Retyped => Some(lang.fill(Key::TrendRetyped, &[("since", &since)])),
    }
}

/// "Serie: Trivselsundersøgelsen – 2025, 2026", under a report's or memo's heading.
#[component]
pub fn SeriesLine(series: Option<SeriesContext>) -> impl IntoView {
    let lang = use_lang();
    series.map(|s| {
        let labels: Vec<String> = s.editions.iter().map(|e| e.label.clone()).collect();
        let line = format!(
            "{}: {} – {}",
            lang.t(Key::SeriesTitle),
            s.title,
            labels.join(", ")
        );
        view! { <p class="series-line">{line}</p> }
    })
}

/// The items the edition before asked and this one does not.
#[component]
pub fn GoneItems(series: Option<SeriesContext>) -> impl IntoView {
    let lang = use_lang();
    series
        .filter(|s| !s.gone.is_empty())
        .and_then(|s| s.previous.clone().map(|since| (s, since)))
        .map(|(s, since)| {
            view! {
                <section class="card" aria-labelledby="udgaaet">
                    <h2 id="udgaaet">{lang.fill(Key::SeriesGoneTitle, &[("since", &since)])}</h2>
                    <ul class="series-items">
                        {s.gone.into_iter().map(|i| view! { <li><span class="code">{i.code}</span> " " {i.text}</li> }).collect_view()}
                    </ul>
                </section>
            }
        })
}
