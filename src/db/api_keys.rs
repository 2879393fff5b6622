//! Queries on `api_keys` and `idempotency_keys` (issue 13).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{ApiKey, IdempotencyKey};
use super::schema::{api_keys, idempotency_keys};
use super::DbConn;

pub fn insert(conn: &mut DbConn, key: &ApiKey) -> QueryResult<()> {
    diesel::insert_into(api_keys::table)
        .values(key)
        .execute(conn)
        .map(|_| ())
}

/// Every key, newest first (revoked ones too: the list shows them).
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<ApiKey>> {
    api_keys::table
        .order((api_keys::created_at.desc(), api_keys::id.asc()))
        .select(ApiKey::as_select())
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<ApiKey>> {
    api_keys::table
        .find(id)
        .select(ApiKey::as_select())
        .first(conn)
        .optional()
}

pub fn by_hash(conn: &mut DbConn, key_hash: &str) -> QueryResult<Option<ApiKey>> {
    api_keys::table
        .filter(api_keys::key_hash.eq(key_hash))
        .select(ApiKey::as_select())
        .first(conn)
        .optional()
}

/// Revoke a live key; false when it was already revoked.
pub fn revoke(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(Some(at)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Note the key's use, at most once a minute (a write per call would serialise reads).
pub fn touch(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<()> {
    let minute_ago = at - chrono::Duration::minutes(1);
    diesel::update(
        api_keys::table.filter(api_keys::id.eq(id)).filter(
            api_keys::last_used_at
                .is_null()
                .or(api_keys::last_used_at.lt(minute_ago)),
        ),
    )
    .set(api_keys::last_used_at.eq(Some(at)))
    .execute(conn)
    .map(|_| ())
}

// --- Idempotency keys -------------------------------------------------------------------------

pub fn find_idempotent(
    conn: &mut DbConn,
    api_key_id: &str,
    method: &str,
    path: &str,
    idem_key: &str,
) -> QueryResult<Option<IdempotencyKey>> {
    idempotency_keys::table
        .find((api_key_id, method, path, idem_key))
        .select(IdempotencyKey::as_select())
        .first(conn)
        .optional()
}

/// Reserve a key for a call about to run; false when it is taken (another call with it
/// ran or runs).
pub fn reserve(conn: &mut DbConn, row: &IdempotencyKey) -> QueryResult<bool> {
    let taken = find_idempotent(conn, &row.api_key_id, &row.method, &row.path, &row.idem_key)?;
    if taken.is_some() {
        return Ok(false);
    }
    diesel::insert_into(idempotency_keys::table)
        .values(row)
        .execute(conn)
        .map(|n| n == 1)
}

/// The first call's answer, kept for replays.
pub fn record_answer(
    conn: &mut DbConn,
    row: &IdempotencyKey,
    status: i32,
    response: &str,
) -> QueryResult<()> {
    diesel::update(idempotency_keys::table.find((
        &row.api_key_id,
        &row.method,
        &row.path,
        &row.idem_key,
    )))
    .set((
        idempotency_keys::status.eq(status),
        idempotency_keys::response.eq(response),
    ))
    .execute(conn)
    .map(|_| ())
}

/// Forget a reservation whose call answered without changing anything (a refusal): the
/// client may fix the body and retry with the same key.
pub fn release(conn: &mut DbConn, row: &IdempotencyKey) -> QueryResult<()> {
    diesel::delete(idempotency_keys::table.find((
        &row.api_key_id,
        &row.method,
        &row.path,
        &row.idem_key,
    )))
    .execute(conn)
    .map(|_| ())
}

/// Keys older than `before` are forgotten (the sweeper: 24 hours).
pub fn delete_older(conn: &mut DbConn, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
        .execute(conn)
}
