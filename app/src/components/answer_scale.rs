use crate::model::{answer_label, AgreeValue};
use crate::use_lang;
use leptos::prelude::*;

/// Enig / uenig / ved ikke as a real radio group: each choice is a native radio inside
/// its label (the whole label is the touch target), keyboard-usable with the arrow
/// keys, and posted as `v<item>` with or without JavaScript.
#[component]
pub fn AnswerScale(
    item_id: i64,
    /// What the server had when the page was rendered (for the HTML).
    initial: String,
    /// The live value (for updates after hydration).
    value: RwSignal<String>,
    disabled: bool,
    #[prop(optional)] described_by: Option<String>,
    on_pick: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    let name = crate::wire::respond::field(crate::wire::respond::VALUE, item_id);
    AgreeValue::ALL
        .into_iter()
        .map(|choice| {
            let v = choice.as_str();
            view! {
                <label class=format!("choice choice-{v}")>
                    <input
                        type="radio"
                        name=name.clone()
                        value=v
                        checked=initial == v
                        prop:checked=move || value.get() == v
                        disabled=disabled
                        aria-describedby=described_by.clone()
                        on:change=move |_| on_pick.run(v.to_owned())
                    />
                    <span>{answer_label(lang, v)}</span>
                </label>
            }
        })
        .collect_view()
}
