//! Queries on the processing register (issue 12): `processing_purposes` with the data
//! categories and recipients of each. Small (tens of rows) and read whole.

use diesel::prelude::*;

use super::models::Purpose;
use super::schema::{processing_purposes, purpose_categories, purpose_recipients};
use super::DbConn;

/// A purpose with its category codes and recipient ids.
pub type PurposeRow = (Purpose, Vec<String>, Vec<String>);

/// Every purpose, active or not, in register order.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<PurposeRow>> {
    let list: Vec<Purpose> = processing_purposes::table
        .order((
            processing_purposes::position.asc(),
            processing_purposes::code.asc(),
        ))
        .select(Purpose::as_select())
        .load(conn)?;
    let cats: Vec<(String, String)> = purpose_categories::table
        .order((
            purpose_categories::purpose_code.asc(),
            purpose_categories::category_code.asc(),
        ))
        .select((
            purpose_categories::purpose_code,
            purpose_categories::category_code,
        ))
        .load(conn)?;
    let recs: Vec<(String, String)> = purpose_recipients::table
        .order((
            purpose_recipients::purpose_code.asc(),
            purpose_recipients::recipient_id.asc(),
        ))
        .select((
            purpose_recipients::purpose_code,
            purpose_recipients::recipient_id,
        ))
        .load(conn)?;
    let of = |pairs: &[(String, String)], code: &str| -> Vec<String> {
        pairs
            .iter()
            .filter(|(p, _)| p == code)
            .map(|(_, v)| v.clone())
            .collect()
    };
    Ok(list
        .into_iter()
        .map(|p| {
            let (c, r) = (of(&cats, &p.code), of(&recs, &p.code));
            (p, c, r)
        })
        .collect())
}

pub fn find(conn: &mut DbConn, code: &str) -> QueryResult<Option<Purpose>> {
    processing_purposes::table
        .find(code)
        .select(Purpose::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &Purpose) -> QueryResult<()> {
    diesel::insert_into(processing_purposes::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn update(conn: &mut DbConn, row: &Purpose) -> QueryResult<bool> {
    diesel::update(processing_purposes::table.find(&row.code))
        .set(row)
        .execute(conn)
        .map(|n| n == 1)
}

/// Replace a purpose's categories and recipients (row by row: portable over both
/// backends).
pub fn set_links(
    conn: &mut DbConn,
    code: &str,
    categories: &[String],
    recipients: &[String],
) -> QueryResult<()> {
    diesel::delete(purpose_categories::table.filter(purpose_categories::purpose_code.eq(code)))
        .execute(conn)?;
    for c in categories {
        diesel::insert_into(purpose_categories::table)
            .values((
                purpose_categories::purpose_code.eq(code),
                purpose_categories::category_code.eq(c),
            ))
            .execute(conn)?;
    }
    diesel::delete(purpose_recipients::table.filter(purpose_recipients::purpose_code.eq(code)))
        .execute(conn)?;
    for r in recipients {
        diesel::insert_into(purpose_recipients::table)
            .values((
                purpose_recipients::purpose_code.eq(code),
                purpose_recipients::recipient_id.eq(r),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn next_position(conn: &mut DbConn) -> QueryResult<i32> {
    let max: Option<i32> = processing_purposes::table
        .select(diesel::dsl::max(processing_purposes::position))
        .first(conn)?;
    Ok(max.unwrap_or(0) + 10)
}
