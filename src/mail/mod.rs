//! Email (DESIGN §8): every message is rendered from askama templates and written to the
//! outbox in the same transaction as the change that caused it; the dispatcher sends it.

pub mod dispatcher;
pub mod messages;
pub mod outbox;
pub mod transport;

/// A rendered email, ready for the outbox.
#[derive(Debug, Clone)]
pub struct Email {
    /// The template's name, e.g. `verify` (kept in the outbox for the dashboard).
    pub template: &'static str,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}
