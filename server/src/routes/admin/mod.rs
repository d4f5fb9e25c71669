//! The administration's form posts, one module per thing acted on. Each handler
//! checks the session and the role ([`extract`]), validates, calls one backend
//! action, and then either redirects back with a message (post/redirect/get) or shows
//! the page again with what was typed and what was wrong ([`reply`]).

mod bodies;
mod consultations;
mod extract;
mod guideposts;
mod imports;
mod notes;
mod open_links;
mod reply;
mod session;
mod users;

pub use extract::Staff;

use app::edge::state::AppState;
use axum::Router;

/// Every form post of the administration.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(session::routes())
        .merge(users::routes())
        .merge(consultations::routes())
        .merge(bodies::routes())
        .merge(imports::routes())
        .merge(notes::routes())
        .merge(open_links::routes())
        .merge(guideposts::routes())
}
