//! Operator actions on the outbox (DESIGN §8).

use super::{Actor, Ctx, WorkflowError};
use crate::db::models::NewAuditEvent;
use crate::db::{self, DbConn};

/// A handler resends one message that could not be sent (the failed-mail page): it goes
/// back in the queue now, and the audit trail says who. A message that is no longer
/// failed (someone resent it first) is a conflict, and nothing changes. Returns the
/// request the message was about, if any.
pub fn resend_one(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
    message_id: &str,
) -> Result<Option<String>, WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let Some(request_id) = db::outbox::requeue_one(conn, message_id, now)? else {
            return Err(WorkflowError::Conflict(crate::domain::msg::Msg::new(
                "dash-failed-not-failed",
            )));
        };
        db::audit::record(
            conn,
            &NewAuditEvent {
                request_id: request_id.as_deref(),
                actor: &actor.label(),
                action: "mail_requeued",
                from_status: None,
                to_status: None,
                note: Some(&format!("message {message_id} resent")),
                at: now,
            },
        )?;
        Ok(request_id)
    })
}

/// `dsr-tracker mail requeue --failed`: put every failed message back in the queue (due
/// now, attempts and retry span reset), and record it in the audit trail. Returns how
/// many messages were requeued.
pub fn requeue_failed(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    actor: &Actor<'_>,
) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let n = db::write_transaction(conn, |conn| {
        let n = db::outbox::requeue_failed(conn, now)?;
        if n > 0 {
            db::audit::record(
                conn,
                &NewAuditEvent {
                    request_id: None,
                    actor: &actor.label(),
                    action: "mail_requeued",
                    from_status: None,
                    to_status: None,
                    note: Some(&format!("{n} failed message(s) requeued")),
                    at: now,
                },
            )?;
        }
        Ok::<_, WorkflowError>(n)
    })?;
    tracing::info!(requeued = n, "failed mail requeued");
    Ok(n)
}
