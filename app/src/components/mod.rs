//! Reusable view pieces.

mod answer_scale;
mod language_switch;

pub use answer_scale::{answer_label, AnswerScale};
pub use language_switch::LanguageSwitch;
