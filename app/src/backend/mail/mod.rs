//! E-mail: composing the Danish mails, the outbox they wait in, and the transports
//! that deliver them (SMTP, or `.eml` files for development and the demo).

pub mod compose;
pub mod outbox;
pub mod transport;
