//! Queries on `requests` and `reference_counters`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::models::{NewRequest, Request};
use super::schema::{reference_counters, requests};
use super::DbConn;

/// The next human reference for the year, e.g. `DSR-2026-000123`.
/// Call inside `write_transaction`, which serialises numbering.
pub fn next_reference(conn: &mut DbConn, year: i32) -> QueryResult<String> {
    let n = reserve_reference_numbers(conn, year, 1)?;
    Ok(format_reference(year, n))
}

pub fn format_reference(year: i32, n: i32) -> String {
    format!("DSR-{year}-{n:06}")
}

pub fn insert(conn: &mut DbConn, new: &NewRequest<'_>) -> QueryResult<()> {
    diesel::insert_into(requests::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Request>> {
    requests::table
        .filter(requests::id.eq(id))
        .select(Request::as_select())
        .first(conn)
        .optional()
}

pub fn list_for_email(conn: &mut DbConn, email: &str) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::subject_email.eq(email))
        .order((requests::received_at.desc(), requests::id))
        .select(Request::as_select())
        .load(conn)
}

pub fn exists_for_email(conn: &mut DbConn, email: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        requests::table.filter(requests::subject_email.eq(email)),
    ))
    .get_result(conn)
}

/// The columns a transition or a clock change may touch. `None` leaves a column as it
/// is; `Some(None)` sets it to NULL.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = requests)]
pub struct RequestChanges<'a> {
    pub status: Option<&'a str>,
    pub outcome: Option<Option<&'a str>>,
    pub rejection_reason: Option<Option<&'a str>>,
    pub verified_at: Option<Option<NaiveDateTime>>,
    pub verification_method: Option<Option<&'a str>>,
    pub paused_since: Option<Option<NaiveDateTime>>,
    pub paused_days: Option<i32>,
    pub due_date: Option<NaiveDate>,
    pub closed_at: Option<Option<NaiveDateTime>>,
    pub updated_at: Option<NaiveDateTime>,
}

/// Apply changes only if the request is still in `expected_status` (two people acting at
/// once cannot both win). Returns whether the row changed.
pub fn update_if_status(
    conn: &mut DbConn,
    id: &str,
    expected_status: &str,
    changes: &RequestChanges<'_>,
) -> QueryResult<bool> {
    let n = diesel::update(
        requests::table
            .filter(requests::id.eq(id))
            .filter(requests::status.eq(expected_status)),
    )
    .set(changes)
    .execute(conn)?;
    Ok(n == 1)
}

/// What the queue shows.
#[derive(Debug, Clone, Default)]
pub struct QueueFilter {
    pub status: StatusFilter,
    pub kind: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    All,
    /// The statuses a handler still has to act on (`Status::active()`).
    Active,
    One(String),
}

/// Literal SQL (no user input) matching the partial index `requests_active_due`, which
/// the planners use only for this exact predicate. Kept equal to `Status::active()` by a test.
pub const ACTIVE_PREDICATE: &str =
    "status IN ('awaiting_verification', 'open', 'in_progress', 'awaiting_subject')";

/// Apply a `QueueFilter` to a boxed query on `requests` (a macro: the list and the count
/// are different query types).
macro_rules! apply_filter {
    ($q:expr, $filter:expr) => {{
        let mut q = $q;
        match &$filter.status {
            StatusFilter::All => {}
            StatusFilter::Active => {
                q = q.filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
                    ACTIVE_PREDICATE,
                ))
            }
            StatusFilter::One(s) => q = q.filter(requests::status.eq(s.clone())),
        }
        if let Some(k) = &$filter.kind {
            q = q.filter(requests::kind.eq(k.clone()));
        }
        q
    }};
}

/// One page of the queue in (due_date, id) order, after the given key (keyset paging:
/// every page costs the same, served by the `requests_*_due` indexes).
pub fn queue_page(
    conn: &mut DbConn,
    filter: &QueueFilter,
    after: Option<(NaiveDate, String)>,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    let mut q = apply_filter!(
        requests::table.select(Request::as_select()).into_boxed(),
        filter
    );
    if let Some((due, id)) = after {
        // `due_date >= d` first, so both databases start the index range at the cursor and
        // stop after `limit` rows; the OR only removes the rows on the cursor's own day.
        q = q
            .filter(requests::due_date.ge(due))
            .filter(requests::due_date.gt(due).or(requests::id.gt(id)));
    }
    q.order((requests::due_date.asc(), requests::id.asc()))
        .limit(limit)
        .load(conn)
}

pub fn count(conn: &mut DbConn, filter: &QueueFilter) -> QueryResult<i64> {
    apply_filter!(requests::table.count().into_boxed(), filter).get_result(conn)
}

/// Requests in `status` received before `cutoff`, oldest first.
pub fn received_before_in_status(
    conn: &mut DbConn,
    status: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    requests::table
        .filter(requests::status.eq(status))
        .filter(requests::received_at.lt(cutoff))
        .order(requests::received_at.asc())
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// Requests awaiting verification whose window ran out at `cutoff` (DESIGN §3): received
/// before it, and not waiting on their verification email, i.e. it is neither still to
/// be delivered (pending, or failed and waiting for an operator to requeue it) nor was it
/// delivered after `cutoff`. The window counts from when the subject could read the link.
pub fn unverified_past(
    conn: &mut DbConn,
    status: &str,
    verify_template: &str,
    cutoff: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    use super::schema::outbox;
    let still_waiting = outbox::table
        .filter(outbox::template.eq(verify_template))
        .filter(outbox::request_id.is_not_null())
        .filter(
            outbox::status
                .ne(super::outbox::SENT)
                .or(outbox::sent_at.ge(cutoff)),
        )
        .select(outbox::request_id.assume_not_null());
    requests::table
        .filter(requests::status.eq(status))
        .filter(requests::received_at.lt(cutoff))
        .filter(requests::id.ne_all(still_waiting))
        .order(requests::received_at.asc())
        .limit(limit)
        .select(Request::as_select())
        .load(conn)
}

/// Reserve `count` consecutive reference numbers for a year; returns the first.
/// Call inside `write_transaction`.
pub fn reserve_reference_numbers(conn: &mut DbConn, year: i32, count: i32) -> QueryResult<i32> {
    use reference_counters::dsl as rc;
    // One round trip in the common case (issue 6: PostgreSQL CPU per intake).
    let last: Option<i32> = diesel::update(rc::reference_counters.filter(rc::year.eq(year)))
        .set(rc::last_number.eq(rc::last_number + count))
        .returning(rc::last_number)
        .get_result(conn)
        .optional()?;
    let last = match last {
        Some(last) => last,
        None => {
            diesel::insert_into(rc::reference_counters)
                .values((rc::year.eq(year), rc::last_number.eq(count)))
                .execute(conn)?;
            count
        }
    };
    Ok(last - count + 1)
}

/// Row by row: multi-row inserts are not available through the multi-backend
/// connection; inside one transaction this is fast enough for seeding.
pub fn insert_many(conn: &mut DbConn, rows: &[NewRequest<'_>]) -> QueryResult<()> {
    for row in rows {
        insert(conn, row)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ACTIVE_PREDICATE;
    use crate::domain::status::Status;

    #[test]
    fn the_active_predicate_lists_exactly_the_active_statuses() {
        let listed = Status::active()
            .iter()
            .map(|s| format!("'{}'", s.as_str()))
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(ACTIVE_PREDICATE, format!("status IN ({listed})"));
        for dir in ["migrations/sqlite", "migrations/postgres"] {
            let sql = std::fs::read_to_string(format!(
                "{dir}/2026-11-25-000002_active_queue_index/up.sql"
            ))
            .expect("migration");
            assert!(sql.contains(&format!("WHERE {ACTIVE_PREDICATE};")), "{dir}");
        }
    }
}
