//! Plain axum handlers for what is not a Leptos route or server function.

pub mod language;
pub mod respond_form;
