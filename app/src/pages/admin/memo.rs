//! The hearing memo (høringsnotat / beslutningsgrundlag) for the committee's agenda:
//! an A4 print layout of the process, a summary table of every item, each item with
//! its tallies, comments and the administration's note, and the bodies that did not
//! answer as an appendix. The print stylesheet (`@media print`, `@page`) hides the
//! administration's chrome and numbers the pages.

use super::frame::AdminFrame;
use super::report::{
    column_names, CommentList, KeyFigures, MissingList, RatesTable, ReportOverview, TallyBar,
    TallyTable,
};
use super::series::{GoneItems, SeriesLine, TrendFigure};
use super::targets::TargetLine;
use super::{loaded, path_id, Loaded, TableWrap};
use crate::api::admin_memo;
use crate::components::PageTitle;
use crate::i18n::{Key, Lang};
use crate::model::report::{Report, Tally};
use crate::use_lang;
use leptos::prelude::*;

#[component]
pub fn MemoPage() -> impl IntoView {
    let data = Resource::new(path_id("id"), admin_memo);
    view! { <AdminFrame render=move |_| view! { <MemoLoader data=data/> }.into_any()/> }
}

#[component]
fn MemoLoader(data: Loaded<Report>) -> impl IntoView {
    loaded(data, |report| view! { <Memo report=report/> }.into_any())
}

/// "5/1/0/2": a tally in the summary table's compact form; "–" where it is
/// suppressed (the item's own table says why).
fn compact(tally: &Option<Tally>) -> String {
    match tally {
        Some(tally) => tally
            .cells()
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join("/"),
        None => "–".to_owned(),
    }
}

#[component]
fn Memo(report: Report) -> impl IntoView {
    let lang = use_lang();
    let names = column_names(lang, &report);
    let process = lang.fill(
        Key::MemoProcessText,
        &[
            ("invited", &report.overall.invited.to_string()),
            ("deadline", &report.deadline),
            ("answered", &report.overall.submitted.to_string()),
            ("rate", &report.overall.percent().to_string()),
        ],
    );
    view! {
        <PageTitle text=format!("{} – {}", lang.t(Key::MemoTitle), report.title)/>
        <article class="memo">
            <p class="screen-only hint">
                <a href=format!("/admin/hoering/{}/rapport", report.consultation_id)>{lang.t(Key::BackToReport)}</a>
                " · " {lang.t(Key::MemoPrintHint)}
            </p>
            <header class="memo-title">
                <p class="eyebrow">{lang.t(Key::MemoTitle)}</p>
                <h1>{report.title.clone()}</h1>
                <SeriesLine series=report.series.clone()/>
            </header>
            <ReportOverview report=report.clone()/>
            <section class="memo-process">
                <h2>{lang.t(Key::MemoProcess)}</h2>
                <p>{process}</p>
                {report.opened.clone().map(|at| view! { <p>{lang.fill(Key::MemoOpened, &[("at", &at)])}</p> })}
                <RatesTable overall=report.overall.clone() columns=report.columns.clone() names=names.clone()/>
            </section>
            <section class="memo-summary">
                <h2>{lang.t(Key::MemoSummary)}</h2>
                <p class="hint">{lang.t(Key::MemoLegend)} " " {lang.t(Key::RoundingNote)}</p>
                <SummaryTable report=report.clone() names=names.clone()/>
            </section>
            <section class="memo-items">
                <h2>{lang.t(Key::MemoItems)}</h2>
                {report.items.iter().map(|item| {
                    let note = item.note.clone();
                    view! {
                        <section class="memo-item" id=format!("punkt-{}", item.id)>
                            <p class="eyebrow">{item.section.clone()}</p>
                            <h3>{format!("{} {}", item.code, item.text)}</h3>
                            <TallyBar
                                tally=item.overall.clone()
                                kind=item.kind.clone()
                                min_group_size=report.min_group_size
                            />
                            <KeyFigures kind=item.kind.clone() tally=item.overall.clone()/>
                            {item.target.clone().map(|v| view! { <TargetLine view=v/> })}
                            {item.trend.clone().map(|t| view! { <TrendFigure trend=t/> })}
                            <TallyTable
                                label=format!("{} {}", item.code, item.text)
                                names=names.clone()
                                kind=item.kind.clone()
                                breakdown=item.breakdown.clone()
                                overall=item.overall.clone()
                                min_group_size=report.min_group_size
                            />
                            <h4>{lang.fill(Key::CommentsCount, &[("n", &item.comment_count.to_string())])}</h4>
                            <CommentList comments=item.comments.clone()/>
                            <div class="memo-note">
                                <h4>{lang.t(Key::AdminNote)}</h4>
                                {if note.is_empty() {
                                    view! { <p class="hint">{lang.t(Key::NoNote)}</p> }.into_any()
                                } else {
                                    view! { <p class="note-text">{note}</p> }.into_any()
                                }}
                            </div>
                        </section>
                    }
                }).collect_view()}
            </section>
            <GoneItems series=report.series.clone()/>
            <section class="memo-general">
                <h2>{lang.t(Key::GeneralComments)}</h2>
                <CommentList comments=report.general_comments.clone()/>
            </section>
            <section class="memo-appendix">
                <h2>{lang.t(Key::MemoAppendix)}</h2>
                <MissingList report=report.clone()/>
            </section>
            <p class="memo-colophon">{lang.fill(Key::MemoGenerated, &[("at", &report.generated)])}</p>
        </article>
    }
    .into_any()
}

/// Every item in one table: the overall tally and each group's, compactly.
#[component]
fn SummaryTable(report: Report, names: Vec<String>) -> impl IntoView {
    let lang: Lang = use_lang();
    let letters = lang.t(Key::MemoLetters);
    view! {
        <TableWrap label=lang.t(Key::MemoSummary)>
        <table class="memo-summary-table">
            <thead>
                <tr>
                    <th scope="col">{lang.t(Key::ExportNumber)}</th>
                    <th scope="col">{lang.t(Key::ProposalCol)}</th>
                    <th scope="col" class="num">{lang.t(Key::ExportAll)} <br/> <span class="share">{letters}</span></th>
                    {names.iter().map(|n| view! {
                        <th scope="col" class="num">{n.clone()} <br/> <span class="share">{letters}</span></th>
                    }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {report.items.iter().map(|item| view! {
                    <tr>
                        <td>{item.code.clone()}</td>
                        <td>{item.text.clone()}</td>
                        <td class="num">{compact(&item.overall)}</td>
                        {item.breakdown.iter().map(|t| view! { <td class="num">{compact(t)}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </TableWrap>
    }
    .into_any()
}
