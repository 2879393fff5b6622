//! Queries on `outbox`. A claim is a lease on the row: a dispatcher that dies leaves the
//! row to be claimed again when the lease runs out, and two dispatchers (or two
//! instances on one PostgreSQL database) never hold the same row at once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewOutboxMessage, OutboxMessage};
use super::schema::outbox;
use super::DbConn;

pub const PENDING: &str = "pending";
pub const SENT: &str = "sent";
pub const FAILED: &str = "failed";

pub fn insert(conn: &mut DbConn, new: &NewOutboxMessage<'_>) -> QueryResult<()> {
    diesel::insert_into(outbox::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

/// Claim up to `limit` messages that are due, leasing each until `lease_until`.
pub fn claim_due(
    conn: &mut DbConn,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<OutboxMessage>> {
    let candidates: Vec<String> = outbox::table
        .filter(outbox::status.eq(PENDING))
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::lease_until
                .is_null()
                .or(outbox::lease_until.lt(now)),
        )
        .order(outbox::next_attempt_at.asc())
        .select(outbox::id)
        .limit(limit)
        .load(conn)?;
    let mut claimed = Vec::new();
    for id in candidates {
        // Only one claimer can change the row from "free" to "leased".
        let n = diesel::update(
            outbox::table
                .filter(outbox::id.eq(&id))
                .filter(outbox::status.eq(PENDING))
                .filter(
                    outbox::lease_until
                        .is_null()
                        .or(outbox::lease_until.lt(now)),
                ),
        )
        .set(outbox::lease_until.eq(Some(lease_until)))
        .execute(conn)?;
        if n == 1 {
            if let Some(m) = outbox::table
                .filter(outbox::id.eq(&id))
                .select(OutboxMessage::as_select())
                .first(conn)
                .optional()?
            {
                claimed.push(m);
            }
        }
    }
    Ok(claimed)
}

pub fn mark_sent(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::status.eq(SENT),
            outbox::sent_at.eq(Some(now)),
            outbox::lease_until.eq(None::<NaiveDateTime>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Record a failed attempt: try again at `next_attempt_at`, or give up (`failed`).
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    id: &str,
    error: &str,
    next_attempt_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    let target = outbox::table.filter(outbox::id.eq(id));
    match next_attempt_at {
        Some(at) => diesel::update(target)
            .set((
                outbox::attempts.eq(outbox::attempts + 1),
                outbox::next_attempt_at.eq(at),
                outbox::lease_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
        None => diesel::update(target)
            .set((
                outbox::status.eq(FAILED),
                outbox::attempts.eq(outbox::attempts + 1),
                outbox::lease_until.eq(None::<NaiveDateTime>),
                outbox::last_error.eq(Some(error)),
            ))
            .execute(conn)?,
    };
    Ok(())
}

pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::request_id.eq(request_id))
        .order(outbox::created_at.asc())
        .select(OutboxMessage::as_select())
        .load(conn)
}

pub fn count_by_status(conn: &mut DbConn, status: &str) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::status.eq(status))
        .count()
        .get_result(conn)
}

pub fn failed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::status.eq(FAILED))
        .order(outbox::created_at.desc())
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}
