//! Queries on the registers of issue 10: `data_categories` and `retention_rules`. Both are
//! small (tens of rows) and read whole.

use diesel::prelude::*;

use super::models::{DataCategory, RetentionRule};
use super::schema::{data_categories, retention_rules};
use super::DbConn;

/// Every category, active or not, in register order.
pub fn categories(conn: &mut DbConn) -> QueryResult<Vec<DataCategory>> {
    data_categories::table
        .order((data_categories::position.asc(), data_categories::code.asc()))
        .select(DataCategory::as_select())
        .load(conn)
}

pub fn find_category(conn: &mut DbConn, code: &str) -> QueryResult<Option<DataCategory>> {
    data_categories::table
        .find(code)
        .select(DataCategory::as_select())
        .first(conn)
        .optional()
}

pub fn insert_category(conn: &mut DbConn, row: &DataCategory) -> QueryResult<()> {
    diesel::insert_into(data_categories::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn update_category(conn: &mut DbConn, row: &DataCategory) -> QueryResult<bool> {
    diesel::update(data_categories::table.find(&row.code))
        .set(row)
        .execute(conn)
        .map(|n| n == 1)
}

/// Every rule, active or not, in register order.
pub fn rules(conn: &mut DbConn) -> QueryResult<Vec<RetentionRule>> {
    retention_rules::table
        .order((retention_rules::position.asc(), retention_rules::id.asc()))
        .select(RetentionRule::as_select())
        .load(conn)
}

pub fn find_rule(conn: &mut DbConn, id: &str) -> QueryResult<Option<RetentionRule>> {
    retention_rules::table
        .find(id)
        .select(RetentionRule::as_select())
        .first(conn)
        .optional()
}

pub fn insert_rule(conn: &mut DbConn, row: &RetentionRule) -> QueryResult<()> {
    diesel::insert_into(retention_rules::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn update_rule(conn: &mut DbConn, row: &RetentionRule) -> QueryResult<bool> {
    diesel::update(retention_rules::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|n| n == 1)
}

/// The next position at the end of a register.
pub fn next_category_position(conn: &mut DbConn) -> QueryResult<i32> {
    let max: Option<i32> = data_categories::table
        .select(diesel::dsl::max(data_categories::position))
        .first(conn)?;
    Ok(max.unwrap_or(0).saturating_add(10))
}

pub fn next_rule_position(conn: &mut DbConn) -> QueryResult<i32> {
    let max: Option<i32> = retention_rules::table
        .select(diesel::dsl::max(retention_rules::position))
        .first(conn)?;
    Ok(max.unwrap_or(0).saturating_add(10))
}
