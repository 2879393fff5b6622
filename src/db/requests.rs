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
    /// Empty: every status.
    pub statuses: Vec<String>,
    pub kind: Option<String>,
}

/// One page of the queue in (due_date, id) order, after the given key (keyset paging:
/// every page costs the same, served by the `requests_*_due` indexes).
pub fn queue_page(
    conn: &mut DbConn,
    filter: &QueueFilter,
    after: Option<(NaiveDate, String)>,
    limit: i64,
) -> QueryResult<Vec<Request>> {
    let mut q = requests::table.select(Request::as_select()).into_boxed();
    if !filter.statuses.is_empty() {
        q = q.filter(requests::status.eq_any(filter.statuses.clone()));
    }
    if let Some(k) = &filter.kind {
        q = q.filter(requests::kind.eq(k.clone()));
    }
    if let Some((due, id)) = after {
        q = q.filter(
            requests::due_date
                .gt(due)
                .or(requests::due_date.eq(due).and(requests::id.gt(id))),
        );
    }
    q.order((requests::due_date.asc(), requests::id.asc()))
        .limit(limit)
        .load(conn)
}

pub fn count(conn: &mut DbConn, filter: &QueueFilter) -> QueryResult<i64> {
    let mut q = requests::table.count().into_boxed();
    if !filter.statuses.is_empty() {
        q = q.filter(requests::status.eq_any(filter.statuses.clone()));
    }
    if let Some(k) = &filter.kind {
        q = q.filter(requests::kind.eq(k.clone()));
    }
    q.get_result(conn)
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

/// Reserve `count` consecutive reference numbers for a year; returns the first.
/// Call inside `write_transaction`.
pub fn reserve_reference_numbers(conn: &mut DbConn, year: i32, count: i32) -> QueryResult<i32> {
    use reference_counters::dsl as rc;
    let updated = diesel::update(rc::reference_counters.filter(rc::year.eq(year)))
        .set(rc::last_number.eq(rc::last_number + count))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(rc::reference_counters)
            .values((rc::year.eq(year), rc::last_number.eq(count)))
            .execute(conn)?;
    }
    let last: i32 = rc::reference_counters
        .filter(rc::year.eq(year))
        .select(rc::last_number)
        .first(conn)?;
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
