//! Storage: one diesel code path over SQLite and PostgreSQL (DESIGN §10).
//! This module and its children are the only place SQL lives.

pub mod api_keys;
pub mod audit;
pub mod data_fixes;
pub mod models;
pub mod notes;
pub mod outbox;
pub mod outcomes;
pub mod packages;
pub mod processing;
pub mod questions;
pub mod recipients;
pub mod registers;
pub mod reminders;
pub mod requests;
pub mod schema;
pub mod sessions;
pub mod stats;
pub mod suppressions;
pub mod tokens;
pub mod uploads;
pub mod users;
pub mod webhooks;

use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection};
use diesel::{PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to whichever backend the database URL names.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

pub type Pool = r2d2::Pool<ConnectionManager>;
pub type PooledConn = r2d2::PooledConnection<ConnectionManager>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn of_url(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// Chooses the backend from the URL scheme (AnyConnection would hide the real error)
/// and applies the SQLite per-connection settings on every new connection.
#[derive(Debug, Clone)]
pub struct ConnectionManager {
    url: String,
    backend: Backend,
}

impl ConnectionManager {
    pub fn new(url: &str) -> Self {
        let backend = Backend::of_url(url);
        let url = match backend {
            Backend::Sqlite => url.strip_prefix("sqlite://").unwrap_or(url).to_string(),
            Backend::Postgres => url.to_string(),
        };
        Self { url, backend }
    }
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<DbConn, r2d2::Error> {
        match self.backend {
            Backend::Sqlite => {
                let mut c =
                    SqliteConnection::establish(&self.url).map_err(r2d2::Error::ConnectionError)?;
                // WAL lets readers run beside the writer; the busy timeout makes a second
                // writer wait instead of failing; SQLite enforces foreign keys only when asked.
                c.batch_execute(&format!(
                    "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA cache_size = -{SQLITE_CACHE_KIB}; \
                     PRAGMA wal_autocheckpoint = {SQLITE_AUTOCHECKPOINT_PAGES};"
                ))
                .map_err(r2d2::Error::QueryError)?;
                Ok(DbConn::Sqlite(c))
            }
            Backend::Postgres => PgConnection::establish(&self.url)
                .map(DbConn::Pg)
                .map_err(r2d2::Error::ConnectionError),
        }
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), r2d2::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, _conn: &mut DbConn) -> bool {
        false
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Query(#[from] diesel::result::Error),
    #[error("database pool: {0}")]
    Pool(#[from] r2d2::PoolError),
    #[error("migrations: {0}")]
    Migration(String),
    #[error("stored data is not valid: {0}")]
    Corrupt(String),
    #[error("worker thread: {0}")]
    Worker(String),
    /// Stored data that an admin must sort out before the app can go on.
    #[error("{0}")]
    Conflict(String),
}

/// Connections in the server's pool. Each SQLite connection keeps its own page cache
/// (`SQLITE_CACHE_KIB`), so this also bounds memory.
pub const POOL_SIZE: u32 = 10;

/// SQLite's page cache per connection, in KiB (SQLite's default is 2,000). The operating
/// system caches the file as well; a smaller private cache per connection keeps resident
/// memory bounded across the pool (issue 6: 92 MB after the list benchmark). Measured
/// with benches/http.sh on SQLite after intake and the queue views: 1,024 KiB gave 49.2 MB
/// (34.4 MB of it heap), 256 KiB gives 37.2 MB (22.6 MB heap) with every queue view still
/// at p50 ≤ 2.7 ms and intake unchanged.
pub const SQLITE_CACHE_KIB: u32 = 256;

/// A commit that finds this many pages in the WAL copies them into the database (and
/// syncs it) before it returns: the server instead checkpoints in the background
/// (`checkpoint_wal`), so this is only the bound for when nothing else checkpoints (CLI
/// commands, SQLite's default is 1,000 pages). Checkpointing inside a commit stalled every
/// writer queued behind it (issue 6).
pub const SQLITE_AUTOCHECKPOINT_PAGES: u32 = 10_000;

/// Copy the WAL's committed pages into the database file without waiting for or
/// blocking writers or readers (SQLite's PASSIVE checkpoint). The server runs this in
/// the background every `CHECKPOINT_EVERY`, off the writers' path. Nothing on PostgreSQL.
pub fn checkpoint_wal(conn: &mut DbConn) -> Result<(), DbError> {
    if let DbConn::Sqlite(c) = conn {
        c.batch_execute("PRAGMA wal_checkpoint(PASSIVE)")?;
    }
    Ok(())
}

pub const CHECKPOINT_EVERY: std::time::Duration = std::time::Duration::from_millis(200);

pub fn build_pool(url: &str, max_size: u32) -> Result<Pool, DbError> {
    if Backend::of_url(url) == Backend::Sqlite {
        let path = std::path::Path::new(url.strip_prefix("sqlite://").unwrap_or(url));
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|e| {
                DbError::Migration(format!("cannot create {}: {e}", parent.display()))
            })?;
        }
    }
    let pool = r2d2::Pool::builder()
        .max_size(max_size)
        // No connections opened in the background: a CLI command exiting while r2d2's
        // thread was still connecting to PostgreSQL crashed (SIGSEGV) in libpq at exit.
        .min_idle(Some(0))
        .connection_timeout(std::time::Duration::from_secs(10))
        .build(ConnectionManager::new(url))?;
    Ok(pool)
}

/// Run pending migrations for the connection's backend.
pub fn run_migrations(conn: &mut DbConn) -> Result<usize, DbError> {
    let applied = match conn {
        DbConn::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
        DbConn::Pg(c) => c
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
    };
    applied.map_err(|e| DbError::Migration(e.to_string()))
}

/// A transaction that writes. It takes the write lock first, so on SQLite a transaction
/// that reads and then writes never fails with SQLITE_BUSY halfway, and on PostgreSQL
/// numbering (references) is serialised. It first passes the process's write gate
/// (`serialised`), so this process's writers queue in order instead of sleeping in
/// SQLite's busy handler or waiting in PostgreSQL's lock manager.
pub fn write_transaction<T, E>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    // On PostgreSQL the write_lock row serialises write transactions anyway (across
    // instances too); queueing this process's writers on the gate first means they wait
    // here, not in PostgreSQL's lock manager, which costs its CPU to sleep and wake each
    // waiter (issue 6).
    let _pass = match conn {
        DbConn::Pg(_) if !write_gate::held_here() => Some(write_gate::enter()),
        _ => None,
    };
    serialised(conn, |conn| {
        conn.transaction(|c| {
            take_write_lock(c)?;
            f(c)
        })
    })
}

/// A write transaction whose ordered part comes last (issue 6). `body` runs first and
/// only inserts new rows, which need no order (a new request, its token, its email);
/// `ordered` then runs under the write lock (audit events), which is held through the
/// commit. On PostgreSQL that keeps concurrent intakes apart only for the audit append
/// and the commit instead of the whole transaction; the chain still follows the order
/// in which the lock was taken, which is the commit order. On SQLite this is a
/// `write_transaction` (one writer at a time anyway). Nothing `body` reads may depend on
/// that order: use `write_transaction` for anything that reads before it writes.
pub fn write_transaction_ordered_last<T, E>(
    conn: &mut DbConn,
    body: impl FnOnce(&mut DbConn) -> Result<T, E>,
    ordered: impl FnOnce(&mut DbConn) -> Result<(), E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    if !matches!(conn, DbConn::Pg(_)) {
        return write_transaction(conn, |c| {
            let out = body(c)?;
            ordered(c)?;
            Ok(out)
        });
    }
    let mut pass = None;
    let out = conn.transaction(|c| {
        let out = body(c)?;
        if !write_gate::held_here() {
            pass = Some(write_gate::enter());
        }
        take_write_lock(c)?;
        ordered(c)?;
        Ok(out)
    });
    drop(pass);
    out
}

/// The write lock: one row every write transaction updates (first; last in
/// `write_transaction_ordered_last`) and holds until it commits, so on SQLite the
/// transaction holds the database's write lock from then on, and on PostgreSQL write
/// transactions (of every instance) follow one another from there.
fn take_write_lock(c: &mut DbConn) -> QueryResult<()> {
    use schema::write_lock::dsl as wl;
    diesel::update(wl::write_lock.filter(wl::id.eq(1)))
        .set(wl::counter.eq(wl::counter + 1))
        .execute(c)?;
    Ok(())
}

/// A transaction of conditional row updates that need no global order (the outbox's
/// leases and outcomes: each `UPDATE … WHERE` decides on its own row). On SQLite it is a
/// `write_transaction` (one writer at a time anyway); on PostgreSQL a plain transaction,
/// outside the write gate and the write lock, so sending mail never queues behind intake
/// or holds intake back (issue 6). Do not append audit events or number requests here.
pub fn row_transaction<T, E>(
    conn: &mut DbConn,
    f: impl FnOnce(&mut DbConn) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        DbConn::Sqlite(_) => write_transaction(conn, f),
        DbConn::Pg(_) => conn.transaction(f),
    }
}

/// SQLite allows one writer at a time. A writer that finds the database locked sleeps in
/// SQLite's busy handler in growing steps (up to 100 ms each), and is not woken when the
/// lock is released: under concurrent intake that made the tail (p99 44–105 ms, max
/// 0.9 s; issue 6). So every write in this process passes one gate first, a mutex that
/// hands the write lock over in order and at once. Readers never take it (WAL lets them
/// read beside the writer); on PostgreSQL only write transactions take it (see
/// `write_transaction`), single statements do not. Re-entrant on one thread, so a
/// gated write inside `write_transaction` does not wait for itself. Other processes (CLI
/// commands) still meet the busy timeout, as before.
pub fn serialised<T>(conn: &mut DbConn, f: impl FnOnce(&mut DbConn) -> T) -> T {
    let _pass = write_gate(conn);
    f(conn)
}

/// The write gate for one statement that writes outside `write_transaction`: hold the
/// returned pass while writing (`let _pass = db::write_gate(conn);`). `None` on
/// PostgreSQL, or when this thread already holds the gate.
pub fn write_gate(conn: &DbConn) -> Option<write_gate::Pass> {
    if !matches!(conn, DbConn::Sqlite(_)) || write_gate::held_here() {
        return None;
    }
    Some(write_gate::enter())
}

pub mod write_gate {
    use parking_lot::{const_fair_mutex, FairMutex, FairMutexGuard};
    use std::cell::Cell;

    /// First come, first served. A plain mutex lets a thread that is already running take
    /// the gate ahead of the writers asleep on it, so under load some writers waited many
    /// turns: the intake tail (issue 6). A fair mutex hands the gate to the longest waiter.
    static GATE: FairMutex<()> = const_fair_mutex(());
    thread_local! {
        static HELD: Cell<bool> = const { Cell::new(false) };
    }

    pub fn held_here() -> bool {
        HELD.with(Cell::get)
    }

    /// Holds the gate until dropped (also when the writer panics: the transaction it
    /// guarded was rolled back, and the gate is released as the stack unwinds).
    pub struct Pass {
        _guard: FairMutexGuard<'static, ()>,
    }

    pub fn enter() -> Pass {
        let guard = GATE.lock();
        HELD.with(|h| h.set(true));
        Pass { _guard: guard }
    }

    impl Drop for Pass {
        fn drop(&mut self) {
            HELD.with(|h| h.set(false));
        }
    }
}

/// `GET /healthz`: does the database answer?
pub fn ping(conn: &mut DbConn) -> Result<(), DbError> {
    conn.batch_execute("SELECT 1")?;
    Ok(())
}
