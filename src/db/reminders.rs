//! Queries on `reminders_sent`: which reminders have gone out (issue 9). A row is written
//! in the transaction that queues the reminder's email.

use std::collections::HashSet;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::models::ReminderSent;
use super::schema::reminders_sent;
use super::DbConn;

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
