//! Routed pages.

mod accessibility;
#[cfg(feature = "admin-ui")]
pub mod admin;
mod home;
mod open_link;
mod receipt;
mod respond;
pub(crate) use respond::LockBanner;

pub use accessibility::AccessibilityPage;
pub use home::{Home, NotFound};
pub use open_link::OpenLinkPage;
pub use receipt::ReceiptPage;
#[cfg(feature = "ssr")]
pub use respond::CardCache;
pub use respond::RespondPage;

use crate::api::ApiError;
use crate::i18n::Key;
use crate::use_lang;
use leptos::prelude::*;

/// The page for a link that does not work, or a failure on our side. It says the same
/// for every bad token, so it reveals nothing about which tokens exist.
#[component]
fn LinkError(error: ApiError) -> impl IntoView {
    let lang = use_lang();
    let (title, text) = match error {
        ApiError::InvalidLink => (Key::InvalidLinkTitle, Key::InvalidLinkText),
        _ => (Key::AppName, Key::ServerError),
    };
    view! {
        <crate::components::PageTitle text=lang.t(title)/>
        <article class="page-message">
            <h1>{lang.t(title)}</h1>
            <p>{lang.t(text)}</p>
        </article>
    }
}
