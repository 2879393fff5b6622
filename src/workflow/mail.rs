//! Operator actions on the outbox (DESIGN §8).

use super::{Actor, Ctx, WorkflowError};
use crate::db::models::NewAuditEvent;
use crate::db::{self, DbConn};

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
