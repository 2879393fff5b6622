//! One-off data fixes run at start, after the migrations (`startup::open_database`).
//! Each runs in one transaction with its record in `data_fixes`, so it runs once.

use chrono::NaiveDateTime;

use crate::config::Settings;
use crate::db::{self, DbConn, DbError};
use crate::mail::outbox::protect_unsealed_rows;
use crate::mail::seal::Sealer;

/// Stored addresses in their canonical form (issue 5 item 1).
const CANONICAL_EMAILS: &str = "2026-11-25 canonical email addresses";
/// Outbox rows from before sealing keep no working link in clear (issue 5 item 6).
const OUTBOX_LINKS: &str = "2026-11-25 outbox links sealed or removed";
/// Names folded for search by prefix, for requests from before search (issue 9).
const NAME_KEYS: &str = "2026-12-05 subject name keys";

/// Run every fix not yet recorded; returns the names of those applied.
pub fn run_data_fixes(
    conn: &mut DbConn,
    settings: &Settings,
    now: NaiveDateTime,
) -> Result<Vec<&'static str>, DbError> {
    let mut applied = Vec::new();
    if !db::data_fixes::is_done(conn, CANONICAL_EMAILS)? {
        db::write_transaction(conn, |conn| {
            db::data_fixes::canonical_emails(conn)?;
            db::data_fixes::mark_done(conn, CANONICAL_EMAILS, now)?;
            Ok::<(), DbError>(())
        })?;
        applied.push(CANONICAL_EMAILS);
    }
    if !db::data_fixes::is_done(conn, OUTBOX_LINKS)? {
        if settings.secret_key.is_empty() {
            return Err(DbError::Conflict(
                "the secret key must be loaded before outbox rows can be sealed".into(),
            ));
        }
        let sealer = Sealer::new(&settings.secret_key);
        db::write_transaction(conn, |conn| {
            let rows = protect_unsealed_rows(conn, &sealer)?;
            if rows > 0 {
                tracing::info!(rows, "outbox rows from before sealing protected");
            }
            db::data_fixes::mark_done(conn, OUTBOX_LINKS, now)?;
            Ok::<(), DbError>(())
        })?;
        applied.push(OUTBOX_LINKS);
    }
    if !db::data_fixes::is_done(conn, NAME_KEYS)? {
        db::write_transaction(conn, |conn| {
            let rows = db::data_fixes::name_keys(conn)?;
            if rows > 0 {
                tracing::info!(rows, "subject names folded for search");
            }
            db::data_fixes::mark_done(conn, NAME_KEYS, now)?;
            Ok::<(), DbError>(())
        })?;
        applied.push(NAME_KEYS);
    }
    Ok(applied)
}
