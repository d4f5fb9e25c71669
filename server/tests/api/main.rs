//! Integration tests: the real router on a free port with a fresh database.

mod accounts;
mod admin;
mod durability;
mod edge;
mod engines;
mod guideposts;
mod helpers;
mod import;
mod instances;
mod leaders;
mod listing;
mod mail;
mod mail_restart;
mod process;
mod report;
mod respond;
mod security;
mod series;
mod smtp;
mod survey;
mod targets;
