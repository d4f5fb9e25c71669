//! The decision material on screen: rates, every item's tallies overall and per group
//! (or unit) as stacked bars with the numbers as text, the comments, and the
//! administration's note per item. Order, filter and breakdown come from the query
//! string, so a plain GET form works without JavaScript and links can be shared.

use super::frame::{AdminFrame, Session};
use super::overview::rate_text;
use super::series::{GoneItems, SeriesLine, TrendFigure};
use super::targets::{AreaTargets, ItemTarget};
use super::{echo_for, loaded, path_id, Loaded, Problems, TableWrap};
use crate::api::admin_report;
use crate::components::{textarea_text, PageTitle};
use crate::html::escape;
use crate::i18n::{Key, Lang};
use crate::model::admin::{FormEcho, Rate};
use crate::model::listing::{encode_query, BodyFilter, BodyQuery};
use crate::model::report::{
    key_figures, suppressed_text, Breakdown, CommentEntry, ItemReport, KeyFigure, Report,
    ReportQuery, ReportSort, Standing, Tally, GENERAL,
};
use crate::model::{ItemId, ItemKind, LangTag};
use crate::use_lang;
use crate::wire::report;
use leptos::prelude::*;
use leptos_router::components::Form;
use leptos_router::hooks::use_query_map;

/// The report as the reader sees it now, with the comments of `target` (an item, or
/// [`GENERAL`]) shown, scrolled to `anchor`.
fn expand_href(base: &str, query: &ReportQuery, target: ItemId, anchor: &str) -> String {
    let mut pairs = vec![
        (report::SORT, query.sort.as_str().to_owned()),
        (report::BREAKDOWN, query.breakdown.value()),
        (report::EXPAND, target.to_string()),
    ];
    if let Some(group) = &query.group {
        pairs.push((report::GROUP, group.clone()));
    }
    if let Some(unit) = &query.unit {
        pairs.push((report::UNIT, unit.clone()));
    }
    format!("{base}/rapport{}#{anchor}", encode_query(&pairs))
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let query = use_query_map();
    let id = path_id("id");
    let data = Resource::new(
        move || (id(), read_query(&query.read())),
        |(id, query)| admin_report(id, query),
    );
    view! { <AdminFrame render=move |s| view! { <ReportLoader session=s data=data/> }.into_any()/> }
}

/// The query string as a report query; anything unknown falls back to the default.
fn read_query(query: &leptos_router::params::ParamsMap) -> ReportQuery {
    ReportQuery {
        sort: ReportSort::parse(&query.get(report::SORT).unwrap_or_default()),
        breakdown: Breakdown::parse(&query.get(report::BREAKDOWN).unwrap_or_default()),
        group: query.get(report::GROUP).filter(|g| !g.is_empty()),
        unit: query.get(report::UNIT).filter(|u| !u.is_empty()),
        expand: query.get(report::EXPAND).and_then(|v| v.parse().ok()),
    }
}

#[component]
fn ReportLoader(session: Session, data: Loaded<Report>) -> impl IntoView {
    let echo = session.echo;
    loaded(data, move |report| {
        view! { <ReportView report=report echo=echo.clone()/> }.into_any()
    })
}

#[component]
fn ReportView(report: Report, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}", report.consultation_id);
    let column_names = column_names(lang, &report);
    let note_echo = echo_for(&echo, "note");
    let target_echo = echo_for(&echo, "target");
    let by_answer =
        matches!(report.query.breakdown, Breakdown::Answer(_)) && report.query.unit.is_none();
    view! {
        <PageTitle text=format!("{} – {}", lang.t(Key::ReportTitle), report.title) error=echo.is_some()/>
        <header class="consultation-header">
            <p class="eyebrow"><a href=base.clone()>{report.title.clone()}</a></p>
            <h1>{lang.t(Key::ReportTitle)} ": " {report.title.clone()}</h1>
            <p>
                {lang.t(if report.survey { Key::SurveyDeadlineLabel } else { Key::DeadlineLabel })} ": "
                {report.deadline.clone()}
            </p>
            <SeriesLine series=report.series.clone()/>
            <p class="rate-line">
                {lang.t(Key::ResponseRate)} ": "
                <strong>{rate_text(lang, report.overall.invited, report.overall.submitted)}</strong>
            </p>
        </header>
        <ReportOverview report=report.clone()/>
        <section class="card report-tools" aria-label=lang.t(Key::ExportsTitle)>
            <p>
                <a class="button primary" href=format!("{base}/notat")>
                    {lang.t(if report.survey { Key::SurveyMemoLink } else { Key::MemoLink })}
                </a>
            </p>
            <Downloads base=base.clone() survey=report.survey/>
        </section>
        <ReportFilter report=report.clone()/>
        {report.query.unit.clone().map(|unit| {
            let href = format!("{base}/enhed{}", encode_query(&[(report::UNIT, unit)]));
            view! { <p class="card unit-sheet-link"><a class="button" href=href>{lang.t(Key::UnitSheetLink)}</a></p> }
        })}
        <section class="card" aria-labelledby="rates">
            <h2 id="rates">{lang.t(Key::ResponseRate)}</h2>
            // Nobody is invited to an answer: broken down by a background question,
            // the rates are the whole's only.
            {if by_answer {
                view! { <RatesTable overall=report.overall.clone() columns=Vec::new() names=Vec::new()/> }
            } else {
                view! { <RatesTable overall=report.overall.clone() columns=report.columns.clone() names=column_names.clone()/> }
            }}
        </section>
        <AreaTargets
            areas=report.areas.clone()
            base=base.clone()
            can_edit=report.can_edit_notes
            echo=target_echo.clone()
        />
        <p class="hint">{lang.t(Key::RoundingNote)}</p>
        {report
            .items
            .iter()
            .map(|item| {
                view! {
                    <ItemSection
                        item=item.clone()
                        names=column_names.clone()
                        base=base.clone()
                        query=report.query.clone()
                        can_edit=report.can_edit_notes
                        echo=note_echo.clone()
                        target_echo=target_echo.clone()
                        min_group_size=report.min_group_size
                    />
                }
            })
            .collect_view()}
        <GoneItems series=report.series.clone()/>
        <section class="card" aria-labelledby="general">
            <h2 id="general">{lang.t(Key::GeneralComments)}</h2>
            {if report.general_comments.len() < report.general_comment_count as usize {
                let n = report.general_comment_count.to_string();
                view! {
                    <p>{lang.fill(Key::CommentsCount, &[("n", &n)])}</p>
                    <p><a href=expand_href(&base, &report.query, GENERAL, "general")>{lang.fill(Key::ShowAllComments, &[("n", &n)])}</a></p>
                }
                    .into_any()
            } else {
                view! { <CommentList comments=report.general_comments.clone()/> }.into_any()
            }}
        </section>
        <section class="card" aria-labelledby="missing">
            <h2 id="missing">{lang.t(Key::MissingTitle)}</h2>
            <MissingList report=report.clone()/>
        </section>
    }
    .into_any()
}

/// The column headings: group or unit names, a blank unit named as such.
pub fn column_names(lang: Lang, report: &Report) -> Vec<String> {
    report
        .columns
        .iter()
        .map(|c| {
            if c.name.is_empty() {
                lang.t(Key::WithoutUnit).to_owned()
            } else {
                c.name.clone()
            }
        })
        .collect()
}

#[component]
fn Downloads(
    base: String,
    /// A survey's answers are read only as counts (each person's answers could name
    /// them in a small unit), and it has no general comments.
    survey: bool,
) -> impl IntoView {
    let lang = use_lang();
    if survey {
        return view! {
            <h2>{lang.t(Key::ExportsTitle)}</h2>
            <ul class="downloads">
                <li><a href=format!("{base}/eksport/opsummering.csv") download>{lang.t(Key::ExportSummaryCsv)}</a></li>
                <li><a href=format!("{base}/eksport/beslutningsgrundlag.xlsx") download>{lang.t(Key::ExportSurveyXlsx)}</a></li>
                <li>
                    <a href=format!("{base}/eksport/opsummering.csv?format=standard") download>
                        {lang.t(Key::ExportSummaryShort)} " (" {lang.t(Key::ExportStandardShort)} ")"
                    </a>
                </li>
            </ul>
        }
        .into_any();
    }
    view! {
        <h2>{lang.t(Key::ExportsTitle)}</h2>
        <ul class="downloads">
            <li><a href=format!("{base}/eksport/svar.csv") download>{lang.t(Key::ExportAnswersCsv)}</a></li>
            <li><a href=format!("{base}/eksport/opsummering.csv") download>{lang.t(Key::ExportSummaryCsv)}</a></li>
            <li><a href=format!("{base}/eksport/generelle-kommentarer.csv") download>{lang.t(Key::ExportGeneralCsv)}</a></li>
            <li><a href=format!("{base}/eksport/beslutningsgrundlag.xlsx") download>{lang.t(Key::ExportXlsx)}</a></li>
        </ul>
        <p class="hint">
            {lang.t(Key::ExportStandardHint)} " "
            <a href=format!("{base}/eksport/svar.csv?format=standard") download>{lang.t(Key::ExportAnswersShort)}</a>
            ", "
            <a href=format!("{base}/eksport/opsummering.csv?format=standard") download>{lang.t(Key::ExportSummaryShort)}</a>
            ", "
            <a href=format!("{base}/eksport/generelle-kommentarer.csv?format=standard") download>
                {lang.t(Key::ExportGeneralShort)}
            </a>
        </p>
    }
    .into_any()
}

/// Order, group filter and breakdown: a GET form, so it works without JavaScript; with
/// it, the router navigates without a reload.
#[component]
fn ReportFilter(report: Report) -> impl IntoView {
    let lang = use_lang();
    let q = report.query.clone();
    let selected_group = q.group.clone().unwrap_or_default();
    let selected_unit = q.unit.clone().unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="filter">
            <h2 id="filter" class="visually-hidden">{lang.t(Key::ShowButton)}</h2>
            <Form method="get" action="">
                <div class="filter-row">
                    <div class="field">
                        <label for="f-sortering">{lang.t(Key::SortLabel)}</label>
                        <select id="f-sortering" name=report::SORT>
                            <option value="katalog" selected=q.sort == ReportSort::Catalogue>{lang.t(Key::SortCatalogue)}</option>
                            <option value="omstridt" selected=q.sort == ReportSort::Contested>{lang.t(Key::SortContested)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-gruppe">{lang.t(Key::GroupFilterLabel)}</label>
                        <select id="f-gruppe" name=report::GROUP>
                            <NamedOptions all=lang.t(Key::AllGroups) names=report.groups.clone() selected=selected_group/>
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-opdeling">{lang.t(Key::BreakdownLabel)}</label>
                        <select id="f-opdeling" name=report::BREAKDOWN>
                            <option value="gruppe" selected=q.breakdown == Breakdown::Group>{lang.t(Key::BreakdownGroup)}</option>
                            <option value="enhed" selected=q.breakdown == Breakdown::Unit>{lang.t(Key::BreakdownUnit)}</option>
                            {report
                                .background_items
                                .iter()
                                .map(|(item, text)| {
                                    let by = Breakdown::Answer(*item);
                                    let label = lang.fill(Key::BreakdownAnswer, &[("question", text)]);
                                    view! { <option value=by.value() selected=q.breakdown == by>{label}</option> }
                                })
                                .collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="f-institution">{lang.t(Key::UnitBesideLabel)}</label>
                        <select id="f-institution" name=report::UNIT>
                            <NamedOptions all=lang.t(Key::UnitBesideNone) names=report.units.clone() selected=selected_unit/>
                        </select>
                    </div>
                    <button type="submit">{lang.t(Key::ShowButton)}</button>
                </div>
            </Form>
            {(q.sort == ReportSort::Contested).then(|| view! { <p class="hint" id="definition">{lang.t(Key::ContestedDefinition)}</p> })}
        </section>
    }
    .into_any()
}

/// A select's options: "all" (the empty value), then each name, `selected` chosen.
#[component]
fn NamedOptions(all: &'static str, names: Vec<String>, selected: String) -> impl IntoView {
    view! {
        <option value="" selected=selected.is_empty()>{all}</option>
        {names
            .into_iter()
            .map(|n| view! { <option value=n.clone() selected=n == selected>{n.clone()}</option> })
            .collect_view()}
    }
}

#[component]
pub fn RatesTable(overall: Rate, columns: Vec<Rate>, names: Vec<String>) -> impl IntoView {
    let lang = use_lang();
    let row = move |name: String, r: &Rate, total: bool| {
        view! {
            <tr class:total=total>
                <th scope="row">{name}</th>
                <td class="num">{r.invited}</td>
                <td class="num">{r.submitted}</td>
                <td class="num">{r.percent()} " %"</td>
            </tr>
        }
    };
    view! {
        <TableWrap label=lang.t(Key::ResponseRate)>
            <table class="rate-table">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{lang.t(Key::BreakdownHeader)}</span></th>
                        <th scope="col" class="num">{lang.t(Key::InvitedCol)}</th>
                        <th scope="col" class="num">{lang.t(Key::AnsweredCol)}</th>
                        <th scope="col" class="num">{lang.t(Key::ResponseRate)}</th>
                    </tr>
                </thead>
                <tbody>
                    {columns.iter().zip(names).map(|(r, n)| row(n, r, false)).collect_view()}
                    {row(lang.t(Key::ExportAll).to_owned(), &overall, true)}
                </tbody>
            </table>
        </TableWrap>
    }
    .into_any()
}

/// The answer categories of `kind` and "ikke besvaret", as a row's cells are labelled.
pub fn cell_labels(lang: Lang, kind: &ItemKind) -> Vec<(String, String)> {
    kind.buckets()
        .iter()
        .enumerate()
        .map(|(i, b)| (b.label(lang), b.css_key(i)))
        .chain([(lang.t(Key::NotAnswered).to_owned(), "unanswered".to_owned())])
        .collect()
}

/// A stacked bar of the answer categories, drawn on the server. The segments carry
/// their share as text where there is room, and the whole bar is labelled with the
/// counts, so neither colour nor sight is needed to read it. A suppressed tally is
/// its message, with no figure.
#[component]
pub fn TallyBar(tally: Option<Tally>, kind: ItemKind, min_group_size: u32) -> impl IntoView {
    let lang = use_lang();
    let Some(tally) = tally else {
        return view! { <p class="no-answers">{suppressed_text(lang, min_group_size)}</p> }
            .into_any();
    };
    if tally.total() == 0 {
        return view! { <p class="no-answers">{lang.t(Key::NoAnswers)}</p> }.into_any();
    }
    let labels = cell_labels(lang, &kind);
    let label = labels
        .iter()
        .zip(tally.cells())
        .map(|((answer, _), n)| {
            lang.fill(Key::BarPart, &[("answer", answer), ("n", &n.to_string())])
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut x = 0u32;
    let segments: Vec<_> = labels
        .iter()
        .zip(tally.percents())
        .filter(|(_, p)| *p > 0)
        .map(|((_, key), p)| {
            let start = x;
            x += p;
            // Drawn in percentages of a bar without a viewBox, so the text keeps its
            // shape however wide the bar is drawn (a stretched viewBox squashed it in
            // print); shown where it fits — the table below has every number.
            let text = (p >= 12).then(|| {
                view! {
                    <text
                        x=format!("{}%", f64::from(start) + f64::from(p) / 2.0)
                        y="50%"
                        dominant-baseline="central"
                        text-anchor="middle"
                    >
                        {format!("{p} %")}
                    </text>
                }
            });
            view! {
                <g class=format!("seg seg-{key}")>
                    <rect x=format!("{start}%") y="0" width=format!("{p}%") height="100%"></rect>
                    {text}
                </g>
            }
        })
        .collect();
    view! {
        <svg class="bar" role="img" aria-label=label.clone()>
            <title>{label.clone()}</title>
            {segments}
        </svg>
    }
    .into_any()
}

/// At the top of the report and the memo: the response rate, and how many proposals
/// have broad support, are contested or mostly opposed — each count a link to its
/// list, each list's proposals links to their tallies — with the rule stated.
#[component]
pub fn ReportOverview(report: Report) -> impl IntoView {
    let lang = use_lang();
    let rate = view! {
        <h2 id="overblik">{lang.t(Key::OverviewTitle)}</h2>
        <p class="rate-line">
            {lang.t(Key::ResponseRate)} ": "
            <strong>{rate_text(lang, report.overall.invited, report.overall.submitted)}</strong>
        </p>
    };
    if report.survey {
        return view! {
            <section class="card overview" aria-labelledby="overblik">
                {rate}
                <p class="hint">
                    {lang.fill(Key::SurveyOverviewRule, &[("k", &report.min_group_size.to_string())])}
                </p>
            </section>
        }
        .into_any();
    }
    let lists: Vec<(Standing, Vec<(ItemId, String)>)> = Standing::ALL
        .into_iter()
        .map(|standing| {
            let items = report
                .items
                .iter()
                .filter(|item| item.overall.as_ref().map(Standing::of) == Some(standing))
                .map(|item| (item.id, format!("{} {}", item.code, item.text)))
                .collect();
            (standing, items)
        })
        .collect();
    view! {
        <section class="card overview" aria-labelledby="overblik">
            {rate}
            <ul class="standings">
                {lists
                    .iter()
                    .filter(|(standing, items)| *standing != Standing::NoPositions || !items.is_empty())
                    .map(|(standing, items)| {
                        view! {
                            <li class=format!("standing standing-{}", standing.anchor())>
                                <a href=format!("#{}", standing.anchor())>
                                    <strong>{lang.fill(Key::StandingCount, &[("n", &items.len().to_string())])}</strong>
                                    " " {lang.t(standing.label()).to_lowercase()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="hint">{lang.t(Key::OverviewRule)}</p>
            {lists
                .into_iter()
                .filter(|(_, items)| !items.is_empty())
                .map(|(standing, items)| {
                    view! {
                        <section class="standing-list" id=standing.anchor()>
                            <h3>{format!("{} ({})", lang.t(standing.label()), items.len())}</h3>
                            <ul>
                                {items
                                    .into_iter()
                                    .map(|(id, text)| view! { <li><a href=format!("#punkt-{id}")>{text}</a></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
    .into_any()
}

/// A survey item's share positive and mean, or its NPS, as a line of text.
#[component]
pub fn KeyFigures(kind: ItemKind, tally: Option<Tally>) -> impl IntoView {
    let lang = use_lang();
    let keys = [Key::FigureSharePositive, Key::FigureMean, Key::FigureNps];
    let text = tally
        .map(|t| key_figure_text(lang, &kind, &t, keys))
        .unwrap_or_default();
    (!text.is_empty()).then(|| view! { <p class="key-figures">{text}</p> })
}

/// The key figures of a tally as one line of text, in the words of `keys` (share
/// positive, mean, NPS); empty for a kind that has none.
fn key_figure_text(lang: Lang, kind: &ItemKind, tally: &Tally, keys: [Key; 3]) -> String {
    key_figures(kind, tally)
        .into_iter()
        .map(|f| match f {
            KeyFigure::SharePositive(p) => lang.fill(keys[0], &[("p", &p.to_string())]),
            KeyFigure::Mean(mean) => lang.fill(keys[1], &[("mean", &lang.decimal(mean, 1))]),
            KeyFigure::Nps(score) => lang.fill(keys[2], &[("score", &format!("{score:+}"))]),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A tally in one short line, for a table cell: its key figures ("72 % positive ·
/// gns. 3,9"), or — for a kind without them — each answer category with its share
/// ("Skole 54 % · Dagtilbud 46 %").
pub fn figure_line(lang: Lang, kind: &ItemKind, tally: &Tally) -> String {
    let keys = [
        Key::FigureSharePositiveShort,
        Key::FigureMeanShort,
        Key::FigureNpsShort,
    ];
    let figures = key_figure_text(lang, kind, tally, keys);
    if !figures.is_empty() {
        return figures;
    }
    cell_labels(lang, kind)
        .into_iter()
        .zip(tally.percents())
        .take(kind.buckets().len())
        .map(|((label, _), p)| format!("{label} {p} %"))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// One item's counts per column of the breakdown and in all. The rows are written as
/// HTML text: broken down by unit, a hearing's report has 42 tables of 50 rows, and
/// as views their tens of thousands of nodes took the page past 100 ms.
#[component]
pub fn TallyTable(
    label: String,
    names: Vec<String>,
    kind: ItemKind,
    breakdown: Vec<Option<Tally>>,
    overall: Option<Tally>,
    min_group_size: u32,
) -> impl IntoView {
    let lang = use_lang();
    let labels = cell_labels(lang, &kind);
    let row = TallyRow {
        lang,
        width: labels.len(),
        hidden: suppressed_text(lang, min_group_size),
    };
    let mut rows = String::new();
    for (name, tally) in names.iter().zip(&breakdown) {
        row.write(&mut rows, name, tally.as_ref(), "");
    }
    row.write(
        &mut rows,
        lang.t(Key::ExportAll),
        overall.as_ref(),
        " class=\"total\"",
    );
    view! {
        <TableWrap label=label>
            <table class="tally-table">
                <thead>
                    <tr>
                        <th scope="col"><span class="visually-hidden">{lang.t(Key::BreakdownHeader)}</span></th>
                        {labels
                            .into_iter()
                            .map(|(answer, _)| view! { <th scope="col" class="num">{answer}</th> })
                            .collect_view()}
                    </tr>
                </thead>
                <tbody inner_html=rows></tbody>
            </table>
        </TableWrap>
    }
}

/// How a row of [`TallyTable`] is written: each category's count and share, "no
/// answers", or the suppression message.
struct TallyRow {
    lang: Lang,
    width: usize,
    hidden: String,
}

impl TallyRow {
    fn write(&self, html: &mut String, name: &str, tally: Option<&Tally>, class: &str) {
        use std::fmt::Write;
        let _ = write!(html, "<tr{class}><th scope=\"row\">{}</th>", escape(name));
        match tally {
            Some(tally) if tally.total() > 0 => {
                for (n, p) in tally.cells().into_iter().zip(tally.percents()) {
                    let _ = write!(
                        html,
                        "<td class=\"num\">{n} <span class=\"share\">({p} %)</span></td>"
                    );
                }
            }
            _ => {
                let text = match tally {
                    None => self.hidden.as_str(),
                    Some(_) => self.lang.t(Key::NoAnswers),
                };
                let _ = write!(
                    html,
                    "<td colspan=\"{}\" class=\"no-answers\">{}</td>",
                    self.width,
                    escape(text)
                );
            }
        }
        html.push_str("</tr>");
    }
}

#[component]
fn ItemSection(
    item: ItemReport,
    names: Vec<String>,
    base: String,
    query: ReportQuery,
    can_edit: bool,
    echo: Option<FormEcho>,
    target_echo: Option<FormEcho>,
    min_group_size: u32,
) -> impl IntoView {
    let lang = use_lang();
    let anchor = format!("punkt-{}", item.id);
    let heading = format!("{anchor}-h");
    let expanded = query.expand == Some(item.id);
    let more = item.comment_count as usize > item.comments.len();
    let expand_href = expand_href(&base, &query, item.id, &anchor);
    let my_echo = echo.filter(|e| e.value("item") == Some(&item.id.to_string()));
    view! {
        <section class="card report-item" id=anchor.clone() aria-labelledby=heading.clone()>
            <p class="eyebrow">{item.section.clone()}</p>
            <h2 id=heading.clone()>{format!("{} {}", item.code, item.text)}</h2>
            <TallyBar tally=item.overall.clone() kind=item.kind.clone() min_group_size=min_group_size/>
            <KeyFigures kind=item.kind.clone() tally=item.overall.clone()/>
            <ItemTarget
                item=item.id
                kind=item.kind.clone()
                view=item.target.clone()
                base=base.clone()
                can_edit=can_edit
                echo=target_echo
            />
            {item.trend.clone().map(|t| view! { <TrendFigure trend=t unit=query.unit.clone()/> })}
            <TallyTable
                label=format!("{} {}", item.code, item.text)
                names=names
                kind=item.kind.clone()
                breakdown=item.breakdown.clone()
                overall=item.overall.clone()
                min_group_size=min_group_size
            />
            <details class="comments" open=expanded>
                <summary>{lang.fill(Key::CommentsCount, &[("n", &item.comment_count.to_string())])}</summary>
                {(!more).then(|| view! { <CommentList comments=item.comments.clone()/> })}
                {more.then(|| view! {
                    <p><a href=expand_href.clone()>{lang.fill(Key::ShowAllComments, &[("n", &item.comment_count.to_string())])}</a></p>
                })}
            </details>
            <div class="note">
                <h3>{lang.t(Key::AdminNote)}</h3>
                {if can_edit {
                    let text = my_echo
                        .as_ref()
                        .and_then(|e| e.value("note").map(str::to_owned))
                        .unwrap_or_else(|| item.note.clone());
                    let field = format!("note-{}", item.id);
                    view! {
                        <form method="post" action=format!("{base}/rapport/bemaerkning") class="note-form">
                            <Problems echo=my_echo.clone()/>
                            <input type="hidden" name="item" value=item.id.to_string()/>
                            <label for=field.clone() class="visually-hidden">{lang.t(Key::AdminNote)}</label>
                            <textarea id=field name="note" rows="4" maxlength="10000">{textarea_text(&text)}</textarea>
                            <button type="submit">{lang.t(Key::SaveNote)}</button>
                        </form>
                    }
                        .into_any()
                } else if item.note.is_empty() {
                    view! { <p class="hint">{lang.t(Key::NoNote)}</p> }.into_any()
                } else {
                    view! { <p class="note-text">{item.note.clone()}</p> }.into_any()
                }}
            </div>
        </section>
    }
    .into_any()
}

/// Comments with who wrote them and what they answered.
#[component]
pub fn CommentList(comments: Vec<CommentEntry>) -> impl IntoView {
    let lang = use_lang();
    if comments.is_empty() {
        return view! { <p class="hint">{lang.t(Key::NoComments)}</p> }.into_any();
    }
    view! {
        <ul class="comment-list">
            {comments
                .into_iter()
                .map(|c| {
                    // Free text written on a translated page says in which language,
                    // and is marked up in it, so a screen reader reads it right.
                    let written_in = LangTag::parse(&c.lang).filter(|t| !t.is_danish());
                    let (text_lang, text_dir) = written_in
                        .as_ref()
                        .map(|t| (t.as_str().to_owned(), t.dir()))
                        .unzip();
                    let who = [c.body, c.group].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>();
                    let written = written_in.map(|t| {
                        view! {
                            <span class="written-in">
                                {lang.t(Key::WrittenIn)} " "
                                <span lang=t.as_str().to_owned() dir=t.dir()>{t.autonym().to_owned()}</span>
                            </span>
                        }
                    });
                    let has_who = !who.is_empty() || c.answer.is_some() || written.is_some();
                    view! {
                        <li>
                            {has_who.then(|| view! {
                                <p class="who">
                                    {(!who.is_empty()).then(|| view! { <strong>{who.join(" · ")}</strong> })}
                                    {c.answer.map(|a| view! { <span class="answer">{a}</span> })}
                                    {written}
                                </p>
                            })}
                            <p class="comment-text" lang=text_lang dir=text_dir>{c.text}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
pub fn MissingList(report: Report) -> impl IntoView {
    let lang = use_lang();
    if report.missing.is_empty() {
        return view! { <p>{lang.t(Key::NobodyMissing)}</p> }.into_any();
    }
    let shown = report.missing.len();
    let more = (shown < report.missing_count as usize).then(|| {
        let href = format!(
            "/admin/hoering/{}{}#parter-liste",
            report.consultation_id,
            BodyQuery {
                group: report.query.group.clone(),
                state: Some(BodyFilter::NotSubmitted),
                ..BodyQuery::default()
            }
            .query_string(1)
        );
        let n = lang.number(report.missing_count as usize);
        view! {
            <p>
                {lang.fill(Key::MissingShown, &[("shown", &lang.number(shown)), ("n", &n)])} " "
                <a href=href>{lang.fill(Key::MissingReplies, &[("n", &n)])}</a>
            </p>
        }
    });
    view! {
        {more}
        <ul class="missing-list">
            {report
                .missing
                .into_iter()
                .map(|m| {
                    let unit = (!m.unit.is_empty()).then(|| format!(", {}", m.unit));
                    view! { <li><strong>{m.name}</strong> " (" {m.group} {unit} ")"</li> }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
