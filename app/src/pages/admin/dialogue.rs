//! The dialogue sheet: one printed A4 page per unit for its MED committee's or
//! board's meeting — the unit's response rate, its three strongest and three weakest
//! questions with their change since the last edition, the questions furthest below
//! their targets, and the administration's discussion questions for the series with
//! room to write. Read from the same data as the unit's sheet (`admin_unit_sheet`),
//! so a leader reaches only their own units' and every figure is suppressed as there.

use super::overview::rate_text;
use super::series::SeriesLine;
use super::targets::{target_text, StandingText};
use super::unit_sheet::unit_report_page;
use crate::components::PageTitle;
use crate::i18n::{Key, Lang};
use crate::model::dialogue::pick;
use crate::model::listing::encode_query;
use crate::model::report::{ItemReport, Report};
use crate::model::series::Measure;
use crate::use_lang;
use crate::wire::{path, report};
use leptos::prelude::*;

#[component]
pub fn DialogueSheetPage() -> impl IntoView {
    unit_report_page(|report, leader| {
        view! { <DialogueSheet report=report leader=leader/> }.into_any()
    })
}

/// The address of unit `unit`'s dialogue sheet in consultation `id`.
pub fn dialogue_href(id: crate::model::ConsultationId, unit: &str) -> String {
    format!(
        "/admin/hoering/{id}/dialogark{}",
        encode_query(&[(report::UNIT, unit.to_owned())])
    )
}

#[component]
fn DialogueSheet(report: Report, leader: bool) -> impl IntoView {
    let lang = use_lang();
    let Some(unit) = report.query.unit.clone() else {
        let back = format!("/admin/hoering/{}/rapport", report.consultation_id);
        return view! {
            <PageTitle text=lang.t(Key::DialogueTitle).to_owned()/>
            <h1>{lang.t(Key::DialogueTitle)}</h1>
            <p>{lang.t(Key::UnitSheetChoose)} " " <a href=back>{lang.t(Key::BackToReport)}</a></p>
        }
        .into_any();
    };
    let picks = pick(&report.items, true);
    let in_query = encode_query(&[(report::UNIT, unit.clone())]);
    let sheet = format!("/admin/hoering/{}/enhed{in_query}", report.consultation_id);
    let back = if leader {
        path::ADMIN.to_owned()
    } else {
        sheet.clone()
    };
    let own = report.columns.first().cloned();
    let listed = |indices: &[usize]| -> Vec<ItemReport> {
        indices.iter().map(|&i| report.items[i].clone()).collect()
    };
    let questions = report
        .series
        .as_ref()
        .map(|s| s.questions.clone())
        .unwrap_or_default();
    let hidden = picks.strongest.is_empty();
    let any_target = report.items.iter().any(|i| i.target.is_some());
    view! {
        <PageTitle text=format!("{} – {unit} – {}", lang.t(Key::DialogueTitle), report.title)/>
        <article class="memo dialogue-sheet">
            <p class="screen-only hint">
                <a href=back>{lang.t(if leader { Key::BackToMyUnits } else { Key::DialogueBack })}</a>
                " · " {lang.t(Key::UnitPrintHint)}
            </p>
            <header class="memo-title">
                <p class="eyebrow">{report.title.clone()}</p>
                <h1>{lang.t(Key::DialogueTitle)} ": " {unit.clone()}</h1>
                <SeriesLine series=report.series.clone()/>
                <p>{lang.t(Key::DialogueLead)}</p>
            </header>
            <dl class="unit-rates">
                <dt>{lang.fill(Key::UnitSheetRateOf, &[("unit", &unit)])}</dt>
                <dd>{own.map_or_else(|| rate_text(lang, 0, 0), |r| rate_text(lang, r.invited, r.submitted))}</dd>
                <dt>{lang.t(Key::UnitSheetRateAll)}</dt>
                <dd>{rate_text(lang, report.overall.invited, report.overall.submitted)}</dd>
            </dl>
            {if hidden {
                view! {
                    <p class="notice">{lang.fill(Key::DialogueTooFew, &[("unit", &unit), ("k", &report.min_group_size.to_string())])}</p>
                }
                    .into_any()
            } else {
                view! {
                    <div class="dialogue-lists">
                        <PickList heading=Key::DialogueStrongest items=listed(&picks.strongest) unit=unit.clone()/>
                        <PickList heading=Key::DialogueWeakest items=listed(&picks.weakest) unit=unit.clone()/>
                    </div>
                }
                    .into_any()
            }}
            <section class="dialogue-below">
                <h2>{lang.t(Key::DialogueBelow)}</h2>
                {if !any_target {
                    view! { <p class="hint">{lang.t(Key::DialogueNoTargets)}</p> }.into_any()
                } else if picks.below.is_empty() {
                    view! { <p>{lang.t(Key::DialogueNoneBelow)}</p> }.into_any()
                } else {
                    view! {
                        <ol>
                            {listed(&picks.below).into_iter().map(|item| view! { <BelowTarget item=item unit=unit.clone()/> }).collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </section>
            <section class="dialogue-questions">
                <h2>{lang.t(Key::DialogueQuestions)}</h2>
                {if questions.is_empty() {
                    view! { <p class="hint">{lang.t(Key::DialogueNoQuestions)}</p> }.into_any()
                } else {
                    view! {
                        <ol>
                            {questions.into_iter().map(|q| view! {
                                <li><p>{q}</p><div class="write-lines" aria-hidden="true"></div></li>
                            }).collect_view()}
                        </ol>
                    }
                        .into_any()
                }}
            </section>
            <p class="hint">{lang.fill(Key::UnitSheetNote, &[("k", &report.min_group_size.to_string())])}</p>
            <p class="memo-colophon">
                {lang.fill(Key::MemoGenerated, &[("at", &report.generated)])}
                <span class="screen-only">" · " <a href=sheet>{lang.t(Key::DialogueAllFigures)}</a></span>
            </p>
        </article>
    }
    .into_any()
}

/// The unit's figure of a strongest or weakest question, beside the whole's, and its
/// change since the last edition.
#[component]
fn PickList(heading: Key, items: Vec<ItemReport>, unit: String) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section>
            <h2>{lang.t(heading)}</h2>
            <ol class="pick-list">
                {items.into_iter().map(|item| {
                    let line = figure_line(lang, &item, &unit);
                    let change = item.trend.as_ref().and_then(|t| {
                        t.change(true).map(|c| view! {
                            <span class="trend-short">
                                <span aria-hidden="true">{c.mark()} " "</span>
                                {c.text(t.measure, lang)}
                            </span>
                        })
                    });
                    view! {
                        <li>
                            <p class="pick-text"><span class="code">{item.code.clone()}</span> " " {item.text.clone()}</p>
                            <p class="pick-figure">{line} " " {change}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// "Nordskolen: 62 % · hele kommunen: 70 %" in the figure the question is read by.
fn figure_line(lang: Lang, item: &ItemReport, unit: &str) -> String {
    let Some(measure) = Measure::of(&item.kind) else {
        return String::new();
    };
    let shown = |tally: Option<&crate::model::report::Tally>| {
        tally
            .and_then(|t| measure.value(&item.kind, t))
            .map_or_else(|| "–".to_owned(), |v| measure.show(v, lang))
    };
    lang.fill(
        Key::DialogueFigure,
        &[
            ("measure", lang.t(measure.label())),
            ("unit", unit),
            (
                "value",
                &shown(item.breakdown.first().and_then(Option::as_ref)),
            ),
            ("whole", &shown(item.overall.as_ref())),
        ],
    )
}

/// A question below its target: the target, where the unit stands, its figure.
#[component]
fn BelowTarget(item: ItemReport, unit: String) -> impl IntoView {
    let lang = use_lang();
    let figures = item.target.clone().map(|v| {
        let shown = |tally: Option<&crate::model::report::Tally>| {
            tally
                .and_then(|t| v.target.figure_text(&item.kind, t, lang))
                .unwrap_or_else(|| "–".to_owned())
        };
        let line = lang.fill(
            Key::DialogueFigure,
            &[
                ("measure", lang.t(v.target.metric.label())),
                ("unit", &unit),
                (
                    "value",
                    &shown(item.breakdown.first().and_then(Option::as_ref)),
                ),
                ("whole", &shown(item.overall.as_ref())),
            ],
        );
        view! { <StandingText standing=v.column/> " · " {target_text(lang, &v)} <br/> {line} }
    });
    view! {
        <li>
            <p class="pick-text"><span class="code">{item.code.clone()}</span> " " {item.text.clone()}</p>
            <p class="pick-figure">{figures}</p>
        </li>
    }
}
