//! Putting a rendered email into the outbox. Call it with the connection of the
//! transaction that made the change, so the change and its email commit together.

use chrono::NaiveDateTime;

use super::Email;
use crate::db::models::NewOutboxMessage;
use crate::db::{self, DbConn};

pub fn enqueue(
    conn: &mut DbConn,
    email: &Email,
    request_id: Option<&str>,
    now: NaiveDateTime,
) -> diesel::QueryResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    db::outbox::insert(
        conn,
        &NewOutboxMessage {
            id: &id,
            template: email.template,
            to_address: &email.to,
            subject: &email.subject,
            body_text: &email.text,
            body_html: Some(&email.html),
            request_id,
            status: db::outbox::PENDING,
            attempts: 0,
            next_attempt_at: now,
            created_at: now,
        },
    )?;
    Ok(id)
}
