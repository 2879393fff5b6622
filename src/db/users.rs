//! Queries on `users` (handlers, DPOs, auditors).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewUser, User};
use super::schema::users;
use super::DbConn;

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    users::table.count().get_result(conn)
}

pub fn insert(conn: &mut DbConn, new: &NewUser<'_>) -> QueryResult<()> {
    diesel::insert_into(users::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

pub fn find_by_email(conn: &mut DbConn, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::id.eq(id))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn touch_login(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    let _pass = super::write_gate(conn);
    diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::last_login_at.eq(now))
        .execute(conn)?;
    Ok(())
}

pub fn list(conn: &mut DbConn) -> QueryResult<Vec<User>> {
    users::table
        .order((users::active.desc(), users::email.asc()))
        .select(User::as_select())
        .load(conn)
}

pub fn set_active(conn: &mut DbConn, id: &str, active: bool) -> QueryResult<bool> {
    let n = diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::active.eq(active))
        .execute(conn)?;
    Ok(n == 1)
}

/// How many active admins there are, counted inside the caller's write transaction (the
/// last one may be neither deactivated nor demoted).
pub fn active_admins(conn: &mut DbConn) -> QueryResult<i64> {
    users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq("admin"))
        .count()
        .get_result(conn)
}

pub fn set_role(conn: &mut DbConn, id: &str, role: &str) -> QueryResult<bool> {
    let _pass = super::write_gate(conn);
    let n = diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::role.eq(role))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn set_password_hash(conn: &mut DbConn, id: &str, hash: &str) -> QueryResult<bool> {
    let n = diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::password_hash.eq(hash))
        .execute(conn)?;
    Ok(n == 1)
}

pub fn set_email(conn: &mut DbConn, id: &str, email: &str) -> QueryResult<bool> {
    let n = diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::email.eq(email))
        .execute(conn)?;
    Ok(n == 1)
}

/// The active accounts that work cases (handlers and admins): who is reminded of a
/// request nobody is assigned.
pub fn case_workers(conn: &mut DbConn) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq_any(["admin", "handler"]))
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)
}

pub fn set_digest(conn: &mut DbConn, id: &str, on: bool) -> QueryResult<bool> {
    let n = diesel::update(users::table.filter(users::id.eq(id)))
        .set(users::digest.eq(on))
        .execute(conn)?;
    Ok(n == 1)
}

/// Active handlers and admins who want the digest and have not had one since `slot`
/// (today's digest time).
pub fn digest_due(conn: &mut DbConn, slot: NaiveDateTime) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq_any(["admin", "handler"]))
        .filter(users::digest.eq(true))
        .filter(
            users::digest_sent_at
                .is_null()
                .or(users::digest_sent_at.lt(slot)),
        )
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)
}

/// Claims today's digest for one account: true for exactly one caller, however many
/// sweepers run at once (the update re-checks the condition under the row lock).
pub fn claim_digest(
    conn: &mut DbConn,
    id: &str,
    slot: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let n = diesel::update(
        users::table.filter(users::id.eq(id)).filter(
            users::digest_sent_at
                .is_null()
                .or(users::digest_sent_at.lt(slot)),
        ),
    )
    .set(users::digest_sent_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}
