//! Pejlemærker on the pages: the periods, a period's guideposts, one guidepost's
//! learning stories side by side (themes, quotes, the meta-narrative, the survey
//! questions that bear on it), and the committee memo. Every form posts without
//! JavaScript; only staff who run consultations see the forms.

use super::frame::{AdminFrame, Session};
use super::series::TrendFigure;
use super::{echo_for, loaded, path_id, Loaded, Pager, Problems, TableWrap, TextField};
use crate::api::{admin_guidepost, admin_narrative_memo, admin_period, admin_periods};
use crate::components::{textarea_text, PageTitle};
use crate::i18n::Key;
use crate::model::admin::FormEcho;
use crate::model::guidepost::{
    paragraphs, GuidepostPage, GuidepostView, NarrativeMemo, PeriodRow, PeriodView, QuoteView,
    Story, BODY_MAX, NARRATIVE_MAX,
};
use crate::model::listing::encode_query;
use crate::model::report::key_figures;
use crate::model::{GuidepostId, PeriodId};
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/admin/pejlemaerker`: the periods, and a form to start one.
#[component]
pub fn PeriodsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| admin_periods());
    view! { <AdminFrame render=move |s| view! { <Periods session=s data=data/> }.into_any()/> }
}

#[component]
fn Periods(session: Session, data: Loaded<Vec<PeriodRow>>) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&session.echo, "period");
    let may_edit = session.user.role.can_run_consultations();
    view! {
        <PageTitle text=lang.t(Key::GuidepostsTitle) error=echo.is_some()/>
        <h1>{lang.t(Key::GuidepostsTitle)}</h1>
        <p class="lead">{lang.t(Key::GuidepostsLead)}</p>
        {loaded(data, move |periods| {
            if periods.is_empty() {
                return view! { <p>{lang.t(Key::PeriodsNone)}</p> }.into_any();
            }
            view! {
                <TableWrap label=lang.t(Key::GuidepostsTitle)>
                    <table>
                        <thead><tr>
                            <th scope="col">{lang.t(Key::PeriodLabel)}</th>
                            <th scope="col" class="num">{lang.t(Key::GuidepostsCol)}</th>
                            <th scope="col" class="num">{lang.t(Key::StoriesCol)}</th>
                        </tr></thead>
                        <tbody>
                            {periods.into_iter().map(|p| view! {
                                <tr>
                                    <td><a class="cell-link" href=format!("/admin/pejlemaerker/{}", p.id)>{p.title}</a></td>
                                    <td class="num">{p.guideposts}</td>
                                    <td class="num">{p.stories}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </TableWrap>
            }
            .into_any()
        })}
        {may_edit.then(|| view! {
            <section class="card" aria-labelledby="ny-periode">
                <h2 id="ny-periode">{lang.t(Key::PeriodNew)}</h2>
                <form method="post" action="/admin/pejlemaerker" class="stack">
                    <Problems echo=echo.clone()/>
                    <TextField name="title" label=Key::PeriodLabel hint=Key::PeriodHint required=true echo=echo.clone()/>
                    <button type="submit" class="primary">{lang.t(Key::PeriodCreate)}</button>
                </form>
            </section>
        })}
    }
}

/// `/admin/pejlemaerker/<period>`: its guideposts, each editable, and a form to add one.
#[component]
pub fn PeriodPage() -> impl IntoView {
    let id = path_id::<PeriodId>("period");
    let data = Resource::new(id, admin_period);
    view! { <AdminFrame render=move |s| view! { <Period session=s data=data/> }.into_any()/> }
}

#[component]
fn Period(session: Session, data: Loaded<PeriodView>) -> impl IntoView {
    let lang = use_lang();
    let may_edit = session.user.role.can_run_consultations();
    let echo = session.echo.clone();
    loaded(data, move |period| {
        let add_echo = echo_for(&echo, "guidepost");
        let edit_echo = echo_for(&echo, "guidepost-text");
        let base = format!("/admin/pejlemaerker/{}", period.id);
        view! {
            <PageTitle text=period.title.clone() error=echo.is_some()/>
            <p class="eyebrow"><a href="/admin/pejlemaerker">{lang.t(Key::GuidepostsTitle)}</a></p>
            <h1>{period.title.clone()}</h1>
            <p><a class="button primary" href=format!("{base}/notat")>{lang.t(Key::NarrativeMemoLink)}</a></p>
            {period.guideposts.is_empty().then(|| view! { <p>{lang.t(Key::GuidepostsNone)}</p> })}
            <ol class="guidepost-list">
                {period.guideposts.into_iter().map(|gp| {
                    let mine = edit_echo.clone().filter(|e| e.value("guidepost") == Some(gp.id.to_string().as_str()));
                    view! { <GuidepostCard gp=gp may_edit=may_edit echo=mine/> }
                }).collect_view()}
            </ol>
            {may_edit.then(|| view! {
                <section class="card" aria-labelledby="nyt-pejlemaerke">
                    <h2 id="nyt-pejlemaerke">{lang.t(Key::GuidepostNew)}</h2>
                    <form method="post" action=format!("{base}/nyt") class="stack">
                        <Problems echo=add_echo.clone()/>
                        <TextField name="title" label=Key::GuidepostTitleLabel required=true scope="new".into() echo=add_echo.clone()/>
                        <BodyField echo=add_echo.clone() current=String::new() scope="new".to_owned()/>
                        <button type="submit" class="primary">{lang.t(Key::GuidepostAdd)}</button>
                    </form>
                </section>
            })}
        }
        .into_any()
    })
}

/// A guidepost's text field.
#[component]
fn BodyField(echo: Option<FormEcho>, current: String, scope: String) -> impl IntoView {
    let lang = use_lang();
    let text = echo
        .as_ref()
        .and_then(|e| e.value("body").map(str::to_owned))
        .unwrap_or(current);
    let id = format!("f-body-{scope}");
    view! {
        <div class="field">
            <label for=id.clone()>{lang.t(Key::GuidepostBodyLabel)}</label>
            <textarea id=id name="body" rows="3" maxlength=BODY_MAX.to_string()>{textarea_text(&text)}</textarea>
        </div>
    }
}

#[component]
fn GuidepostCard(gp: GuidepostView, may_edit: bool, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/admin/pejlemaerke/{}", gp.id);
    let scope = format!("gp{}", gp.id);
    view! {
        <li class="card">
            <h2>{gp.title.clone()}</h2>
            <p>{gp.body.clone()}</p>
            <p>
                <a href=href>{lang.fill(Key::StoriesRead, &[("n", &gp.stories.to_string())])}</a>
                {(!gp.narrative.is_empty()).then(|| view! { " · " {lang.t(Key::NarrativeWritten)} })}
            </p>
            {may_edit.then(|| view! {
                <details open=echo.is_some()>
                    <summary>{lang.t(Key::GuidepostEdit)}</summary>
                    <form method="post" action=format!("/admin/pejlemaerke/{}", gp.id) class="stack">
                        <Problems echo=echo.clone()/>
                        <input type="hidden" name="guidepost" value=gp.id.to_string()/>
                        <TextField name="title" label=Key::GuidepostTitleLabel value=gp.title.clone() required=true scope=scope.clone() echo=echo.clone()/>
                        <BodyField echo=echo.clone() current=gp.body.clone() scope=scope.clone()/>
                        <button type="submit">{lang.t(Key::Save)}</button>
                    </form>
                </details>
            })}
        </li>
    }
}

/// `/admin/pejlemaerke/<id>?side=&tema=`: the guidepost's stories side by side, a page
/// at a time, each with its themes and a form to quote from it; the quotes chosen;
/// the meta-narrative; and the survey questions that bear on it.
#[component]
pub fn GuidepostStoriesPage() -> impl IntoView {
    let query = use_query_map();
    let id = path_id::<GuidepostId>("id");
    let data = Resource::new(
        move || {
            let q = query.read();
            let page = q.get("side").and_then(|p| p.parse().ok()).unwrap_or(1);
            (id(), page, q.get("tema").filter(|t| !t.is_empty()))
        },
        |(id, page, theme)| admin_guidepost(id, page, theme),
    );
    view! { <AdminFrame render=move |s| view! { <Stories session=s data=data/> }.into_any()/> }
}

/// A page of the stories, with the theme kept.
fn stories_href(id: GuidepostId, theme: Option<&str>, page: u32) -> String {
    let mut params = Vec::new();
    if let Some(theme) = theme {
        params.push(("tema", theme.to_owned()));
    }
    if page > 1 {
        params.push(("side", page.to_string()));
    }
    format!("/admin/pejlemaerke/{id}{}", encode_query(&params))
}

#[component]
fn Stories(session: Session, data: Loaded<GuidepostPage>) -> impl IntoView {
    let lang = use_lang();
    let may_edit = session.user.role.can_run_consultations();
    let echo = session.echo.clone();
    loaded(data, move |p| {
        let gp = p.guidepost.clone();
        let base = format!("/admin/pejlemaerke/{}", gp.id);
        let theme = p.theme.clone();
        let id = gp.id;
        let themes = (!gp.themes.is_empty()).then(|| {
            let current = theme.clone();
            view! {
                <nav class="themes" aria-label=lang.t(Key::ThemesTitle)>
                    <h2>{lang.t(Key::ThemesTitle)}</h2>
                    <ul>
                        <li><a href=stories_href(id, None, 1) aria-current=current.is_none().then_some("page")>{lang.t(Key::ThemesAll)}</a></li>
                        {gp.themes.iter().map(|(t, n)| {
                            let here = current.as_deref() == Some(t.as_str());
                            view! { <li><a href=stories_href(id, Some(t), 1) aria-current=here.then_some("page")>{format!("{t} ({n})")}</a></li> }
                        }).collect_view()}
                    </ul>
                </nav>
            }
        });
        let pager_theme = theme.clone();
        view! {
            <PageTitle text=gp.title.clone() error=echo.is_some()/>
            <p class="eyebrow"><a href=format!("/admin/pejlemaerker/{}", gp.period_id)>{p.period_title.clone()}</a></p>
            <h1>{gp.title.clone()}</h1>
            <p class="lead">{gp.body.clone()}</p>
            <p>{lang.fill(Key::StoriesCount, &[("n", &p.page.total.to_string())])}</p>
            {themes}
            {p.stories.is_empty().then(|| view! { <p>{lang.t(Key::StoriesNone)}</p> })}
            <ul class="stories">
                {p.stories.iter().map(|s| {
                    view! { <StoryCard story=s.clone() base=base.clone() may_edit=may_edit echo=echo.clone()/> }
                }).collect_view()}
            </ul>
            <Pager page=p.page href=move |n| stories_href(id, pager_theme.as_deref(), n)/>
            <Quotes quotes=p.quotes.clone() base=base.clone() may_edit=may_edit/>
            <Narrative gp=gp.clone() base=base.clone() may_edit=may_edit echo=echo_for(&echo, "narrative")/>
            <SurveyLink page=p.clone() base=base.clone() may_edit=may_edit echo=echo_for(&echo, "survey")/>
        }
        .into_any()
    })
}

/// One story: who (when attributed), its three parts, its themes, and the forms.
#[component]
fn StoryCard(story: Story, base: String, may_edit: bool, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let response = story.response_id.to_string();
    let mine = |form: &str| {
        echo_for(&echo, form).filter(|e| e.value("response") == Some(response.as_str()))
    };
    let (tag_echo, quote_echo) = (mine("tags"), mine("quote"));
    let heading = story
        .unit
        .clone()
        .unwrap_or_else(|| lang.t(Key::StoryUnattributed).to_owned());
    let tags_typed = tag_echo
        .as_ref()
        .and_then(|e| e.value("tags").map(str::to_owned))
        .unwrap_or_else(|| story.tags.join(", "));
    let tags_id = format!("f-tags-{response}");
    let part_id = format!("f-part-{response}");
    let excerpt_id = format!("f-excerpt-{response}");
    let anchor = format!("historie-{response}");
    let heading_id = format!("{anchor}-h");
    let labelled_by = heading_id.clone();
    view! {
        <li class="card story" id=anchor.clone() aria-labelledby=labelled_by>
            <h2 id=heading_id>{heading}</h2>
            <p class="eyebrow">{story.consultation.clone()}</p>
            {story.parts.iter().map(|(part, _, text)| view! {
                <h3>{lang.t(part.label())}</h3>
                <p class="story-text">{text.clone()}</p>
            }).collect_view()}
            {(!story.tags.is_empty()).then(|| view! {
                <p class="story-tags">{lang.t(Key::ThemesTitle)} ": " {story.tags.join(", ")}</p>
            })}
            {may_edit.then(|| view! {
                <form method="post" action=format!("{base}/temaer#{anchor}") class="stack">
                    <Problems echo=tag_echo.clone()/>
                    <input type="hidden" name="response" value=response.clone()/>
                    <div class="field">
                        <label for=tags_id.clone()>{lang.t(Key::ThemesLabel)}</label>
                        <p class="hint">{lang.t(Key::ThemesHint)}</p>
                        <input id=tags_id name="tags" type="text" value=tags_typed aria-invalid=tag_echo.is_some().then_some("true")/>
                    </div>
                    <button type="submit">{lang.t(Key::ThemesSave)}</button>
                </form>
                <details open=quote_echo.is_some()>
                    <summary>{lang.t(Key::QuoteChoose)}</summary>
                    <form method="post" action=format!("{base}/citat#{anchor}") class="stack">
                        <Problems echo=quote_echo.clone()/>
                        <input type="hidden" name="response" value=response.clone()/>
                        <div class="field">
                            <label for=part_id.clone()>{lang.t(Key::QuotePartLabel)}</label>
                            <select id=part_id name="item">
                                {story.parts.iter().map(|(part, item, _)| view! {
                                    <option value=item.to_string()>{lang.t(part.label())}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=excerpt_id.clone()>{lang.t(Key::QuoteExcerptLabel)}</label>
                            <p class="hint">{lang.t(Key::QuoteExcerptHint)}</p>
                            <textarea id=excerpt_id name="excerpt" rows="2" aria-invalid=quote_echo.is_some().then_some("true")>
                                {textarea_text(quote_echo.as_ref().and_then(|e| e.value("excerpt")).unwrap_or_default())}
                            </textarea>
                        </div>
                        <button type="submit">{lang.t(Key::QuoteSave)}</button>
                    </form>
                </details>
            })}
        </li>
    }
}

/// The quotes chosen for the memo, each with a button to take it back.
#[component]
fn Quotes(quotes: Vec<QuoteView>, base: String, may_edit: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="card" aria-labelledby="citater">
            <h2 id="citater">{lang.t(Key::QuotesTitle)}</h2>
            {if quotes.is_empty() {
                view! { <p class="hint">{lang.t(Key::QuotesNone)}</p> }.into_any()
            } else {
                view! {
                    <ul class="quotes">
                        {quotes.into_iter().map(|q| view! {
                            <li>
                                <QuoteBlock quote=q.clone()/>
                                {may_edit.then(|| view! {
                                    <form method="post" action=format!("{base}/citat/fjern") class="inline-form">
                                        <input type="hidden" name="quote" value=q.id.to_string()/>
                                        <button type="submit" class="link-button">{lang.t(Key::QuoteRemove)}</button>
                                    </form>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </section>
    }
}

/// A quote, with its unit only where the consultation says stories are attributed.
#[component]
fn QuoteBlock(quote: QuoteView) -> impl IntoView {
    let lang = use_lang();
    let part = lang.t(quote.part.label());
    let caption = match &quote.unit {
        Some(unit) => format!("{part} – {unit}"),
        None => part.to_owned(),
    };
    view! {
        <figure class="quote">
            <blockquote><p>{quote.excerpt.clone()}</p></blockquote>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// The guidepost's meta-narrative: read, or written by those who run consultations.
#[component]
fn Narrative(
    gp: GuidepostView,
    base: String,
    may_edit: bool,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let text = echo
        .as_ref()
        .and_then(|e| e.value("narrative").map(str::to_owned))
        .unwrap_or_else(|| gp.narrative.clone());
    view! {
        <section class="card" aria-labelledby="metafortaelling">
            <h2 id="metafortaelling">{lang.t(Key::NarrativeTitle)}</h2>
            <p class="hint">{lang.t(Key::NarrativeHint)}</p>
            {if may_edit {
                view! {
                    <form method="post" action=format!("{base}/fortaelling#metafortaelling") class="stack">
                        <Problems echo=echo.clone()/>
                        <label for="f-narrative" class="visually-hidden">{lang.t(Key::NarrativeTitle)}</label>
                        <textarea id="f-narrative" name="narrative" rows="10" maxlength=NARRATIVE_MAX.to_string() aria-invalid=echo.is_some().then_some("true")>
                            {textarea_text(&text)}
                        </textarea>
                        <button type="submit" class="primary">{lang.t(Key::NarrativeSave)}</button>
                    </form>
                }
                    .into_any()
            } else if gp.narrative.is_empty() {
                view! { <p class="hint">{lang.t(Key::NarrativeNone)}</p> }.into_any()
            } else {
                view! { <Paragraphs text=gp.narrative.clone()/> }.into_any()
            }}
        </section>
    }
}

/// Text written with blank lines between paragraphs, as paragraphs.
#[component]
fn Paragraphs(text: String) -> impl IntoView {
    paragraphs(&text)
        .into_iter()
        .map(|p| view! { <p class="narrative">{p}</p> })
        .collect_view()
}

/// The survey whose questions bear on the guidepost, and their codes.
#[component]
fn SurveyLink(
    page: GuidepostPage,
    base: String,
    may_edit: bool,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let gp = page.guidepost;
    let chosen = echo
        .as_ref()
        .and_then(|e| e.value("survey").map(str::to_owned))
        .unwrap_or_else(|| {
            gp.survey
                .as_ref()
                .map(|(id, _)| id.to_string())
                .unwrap_or_default()
        });
    let current = match &gp.survey {
        Some((_, title)) if !gp.codes.is_empty() => lang.fill(
            Key::SurveyLinkCurrent,
            &[("survey", title), ("codes", &gp.codes.join(", "))],
        ),
        _ => lang.t(Key::SurveyLinkNone).to_owned(),
    };
    view! {
        <section class="card" aria-labelledby="tal">
            <h2 id="tal">{lang.t(Key::SurveyLinkTitle)}</h2>
            <p>{current}</p>
            {may_edit.then(|| view! {
                <form method="post" action=format!("{base}/tal#tal") class="stack">
                    <Problems echo=echo.clone()/>
                    <div class="field">
                        <label for="f-survey">{lang.t(Key::SurveyLinkSurvey)}</label>
                        <select id="f-survey" name="survey">
                            <option value="" selected=chosen.is_empty()>{lang.t(Key::SurveyLinkNoSurvey)}</option>
                            {page.surveys.iter().map(|(id, title)| {
                                let value = id.to_string();
                                let selected = value == chosen;
                                view! { <option value=value selected=selected>{title.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <TextField name="codes" label=Key::SurveyLinkCodes hint=Key::SurveyLinkCodesHint value=gp.codes.join(", ") echo=echo.clone()/>
                    <button type="submit">{lang.t(Key::Save)}</button>
                </form>
            })}
        </section>
    }
}

/// `/admin/pejlemaerker/<period>/notat`: for the committee, per guidepost its text,
/// the meta-narrative, the survey figures with their trends, the themes and the
/// chosen quotes — printable.
#[component]
pub fn NarrativeMemoPage() -> impl IntoView {
    let id = path_id::<PeriodId>("period");
    let data = Resource::new(id, admin_narrative_memo);
    view! { <AdminFrame render=move |_| view! { <MemoLoader data=data/> }.into_any()/> }
}

#[component]
fn MemoLoader(data: Loaded<NarrativeMemo>) -> impl IntoView {
    loaded(data, |memo| view! { <Memo memo=memo/> }.into_any())
}

#[component]
fn Memo(memo: NarrativeMemo) -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=format!("{} – {}", lang.t(Key::NarrativeMemoTitle), memo.title)/>
        <article class="memo narrative-memo">
            <p class="screen-only hint">{lang.t(Key::UnitPrintHint)}</p>
            <header class="memo-title">
                <p class="eyebrow">{lang.t(Key::NarrativeMemoTitle)}</p>
                <h1>{memo.title.clone()}</h1>
            </header>
            {memo.guideposts.into_iter().map(|g| {
                let figures = g.figures.clone();
                view! {
                    <section class="memo-guidepost">
                        <h2>{g.view.title.clone()}</h2>
                        <p class="lead">{g.view.body.clone()}</p>
                        <h3>{lang.t(Key::NarrativeTitle)}</h3>
                        {if g.view.narrative.is_empty() {
                            view! { <p class="hint">{lang.t(Key::NarrativeNone)}</p> }.into_any()
                        } else {
                            view! { <Paragraphs text=g.view.narrative.clone()/> }.into_any()
                        }}
                        {(!figures.is_empty()).then(|| view! {
                            <h3>{lang.fill(Key::MemoFiguresFrom, &[("survey", &g.view.survey.clone().map(|(_, t)| t).unwrap_or_default())])}</h3>
                            {figures.into_iter().map(|item| {
                                let figure = item.overall.as_ref().map(|t| super::report::figure_line(lang, &item.kind, t)).filter(|_| !key_figures(&item.kind, item.overall.as_ref().unwrap_or(&Default::default())).is_empty());
                                view! {
                                    <div class="memo-figure">
                                        <h4><span class="code">{item.code.clone()}</span> " " {item.text.clone()}</h4>
                                        <p>{figure.unwrap_or_else(|| crate::model::report::suppressed_text(lang, g.min_group_size))}</p>
                                        {item.trend.clone().map(|t| view! { <TrendFigure trend=t/> })}
                                    </div>
                                }
                            }).collect_view()}
                        })}
                        {(!g.view.themes.is_empty()).then(|| {
                            let themes: Vec<String> = g.view.themes.iter().map(|(t, n)| format!("{t} ({n})")).collect();
                            view! { <p><strong>{lang.t(Key::ThemesTitle)} ": "</strong> {themes.join(", ")}</p> }
                        })}
                        {(!g.quotes.is_empty()).then(|| view! {
                            <h3>{lang.t(Key::QuotesTitle)}</h3>
                            {g.quotes.iter().map(|q| view! { <QuoteBlock quote=q.clone()/> }).collect_view()}
                        })}
                    </section>
                }
            }).collect_view()}
            <p class="memo-colophon">{lang.fill(Key::MemoGenerated, &[("at", &memo.generated)])}</p>
        </article>
    }
}

/// On a draft's page: asks each institution for a learning story per guidepost of a
/// period, and whether the committee memo may name the institution by its quotes.
#[component]
pub fn StoriesCard(
    c: crate::model::admin::AdminConsultation,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&echo, "stories");
    let chosen = echo
        .as_ref()
        .and_then(|e| e.value("period").map(str::to_owned))
        .unwrap_or_default();
    view! {
        <section class="card" aria-labelledby="historier">
            <h2 id="historier">{lang.t(Key::StoriesCardTitle)}</h2>
            <p class="hint">{lang.t(Key::StoriesCardHint)}</p>
            {if c.periods.is_empty() {
                view! { <p><a href="/admin/pejlemaerker">{lang.t(Key::StoriesCardNoPeriods)}</a></p> }.into_any()
            } else {
                view! {
                    <form method="post" action=format!("/admin/hoering/{}/historier", c.id) class="stack">
                        <Problems echo=echo.clone()/>
                        <div class="field">
                            <label for="f-period">{lang.t(Key::StoriesCardPeriod)}</label>
                            <select id="f-period" name="period" aria-invalid=echo.is_some().then_some("true")>
                                {c.periods.iter().map(|(id, title)| {
                                    let value = id.to_string();
                                    let selected = value == chosen;
                                    view! { <option value=value selected=selected>{title.clone()}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field check">
                            <input id="f-attributed" type="checkbox" name="attributed" value="1"/>
                            <label for="f-attributed">{lang.t(Key::StoriesCardAttributed)}</label>
                        </div>
                        <button type="submit">{lang.t(Key::StoriesCardAsk)}</button>
                    </form>
                }
                    .into_any()
            }}
        </section>
    }
}
