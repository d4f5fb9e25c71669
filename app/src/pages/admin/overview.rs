use super::frame::{AdminFrame, Session};
use super::leader::LeaderHomeView;
use super::{echo_for, loaded, page_param, DeadlineField, Loaded, Problems, TableWrap, TextField};
use crate::api::admin_overview;
use crate::components::PageTitle;
use crate::i18n::{Key, Lang};
use crate::model::admin::{ConsultationSummary, Home, Rate};
use crate::model::ConsultationStatus;
use crate::use_lang;
use leptos::prelude::*;

pub fn status_label(status: ConsultationStatus) -> Key {
    match status {
        ConsultationStatus::Draft => Key::StatusDraftLabel,
        ConsultationStatus::Open => Key::StatusOpenLabel,
        ConsultationStatus::Closed => Key::StatusClosedLabel,
        ConsultationStatus::Archived => Key::StatusArchivedLabel,
    }
}

/// "7 af 15 (47 %)"
pub fn rate_text(lang: Lang, invited: i64, submitted: i64) -> String {
    let rate = Rate {
        name: String::new(),
        invited,
        submitted,
    };
    lang.fill(
        Key::RateText,
        &[
            ("submitted", &submitted.to_string()),
            ("invited", &invited.to_string()),
            ("pct", &rate.percent().to_string()),
        ],
    )
}

/// The start page: every consultation for the staff, a leader's own institutions
/// for a leader (see [`super::leader::LeaderHomeView`]).
#[component]
pub fn OverviewPage() -> impl IntoView {
    let home = Resource::new(page_param(), admin_overview);
    view! {
        <AdminFrame render=move |s| {
            if s.user.role.reads_everything() {
                view! { <Overview session=s home=home/> }.into_any()
            } else {
                view! { <LeaderHomeView home=home/> }.into_any()
            }
        }/>
    }
}

#[component]
fn Overview(session: Session, home: Loaded<Home>) -> impl IntoView {
    let lang = use_lang();
    let may_create = session.user.role.can_run_consultations();
    let echo = echo_for(&session.echo, "create");
    view! {
        <PageTitle text=lang.t(Key::NavConsultations) error=echo.is_some()/>
        <h1>{lang.t(Key::NavConsultations)}</h1>
        {loaded(home, move |home| match home {
            Home::Staff(rows) if rows.is_empty() => view! { <p>{lang.t(Key::NoConsultations)}</p> }.into_any(),
            Home::Staff(rows) => view! { <OverviewTable rows=rows/> }.into_any(),
            Home::Leader(_) => ().into_any(),
        })}
        {may_create
            .then(|| {
                let source = echo
                    .as_ref()
                    .and_then(|e| e.value("source").map(str::to_owned))
                    .unwrap_or_else(|| "template".into());
                view! {
                    <section class="card" aria-labelledby="ny">
                        <h2 id="ny">{lang.t(Key::NewConsultation)}</h2>
                        <form method="post" action="/admin/hoeringer" enctype="multipart/form-data" class="stack">
                            <Problems echo=echo.clone()/>
                            <TextField name="title" label=Key::TitleLabel required=true echo=echo.clone()/>
                            <DeadlineField label=Key::DeadlineLabel echo=echo.clone()/>
                            <fieldset>
                                <legend>{lang.t(Key::SourceLegend)}</legend>
                                {[
                                    ("template", Key::SourceTemplate),
                                    ("staff", Key::SourceStaffSurvey),
                                    ("parents", Key::SourceParentSurvey),
                                    ("blank", Key::SourceBlank),
                                    ("sheet", Key::SourceSheet),
                                    ("blank_survey", Key::SourceBlankSurvey),
                                    ("survey_sheet", Key::SourceSurveySheet),
                                ]
                                    .into_iter()
                                    .map(|(value, label)| {
                                        view! {
                                            <label class="choice">
                                                <input type="radio" name="source" value=value checked=source == value/>
                                                {lang.t(label)}
                                            </label>
                                        }
                                    })
                                    .collect_view()}
                            </fieldset>
                            <div class="field">
                                <label for="f-file">{lang.t(Key::SheetFileLabel)}</label>
                                <p class="hint">{lang.t(Key::ItemSheetHint)}</p>
                                <input id="f-file" type="file" name="file" accept=".csv,.txt,.xlsx,text/csv"/>
                            </div>
                            <button type="submit" class="primary">{lang.t(Key::Create)}</button>
                        </form>
                    </section>
                }
            })}
    }
}

#[component]
fn OverviewTable(rows: Vec<ConsultationSummary>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <TableWrap label=lang.t(Key::NavConsultations)>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::TitleLabel)}</th>
                        <th scope="col">{lang.t(Key::StatusLabel)}</th>
                        <th scope="col">{lang.t(Key::DeadlineLabel)}</th>
                        <th scope="col">{lang.t(Key::ResponseRate)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|c| {
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!("/admin/hoering/{}", c.id)>{c.title}</a>
                                    </td>
                                    <td>
                                        <span class=format!("badge badge-{}", c.status.as_str())>
                                            {lang.t(status_label(c.status))}
                                        </span>
                                    </td>
                                    <td>{c.deadline}</td>
                                    <td>{rate_text(lang, c.invited, c.submitted)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </TableWrap>
    }
}
