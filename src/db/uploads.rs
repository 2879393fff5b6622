//! Queries on `uploads`: files a subject sent with an answer (the files themselves live
//! under the data directory, named by `stored_name`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewUpload, Upload};
use super::schema::{requests, uploads};
use super::DbConn;

pub fn insert(conn: &mut DbConn, new: &NewUpload<'_>) -> QueryResult<()> {
    diesel::insert_into(uploads::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Upload>> {
    uploads::table
        .filter(uploads::id.eq(id))
        .select(Upload::as_select())
        .first(conn)
        .optional()
}

/// A request's uploads, oldest first (deleted ones too: the fact remains).
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Upload>> {
    uploads::table
        .filter(uploads::request_id.eq(request_id))
        .order((uploads::uploaded_at.asc(), uploads::id.asc()))
        .select(Upload::as_select())
        .load(conn)
}

/// Mark (or unmark) an upload as an identity document.
pub fn set_identity_document(conn: &mut DbConn, id: &str, identity: bool) -> QueryResult<bool> {
    let n = diesel::update(uploads::table.filter(uploads::id.eq(id)))
        .set(uploads::identity_document.eq(identity))
        .execute(conn)?;
    Ok(n == 1)
}

/// Keep an upload as evidence (with the reason), or stop keeping it (`None`).
pub fn set_keep_reason(conn: &mut DbConn, id: &str, reason: Option<&str>) -> QueryResult<bool> {
    let n = diesel::update(uploads::table.filter(uploads::id.eq(id)))
        .set(uploads::keep_reason.eq(reason))
        .execute(conn)?;
    Ok(n == 1)
}

/// Record that the file is gone; only once. Returns whether this call recorded it.
pub fn mark_deleted(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    let n = diesel::update(
        uploads::table
            .filter(uploads::id.eq(id))
            .filter(uploads::deleted_at.is_null()),
    )
    .set(uploads::deleted_at.eq(at))
    .execute(conn)?;
    Ok(n == 1)
}

/// Uploads still on disk, of requests closed before `closed_before`, not kept as
/// evidence: the ones the retention sweep deletes.
pub fn expired_after_close(
    conn: &mut DbConn,
    closed_before: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<Upload>> {
    uploads::table
        .inner_join(requests::table)
        .filter(uploads::deleted_at.is_null())
        .filter(uploads::keep_reason.is_null())
        .filter(requests::closed_at.lt(closed_before))
        .order(uploads::uploaded_at.asc())
        .limit(limit)
        .select(Upload::as_select())
        .load(conn)
}
