//! Handler sessions kept on the server (DESIGN §9, issue 5 item 2): the cookie carries a
//! random secret, the `sessions` table its hash. Logout, deactivation, a password change,
//! an idle timeout and an absolute lifetime each end a session at once.

use chrono::Duration;

use super::users::Staff;
use super::{Ctx, WorkflowError};
use crate::db::models::NewSession;
use crate::db::{self, DbConn};
use crate::domain::tokens;

/// Touch `last_seen_at` at most this often, so reading pages is not a write per request.
const TOUCH_EVERY: Duration = Duration::seconds(60);

fn idle_limit(ctx: &Ctx<'_>) -> Duration {
    Duration::minutes(i64::from(ctx.settings.session_idle_minutes))
}

/// Start a session for a user who just proved who they are; returns the cookie's secret.
pub fn start(conn: &mut DbConn, ctx: &Ctx<'_>, user: &Staff) -> Result<String, WorkflowError> {
    let now = ctx.now_db();
    let secret = tokens::generate();
    db::sessions::insert(
        conn,
        &NewSession {
            id_hash: &secret.hash,
            user_id: &user.id,
            created_at: now,
            last_seen_at: now,
            expires_at: now + Duration::hours(i64::from(ctx.settings.session_max_hours)),
        },
    )?;
    Ok(secret.secret)
}

/// The user of a live session, or `None` (unknown, ended, idle too long, past its
/// lifetime, or the account was deactivated).
pub fn check(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<Option<Staff>, WorkflowError> {
    if !tokens::looks_valid(secret) {
        return Ok(None);
    }
    let now = ctx.now_db();
    let hash = tokens::hash(secret);
    let Some((last_seen, user)) = db::sessions::find_live(conn, &hash, now, now - idle_limit(ctx))?
    else {
        return Ok(None);
    };
    if now - last_seen >= TOUCH_EVERY {
        db::sessions::touch(conn, &hash, now)?;
    }
    Ok(Some(Staff::from_row(&user)?))
}

/// Logout.
pub fn end(conn: &mut DbConn, secret: &str) -> Result<(), WorkflowError> {
    if tokens::looks_valid(secret) {
        db::sessions::delete(conn, &tokens::hash(secret))?;
    }
    Ok(())
}

/// Sweeper: forget sessions that can no longer be used.
pub fn delete_expired(conn: &mut DbConn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    Ok(db::sessions::delete_expired(
        conn,
        now,
        now - idle_limit(ctx),
    )?)
}
