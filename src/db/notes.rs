//! Queries on `notes`: handlers' internal notes (never shown to the subject).

use diesel::prelude::*;

use super::models::{NewNote, Note};
use super::schema::{notes, users};
use super::DbConn;

pub fn insert(conn: &mut DbConn, new: &NewNote<'_>) -> QueryResult<()> {
    diesel::insert_into(notes::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

/// A request's notes, oldest first, each with its author's name and address.
pub fn for_request(
    conn: &mut DbConn,
    request_id: &str,
) -> QueryResult<Vec<(Note, String, String)>> {
    notes::table
        .inner_join(users::table)
        .filter(notes::request_id.eq(request_id))
        .order((notes::created_at.asc(), notes::id.asc()))
        .select((Note::as_select(), users::name, users::email))
        .load(conn)
}
