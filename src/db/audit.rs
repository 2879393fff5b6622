//! The audit trail (accountability, GDPR Art. 5(2)). Rows are only ever inserted.

use diesel::prelude::*;

use super::models::{AuditEvent, NewAuditEvent};
use super::schema::audit_events;
use super::DbConn;

pub fn record(conn: &mut DbConn, event: &NewAuditEvent<'_>) -> QueryResult<()> {
    diesel::insert_into(audit_events::table)
        .values(event)
        .execute(conn)?;
    Ok(())
}

pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<AuditEvent>> {
    audit_events::table
        .filter(audit_events::request_id.eq(request_id))
        .order(audit_events::id.asc())
        .select(AuditEvent::as_select())
        .load(conn)
}
