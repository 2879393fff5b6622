//! Queries on `category_outcomes` (what was done with each data category of an erasure or
//! restriction request), `restriction_lifts` and `objection_decisions` (issue 10).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::models::{CategoryOutcomeRow, ObjectionDecision, Request, RestrictionLift};
use super::schema::{category_outcomes, objection_decisions, outbox, requests, restriction_lifts};
use super::DbConn;

/// A request's outcomes, in category order of the register.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<CategoryOutcomeRow>> {
    category_outcomes::table
        .filter(category_outcomes::request_id.eq(request_id))
        .order(category_outcomes::category_code.asc())
        .select(CategoryOutcomeRow::as_select())
        .load(conn)
}

/// Record (or replace) the outcome of one category.
pub fn put(conn: &mut DbConn, row: &CategoryOutcomeRow) -> QueryResult<()> {
    diesel::delete(
        category_outcomes::table.find((row.request_id.as_str(), row.category_code.as_str())),
    )
    .execute(conn)?;
    diesel::insert_into(category_outcomes::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Filters of the retention register.
#[derive(Debug, Default, Clone)]
pub struct RetainedFilter<'a> {
    pub category: Option<&'a str>,
    pub rule: Option<&'a str>,
    /// Only those whose until date is before this day (the follow-up tasks).
    pub until_before: Option<NaiveDate>,
}

/// Data still kept under a rule, soonest expiry first, with its request; at most `limit`.
/// A range of `category_outcomes_retained`.
pub fn retained(
    conn: &mut DbConn,
    f: &RetainedFilter<'_>,
    limit: i64,
) -> QueryResult<Vec<(CategoryOutcomeRow, Request)>> {
    let mut q = category_outcomes::table
        .inner_join(requests::table)
        .filter(category_outcomes::outcome.eq("retained"))
        .filter(category_outcomes::erased_at.is_null())
        .into_boxed();
    if let Some(c) = f.category {
        q = q.filter(category_outcomes::category_code.eq(c.to_string()));
    }
    if let Some(r) = f.rule {
        q = q.filter(category_outcomes::rule_id.eq(r.to_string()));
    }
    if let Some(d) = f.until_before {
        q = q.filter(category_outcomes::until_date.lt(d));
    }
    q.order((
        category_outcomes::until_date.asc(),
        category_outcomes::request_id.asc(),
        category_outcomes::category_code.asc(),
    ))
    .limit(limit)
    .select((CategoryOutcomeRow::as_select(), Request::as_select()))
    .load(conn)
}

/// Kept data whose until date is before `today` and that has no follow-up task yet.
pub fn needing_followup(
    conn: &mut DbConn,
    today: NaiveDate,
    limit: i64,
) -> QueryResult<Vec<(CategoryOutcomeRow, Request)>> {
    category_outcomes::table
        .inner_join(requests::table)
        .filter(category_outcomes::outcome.eq("retained"))
        .filter(category_outcomes::erased_at.is_null())
        .filter(category_outcomes::until_date.lt(today))
        .filter(category_outcomes::followup_at.is_null())
        .order((
            category_outcomes::until_date.asc(),
            category_outcomes::request_id.asc(),
        ))
        .limit(limit)
        .select((CategoryOutcomeRow::as_select(), Request::as_select()))
        .load(conn)
}

pub fn set_followup(
    conn: &mut DbConn,
    request_id: &str,
    code: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        category_outcomes::table
            .find((request_id, code))
            .filter(category_outcomes::followup_at.is_null()),
    )
    .set(category_outcomes::followup_at.eq(Some(at)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Mark kept data erased; false when it was not kept (or already erased).
pub fn mark_erased(
    conn: &mut DbConn,
    request_id: &str,
    code: &str,
    by: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        category_outcomes::table
            .find((request_id, code))
            .filter(category_outcomes::outcome.eq("retained"))
            .filter(category_outcomes::erased_at.is_null()),
    )
    .set((
        category_outcomes::erased_at.eq(Some(at)),
        category_outcomes::erased_by.eq(Some(by)),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

pub fn find_lift(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<RestrictionLift>> {
    restriction_lifts::table
        .find(request_id)
        .select(RestrictionLift::as_select())
        .first(conn)
        .optional()
}

pub fn insert_lift(conn: &mut DbConn, row: &RestrictionLift) -> QueryResult<()> {
    diesel::insert_into(restriction_lifts::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// Lifts waiting for their notice, whose notice has been sent (or that have none: the
/// request has no address, the subject was told another way).
pub fn lifts_ready(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<RestrictionLift>> {
    let sent = outbox::table
        .filter(outbox::status.eq("sent"))
        .select(outbox::id.nullable());
    restriction_lifts::table
        .filter(restriction_lifts::lifted_at.is_null())
        .filter(
            restriction_lifts::outbox_id
                .is_null()
                .or(restriction_lifts::outbox_id.eq_any(sent)),
        )
        .order(restriction_lifts::requested_at.asc())
        .limit(limit)
        .select(RestrictionLift::as_select())
        .load(conn)
}

pub fn set_lifted(conn: &mut DbConn, request_id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        restriction_lifts::table
            .find(request_id)
            .filter(restriction_lifts::lifted_at.is_null()),
    )
    .set(restriction_lifts::lifted_at.eq(Some(at)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Lifts still waiting for their notice (a cheap look before taking the write lock).
pub fn any_lift_waiting(conn: &mut DbConn) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        restriction_lifts::table.filter(restriction_lifts::lifted_at.is_null()),
    ))
    .get_result(conn)
}

pub fn decisions(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<ObjectionDecision>> {
    objection_decisions::table
        .filter(objection_decisions::request_id.eq(request_id))
        .order(objection_decisions::purpose.asc())
        .select(ObjectionDecision::as_select())
        .load(conn)
}

/// Record (or replace) the decision on one purpose.
pub fn put_decision(conn: &mut DbConn, row: &ObjectionDecision) -> QueryResult<()> {
    diesel::delete(
        objection_decisions::table.find((row.request_id.as_str(), row.purpose.as_str())),
    )
    .execute(conn)?;
    diesel::insert_into(objection_decisions::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}
