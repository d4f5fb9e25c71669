//! One unit beside the whole municipality on one printed A4 page, for the leader to
//! take to the MED committee or the board: the unit's response rate next to the
//! whole's, and per question the unit's figure next to the whole's. Built from the
//! same report as the screen (`?institution=`), so the unit's cells are suppressed
//! exactly as they are among all units; free text is left out, since it is never
//! attributed to a unit.

use super::dialogue::dialogue_href;
use super::frame::AdminFrame;
use super::overview::rate_text;
use super::report::figure_line;
use super::series::SeriesLine;
use super::targets::{target_text, StandingText};
use super::{loaded, path_id, TableWrap};
use crate::api::admin_unit_sheet;
use crate::components::PageTitle;
use crate::i18n::Key;
use crate::model::listing::encode_query;
use crate::model::report::{suppressed_text, Report, Tally};
use crate::model::target::Standing;
use crate::model::ItemKind;
use crate::use_lang;
use crate::wire::{path, report};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn UnitSheetPage() -> impl IntoView {
    unit_report_page(|report, leader| view! { <UnitSheet report=report leader=leader/> }.into_any())
}

/// A page built on one unit's report (`:id`, `?institution=`): the unit's sheet and
/// its dialogue sheet read the same data behind the same guard. `sheet` gets the
/// report and whether a leader reads it.
pub fn unit_report_page(sheet: fn(Report, bool) -> AnyView) -> impl IntoView {
    let query = use_query_map();
    let id = path_id("id");
    let data = Resource::new(
        move || (id(), query.read().get(report::UNIT).unwrap_or_default()),
        |(id, unit)| admin_unit_sheet(id, unit),
    );
    view! {
        <AdminFrame render=move |s| {
            let leader = !s.user.role.reads_everything();
            loaded(data, move |report| sheet(report, leader)).into_any()
        }/>
    }
}

/// The sheet; `leader` when a leader reads it, who goes back to their own start page
/// (the report is not theirs to see).
#[component]
fn UnitSheet(report: Report, leader: bool) -> impl IntoView {
    let lang = use_lang();
    let back = format!("/admin/hoering/{}/rapport", report.consultation_id);
    let Some(unit) = report.query.unit.clone() else {
        return view! {
            <PageTitle text=lang.t(Key::UnitSheetTitle).to_owned()/>
            <h1>{lang.t(Key::UnitSheetTitle)}</h1>
            <p>{lang.t(Key::UnitSheetChoose)} " " <a href=back>{lang.t(Key::BackToReport)}</a></p>
        }
        .into_any();
    };
    let k = report.min_group_size;
    let own = report.columns.first().cloned();
    let figure = move |kind: &ItemKind, tally: &Option<Tally>| match tally {
        Some(t) if t.answered > 0 => figure_line(lang, kind, t),
        Some(_) => lang.t(Key::NoAnswers).to_owned(),
        None => suppressed_text(lang, k),
    };
    let unit_label = unit.clone();
    let whole_label = lang.t(Key::UnitSheetWhole);
    let rows = report
        .items
        .iter()
        .filter(|i| i.kind != ItemKind::Text)
        .map(|item| {
            let mine = item.breakdown.first().cloned().flatten();
            // A question with a target says it under the question, and where each
            // figure stands under the figure.
            let target = item.target.clone();
            let goal = target
                .clone()
                .map(|v| view! { <span class="target-line">{target_text(lang, &v)}</span> });
            let standing = move |s: Option<Standing>| {
                target
                    .is_some()
                    .then(|| view! { " " <StandingText standing=s/> })
            };
            // The change since the last edition of the series, in a few words.
            let trend = item.trend.clone();
            let change = move |unit: bool| {
                trend.as_ref().and_then(|t| {
                    t.change(unit).map(|c| {
                        view! {
                            " "
                            <span class="trend-short">
                                <span aria-hidden="true">{c.mark()} " "</span>
                                {c.short(t.measure, lang)}
                            </span>
                        }
                    })
                })
            };
            view! {
                <tr>
                    <th scope="row">
                        <span class="code">{item.code.clone()}</span> " " {item.text.clone()}
                        {goal}
                    </th>
                    <td data-label=unit_label.clone()>
                        {figure(&item.kind, &mine)}
                        {change(true)}
                        {standing(item.target.as_ref().and_then(|v| v.column))}
                    </td>
                    <td data-label=whole_label>
                        {figure(&item.kind, &item.overall)}
                        {change(false)}
                        {standing(item.target.as_ref().and_then(|v| v.whole))}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let in_query = encode_query(&[(report::UNIT, unit.clone())]);
    let (back, back_label) = if leader {
        (path::ADMIN.to_owned(), Key::BackToMyUnits)
    } else {
        (format!("{back}{in_query}"), Key::BackToReport)
    };
    let csv = format!(
        "{}{in_query}",
        path::export(report.consultation_id, "enhed.csv")
    );
    view! {
        <PageTitle text=format!("{unit} – {}", report.title)/>
        <article class="memo unit-sheet">
            <p class="screen-only hint">
                <a href=back>{lang.t(back_label)}</a>
                " · " {lang.t(Key::UnitPrintHint)}
            </p>
            <p class="screen-only">
                <a href=csv download="">{lang.t(Key::UnitCsvLink)}</a>
                " · "
                <a href=dialogue_href(report.consultation_id, &unit)>{lang.t(Key::DialogueLink)}</a>
            </p>
            <header class="memo-title">
                <p class="eyebrow">{report.title.clone()}</p>
                <h1>{unit.clone()}</h1>
                <p>{lang.t(Key::UnitSheetLead)}</p>
                <SeriesLine series=report.series.clone()/>
            </header>
            <dl class="unit-rates">
                <dt>{lang.fill(Key::UnitSheetRateOf, &[("unit", &unit)])}</dt>
                <dd>{own.map_or_else(|| rate_text(lang, 0, 0), |r| rate_text(lang, r.invited, r.submitted))}</dd>
                <dt>{lang.t(Key::UnitSheetRateAll)}</dt>
                <dd>{rate_text(lang, report.overall.invited, report.overall.submitted)}</dd>
            </dl>
            <TableWrap label=lang.t(Key::UnitSheetTitle)>
                <table class="unit-sheet-table">
                    <thead>
                        <tr>
                            <th scope="col">{lang.t(Key::QuestionCol)}</th>
                            <th scope="col">{unit.clone()}</th>
                            <th scope="col">{lang.t(Key::UnitSheetWhole)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableWrap>
            <p class="hint">{lang.t(Key::UnitSheetLegend)}</p>
            <p class="hint">{lang.fill(Key::UnitSheetNote, &[("k", &k.to_string())])}</p>
            <p class="memo-colophon">{lang.fill(Key::MemoGenerated, &[("at", &report.generated)])}</p>
        </article>
    }
    .into_any()
}
