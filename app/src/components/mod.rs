//! Reusable view pieces.

mod answer_scale;
mod language_switch;

pub use answer_scale::AnswerScale;
pub use language_switch::LanguageSwitch;

/// Text to put inside a `<textarea>`. Leptos writes textarea children into the page
/// without escaping them (it treats the element as raw text), so on the server the
/// text is escaped here — otherwise a saved `</textarea><script>` would run in the
/// next reader's browser. The browser decodes the entities, so the field holds the
/// original text; in the browser build the text is used as it is.
pub fn textarea_text(text: &str) -> String {
    if cfg!(feature = "ssr") {
        text.replace('&', "&amp;").replace('<', "&lt;")
    } else {
        text.to_owned()
    }
}
