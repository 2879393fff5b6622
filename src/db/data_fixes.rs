//! One-off data fixes that need more than SQL, each run once at start after the
//! migrations and recorded in `data_fixes` (`workflow::maintenance` runs them).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{data_fixes, requests, tokens, users};
use super::{DbConn, DbError};
use crate::domain::newtypes::EmailAddress;

/// Has the fix of this name run?
pub fn is_done(conn: &mut DbConn, name: &str) -> QueryResult<bool> {
    data_fixes::table
        .filter(data_fixes::name.eq(name))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

/// Record that the fix ran (in the fix's own transaction).
pub fn mark_done(conn: &mut DbConn, name: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(data_fixes::table)
        .values((data_fixes::name.eq(name), data_fixes::done_at.eq(now)))
        .execute(conn)?;
    Ok(())
}

/// The canonical form of a stored address; one the parser refuses keeps its trimmed,
/// lower-cased form (it was stored by an older version; nothing is lost).
fn canonical(stored: &str) -> String {
    EmailAddress::parse(stored)
        .map(|e| e.as_str().to_string())
        .unwrap_or_else(|_| stored.trim().to_lowercase())
}

/// Bring every stored address to its canonical form (DESIGN §9, issue 5 item 1). Two
/// accounts that become one address stop the start: an admin must decide which stays.
pub fn canonical_emails(conn: &mut DbConn) -> Result<(), DbError> {
    let accounts: Vec<(String, String)> = users::table
        .select((users::id, users::email))
        .order(users::created_at.asc())
        .load(conn)?;
    let mut seen: HashMap<String, (String, String)> = HashMap::new();
    for (id, email) in &accounts {
        let c = canonical(email);
        if let Some((other_id, other_email)) = seen.get(&c) {
            return Err(DbError::Conflict(format!(
                "two handler accounts are the same address once written canonically ({c}): \
                 {other_email} (id {other_id}) and {email} (id {id}). An admin must decide \
                 which one stays: give the other a different address with \
                 `dsr-tracker user set-email --id ID --email NEW`, then start again"
            )));
        }
        seen.insert(c, (id.clone(), email.clone()));
    }
    for (id, email) in &accounts {
        let c = canonical(email);
        if &c != email {
            diesel::update(users::table.filter(users::id.eq(id)))
                .set(users::email.eq(&c))
                .execute(conn)?;
        }
    }
    let subjects: Vec<String> = requests::table
        .select(requests::subject_email)
        .filter(requests::subject_email.is_not_null())
        .distinct()
        .load::<Option<String>>(conn)?
        .into_iter()
        .flatten()
        .collect();
    for email in subjects {
        let c = canonical(&email);
        if c != email {
            diesel::update(requests::table.filter(requests::subject_email.eq(&email)))
                .set(requests::subject_email.eq(&c))
                .execute(conn)?;
        }
    }
    let token_emails: Vec<Option<String>> = tokens::table
        .select(tokens::email)
        .filter(tokens::email.is_not_null())
        .distinct()
        .load(conn)?;
    for email in token_emails.into_iter().flatten() {
        let c = canonical(&email);
        if c != email {
            diesel::update(tokens::table.filter(tokens::email.eq(&email)))
                .set(tokens::email.eq(Some(&c)))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Fill `requests.subject_name_key` for rows from before search (issue 9): SQL's
/// `lower()` folds only ASCII, so the key is made in Rust, a thousand rows at a time.
pub fn name_keys(conn: &mut DbConn) -> QueryResult<usize> {
    let mut done = 0;
    loop {
        let batch: Vec<(String, String)> = requests::table
            .filter(requests::subject_name_key.is_null())
            .select((requests::id, requests::subject_name))
            .limit(1000)
            .load(conn)?;
        if batch.is_empty() {
            return Ok(done);
        }
        for (id, name) in &batch {
            diesel::update(requests::table.filter(requests::id.eq(id)))
                .set(requests::subject_name_key.eq(crate::domain::search::name_key(name)))
                .execute(conn)?;
        }
        done += batch.len();
    }
}
