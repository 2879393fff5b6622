//! Queries on `outbox`. A claim is a lease on one row with the claimer's worker id: a
//! dispatcher that dies leaves the row to be claimed again when the lease runs out, two
//! dispatchers (or two instances on one PostgreSQL database) never hold the same row at
//! once, and only the lease holder can record the outcome.

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

/// Ids of messages due at `now` and not leased, oldest first. Nothing is claimed yet:
/// the dispatcher leases each one with [`claim`] just before sending it.
pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<String>> {
    outbox::table
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
        .load(conn)
}

/// Lease up to `want` messages for `owner` until `lease_until`, trying `candidates` in
/// order, in one write transaction (one lock and one commit for the lot instead of one
/// per message; the multi-connection has no array binds for `id IN (…)`, so it is a loop).
/// Returns the messages leased and how many candidates were tried; each lease is taken
/// exactly as [`claim`] takes it.
pub fn claim_up_to(
    conn: &mut DbConn,
    candidates: &[String],
    want: usize,
    owner: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> QueryResult<(Vec<OutboxMessage>, usize)> {
    super::row_transaction(conn, |conn| {
        let mut claimed = Vec::with_capacity(want);
        let mut tried = 0;
        for id in candidates {
            if claimed.len() >= want {
                break;
            }
            tried += 1;
            if let Some(m) = claim(conn, id, owner, now, lease_until)? {
                claimed.push(m);
            }
        }
        Ok((claimed, tried))
    })
}

/// Lease one message for `owner` until `lease_until`, if it is still pending, due and
/// free (never leased, or its lease ran out) at `now`. Only one claimer can change the
/// row from free to leased; the others get `None`.
pub fn claim(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> QueryResult<Option<OutboxMessage>> {
    let _pass = super::write_gate(conn);
    // One round trip: the row comes back from the UPDATE (issue 6: per-message cost).
    let claimed = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq(PENDING))
            .filter(outbox::next_attempt_at.le(now))
            .filter(
                outbox::lease_until
                    .is_null()
                    .or(outbox::lease_until.lt(now)),
            ),
    )
    .set((
        outbox::lease_until.eq(Some(lease_until)),
        outbox::lease_owner.eq(Some(owner)),
    ))
    .returning(outbox::all_columns)
    .get_result::<OutboxMessage>(conn)
    .optional()?;
    // The link may reach the subject as soon as the server has the message, before the
    // sending is recorded: make it valid from now (again from `mark_sent`).
    if let Some(token_id) = claimed.as_ref().and_then(|m| m.token_id.as_deref()) {
        super::tokens::restart_validity(conn, token_id, now)?;
    }
    Ok(claimed)
}

/// The rows `owner` may still finish: its own lease, still pending.
macro_rules! held_by {
    ($id:expr, $owner:expr) => {
        outbox::table
            .filter(outbox::id.eq($id))
            .filter(outbox::lease_owner.eq($owner))
            .filter(outbox::status.eq(PENDING))
    };
}

/// Record that `owner` sent the message: status sent, the sealed copy dropped (the stored
/// bodies keep only the marker), and the link token's validity restarted at `now` (it
/// counts from when the subject could first read the link). False, with nothing
/// changed, when `owner` no longer holds the lease.
pub fn mark_sent(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let _pass = super::write_gate(conn);
    conn.transaction(|conn| mark_sent_in_transaction(conn, id, owner, now))
}

/// What became of one leased message.
pub enum Outcome {
    Sent {
        id: String,
        at: NaiveDateTime,
    },
    /// Try again at `next_attempt_at`, or give up (`None`).
    Failed {
        id: String,
        error: String,
        first_attempt_at: NaiveDateTime,
        next_attempt_at: Option<NaiveDateTime>,
    },
}

/// Record the outcomes of `owner`'s attempts in one write transaction, each exactly as
/// [`mark_sent`] or [`mark_attempt_failed`] records it: for each, false (nothing changed)
/// when `owner` no longer holds that lease.
pub fn record_outcomes(
    conn: &mut DbConn,
    owner: &str,
    outcomes: &[Outcome],
) -> QueryResult<Vec<bool>> {
    super::row_transaction(conn, |conn| {
        outcomes
            .iter()
            .map(|outcome| match outcome {
                Outcome::Sent { id, at } => mark_sent_in_transaction(conn, id, owner, *at),
                Outcome::Failed {
                    id,
                    error,
                    first_attempt_at,
                    next_attempt_at,
                } => {
                    mark_attempt_failed(conn, id, owner, error, *first_attempt_at, *next_attempt_at)
                }
            })
            .collect()
    })
}

fn mark_sent_in_transaction(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated: Option<Option<String>> = diesel::update(held_by!(id, owner))
        .set((
            outbox::status.eq(SENT),
            outbox::sent_at.eq(Some(now)),
            outbox::lease_until.eq(None::<NaiveDateTime>),
            outbox::lease_owner.eq(None::<String>),
            outbox::sealed_body.eq(None::<String>),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(None::<String>),
        ))
        .returning(outbox::token_id)
        .get_result(conn)
        .optional()?;
    let Some(token_id) = updated else {
        return Ok(false);
    };
    if let Some(token_id) = token_id {
        super::tokens::restart_validity(conn, &token_id, now)?;
    }
    Ok(true)
}

/// Record a failed attempt by `owner`: try again at `next_attempt_at`, or give up
/// (`failed`). `first_attempt_at` is kept from the first failure on. False, with nothing
/// changed, when `owner` no longer holds the lease.
pub fn mark_attempt_failed(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    error: &str,
    first_attempt_at: NaiveDateTime,
    next_attempt_at: Option<NaiveDateTime>,
) -> QueryResult<bool> {
    let _pass = super::write_gate(conn);
    let n = match next_attempt_at {
        Some(at) => diesel::update(held_by!(id, owner))
            .set((
                outbox::attempts.eq(outbox::attempts + 1),
                outbox::next_attempt_at.eq(at),
                outbox::lease_until.eq(None::<NaiveDateTime>),
                outbox::lease_owner.eq(None::<String>),
                outbox::last_error.eq(Some(error)),
                outbox::first_attempt_at.eq(Some(first_attempt_at)),
            ))
            .execute(conn)?,
        None => diesel::update(held_by!(id, owner))
            .set((
                outbox::status.eq(FAILED),
                outbox::attempts.eq(outbox::attempts + 1),
                outbox::lease_until.eq(None::<NaiveDateTime>),
                outbox::lease_owner.eq(None::<String>),
                outbox::last_error.eq(Some(error)),
                outbox::first_attempt_at.eq(Some(first_attempt_at)),
            ))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Put every failed message back in the queue: pending, no attempts, due at `now`, no
/// lease, a fresh retry span. Its sealed body (if any) was kept, so it can still be sent.
pub fn requeue_failed(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(outbox::table.filter(outbox::status.eq(FAILED)))
        .set((
            outbox::status.eq(PENDING),
            outbox::attempts.eq(0),
            outbox::next_attempt_at.eq(now),
            outbox::lease_until.eq(None::<NaiveDateTime>),
            outbox::lease_owner.eq(None::<String>),
            outbox::first_attempt_at.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)
}

/// Put one failed message back in the queue, as `requeue_failed` does for all. Returns
/// its request id (if any), or `None` when no failed message has this id (already
/// requeued by someone else, or never failed).
pub fn requeue_one(
    conn: &mut DbConn,
    id: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<Option<String>>> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::status.eq(FAILED)),
    )
    .set((
        outbox::status.eq(PENDING),
        outbox::attempts.eq(0),
        outbox::next_attempt_at.eq(now),
        outbox::lease_until.eq(None::<NaiveDateTime>),
        outbox::lease_owner.eq(None::<String>),
        outbox::first_attempt_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    if n == 0 {
        return Ok(None);
    }
    outbox::table
        .filter(outbox::id.eq(id))
        .select(outbox::request_id)
        .first(conn)
        .map(Some)
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

/// Failed messages for the dashboard's alert, counted up to `requests::COUNT_CAP` (an
/// SMTP outage can fail thousands; the alert needs no exact figure beyond that).
pub fn count_failed_capped(conn: &mut DbConn) -> QueryResult<super::requests::QueueCount> {
    use super::requests::{QueueCount, COUNT_CAP};
    let n: i64 = outbox::table
        .filter(outbox::status.eq(FAILED))
        // A column of the `outbox_due` index, so only the index is read.
        .select(outbox::next_attempt_at)
        .limit(COUNT_CAP + 1)
        .load::<chrono::NaiveDateTime>(conn)?
        .len() as i64;
    Ok(QueueCount::capped(n))
}

/// `count_failed_capped` as a scalar subquery for a larger statement; `limit` is the
/// placeholder of `COUNT_CAP + 1`. Reads only the `outbox_due` index.
pub(super) fn failed_capped_sql(limit: &str) -> String {
    format!(
        "SELECT count(*) FROM (SELECT 1 FROM outbox WHERE status = '{FAILED}' LIMIT {limit}) AS f"
    )
}

pub fn failed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OutboxMessage>> {
    outbox::table
        .filter(outbox::status.eq(FAILED))
        .order(outbox::created_at.desc())
        .limit(limit)
        .select(OutboxMessage::as_select())
        .load(conn)
}

/// A stored row's id, status, text body and HTML body.
pub type StoredBodies = (String, String, String, Option<String>);

/// A page of rows with no sealed copy, by id (for the one-off data fix that protects
/// rows written before bodies were sealed).
pub fn unsealed_after(
    conn: &mut DbConn,
    after_id: &str,
    limit: i64,
) -> QueryResult<Vec<StoredBodies>> {
    outbox::table
        .filter(outbox::sealed_body.is_null())
        .filter(outbox::id.gt(after_id))
        .order(outbox::id.asc())
        .select((
            outbox::id,
            outbox::status,
            outbox::body_text,
            outbox::body_html,
        ))
        .limit(limit)
        .load(conn)
}

/// Replace a row's stored bodies (and its sealed copy).
pub fn rewrite_bodies(
    conn: &mut DbConn,
    id: &str,
    text: &str,
    html: Option<&str>,
    sealed: Option<&str>,
) -> QueryResult<()> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::body_text.eq(text),
            outbox::body_html.eq(html),
            outbox::sealed_body.eq(sealed),
        ))
        .execute(conn)?;
    Ok(())
}
