//! Queries on the recipients register, rectification decisions, Art. 19 notices and
//! their links (issue 11).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{
    Notice, NoticeLink, Recipient, RecipientCategory, RectificationItemRow, Request,
};
use super::schema::{
    notice_links, notices, outbox, recipient_categories, recipients, rectification_items, requests,
};
use super::DbConn;

/// Every recipient, in register order, with the categories it receives.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<(Recipient, Vec<String>)>> {
    let list: Vec<Recipient> = recipients::table
        .order((recipients::position.asc(), recipients::id.asc()))
        .select(Recipient::as_select())
        .load(conn)?;
    let cats: Vec<RecipientCategory> = recipient_categories::table
        .order((
            recipient_categories::recipient_id.asc(),
            recipient_categories::category_code.asc(),
        ))
        .select(RecipientCategory::as_select())
        .load(conn)?;
    Ok(list
        .into_iter()
        .map(|r| {
            let mine = cats
                .iter()
                .filter(|c| c.recipient_id == r.id)
                .map(|c| c.category_code.clone())
                .collect();
            (r, mine)
        })
        .collect())
}

/// The categories one recipient receives (a range of the primary key).
pub fn categories_of(conn: &mut DbConn, id: &str) -> QueryResult<Vec<String>> {
    recipient_categories::table
        .filter(recipient_categories::recipient_id.eq(id))
        .order(recipient_categories::category_code.asc())
        .select(recipient_categories::category_code)
        .load(conn)
}

pub fn find(conn: &mut DbConn, id: &str) -> QueryResult<Option<Recipient>> {
    recipients::table
        .find(id)
        .select(Recipient::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut DbConn, row: &Recipient) -> QueryResult<()> {
    diesel::insert_into(recipients::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn update(conn: &mut DbConn, row: &Recipient) -> QueryResult<bool> {
    diesel::update(recipients::table.find(&row.id))
        .set(row)
        .execute(conn)
        .map(|n| n == 1)
}

/// Replace the categories a recipient receives (row by row: portable over both backends).
pub fn set_categories(conn: &mut DbConn, id: &str, codes: &[String]) -> QueryResult<()> {
    diesel::delete(recipient_categories::table.filter(recipient_categories::recipient_id.eq(id)))
        .execute(conn)?;
    for code in codes {
        diesel::insert_into(recipient_categories::table)
            .values(&RecipientCategory {
                recipient_id: id.to_string(),
                category_code: code.clone(),
            })
            .execute(conn)?;
    }
    Ok(())
}

pub fn next_position(conn: &mut DbConn) -> QueryResult<i32> {
    let max: Option<i32> = recipients::table
        .select(diesel::dsl::max(recipients::position))
        .first(conn)?;
    Ok(max.unwrap_or(0).saturating_add(10))
}

// --- Rectification items ---------------------------------------------------------------------

pub fn items(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<RectificationItemRow>> {
    rectification_items::table
        .filter(rectification_items::request_id.eq(request_id))
        .order(rectification_items::item_no.asc())
        .select(RectificationItemRow::as_select())
        .load(conn)
}

/// Record (or replace) the decision on one item.
pub fn put_item(conn: &mut DbConn, row: &RectificationItemRow) -> QueryResult<()> {
    diesel::delete(rectification_items::table.find((row.request_id.as_str(), row.item_no)))
        .execute(conn)?;
    diesel::insert_into(rectification_items::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

// --- Notices -----------------------------------------------------------------------------------

pub fn insert_notice(conn: &mut DbConn, row: &Notice) -> QueryResult<()> {
    diesel::insert_into(notices::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

pub fn insert_link(conn: &mut DbConn, row: &NoticeLink) -> QueryResult<()> {
    diesel::insert_into(notice_links::table)
        .values(row)
        .execute(conn)
        .map(|_| ())
}

/// A notice with its recipient and the status of its latest email.
pub type NoticeRow = (Notice, Recipient, Option<String>);

/// A request's notices, by recipient order.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<NoticeRow>> {
    notices::table
        .inner_join(recipients::table)
        .left_join(outbox::table.on(notices::outbox_id.eq(outbox::id.nullable())))
        .filter(notices::request_id.eq(request_id))
        .order((recipients::position.asc(), notices::id.asc()))
        .select((
            Notice::as_select(),
            Recipient::as_select(),
            outbox::status.nullable(),
        ))
        .load(conn)
}

/// The notice a link's token hash opens, with its recipient and request.
pub fn by_link(
    conn: &mut DbConn,
    token_hash: &str,
) -> QueryResult<Option<(Notice, Recipient, Request)>> {
    notice_links::table
        .inner_join(
            notices::table
                .inner_join(recipients::table)
                .inner_join(requests::table),
        )
        .filter(notice_links::token_hash.eq(token_hash))
        .select((
            Notice::as_select(),
            Recipient::as_select(),
            Request::as_select(),
        ))
        .first(conn)
        .optional()
}

/// Acknowledge a notice once; false when it already was (or is exempt).
pub fn acknowledge(conn: &mut DbConn, id: &str, at: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        notices::table
            .find(id)
            .filter(notices::acknowledged_at.is_null())
            .filter(notices::exempt_reason.is_null()),
    )
    .set(notices::acknowledged_at.eq(Some(at)))
    .execute(conn)
    .map(|n| n == 1)
}

/// Mark an open notice exempt; false when it is acknowledged or exempt already.
pub fn exempt(conn: &mut DbConn, id: &str, request_id: &str, reason: &str) -> QueryResult<bool> {
    diesel::update(
        notices::table
            .find(id)
            .filter(notices::request_id.eq(request_id))
            .filter(notices::acknowledged_at.is_null())
            .filter(notices::exempt_reason.is_null()),
    )
    .set(notices::exempt_reason.eq(Some(reason)))
    .execute(conn)
    .map(|n| n == 1)
}

/// A notice's latest email.
pub fn set_sent(
    conn: &mut DbConn,
    id: &str,
    outbox_id: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(notices::table.find(id))
        .set((
            notices::outbox_id.eq(Some(outbox_id)),
            notices::last_sent_at.eq(Some(at)),
        ))
        .execute(conn)
        .map(|_| ())
}

/// A notice with its recipient, the status of its latest email and its request.
pub type OpenNoticeRow = (Notice, Recipient, Option<String>, Request);

/// Open notices (neither acknowledged nor exempt), oldest email first: the dashboard
/// view.
pub fn open(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<OpenNoticeRow>> {
    notices::table
        .inner_join(recipients::table)
        .inner_join(requests::table)
        .left_join(outbox::table.on(notices::outbox_id.eq(outbox::id.nullable())))
        .filter(notices::acknowledged_at.is_null())
        .filter(notices::exempt_reason.is_null())
        .order((notices::last_sent_at.asc(), notices::id.asc()))
        .limit(limit)
        .select((
            Notice::as_select(),
            Recipient::as_select(),
            outbox::status.nullable(),
            Request::as_select(),
        ))
        .load(conn)
}

/// Open notices whose latest email went out before `before`: due a reminder.
pub fn due_reminder(
    conn: &mut DbConn,
    before: NaiveDateTime,
    limit: i64,
) -> QueryResult<Vec<(Notice, Recipient, Request)>> {
    notices::table
        .inner_join(recipients::table)
        .inner_join(requests::table)
        .filter(notices::acknowledged_at.is_null())
        .filter(notices::exempt_reason.is_null())
        .filter(notices::last_sent_at.lt(before))
        .order((notices::last_sent_at.asc(), notices::id.asc()))
        .limit(limit)
        .select((
            Notice::as_select(),
            Recipient::as_select(),
            Request::as_select(),
        ))
        .load(conn)
}
