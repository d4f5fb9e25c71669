//! Targets on the pages: where a figure stands against its target, in words with a
//! mark (never colour alone), and the report's forms that set a question's or an
//! area's target. The forms post without JavaScript.

use super::Problems;
use crate::i18n::{Key, Lang};
use crate::model::admin::FormEcho;
use crate::model::target::{AreaTarget, Metric, Standing, Target, TargetView};
use crate::model::{ItemId, ItemKind};
use crate::use_lang;
use leptos::prelude::*;

/// "Over målet", "Tæt på målet", "Under målet", or "Kan ikke vurderes" where the
/// figure is suppressed or missing.
#[component]
pub fn StandingText(standing: Option<Standing>) -> impl IntoView {
    let lang = use_lang();
    match standing {
        Some(s) => {
            view! { <span class=format!("standing {}", s.class())>{lang.t(s.label())}</span> }
                .into_any()
        }
        None => {
            view! { <span class="standing standing-unknown">{lang.t(Key::TargetUnknown)}</span> }
                .into_any()
        }
    }
}

/// Where the whole stands, and the target: "▼ Under målet · Mål: ≥ 80 % positive".
#[component]
pub fn TargetLine(view: TargetView) -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="target-line">
            <StandingText standing=view.whole/> " · " {target_text(lang, &view)}
        </p>
    }
}

/// "Mål: ≥ 80 % positive (områdets mål)".
pub fn target_text(lang: Lang, view: &TargetView) -> String {
    let text = lang.fill(Key::TargetLine, &[("target", &view.target.text(lang))]);
    if view.from_area {
        format!("{text} {}", lang.t(Key::TargetFromArea))
    } else {
        text
    }
}

/// A question's target on the report: where the whole stands, and for the
/// administration a form to set, change or remove it (open when it was refused).
#[component]
pub fn ItemTarget(
    item: ItemId,
    kind: ItemKind,
    view: Option<TargetView>,
    base: String,
    can_edit: bool,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let metrics = Metric::for_kind(&kind);
    let echo = echo.filter(|e| e.form == "target" && e.value("item") == Some(&item.to_string()));
    let line = view.clone().map(|v| view! { <TargetLine view=v/> });
    // A refused post about a question without a form (no figure to set a target on)
    // still says why.
    if metrics.is_empty() {
        return view! { {line} <Problems echo=echo/> }.into_any();
    }
    let form = can_edit.then(|| {
        let own = view.filter(|v| !v.from_area).map(|v| v.target);
        let refused = echo.is_some();
        view! {
            <details class="target-form" open=refused>
                <summary>{lang.t(Key::TargetSet)}</summary>
                <TargetFields
                    action=format!("{base}/rapport/maal")
                    scope=("item", item.to_string())
                    metrics=metrics
                    current=own
                    echo=echo
                />
            </details>
        }
    });
    view! { {line} {form} }.into_any()
}

/// The report's card of area targets: each area with its target, and for the
/// administration a form each.
#[component]
pub fn AreaTargets(
    areas: Vec<AreaTarget>,
    base: String,
    can_edit: bool,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let areas: Vec<AreaTarget> = areas
        .into_iter()
        .filter(|a| !a.metrics.is_empty())
        .collect();
    if areas.is_empty() || (!can_edit && areas.iter().all(|a| a.target.is_none())) {
        return ().into_any();
    }
    let echo = echo.filter(|e| e.form == "target" && e.value("section").is_some());
    view! {
        <section class="card" id="omraader" aria-labelledby="omraader-h">
            <h2 id="omraader-h">{lang.t(Key::AreaTargetsTitle)}</h2>
            <p class="hint">{lang.t(Key::AreaTargetsHint)} " " {lang.t(Key::TargetsHint)}</p>
            <ul class="area-targets">
                {areas.into_iter().map(|area| {
                    let id = area.section_id.to_string();
                    let mine = echo.clone().filter(|e| e.value("section") == Some(id.as_str()));
                    let current = area.target.map_or_else(
                        || lang.t(Key::AreaTargetNone).to_owned(),
                        |t| t.text(lang),
                    );
                    view! {
                        <li id=format!("omraade-{id}")>
                            <h3>{area.title.clone()}</h3>
                            <p>{current}</p>
                            {can_edit.then(|| view! {
                                <TargetFields
                                    action=format!("{base}/rapport/maal")
                                    scope=("section", id.clone())
                                    metrics=area.metrics.clone()
                                    current=area.target
                                    echo=mine
                                />
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

/// The figure and the least good-enough value, with "Gem mål" and — when there is a
/// target — "Fjern mål". Field ids carry the scope, as many forms share the page.
#[component]
fn TargetFields(
    action: String,
    scope: (&'static str, String),
    metrics: Vec<Metric>,
    current: Option<Target>,
    echo: Option<FormEcho>,
) -> impl IntoView {
    let lang = use_lang();
    let (name, id) = scope;
    let suffix = format!("{name}-{id}");
    let chosen = echo
        .as_ref()
        .and_then(|e| e.value("metric").and_then(Metric::parse))
        .or(current.map(|t| t.metric));
    let typed = echo
        .as_ref()
        .and_then(|e| e.value("threshold").map(str::to_owned))
        .or_else(|| current.map(|t| t.number(lang)))
        .unwrap_or_default();
    let invalid = echo.is_some();
    view! {
        <form method="post" action=action class="target-fields">
            <Problems echo=echo.clone()/>
            <input type="hidden" name=name value=id/>
            <div class="field">
                <label for=format!("f-metric-{suffix}")>{lang.t(Key::TargetMetricLabel)}</label>
                <select id=format!("f-metric-{suffix}") name="metric">
                    {metrics.into_iter().map(|m| view! {
                        <option value=m.as_str() selected=chosen == Some(m)>{lang.t(m.label())}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=format!("f-threshold-{suffix}")>{lang.t(Key::TargetThresholdLabel)}</label>
                <input
                    id=format!("f-threshold-{suffix}")
                    name="threshold"
                    type="text"
                    inputmode="decimal"
                    size="6"
                    value=typed
                    aria-invalid=invalid.then_some("true")
                />
            </div>
            <button type="submit" name="intent" value="save">{lang.t(Key::SaveTarget)}</button>
            {current.map(|_| view! {
                <button type="submit" name="intent" value="remove" class="link-button">{lang.t(Key::RemoveTarget)}</button>
            })}
        </form>
    }
}
