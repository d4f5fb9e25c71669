use crate::model::ItemKind;
use crate::use_lang;
use leptos::prelude::*;

/// The answer categories of a scale item (enig / uenig / ved ikke for a hearing) as a
/// real radio group: each choice is a native radio inside its label (the whole label
/// is the touch target), keyboard-usable with the arrow keys, and posted as
/// `v<item>` with or without JavaScript.
#[component]
pub fn AnswerScale(
    item_id: i64,
    kind: ItemKind,
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
    kind.buckets()
        .into_iter()
        .enumerate()
        .map(|(i, bucket)| {
            let v = bucket.value();
            let picked = v.clone();
            let checked = v.clone();
            view! {
                <label class=format!("choice choice-{}", bucket.css_key(i))>
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
                    <span>{bucket.label(lang)}</span>
                </label>
            }
        })
        .collect_view()
}
