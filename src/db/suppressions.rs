//! Queries on `suppressions`: the Art. 21(3) suppression list (issue 10).

use diesel::prelude::*;

use super::models::Suppression;
use super::schema::suppressions;
use super::DbConn;

/// Add a value unless it is already listed (the first request that listed it stays).
/// Called under the write lock, so the look and the insert do not race.
pub fn add(conn: &mut DbConn, row: &Suppression) -> QueryResult<bool> {
    let exists: bool = diesel::select(diesel::dsl::exists(
        suppressions::table.find((row.kind.as_str(), row.value.as_str())),
    ))
    .get_result(conn)?;
    if exists {
        return Ok(false);
    }
    diesel::insert_into(suppressions::table)
        .values(row)
        .execute(conn)
        .map(|n| n == 1)
}

/// The newest `limit` entries.
pub fn page(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<Suppression>> {
    suppressions::table
        .order((
            suppressions::created_at.desc(),
            suppressions::kind.asc(),
            suppressions::value.asc(),
        ))
        .limit(limit)
        .select(Suppression::as_select())
        .load(conn)
}

/// The whole list, oldest first, for the export.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<Suppression>> {
    suppressions::table
        .order((
            suppressions::created_at.asc(),
            suppressions::kind.asc(),
            suppressions::value.asc(),
        ))
        .select(Suppression::as_select())
        .load(conn)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    suppressions::table.count().get_result(conn)
}
