//! The words the browser and the server exchange outside typed server functions: the
//! respondent form's field names and intents, the flags a redirect carries, the query
//! words of the report, and the paths. Pages write them, handlers and the form parser
//! read them, mails link with them — all from here, never a literal on each side.
//! (The lists' query words live with their types in `model::listing`.)

/// The respondent's form (`/svar/<token>`), posted without JavaScript.
pub mod respond {
    /// Which button was pressed.
    pub const INTENT: &str = "intent";
    pub const SAVE: &str = "save";
    pub const SUBMIT: &str = "submit";
    /// "Indsend alligevel": submit although items are blank.
    pub const CONFIRM_SUBMIT: &str = "confirm_submit";
    /// A survey answered page by page without JavaScript: save this page and go on,
    /// or back. The server decides which page comes next.
    pub const NEXT: &str = "next";
    pub const BACK: &str = "back";
    /// The page posted (from 1, as the address shows it), in the form and the address.
    pub const PAGE: &str = "side";
    pub const GENERAL_COMMENT: &str = "gc";
    pub const GENERAL_FINGERPRINT: &str = "gf";

    /// The letters that start an item's fields: its answer, its comment, and the
    /// fingerprint of what the page showed.
    pub const VALUE: char = 'v';
    pub const COMMENT: char = 'c';
    pub const FINGERPRINT: char = 'f';
    /// One chosen option of a multiple-choice item: a checkbox each, so a post may
    /// carry the name several times; the parser joins them into the stored JSON array.
    pub const CHOICE: char = 'm';

    pub fn field(slot: char, item: crate::model::ItemId) -> String {
        item.tagged(slot.encode_utf8(&mut [0; 4]))
    }

    /// Redirect flags: the draft was saved; blanks must be confirmed; another
    /// member's answers were merged in (`=<item ids>`).
    pub const SAVED: &str = "gemt";
    pub const CONFIRM: &str = "bekraeft";
    pub const MERGED: &str = "flettet";
}

/// The report's query words (`/admin/hoering/<id>/rapport?…`).
pub mod report {
    pub const SORT: &str = "sortering";
    pub const BREAKDOWN: &str = "opdeling";
    pub const GROUP: &str = "gruppe";
    /// One unit beside the whole.
    pub const UNIT: &str = "institution";
    /// The item whose comments are shown in full.
    pub const EXPAND: &str = "vis";
}

/// The paths of the pages that are linked to from more than one place.
pub mod path {
    pub const ADMIN: &str = "/admin";
    pub const SIGN_IN: &str = "/admin/log-ind";

    /// A body's personal link.
    pub fn respond(token: &str) -> String {
        format!("/svar/{token}")
    }

    pub fn receipt(token: &str) -> String {
        format!("/svar/{token}/kvittering")
    }

    /// `/svar/<token>?<flag>` (with `=value` when given).
    pub fn respond_with(token: &str, flag: &str, value: Option<&str>) -> String {
        match value {
            Some(value) => format!("/svar/{token}?{flag}={value}"),
            None => format!("/svar/{token}?{flag}=1"),
        }
    }

    /// `url` on page `page` (from 0) of a survey answered without JavaScript.
    pub fn on_page(url: String, page: Option<usize>) -> String {
        match page {
            Some(page) => {
                let joint = if url.contains('?') { '&' } else { '?' };
                format!("{url}{joint}{}={}", super::respond::PAGE, page + 1)
            }
            None => url,
        }
    }

    pub fn consultation(id: crate::model::ConsultationId) -> String {
        format!("/admin/hoering/{id}")
    }

    pub fn report(id: crate::model::ConsultationId) -> String {
        format!("/admin/hoering/{id}/rapport")
    }

    pub fn memo(id: crate::model::ConsultationId) -> String {
        format!("/admin/hoering/{id}/notat")
    }

    pub fn export(id: crate::model::ConsultationId, file: &str) -> String {
        format!("/admin/hoering/{id}/eksport/{file}")
    }
}
