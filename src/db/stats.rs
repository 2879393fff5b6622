//! Planner statistics after bulk loads (issue 6).
//!
//! PostgreSQL plans the queue from its statistics; a freshly loaded table has none until
//! autovacuum gets to it (and the development machines run with autovacuum off), and
//! without them the planner chose bitmap scans and sorts: 8–35 ms a page instead of
//! < 1 ms. `VACUUM ANALYZE` also sets the visibility map, so counts read only the index,
//! which is what autovacuum gives a long-running install. SQLite's queue queries name
//! their index and do not need statistics, but `ANALYZE` helps its other queries.

use diesel::connection::SimpleConnection;
use diesel::QueryResult;

use super::DbConn;

/// Refresh statistics (and, on PostgreSQL, the visibility map) after a bulk load.
/// Must run outside a transaction (PostgreSQL cannot VACUUM inside one).
pub fn refresh(conn: &mut DbConn) -> QueryResult<()> {
    match conn {
        DbConn::Sqlite(c) => c.batch_execute("ANALYZE"),
        DbConn::Pg(c) => c.batch_execute("VACUUM ANALYZE"),
    }
}
