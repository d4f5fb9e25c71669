//! Integration tests: the real router on a free port with a fresh database.

mod durability;
mod helpers;
mod respond;
