#![recursion_limit = "512"]

//! The server crate as a library, so the integration tests start exactly what the
//! binary starts.

pub mod config;
pub mod housekeeping;
pub mod mail_worker;
pub mod routes;
pub mod serve;
pub mod startup;
