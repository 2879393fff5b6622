//! Queries on `tokens`: only hashes are stored (DESIGN §9).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{NewToken, Token};
use super::schema::tokens;
use super::DbConn;

pub fn insert(conn: &mut DbConn, new: &NewToken<'_>) -> QueryResult<()> {
    diesel::insert_into(tokens::table)
        .values(new)
        .execute(conn)?;
    Ok(())
}

/// A token with this hash and purpose that is unused and not expired.
pub fn find_live(
    conn: &mut DbConn,
    hash: &str,
    purpose: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<Token>> {
    tokens::table
        .filter(tokens::token_hash.eq(hash))
        .filter(tokens::purpose.eq(purpose))
        .filter(tokens::used_at.is_null())
        .filter(tokens::expires_at.gt(now))
        .select(Token::as_select())
        .first(conn)
        .optional()
}

/// A token with this hash and purpose, whatever its state (used, expired): to tell a
/// used link from an unknown one.
pub fn find_by_hash(conn: &mut DbConn, hash: &str, purpose: &str) -> QueryResult<Option<Token>> {
    tokens::table
        .filter(tokens::token_hash.eq(hash))
        .filter(tokens::purpose.eq(purpose))
        .select(Token::as_select())
        .first(conn)
        .optional()
}

/// Use a single-use token. False if it was already used (by a concurrent click).
pub fn mark_used(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    let _pass = super::write_gate(conn);
    let n = diesel::update(
        tokens::table
            .filter(tokens::id.eq(id))
            .filter(tokens::used_at.is_null()),
    )
    .set(tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(n == 1)
}

/// Whose tokens: a request's, or those sent to an address (an account's password links).
pub enum TokensOf<'a> {
    Request(&'a str),
    Email(&'a str),
}

/// Use every unused token of a purpose: a request's verification links once a handler
/// verified the subject another way or corrected the address, an account's earlier
/// password links when a new one is sent. Returns how many.
pub fn use_all(
    conn: &mut DbConn,
    of: TokensOf<'_>,
    purpose: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let _pass = super::write_gate(conn);
    let unused = diesel::update(tokens::table)
        .filter(tokens::purpose.eq(purpose))
        .filter(tokens::used_at.is_null())
        .into_boxed();
    let unused = match of {
        TokensOf::Request(id) => unused.filter(tokens::request_id.eq(id)),
        TokensOf::Email(email) => unused.filter(tokens::email.eq(email)),
    };
    unused.set(tokens::used_at.eq(now)).execute(conn)
}

/// Remove tokens past their expiry: they can never be used again. A token whose email
/// is not sent yet is kept: its validity restarts when the email goes out.
pub fn delete_expired(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<usize> {
    let _pass = super::write_gate(conn);
    use super::schema::outbox;
    // A range of `tokens_expires`, each probing `outbox_token`: `id <> ALL (…)` over the
    // whole outbox and a scan of every token cost 100–130 ms every sweep at 114,000
    // requests on PostgreSQL.
    let awaiting_mail = outbox::table
        .filter(outbox::token_id.eq(tokens::id.nullable()))
        .filter(outbox::status.ne(super::outbox::SENT));
    diesel::delete(
        tokens::table
            .filter(tokens::expires_at.lt(now))
            .filter(diesel::dsl::not(diesel::dsl::exists(awaiting_mail))),
    )
    .execute(conn)
}

/// The email carrying this token was sent at `sent_at`: the token stays valid for its
/// whole validity (`expires_at - created_at`) from then on, never less than before.
pub fn restart_validity(conn: &mut DbConn, id: &str, sent_at: NaiveDateTime) -> QueryResult<()> {
    let found: Option<(NaiveDateTime, NaiveDateTime)> = tokens::table
        .filter(tokens::id.eq(id))
        .select((tokens::created_at, tokens::expires_at))
        .first(conn)
        .optional()?;
    if let Some((created, expires)) = found {
        let restarted = sent_at + (expires - created);
        if restarted > expires {
            diesel::update(tokens::table.filter(tokens::id.eq(id)))
                .set(tokens::expires_at.eq(restarted))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Of these token ids, those of the purpose that are still live (unexpired, unused).
pub fn live_ids(
    conn: &mut DbConn,
    ids: &[String],
    purpose: &str,
    now: NaiveDateTime,
) -> QueryResult<Vec<String>> {
    // One lookup per id (a session holds a handful): `eq_any` binds an array, which the
    // multi-backend connection cannot.
    let mut live = Vec::new();
    for id in ids {
        let found = tokens::table
            .filter(tokens::id.eq(id))
            .filter(tokens::purpose.eq(purpose))
            .filter(tokens::used_at.is_null())
            .filter(tokens::expires_at.gt(now))
            .select(tokens::id)
            .first::<String>(conn)
            .optional()?;
        live.extend(found);
    }
    Ok(live)
}
