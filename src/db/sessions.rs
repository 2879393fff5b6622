//! Queries on `sessions`: handler sessions kept on the server (DESIGN §9). Only the hash
//! of a session's secret is stored; the secret lives in the handler's cookie.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewSession, User};
use super::schema::{sessions, users};
use super::DbConn;

pub fn insert(conn: &mut DbConn, new: &NewSession<'_>) -> QueryResult<()> {
    let _pass = super::write_gate(conn);
    diesel::insert_into(sessions::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

/// A live session and its (active) user: not past its absolute expiry and seen since
/// `idle_since`. Anything else is `None`.
pub fn find_live(
    conn: &mut DbConn,
    id_hash: &str,
    now: NaiveDateTime,
    idle_since: NaiveDateTime,
) -> QueryResult<Option<(NaiveDateTime, User)>> {
    sessions::table
        .inner_join(users::table)
        .filter(sessions::id_hash.eq(id_hash))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(idle_since))
        .filter(users::active.eq(true))
        .select((sessions::last_seen_at, User::as_select()))
        .first(conn)
        .optional()
}

pub fn touch(conn: &mut DbConn, id_hash: &str, now: NaiveDateTime) -> QueryResult<()> {
    let _pass = super::write_gate(conn);
    diesel::update(sessions::table.filter(sessions::id_hash.eq(id_hash)))
        .set(sessions::last_seen_at.eq(now))
        .execute(conn)?;
    Ok(())
}

pub fn delete(conn: &mut DbConn, id_hash: &str) -> QueryResult<usize> {
    let _pass = super::write_gate(conn);
    diesel::delete(sessions::table.filter(sessions::id_hash.eq(id_hash))).execute(conn)
}

/// End every session of a user (deactivation, password change).
pub fn delete_for_user(conn: &mut DbConn, user_id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
}

/// Remove sessions that can no longer be used: past their lifetime or idle too long.
pub fn delete_expired(
    conn: &mut DbConn,
    now: NaiveDateTime,
    idle_since: NaiveDateTime,
) -> QueryResult<usize> {
    let _pass = super::write_gate(conn);
    diesel::delete(
        sessions::table.filter(
            sessions::expires_at
                .le(now)
                .or(sessions::last_seen_at.le(idle_since)),
        ),
    )
    .execute(conn)
}

pub fn count_for_user(conn: &mut DbConn, user_id: &str) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .count()
        .get_result(conn)
}
