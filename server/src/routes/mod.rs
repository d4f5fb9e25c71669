//! Plain axum handlers for what is not a Leptos route or server function.

pub mod admin;
pub mod client_addr;
pub mod export;
pub mod language;
pub mod negotiate;
pub mod open_link;
pub mod page_brotli;
pub mod render;
pub mod respond_form;
pub mod same_origin;
pub mod security_headers;
