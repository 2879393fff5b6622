//! Queries on `webhook_subscriptions`, `webhook_deliveries` and `webhook_tasks` (issue 13).
//! Deliveries are leased one by one like the outbox (`db::outbox`): only the lease holder
//! records the outcome, and a delivered row is never leased again.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::models::{WebhookDelivery, WebhookSubscription, WebhookTask};
use super::schema::{requests, webhook_deliveries, webhook_subscriptions, webhook_tasks};
use super::DbConn;

pub const PENDING: &str = "pending";
pub const DELIVERED: &str = "delivered";
pub const FAILED: &str = "failed";

pub fn insert_subscription(conn: &mut DbConn, s: &WebhookSubscription) -> QueryResult<()> {
    diesel::insert_into(webhook_subscriptions::table)
        .values(s)
        .execute(conn)
        .map(|_| ())
}

/// Every subscription, newest first (disabled ones too).
pub fn subscriptions(conn: &mut DbConn) -> QueryResult<Vec<WebhookSubscription>> {
    webhook_subscriptions::table
        .order((
            webhook_subscriptions::created_at.desc(),
            webhook_subscriptions::id.asc(),
        ))
        .select(WebhookSubscription::as_select())
        .load(conn)
}

/// The subscriptions still active, oldest first.
pub fn active_subscriptions(conn: &mut DbConn) -> QueryResult<Vec<WebhookSubscription>> {
    webhook_subscriptions::table
        .filter(webhook_subscriptions::disabled_at.is_null())
        .order((
            webhook_subscriptions::created_at.asc(),
            webhook_subscriptions::id.asc(),
        ))
        .select(WebhookSubscription::as_select())
        .load(conn)
}

pub fn find_subscription(conn: &mut DbConn, id: &str) -> QueryResult<Option<WebhookSubscription>> {
    webhook_subscriptions::table
        .find(id)
        .select(WebhookSubscription::as_select())
        .first(conn)
        .optional()
}

/// Disable an active subscription; false when it was disabled already.
pub fn disable_subscription(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        webhook_subscriptions::table
            .filter(webhook_subscriptions::id.eq(id))
            .filter(webhook_subscriptions::disabled_at.is_null()),
    )
    .set(webhook_subscriptions::disabled_at.eq(Some(now)))
    .execute(conn)
    .map(|n| n == 1)
}

pub fn insert_delivery(conn: &mut DbConn, d: &WebhookDelivery) -> QueryResult<()> {
    diesel::insert_into(webhook_deliveries::table)
        .values(d)
        .execute(conn)
        .map(|_| ())
}

pub fn insert_task(conn: &mut DbConn, t: &WebhookTask) -> QueryResult<()> {
    diesel::insert_into(webhook_tasks::table)
        .values(t)
        .execute(conn)
        .map(|_| ())
}

/// Ids of deliveries due at `now` and not leased, oldest first.
pub fn due(conn: &mut DbConn, now: NaiveDateTime, limit: i64) -> QueryResult<Vec<String>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::status.eq(PENDING))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .filter(
            webhook_deliveries::lease_until
                .is_null()
                .or(webhook_deliveries::lease_until.lt(now)),
        )
        .order(webhook_deliveries::next_attempt_at.asc())
        .select(webhook_deliveries::id)
        .limit(limit)
        .load(conn)
}

/// Lease one delivery for `owner` until `lease_until` if it is still pending, due and
/// free at `now`. Of two claimers only one changes the row; the other gets `None`.
pub fn claim(
    conn: &mut DbConn,
    id: &str,
    owner: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> QueryResult<Option<WebhookDelivery>> {
    let _pass = super::write_gate(conn);
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(id))
            .filter(webhook_deliveries::status.eq(PENDING))
            .filter(webhook_deliveries::next_attempt_at.le(now))
            .filter(
                webhook_deliveries::lease_until
                    .is_null()
                    .or(webhook_deliveries::lease_until.lt(now)),
            ),
    )
    .set((
        webhook_deliveries::lease_until.eq(Some(lease_until)),
        webhook_deliveries::lease_owner.eq(Some(owner)),
    ))
    .returning(webhook_deliveries::all_columns)
    .get_result::<WebhookDelivery>(conn)
    .optional()
}

/// What became of one leased delivery.
pub struct Attempt<'a> {
    pub id: &'a str,
    pub at: NaiveDateTime,
    /// The receiver's status code, if it answered.
    pub answer_status: Option<i32>,
    /// The start of its answer's body.
    pub answer_body: Option<&'a str>,
    pub error: Option<&'a str>,
    /// Delivered (a 2xx answer), or when to try again (`None`: give up).
    pub result: AttemptResult,
    pub first_attempt_at: NaiveDateTime,
}

pub enum AttemptResult {
    Delivered,
    RetryAt(NaiveDateTime),
    Failed,
}

/// Record `owner`'s attempt; false, with nothing changed, when it no longer holds the
/// lease (the new holder records its own).
pub fn record_attempt(conn: &mut DbConn, owner: &str, a: &Attempt<'_>) -> QueryResult<bool> {
    let _pass = super::write_gate(conn);
    let held = webhook_deliveries::table
        .filter(webhook_deliveries::id.eq(a.id))
        .filter(webhook_deliveries::lease_owner.eq(owner))
        .filter(webhook_deliveries::status.eq(PENDING));
    let common = (
        webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
        webhook_deliveries::lease_until.eq(None::<NaiveDateTime>),
        webhook_deliveries::lease_owner.eq(None::<String>),
        webhook_deliveries::last_status.eq(a.answer_status),
        webhook_deliveries::last_response.eq(a.answer_body),
        webhook_deliveries::last_error.eq(a.error),
        webhook_deliveries::first_attempt_at.eq(Some(a.first_attempt_at)),
    );
    let n = match a.result {
        // Delivered: the payload (the subject's identifiers) has done its work and is
        // dropped (Art. 5(1)(c), (e)); the event, request, time and answer stay.
        AttemptResult::Delivered => diesel::update(held)
            .set((
                common,
                webhook_deliveries::status.eq(DELIVERED),
                webhook_deliveries::delivered_at.eq(Some(a.at)),
                webhook_deliveries::payload.eq(""),
            ))
            .execute(conn)?,
        AttemptResult::RetryAt(next) => diesel::update(held)
            .set((common, webhook_deliveries::next_attempt_at.eq(next)))
            .execute(conn)?,
        AttemptResult::Failed => diesel::update(held)
            .set((common, webhook_deliveries::status.eq(FAILED)))
            .execute(conn)?,
    };
    Ok(n == 1)
}

/// Put a failed delivery back in the queue, due at `now`; false if it is not failed.
pub fn requeue(conn: &mut DbConn, id: &str, now: NaiveDateTime) -> QueryResult<bool> {
    diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(id))
            .filter(webhook_deliveries::status.eq(FAILED)),
    )
    .set((
        webhook_deliveries::status.eq(PENDING),
        webhook_deliveries::attempts.eq(0),
        webhook_deliveries::next_attempt_at.eq(now),
        webhook_deliveries::first_attempt_at.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

pub fn find_delivery(conn: &mut DbConn, id: &str) -> QueryResult<Option<WebhookDelivery>> {
    webhook_deliveries::table
        .find(id)
        .select(WebhookDelivery::as_select())
        .first(conn)
        .optional()
}

/// How many deliveries of each subscription are in `status`.
pub fn count_by_subscription(conn: &mut DbConn, status: &str) -> QueryResult<Vec<(String, i64)>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::status.eq(status))
        .group_by(webhook_deliveries::subscription_id)
        .select((
            webhook_deliveries::subscription_id,
            diesel::dsl::count_star(),
        ))
        .load(conn)
}

/// Failed deliveries, newest first, with the request's reference.
pub fn failed(conn: &mut DbConn, limit: i64) -> QueryResult<Vec<(WebhookDelivery, String)>> {
    webhook_deliveries::table
        .inner_join(requests::table)
        .filter(webhook_deliveries::status.eq(FAILED))
        .order((
            webhook_deliveries::created_at.desc(),
            webhook_deliveries::id.asc(),
        ))
        .select((WebhookDelivery::as_select(), requests::reference))
        .limit(limit)
        .load(conn)
}

/// A request's deliveries, oldest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<WebhookDelivery>> {
    webhook_deliveries::table
        .filter(webhook_deliveries::request_id.eq(request_id))
        .order((
            webhook_deliveries::created_at.asc(),
            webhook_deliveries::id.asc(),
        ))
        .select(WebhookDelivery::as_select())
        .load(conn)
}

pub fn find_task(conn: &mut DbConn, id: &str) -> QueryResult<Option<WebhookTask>> {
    webhook_tasks::table
        .find(id)
        .select(WebhookTask::as_select())
        .first(conn)
        .optional()
}

/// A request's tasks, oldest first.
pub fn tasks(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<WebhookTask>> {
    webhook_tasks::table
        .filter(webhook_tasks::request_id.eq(request_id))
        .order((webhook_tasks::created_at.asc(), webhook_tasks::id.asc()))
        .select(WebhookTask::as_select())
        .load(conn)
}

/// Tasks neither reported done nor overridden.
pub fn open_tasks(conn: &mut DbConn, request_id: &str) -> QueryResult<i64> {
    webhook_tasks::table
        .filter(webhook_tasks::request_id.eq(request_id))
        .filter(webhook_tasks::done_at.is_null())
        .filter(webhook_tasks::overridden_at.is_null())
        .count()
        .get_result(conn)
}

/// Record a task done; false when it was done already.
pub fn mark_task_done(
    conn: &mut DbConn,
    id: &str,
    by: &str,
    note: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::update(
        webhook_tasks::table
            .filter(webhook_tasks::id.eq(id))
            .filter(webhook_tasks::done_at.is_null()),
    )
    .set((
        webhook_tasks::done_at.eq(Some(now)),
        webhook_tasks::done_by.eq(Some(by)),
        webhook_tasks::done_note.eq(note),
    ))
    .execute(conn)
    .map(|n| n == 1)
}

/// Override every open task of a request with a reason; how many there were.
pub fn override_open(
    conn: &mut DbConn,
    request_id: &str,
    by: &str,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        webhook_tasks::table
            .filter(webhook_tasks::request_id.eq(request_id))
            .filter(webhook_tasks::done_at.is_null())
            .filter(webhook_tasks::overridden_at.is_null()),
    )
    .set((
        webhook_tasks::overridden_at.eq(Some(now)),
        webhook_tasks::overridden_by.eq(Some(by)),
        webhook_tasks::override_reason.eq(Some(reason)),
    ))
    .execute(conn)
}
