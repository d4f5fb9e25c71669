//! The HTTP edge, on the server only: the state every handler and server function
//! reaches, what a request says about who sent it (cookies, language, session), the
//! security headers' values, and how an error becomes a response. The backend below
//! it knows nothing of HTTP.

pub mod request;
pub mod response;
pub mod security;
pub mod state;
