use crate::model::{ItemId, ItemKind};
use crate::use_lang;
use leptos::either::Either;
use leptos::prelude::*;

/// The answer categories of an item as native inputs inside their labels (the whole
/// label is the touch target): radios for a scale or a single choice — enig / uenig /
/// ved ikke for a hearing — posted as `v<item>`, keyboard-usable with the arrow keys;
/// checkboxes for a multiple choice, each posted as `m<item>=<option>`, which the
/// server joins into the stored JSON array. With JavaScript every change hands the
/// new stored value ("" when nothing is chosen) to `on_pick`.
#[component]
pub fn AnswerScale(
    item_id: ItemId,
    kind: ItemKind,
    /// What the server had when the page was rendered (for the HTML).
    initial: String,
    /// The live value (for updates after hydration).
    value: RwSignal<String>,
    disabled: bool,
    #[prop(optional)] described_by: Option<String>,
    /// The options as the reader reads them (a translation), in the kind's order;
    /// empty: as stored.
    #[prop(optional)]
    option_labels: Vec<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let label_of = move |i: usize, stored: String| option_labels.get(i).cloned().unwrap_or(stored);
    if let ItemKind::Multi { options, .. } = kind {
        let labelled = options
            .into_iter()
            .enumerate()
            .map(|(i, option)| (option.clone(), label_of(i, option)))
            .collect();
        return Either::Left(boxes(
            item_id,
            labelled,
            &initial,
            value,
            disabled,
            described_by,
            on_pick,
        ));
    }
    let lang = use_lang();
    let name = crate::wire::respond::field(crate::wire::respond::VALUE, item_id);
    let radios = kind
        .buckets()
        .into_iter()
        .enumerate()
        .map(|(i, bucket)| {
            let v = bucket.value();
            let picked = v.clone();
            let checked = v.clone();
            view! {
                <label class=["choice choice-", &bucket.css_key(i)].concat()>
                    <input
                        type="radio"
                        name=name.clone()
                        value=v.clone()
                        checked=initial == v
                        prop:checked=move || value.read() == checked
                        disabled=disabled
                        aria-describedby=described_by.clone()
                        on:change=move |_| on_pick.run(picked.clone())
                    />
                    <span>{label_of(i, bucket.label(lang))}</span>
                </label>
            }
        })
        .collect_view();
    Either::Right(radios)
}

/// A multiple choice's checkboxes, each (stored option, label); the stored value is
/// the JSON array of the chosen options, in the options' order.
fn boxes(
    item_id: ItemId,
    options: Vec<(String, String)>,
    initial: &str,
    value: RwSignal<String>,
    disabled: bool,
    described_by: Option<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let name = crate::wire::respond::field(crate::wire::respond::CHOICE, item_id);
    let chosen_at_render: Vec<String> = serde_json::from_str(initial).unwrap_or_default();
    let all = StoredValue::new(options.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>());
    let chosen = move || -> Vec<String> { serde_json::from_str(&value.read()).unwrap_or_default() };
    options
        .into_iter()
        .map(|(option, label)| {
            let checked = chosen_at_render.contains(&option);
            let mine = option.clone();
            let toggled = option.clone();
            view! {
                <label class="choice choice-box">
                    <input
                        type="checkbox"
                        name=name.clone()
                        value=option.clone()
                        checked=checked
                        prop:checked=move || chosen().contains(&mine)
                        disabled=disabled
                        aria-describedby=described_by.clone()
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let now: Vec<String> = all.with_value(|all| {
                                let before = chosen();
                                all.iter()
                                    .filter(|o| if **o == toggled { on } else { before.contains(o) })
                                    .cloned()
                                    .collect()
                            });
                            let stored = if now.is_empty() {
                                String::new()
                            } else {
                                serde_json::to_string(&now).unwrap_or_default()
                            };
                            on_pick.run(stored);
                        }
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view()
}
