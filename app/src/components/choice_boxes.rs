use leptos::prelude::*;

/// A multiple-choice item as checkboxes: each checked box posts `m<item>=<option>`,
/// which the server joins into the stored JSON array; with JavaScript, every change
/// hands the whole array (or "" when nothing is chosen) to `on_pick`.
#[component]
pub fn ChoiceBoxes(
    item_id: i64,
    options: Vec<String>,
    /// The stored JSON array the page was rendered from.
    initial: String,
    /// The live stored value.
    value: RwSignal<String>,
    disabled: bool,
    #[prop(optional)] described_by: Option<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let name = crate::wire::respond::field(crate::wire::respond::CHOICE, item_id);
    let chosen_at_render: Vec<String> = serde_json::from_str(&initial).unwrap_or_default();
    let all = StoredValue::new(options.clone());
    let chosen = move || -> Vec<String> { serde_json::from_str(&value.read()).unwrap_or_default() };
    options
        .into_iter()
        .map(|option| {
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
                    <span>{option}</span>
                </label>
            }
        })
        .collect_view()
}
