//! Queries on `reminders_sent`: which reminders have gone out (issue 9). A row is written
//! in the transaction that queues the reminder's email.

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use diesel::sql_types::{Date, Integer};

use super::models::{ReminderSent, Request};
use super::requests::ACTIVE_PREDICATE;
use super::schema::reminders_sent;
use super::DbConn;

type DbBackend = <DbConn as Connection>::Backend;

/// Requests still needing action whose reminder for `today` has not been sent, at most
/// `limit` per query, in due-date order: the overdue ones (one reminder per day: none
/// yet covers today), then for each band of days left (`domain::reminders::bands`) those
/// whose clock runs and that have no reminder of that band's stage for their current due
/// date. Each is a range of `requests_active_due` with one primary-key probe per row, so
/// a sweep with nothing new reads no request row at all.
pub fn unsent(
    conn: &mut DbConn,
    today: NaiveDate,
    bands: &[(i64, i64, i32)],
    limit: i64,
) -> QueryResult<Vec<Request>> {
    let from = match conn {
        DbConn::Sqlite(_) => "requests INDEXED BY requests_active_due",
        DbConn::Pg(_) => "requests",
    };
    let not_sent = "NOT EXISTS (SELECT 1 FROM reminders_sent s \
         WHERE s.request_id = requests.id AND s.due_date = requests.due_date";
    let overdue = format!(
        "SELECT * FROM {from} WHERE {ACTIVE_PREDICATE} \
         AND due_date < COALESCE(paused_on, $1) AND {not_sent} AND s.covers = $2) \
         ORDER BY due_date, id LIMIT $3"
    );
    let mut rows: Vec<Request> = diesel::sql_query(overdue)
        .into_boxed::<DbBackend>()
        .bind::<Date, _>(today)
        .bind::<Date, _>(today)
        .bind::<diesel::sql_types::BigInt, _>(limit)
        .load(conn)?;
    let band = format!(
        "SELECT * FROM {from} WHERE {ACTIVE_PREDICATE} \
         AND paused_on IS NULL AND due_date >= $1 AND due_date <= $2 \
         AND {not_sent} AND s.stage = $3) \
         ORDER BY due_date, id LIMIT $4"
    );
    for (first, last, stage) in bands {
        let (Some(lo), Some(hi)) = (
            today.checked_add_signed(Duration::days(*first)),
            today.checked_add_signed(Duration::days(*last)),
        ) else {
            continue;
        };
        rows.extend(
            diesel::sql_query(band.clone())
                .into_boxed::<DbBackend>()
                .bind::<Date, _>(lo)
                .bind::<Date, _>(hi)
                .bind::<Integer, _>(*stage)
                .bind::<diesel::sql_types::BigInt, _>(limit)
                .load::<Request>(conn)?,
        );
    }
    Ok(rows)
}

/// The (request, due date, stage) of every reminder already sent for these requests.
pub fn sent_for(
    conn: &mut DbConn,
    request_ids: &[&str],
) -> QueryResult<HashSet<(String, NaiveDate, i32)>> {
    let rows: Vec<(String, NaiveDate, i32)> = reminders_sent::table
        .filter(reminders_sent::request_id.eq_any(request_ids))
        .select((
            reminders_sent::request_id,
            reminders_sent::due_date,
            reminders_sent::stage,
        ))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}

/// One row per reminder (multi-row inserts are not portable across the two backends
/// through `MultiConnection`); call inside the transaction that queues the emails.
pub fn record(conn: &mut DbConn, rows: &[ReminderSent]) -> QueryResult<()> {
    for row in rows {
        diesel::insert_into(reminders_sent::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Every reminder sent about one request, oldest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<ReminderSent>> {
    reminders_sent::table
        .filter(reminders_sent::request_id.eq(request_id))
        .order((reminders_sent::sent_at, reminders_sent::stage.desc()))
        .select(ReminderSent::as_select())
        .load(conn)
}
