//! Putting a rendered email into the outbox. Call it with the connection of the
//! transaction that made the change, so the change and its email commit together.
//!
//! A body that carries a link token is never stored in clear (DESIGN §8): `body_text` and
//! `body_html` hold it with the token replaced by [`TOKEN_MARKER`] (safe to show at any
//! time), and the full bodies are sealed in `sealed_body` until the message is sent.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::seal::{SealError, Sealer};
use super::Email;
use crate::db::models::{NewOutboxMessage, OutboxMessage};
use crate::db::{self, DbConn};

/// What stands in a stored body where the link token was.
pub const TOKEN_MARKER: &str = "[link token removed]";

/// The full bodies of a message, as sealed.
#[derive(Serialize, Deserialize)]
pub struct Bodies {
    pub text: String,
    pub html: Option<String>,
}

pub fn enqueue(
    conn: &mut DbConn,
    sealer: &Sealer,
    email: &Email,
    request_id: Option<&str>,
    now: NaiveDateTime,
) -> diesel::QueryResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let (text, html, sealed) = match &email.link {
        Some(link) if !link.secret.is_empty() => {
            let full = Bodies {
                text: email.text.clone(),
                html: Some(email.html.clone()),
            };
            let json = serde_json::to_vec(&full)
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
            (
                email.text.replace(&link.secret, TOKEN_MARKER),
                email.html.replace(&link.secret, TOKEN_MARKER),
                Some(sealer.seal(&json, &id)),
            )
        }
        _ => (email.text.clone(), email.html.clone(), None),
    };
    db::outbox::insert(
        conn,
        &NewOutboxMessage {
            id: &id,
            template: email.template,
            to_address: &email.to,
            subject: &email.subject,
            body_text: &text,
            body_html: Some(&html),
            request_id,
            status: db::outbox::PENDING,
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
            sealed_body: sealed.as_deref(),
            token_id: email.link.as_ref().map(|l| l.id.as_str()),
        },
    )?;
    Ok(id)
}

/// The bodies to send: the sealed copy when there is one, else the stored bodies.
pub fn bodies_to_send(sealer: &Sealer, m: &OutboxMessage) -> Result<Bodies, SealError> {
    match &m.sealed_body {
        Some(sealed) => {
            let plain = sealer.open(sealed, &m.id)?;
            serde_json::from_slice(&plain).map_err(|_| SealError::Refused)
        }
        None => Ok(Bodies {
            text: m.body_text.clone(),
            html: m.body_html.clone(),
        }),
    }
}
