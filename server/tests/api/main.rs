//! Integration tests: the real router on a free port with a fresh database.

mod helpers;
mod respond;
mod durability;
