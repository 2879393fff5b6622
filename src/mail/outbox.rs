//! Putting a rendered email into the outbox. Call it with the connection of the
//! transaction that made the change, so the change and its email commit together.
//!
//! A body that carries a link token is never stored in clear (DESIGN §8): `body_text` and
//! `body_html` hold it with the token replaced by [`TOKEN_MARKER`] (safe to show at any
//! time), and the full bodies are sealed in `sealed_body` until the message is sent.

use std::cell::Cell;

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

thread_local! {
    /// Set by [`enqueue`] on the thread that runs the transaction; read by
    /// [`noting_queued_mail`] once that transaction is over.
    static MAIL_QUEUED: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` (blocking database work: one or more workflow calls, each its own
/// transaction) and tell whether it put mail into the outbox. Once `f` has returned its
/// transactions are over, so the caller can wake the dispatcher knowing the rows are
/// committed (DESIGN §8: the dispatcher is woken when a message is committed). Mail
/// queued in a transaction that then rolled back still says `true`: a wasted look at the
/// outbox, never a lost message.
pub fn noting_queued_mail<T>(f: impl FnOnce() -> T) -> (T, bool) {
    let outer = MAIL_QUEUED.replace(false);
    let result = f();
    let queued = MAIL_QUEUED.get();
    MAIL_QUEUED.set(outer || queued);
    (result, queued)
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
    MAIL_QUEUED.set(true);
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

/// Link tokens in a body written before bodies were sealed: what follows `/verify/`,
/// `/s/` or `/setup/` when it has a token's shape (43 URL-safe base64 characters).
pub fn link_tokens_in(body: &str) -> Vec<&str> {
    const PATHS: [&str; 3] = ["/verify/", "/s/", "/setup/"];
    let is_token_char = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let mut found = Vec::new();
    for path in PATHS {
        for (at, _) in body.match_indices(path) {
            let start = at + path.len();
            let rest = &body.as_bytes()[start..];
            let len = rest.iter().take_while(|b| is_token_char(**b)).count();
            if len == 43 {
                found.push(&body[start..start + len]);
            }
        }
    }
    found
}

/// One-off fix for rows stored before sealing (issue 5 item 6): a message not yet sent
/// gets its full bodies sealed and its stored bodies redacted; a sent one keeps only the
/// redacted bodies. Runs in batches; returns how many rows changed.
pub fn protect_unsealed_rows(conn: &mut DbConn, sealer: &Sealer) -> diesel::QueryResult<usize> {
    let mut changed = 0;
    let mut after = String::new();
    loop {
        let rows = db::outbox::unsealed_after(conn, &after, 500)?;
        let Some(last) = rows.last() else {
            return Ok(changed);
        };
        after = last.0.clone();
        for (id, status, text, html) in rows {
            let mut tokens = link_tokens_in(&text);
            tokens.extend(html.as_deref().map(link_tokens_in).unwrap_or_default());
            if tokens.is_empty() {
                continue;
            }
            let redact = |s: &str| {
                tokens
                    .iter()
                    .fold(s.to_string(), |acc, t| acc.replace(t, TOKEN_MARKER))
            };
            let sealed = if status == db::outbox::SENT {
                None
            } else {
                let json = serde_json::to_vec(&Bodies {
                    text: text.clone(),
                    html: html.clone(),
                })
                .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
                Some(sealer.seal(&json, &id))
            };
            db::outbox::rewrite_bodies(
                conn,
                &id,
                &redact(&text),
                html.as_deref().map(redact).as_deref(),
                sealed.as_deref(),
            )?;
            changed += 1;
        }
    }
}
