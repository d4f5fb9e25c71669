//! A leader's start page: their institutions in every consultation that covers them,
//! newest first, each leading to the institution's sheet beside the whole. Cards
//! rather than a table, since a leader reads it on a phone between meetings.

use super::overview::{rate_text, status_label};
use super::{loaded, page_href, Loaded, Pager};
use crate::components::PageTitle;
use crate::i18n::Key;
use crate::model::admin::{Home, LeaderHome, LeaderRow};
use crate::model::listing::encode_query;
use crate::use_lang;
use crate::wire::report;
use leptos::prelude::*;

#[component]
pub fn LeaderHomeView(home: Loaded<Home>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <PageTitle text=lang.t(Key::LeaderHomeTitle)/>
        <h1>{lang.t(Key::LeaderHomeTitle)}</h1>
        <p class="lead">{lang.t(Key::LeaderHomeLead)}</p>
        {loaded(home, move |home| match home {
            Home::Leader(home) => view! { <LeaderList home=home/> }.into_any(),
            Home::Staff(_) => ().into_any(),
        })}
    }
}

#[component]
fn LeaderList(home: LeaderHome) -> impl IntoView {
    let lang = use_lang();
    if home.units.is_empty() {
        return view! { <p>{lang.t(Key::LeaderHomeNoUnits)}</p> }.into_any();
    }
    let units = home.units.join(", ");
    view! {
        <p>{lang.fill(Key::LeaderHomeUnits, &[("units", &units)])}</p>
        {if home.rows.is_empty() {
            view! { <p>{lang.t(Key::LeaderHomeEmpty)}</p> }.into_any()
        } else {
            view! {
                <ul class="leader-list">
                    {home.rows.into_iter().map(|row| view! { <LeaderCard row=row/> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <Pager page=home.page href=page_href/>
    }
    .into_any()
}

/// The address of a unit's sheet in a consultation.
pub fn unit_sheet_href(row: &LeaderRow) -> String {
    format!(
        "/admin/hoering/{}/enhed{}",
        row.consultation_id,
        encode_query(&[(report::UNIT, row.unit.clone())])
    )
}

#[component]
fn LeaderCard(row: LeaderRow) -> impl IntoView {
    let lang = use_lang();
    let kind = lang.t(if row.survey {
        Key::KindSurveyLabel
    } else {
        Key::KindHearingLabel
    });
    view! {
        <li class="card leader-card">
            <p class="eyebrow">{kind} " · " {row.unit.clone()}</p>
            <h2><a href=unit_sheet_href(&row)>{row.title.clone()}</a></h2>
            <dl class="facts">
                <dt>{lang.t(Key::StatusLabel)}</dt>
                <dd>
                    <span class=format!("badge badge-{}", row.status.as_str())>
                        {lang.t(status_label(row.status))}
                    </span>
                </dd>
                <dt>{lang.t(if row.survey { Key::SurveyDeadlineLabel } else { Key::DeadlineLabel })}</dt>
                <dd>{row.deadline.clone()}</dd>
                <dt>{lang.fill(Key::UnitSheetRateOf, &[("unit", &row.unit)])}</dt>
                <dd>{rate_text(lang, row.invited, row.submitted)}</dd>
            </dl>
            {row.survey.then(|| view! {
                <p><a href=super::dialogue::dialogue_href(row.consultation_id, &row.unit)>{lang.t(Key::DialogueLink)}</a></p>
            })}
        </li>
    }
}
