use super::frame::{AdminFrame, Session};
use super::item_settings::{settings_line, Decider, ItemSettingsForm};
use super::overview::{rate_text, status_label};
use super::{
    echo_for, loaded, path_id, ActionButton, DeadlineField, Loaded, Pager, Problems, TableWrap,
    TextField,
};
use crate::api::admin_hearing;
use crate::components::{textarea_text, Addresses, PageTitle};
use crate::i18n::{Key, Lang};
use crate::model::admin::{AdminConsultation, BodyState, FormEcho, Rate, SendProgress};
use crate::model::listing::{BodyFilter, BodyQuery};
use crate::model::{ConsultationId, ConsultationStatus, ItemId, ItemKind};
use crate::use_lang;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ConsultationPage() -> impl IntoView {
    let query = use_query_map();
    let id = path_id("id");
    let data = Resource::new(
        move || (id(), BodyQuery::from_params(|name| query.read().get(name))),
        |(id, bodies)| admin_hearing(id, bodies),
    );
    view! { <AdminFrame render=move |s| view! { <Consultation session=s data=data/> }.into_any()/> }
}

#[component]
fn Consultation(session: Session, data: Loaded<AdminConsultation>) -> impl IntoView {
    let echo = session.echo;
    loaded(data, move |c| {
        view! { <ConsultationView c=c echo=echo.clone()/> }.into_any()
    })
}

#[component]
fn ConsultationView(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}", c.id);
    let draft = c.status == ConsultationStatus::Draft;
    let missing = c.overall.invited - c.overall.submitted;
    let body_query = c.body_query.clone();
    let missing_href = format!(
        "{base}{}#parter-liste",
        BodyQuery {
            state: Some(BodyFilter::NotSubmitted),
            ..BodyQuery::default()
        }
        .query_string(1)
    );
    view! {
        <PageTitle text=c.title.clone() error=echo.is_some()/>
        <header class="consultation-header">
            <p class="eyebrow">
                <span class=format!("badge badge-{}", c.status.as_str())>{lang.t(status_label(c.status))}</span>
            </p>
            <h1>{c.title.clone()}</h1>
            <p>
                {lang.t(if c.survey { Key::SurveyDeadlineLabel } else { Key::DeadlineLabel })} ": "
                {c.deadline.clone()}
            </p>
            <p class="rate-line">
                {lang.t(Key::ResponseRate)} ": "
                <strong>{rate_text(lang, c.overall.invited, c.overall.submitted)}</strong>
            </p>
            <p><a class="button primary" href=format!("{base}/rapport")>{lang.t(Key::ReportOpen)}</a></p>
        </header>
        {c.may_edit.then(|| view! { <Actions c=c.clone() echo=echo.clone()/> })}
        {(c.progress.total > 0).then(|| view! { <Progress id=c.id initial=c.progress.clone()/> })}
        <section class="card" aria-labelledby="svar">
            <h2 id="svar">{lang.t(Key::TrackingTitle)}</h2>
            <div class="rates">
                <RateTable caption=Key::PerGroup rates=c.groups.clone()/>
                {(!c.units.is_empty()).then(|| view! { <RateTable caption=Key::PerUnit rates=c.units.clone()/> })}
            </div>
            {(missing > 0)
                .then(|| {
                    view! {
                        <p>
                            <a href=missing_href>
                                {lang.fill(Key::MissingReplies, &[("n", &lang.number(missing as usize))])}
                            </a>
                        </p>
                    }
                })}
            <BodyFilterForm c=c.clone()/>
            <Bodies c=c.clone() echo=echo.clone()/>
            <Pager page=c.body_page href=move |n| format!("{}#parter-liste", body_query.query_string(n))/>
        </section>
        {c.survey.then(|| view! { <super::open_links::OpenLinks c=c.clone() echo=echo.clone()/> })}
        {c.survey.then(|| view! { <super::languages::Languages c=c.clone() echo=echo.clone()/> })}
        {c.may_edit.then(|| view! { <AddBodies base=base.clone() echo=echo.clone() survey=c.survey/> })}
        {c.may_edit.then(|| view! { <SettingsForm c=c.clone() echo=echo.clone()/> })}
        <super::series::SeriesCard c=c.clone() echo=echo.clone()/>
        {(c.may_edit && draft).then(|| view! { <super::guideposts::StoriesCard c=c.clone() echo=echo.clone()/> })}
        <Items c=c.clone() echo=echo.clone() draft=draft/>
    }
}

#[component]
fn Actions(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}", c.id);
    let status_echo = echo_for(&echo, "status");
    view! {
        <section class="card actions" aria-label=lang.t(Key::ActionsTitle)>
            <Problems echo=status_echo.clone()/>
            {match c.status {
                ConsultationStatus::Draft => {
                    view! {
                        <ActionButton
                            action=format!("{base}/aabn")
                            label=lang.t(Key::OpenAndInvite.for_kind(c.survey)).to_owned()
                            class="primary"
                        />
                    }
                        .into_any()
                }
                ConsultationStatus::Open => {
                    view! {
                        <ActionButton
                            action=format!("{base}/paamind")
                            label=lang.t(Key::SendReminders).to_owned()
                            class="primary"
                        />
                        <ActionButton action=format!("{base}/luk") label=lang.t(Key::CloseNow.for_kind(c.survey)).to_owned()/>
                    }
                        .into_any()
                }
                _ => {
                    view! {
                        <form method="post" action=format!("{base}/aabn") class="inline-form reopen">
                            <DeadlineField label=Key::NewDeadlineLabel echo=status_echo.clone()/>
                            <button type="submit">{lang.t(Key::Reopen)}</button>
                        </form>
                    }
                        .into_any()
                }
            }}
            <ActionButton action=format!("{base}/kopier") label=lang.t(Key::Duplicate.for_kind(c.survey)).to_owned()/>
        </section>
    }
}

/// "312 af 1.000 sendt", kept current while JavaScript is on.
#[component]
fn Progress(id: ConsultationId, initial: SendProgress) -> impl IntoView {
    let lang = use_lang();
    let progress = RwSignal::new(initial);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let handle = set_interval_with_handle(
            move || {
                let p = progress.get_untracked();
                if p.sent + p.failed < p.total || p.retrying > 0 {
                    leptos::task::spawn_local(async move {
                        if let Ok(next) = crate::api::admin_progress(id).await {
                            progress.set(next);
                        }
                    });
                }
            },
            std::time::Duration::from_secs(2),
        );
        on_cleanup(move || {
            if let Ok(h) = handle {
                h.clear();
            }
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
    view! {
        <p class="progress-line" role="status" aria-live="polite">
            {move || {
                let p = progress.get();
                let mut text = lang
                    .fill(
                        Key::SentProgress,
                        &[("sent", &lang.number(p.sent as usize)), ("total", &lang.number(p.total as usize))],
                    );
                if p.failed > 0 {
                    text.push_str(&lang.fill(Key::SentFailed, &[("n", &p.failed.to_string())]));
                }
                if p.retrying > 0 {
                    text.push_str(&lang.fill(Key::SentRetrying, &[("n", &p.retrying.to_string())]));
                }
                text
            }}
        </p>
    }
}

#[component]
fn RateTable(caption: Key, rates: Vec<Rate>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <table class="rate-table">
            <caption>{lang.t(caption)}</caption>
            <tbody>
                {rates
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <th scope="row">{r.name.clone()}</th>
                                <td>{rate_text(lang, r.invited, r.submitted)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn body_state_text(lang: Lang, state: BodyState, since: &str) -> String {
    if since.is_empty() {
        lang.t(state.label()).to_owned()
    } else {
        format!("{} {}", lang.t(state.label()), since)
    }
}

/// Search and filters over the bodies: a GET form, so it works without JavaScript
/// and the result can be bookmarked.
#[component]
fn BodyFilterForm(c: AdminConsultation) -> impl IntoView {
    let lang = use_lang();
    let q = c.body_query.clone();
    let (shown_from, shown_to) = c.body_page.shown();
    let options = |rates: &[Rate], chosen: &Option<String>| {
        rates
            .iter()
            .filter(|r| !r.name.is_empty())
            .map(|r| {
                let selected = chosen.as_deref() == Some(r.name.as_str());
                view! { <option value=r.name.clone() selected=selected>{r.name.clone()}</option> }
            })
            .collect_view()
    };
    view! {
        <form method="get" action="#parter-liste" class="body-filter" id="parter-liste" role="search">
            <div class="filter-row">
                <div class="field">
                    <label for="f-q">{lang.t(Key::SearchBodies)}</label>
                    <input id="f-q" type="search" name=BodyQuery::SEARCH value=q.search.clone()/>
                </div>
                <div class="field">
                    <label for="f-gruppe">{lang.t(Key::GroupFilterLabel)}</label>
                    <select id="f-gruppe" name=BodyQuery::GROUP>
                        <option value="">{lang.t(Key::AllGroups)}</option>
                        {options(&c.groups, &q.group)}
                    </select>
                </div>
                {(!c.units.is_empty())
                    .then(|| {
                        view! {
                            <div class="field">
                                <label for="f-enhed">{lang.t(Key::UnitFilterLabel)}</label>
                                <select id="f-enhed" name=BodyQuery::UNIT>
                                    <option value="">{lang.t(Key::AllUnits)}</option>
                                    {options(&c.units, &q.unit)}
                                </select>
                            </div>
                        }
                    })}
                <div class="field">
                    <label for="f-status">{lang.t(Key::StatusLabel)}</label>
                    <select id="f-status" name=BodyQuery::STATE>
                        <option value="">{lang.t(Key::AllStates)}</option>
                        {BodyFilter::ALL
                            .into_iter()
                            .map(|f| {
                                let label = match f {
                                    BodyFilter::NotSubmitted => lang.t(Key::NotSubmittedFilter),
                                    BodyFilter::Is(state) => lang.t(state.label()),
                                };
                                view! { <option value=f.as_str() selected=q.state == Some(f)>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit">{lang.t(Key::ShowButton)}</button>
            </div>
            <p class="list-count" role="status">
                {if c.body_page.total == 0 {
                    lang.t(Key::NoBodiesMatch.for_kind(c.survey)).to_owned()
                } else {
                    lang.fill(
                        Key::ShowingRows,
                        &[
                            ("from", &lang.number(shown_from as usize)),
                            ("to", &lang.number(shown_to as usize)),
                            ("total", &lang.number(c.body_page.total as usize)),
                        ],
                    )
                }}
                {q.is_filtered().then(|| view! { " " <a href="?#parter-liste">{lang.t(Key::ClearFilters)}</a> })}
            </p>
        </form>
    }
}

#[component]
fn Bodies(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let base = format!("/admin/hoering/{}", c.id);
    let draft = c.status == ConsultationStatus::Draft;
    let may_edit = c.may_edit;
    view! {
        <TableWrap label=lang.t(Key::TrackingTitle)>
            <table class="bodies">
                <thead>
                    <tr>
                        <th scope="col">{lang.t(Key::BodyLabel.for_kind(c.survey))}</th>
                        <th scope="col">{lang.t(Key::GroupLabel)}</th>
                        <th scope="col">{lang.t(Key::StatusLabel)}</th>
                        <th scope="col">{lang.t(Key::MailsLabel)}</th>
                        {may_edit.then(|| view! { <th scope="col">{lang.t(Key::ActionsTitle)}</th> })}
                    </tr>
                </thead>
                <tbody>
                    {c
                        .bodies
                        .into_iter()
                        .map(|b| {
                            let body_base = format!("{base}/parter/{}", b.id);
                            view! {
                                <tr class=format!("state-{:?}", b.state).to_lowercase()>
                                    <td>
                                        <strong>{b.name.clone()}</strong>
                                        <br/>
                                        <small><Addresses text=b.emails.join(", ")/></small>
                                    </td>
                                    <td>
                                        {b.group.clone()}
                                        {(!b.unit.is_empty()).then(|| view! { <br/><small>{b.unit.clone()}</small> })}
                                    </td>
                                    <td>{body_state_text(lang, b.state, &b.since)}</td>
                                    <td>
                                        {b.invited_at.clone().map(|t| view! { <div>{lang.fill(Key::InvitedAt, &[("at", &t)])}</div> })}
                                        {b.reminded_at.clone().map(|t| view! { <div>{lang.fill(Key::RemindedAt, &[("at", &t)])}</div> })}
                                        {b.mail_pending.then(|| view! { <div>{lang.t(Key::MailPending)}</div> })}
                                        {b.mail_failure.clone().map(|e| view! {
                                            <div class="mail-failure" role="note">{lang.fill(Key::MailFailedFor, &[("error", &e)])}</div>
                                        })}
                                    </td>
                                    {may_edit.then(|| {
                                        let edit_echo = echo_for(&echo, &format!("body-{}", b.id));
                                        let editing = edit_echo.is_some();
                                        let values = [b.name.clone(), b.group.clone(), b.unit.clone(), b.emails.join(", ")];
                                        view! {
                                            <td>
                                                {if draft {
                                                    view! {
                                                        <ActionButton action=format!("{body_base}/fjern") label=lang.t(Key::Remove).to_owned()/>
                                                    }.into_any()
                                                } else {
                                                    view! {
                                                        <ActionButton action=format!("{body_base}/gensend") label=lang.t(Key::Resend).to_owned()/>
                                                        <ActionButton
                                                            action=format!("{body_base}/nyt-link")
                                                            label=lang.t(Key::ReplaceLink).to_owned()
                                                        />
                                                    }.into_any()
                                                }}
                                                <details class="body-edit" open=editing>
                                                    <summary>{lang.t(Key::Edit)}</summary>
                                                    <form method="post" action=body_base.clone() class="stack">
                                                        <Problems echo=edit_echo.clone()/>
                                                        <BodyFields echo=edit_echo scope=b.id.to_string() values=values survey=c.survey/>
                                                        <button type="submit">{lang.t(Key::Save)}</button>
                                                    </form>
                                                </details>
                                            </td>
                                        }
                                    })}
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </TableWrap>
    }
}

#[component]
fn AddBodies(base: String, echo: Option<FormEcho>, survey: bool) -> impl IntoView {
    let lang = use_lang();
    let body_echo = echo_for(&echo, "body");
    let import_echo = echo_for(&echo, "import-bodies");
    view! {
        <section class="card" aria-labelledby="parter">
            <h2 id="parter">{lang.t(Key::AddBodiesTitle.for_kind(survey))}</h2>
            <form method="post" action=format!("{base}/import") enctype="multipart/form-data" class="stack">
                <Problems echo=import_echo/>
                <input type="hidden" name="kind" value="bodies"/>
                <div class="field">
                    <label for="f-bodies-file">{lang.t(Key::SheetFileLabel)}</label>
                    <p class="hint">{lang.t(Key::BodySheetHint.for_kind(survey))}</p>
                    <input id="f-bodies-file" type="file" name="file" accept=".csv,.txt,.xlsx,text/csv" required/>
                </div>
                <button type="submit">{lang.t(Key::ShowPreview)}</button>
            </form>
            <form method="post" action=format!("{base}/parter") class="stack">
                <h3>{lang.t(Key::AddOneBody.for_kind(survey))}</h3>
                <Problems echo=body_echo.clone()/>
                <BodyFields echo=body_echo survey/>
                <button type="submit">{lang.t(Key::AddBody)}</button>
            </form>
        </section>
    }
}

/// The fields of a body: empty to add one, or its current values to change it.
#[component]
fn BodyFields(
    echo: Option<FormEcho>,
    #[prop(optional)] scope: String,
    #[prop(optional)] values: [String; 4],
    /// A survey's participants are people, not bodies.
    #[prop(optional)]
    survey: bool,
) -> impl IntoView {
    let [name, group, unit, emails] = values;
    view! {
        <TextField name="name" label=Key::BodyLabel.for_kind(survey) value=name required=true scope=scope.clone() echo=echo.clone()/>
        <TextField name="group" label=Key::GroupLabel value=group required=true scope=scope.clone() echo=echo.clone()/>
        <TextField name="unit" label=Key::UnitLabel value=unit scope=scope.clone() echo=echo.clone()/>
        <TextField
            name="emails"
            label=Key::EmailsLabel
            hint=Key::EmailsHint
            value=emails
            required=true
            scope=scope
            echo=echo
        />
    }
}

#[component]
fn SettingsForm(c: AdminConsultation, echo: Option<FormEcho>) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_for(&echo, "settings");
    let text = |name: &str, current: &str| {
        echo.as_ref()
            .and_then(|e| e.value(name).map(str::to_owned))
            .unwrap_or_else(|| current.to_owned())
    };
    let intro = text("intro", &c.intro_md);
    let contact = text("contact_text", &c.contact_text);
    view! {
        <section class="card" aria-labelledby="indstillinger">
            <h2 id="indstillinger">{lang.t(Key::SettingsTitle)}</h2>
            <form method="post" action=format!("/admin/hoering/{}/indstillinger", c.id) class="stack">
                <Problems echo=echo.clone()/>
                <TextField name="title" label=Key::TitleLabel value=c.title.clone() required=true echo=echo.clone()/>
                <div class="field">
                    <label for="f-intro">{lang.t(Key::IntroLabel)}</label>
                    <p class="hint">{lang.t(Key::IntroHint)}</p>
                    <textarea id="f-intro" name="intro" rows="8">{textarea_text(&intro)}</textarea>
                </div>
                <details>
                    <summary>{lang.t(Key::IntroPreview)}</summary>
                    <div class="intro-preview" inner_html=c.intro_html.clone()></div>
                </details>
                <TextField
                    name="deadline"
                    label=Key::DeadlineLabel
                    hint=Key::DeadlineHint
                    value=c.deadline_input.clone()
                    required=true
                    echo=echo.clone()
                />
                <TextField name="sender_name" label=Key::SenderLabel value=c.sender_name.clone() echo=echo.clone()/>
                <div class="field">
                    <label for="f-contact">{lang.t(Key::ContactLabel)}</label>
                    <p class="hint">{lang.t(Key::ContactHint)}</p>
                    <textarea id="f-contact" name="contact_text" rows="3">{textarea_text(&contact)}</textarea>
                </div>
                <TextField
                    name="reminder_days"
                    label=Key::ReminderDaysLabel
                    hint=Key::ReminderDaysHint
                    kind="number"
                    value=c.reminder_days.map(|d| d.to_string()).unwrap_or_default()
                    echo=echo.clone()
                />
                <button type="submit" class="primary">{lang.t(Key::Save)}</button>
            </form>
        </section>
    }
}

#[component]
fn Items(c: AdminConsultation, echo: Option<FormEcho>, draft: bool) -> impl IntoView {
    let lang = use_lang();
    let action = format!("/admin/hoering/{}/forslag", c.id);
    let item_echo = echo_for(&echo, "items");
    let import_echo = echo_for(&echo, "import-items");
    let may_edit = c.may_edit;
    let count: usize = c.sections.iter().map(|s| s.items.len()).sum();
    // A survey's questions, each with the choice questions before it (what it can be
    // shown on), for the builder's settings.
    let mut deciders: Vec<Decider> = Vec::new();
    let mut before: std::collections::HashMap<ItemId, Vec<Decider>> = Default::default();
    for item in c.sections.iter().flat_map(|s| &s.items) {
        before.insert(item.id, deciders.clone());
        if matches!(item.kind, ItemKind::Single { .. } | ItemKind::Multi { .. }) {
            deciders.push((item.id, item.code.clone(), item.kind.options().to_vec()));
        }
    }
    let settings = c.survey && draft && may_edit;
    let languages = c.languages.clone();
    let survey = c.survey;
    view! {
        <section class="card" aria-labelledby="forslag">
            <h2 id="forslag">{lang.fill(Key::ItemsTitle.for_kind(c.survey), &[("n", &count.to_string())])}</h2>
            <Problems echo=item_echo.clone()/>
            {c
                .sections
                .into_iter()
                .map(|s| {
                    let action = action.clone();
                    view! {
                        <h3>{s.title}</h3>
                        <ol class="admin-items">
                            {s
                                .items
                                .into_iter()
                                .map(|item| {
                                    let action = action.clone();
                                    let earlier = before.remove(&item.id).unwrap_or_default();
                                    let line = survey.then(|| settings_line(lang, &item, &deciders));
                                    let mine = item_echo.clone().filter(|e| e.value("item") == Some(&item.id.to_string()));
                                    let open = mine.is_some();
                                    view! {
                                        <li>
                                            <span class="code">{item.code.clone()}</span>
                                            " "
                                            <span>{item.text.clone()}</span>
                                            {line.map(|line| view! { <br/><small class="item-settings-line">{line}</small> })}
                                            {(item.answered > 0)
                                                .then(|| view! { <small>" · " {lang.fill(Key::AnsweredBy, &[("n", &item.answered.to_string())])}</small> })}
                                            {may_edit
                                                .then(|| {
                                                    view! {
                                                        <details class="item-edit" open=open>
                                                            <summary>{lang.t(Key::Edit)}</summary>
                                                            <form method="post" action=action.clone() class="stack">
                                                                <input type="hidden" name="item" value=item.id.to_string()/>
                                                                <label for=format!("t-{}", item.id)>{lang.t(Key::ItemTextLabel)}</label>
                                                                <textarea id=format!("t-{}", item.id) name="text" rows="3">{textarea_text(&item.text)}</textarea>
                                                                <button type="submit" name="action" value="text">{lang.t(Key::Save)}</button>
                                                            </form>
                                                            {draft
                                                                .then(|| {
                                                                    view! {
                                                                        <form method="post" action=action.clone() class="inline-form">
                                                                            <input type="hidden" name="item" value=item.id.to_string()/>
                                                                            <button type="submit" name="action" value="up">{lang.t(Key::MoveUp)}</button>
                                                                            <button type="submit" name="action" value="down">{lang.t(Key::MoveDown)}</button>
                                                                            <button type="submit" name="action" value="remove">{lang.t(Key::Remove)}</button>
                                                                        </form>
                                                                    }
                                                                })}
                                                            {settings
                                                                .then(|| {
                                                                    view! {
                                                                        <h4>{lang.t(Key::ItemSettingsSummary)}</h4>
                                                                        <ItemSettingsForm
                                                                            item=item.clone()
                                                                            action=action.clone()
                                                                            deciders=earlier
                                                                            languages=languages.clone()
                                                                            echo=mine
                                                                        />
                                                                    }
                                                                })}
                                                        </details>
                                                    }
                                                })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                })
                .collect_view()}
            {(may_edit && draft)
                .then(|| {
                    view! {
                        <form method="post" action=action.clone() class="stack">
                            <h3>{lang.t(Key::AddItem.for_kind(c.survey))}</h3>
                            <TextField name="section" label=Key::SectionLabel.for_kind(c.survey) required=true echo=item_echo.clone()/>
                            <div class="field">
                                <label for="f-new-text">{lang.t(Key::ItemTextLabel)}</label>
                                <textarea id="f-new-text" name="text" rows="3" required>
                                    {textarea_text(item_echo.as_ref().and_then(|e| e.value("text")).unwrap_or_default())}
                                </textarea>
                            </div>
                            <button type="submit" name="action" value="add">{lang.t(Key::AddItem.for_kind(c.survey))}</button>
                        </form>
                        <form method="post" action=format!("/admin/hoering/{}/import", c.id) enctype="multipart/form-data" class="stack">
                            <h3>{lang.t(Key::ImportItems.for_kind(c.survey))}</h3>
                            <Problems echo=import_echo.clone()/>
                            <input type="hidden" name="kind" value="items"/>
                            <div class="field">
                                <label for="f-items-file">{lang.t(Key::SheetFileLabel)}</label>
                                <p class="hint">{lang.t(Key::ItemSheetHint.for_kind(c.survey))}</p>
                                <input id="f-items-file" type="file" name="file" accept=".csv,.txt,.xlsx,text/csv" required/>
                            </div>
                            <button type="submit">{lang.t(Key::ShowPreview)}</button>
                        </form>
                    }
                })}
        </section>
    }
}
