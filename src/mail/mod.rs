//! Email (DESIGN §8): every message is rendered from askama templates and written to the
//! outbox in the same transaction as the change that caused it; the dispatcher sends it.

pub mod dispatcher;
pub mod messages;
pub mod outbox;
pub mod seal;
pub mod transport;

/// A rendered email, ready for the outbox.
#[derive(Clone)]
pub struct Email {
    /// The template's name, e.g. `verify` (kept in the outbox for the dashboard).
    pub template: &'static str,
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The link token the bodies carry, if any. The outbox keeps bodies with a token
    /// only sealed, and the token's validity counts from when the mail is sent.
    pub link: Option<LinkToken>,
}

/// A link token put into an email: its row id in `tokens` and the secret in the link.
#[derive(Clone)]
pub struct LinkToken {
    pub id: String,
    pub secret: String,
}

impl Email {
    /// Mark the token whose secret the rendered bodies carry.
    pub fn carrying(mut self, id: &str, secret: &str) -> Self {
        self.link = Some(LinkToken {
            id: id.to_string(),
            secret: secret.to_string(),
        });
        self
    }
}

// DESIGN §9: secrets never appear in `Debug` output; the bodies hold working links.
impl std::fmt::Debug for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Email")
            .field("template", &self.template)
            .field("to", &crate::domain::newtypes::mask_email(&self.to))
            .field("subject", &self.subject)
            .field("link", &self.link.as_ref().map(|l| &l.id))
            .finish_non_exhaustive()
    }
}
