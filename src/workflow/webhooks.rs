//! Webhooks to the systems that hold the data (issue 13).
//!
//! - Admins, or a key with `webhooks:manage`, subscribe a URL to events and choose which
//!   of the subject's identifiers it receives; the signing secret is shown once and kept
//!   sealed with the app's key.
//! - `emit` writes one delivery per subscription inside the caller's transaction (the
//!   change and its deliveries commit together); `webhooks::dispatcher` sends them.
//! - An instruction (`erasure.instructed`, `rectification.instructed`) also gives each
//!   subscribed system a task. The system reports it done through the API
//!   (`tasks:report`); a request cannot be completed while a task is open unless a
//!   handler overrides the open tasks with a written reason, so the subject is never told
//!   "erased" before the systems that hold the data have erased it (Art. 12(3), 17, 19).

use chrono::NaiveDateTime;
use serde_json::{json, Map, Value};

use super::case::{current, edit, invalid};
use super::users::Staff;
use super::{audit, Actor, Conn, Ctx, Event, WorkflowError};
use crate::db::models::{
    NewAuditEvent, Request, WebhookDelivery, WebhookSubscription, WebhookTask,
};
use crate::db::{self, DbConn};
use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{FieldError, FreeText, ShortText};
use crate::domain::webhooks::{
    check_url, new_secret, parse_list, store_list, EventType, Identifier,
};

const NAME_MAX: usize = 100;
/// The shortest written reason for overriding open tasks.
const REASON_MIN: usize = 10;

/// A subscription as the admin page and the API show it.
#[derive(Debug, Clone)]
pub struct SubscriptionLine {
    pub subscription: WebhookSubscription,
    pub events: Vec<EventType>,
    pub identifiers: Vec<Identifier>,
    pub pending: i64,
    pub failed: i64,
}

/// A new subscription and its signing secret, which is never shown again.
pub struct CreatedSubscription {
    pub line: SubscriptionLine,
    pub secret: String,
}

fn line(s: WebhookSubscription, pending: i64, failed: i64) -> SubscriptionLine {
    SubscriptionLine {
        events: parse_list(&s.events, EventType::parse),
        identifiers: parse_list(&s.identifiers, Identifier::parse),
        subscription: s,
        pending,
        failed,
    }
}

pub fn list(conn: &mut DbConn) -> Result<Vec<SubscriptionLine>, WorkflowError> {
    let pending = db::webhooks::count_by_subscription(conn, db::webhooks::PENDING)?;
    let failed = db::webhooks::count_by_subscription(conn, db::webhooks::FAILED)?;
    let count = |rows: &[(String, i64)], id: &str| {
        rows.iter()
            .find(|(s, _)| s == id)
            .map(|(_, n)| *n)
            .unwrap_or(0)
    };
    Ok(db::webhooks::subscriptions(conn)?
        .into_iter()
        .map(|s| {
            let (p, f) = (count(&pending, &s.id), count(&failed, &s.id));
            line(s, p, f)
        })
        .collect())
}

/// Subscribe a URL (admins, or a key with `webhooks:manage`): a name, an https URL that
/// is not a private address (`domain::webhooks::check_url`), at least one event, and the
/// identifiers it may receive (none: the reference only).
pub fn subscribe(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Actor<'_>,
    f: &dyn FormInput,
) -> Result<CreatedSubscription, WorkflowError> {
    let mut errors = Vec::new();
    let name = match ShortText::parse(f.value("name"), NAME_MAX, "name") {
        Ok(v) => v.as_str().to_string(),
        Err(m) => {
            errors.push(FieldError::new("name", m));
            String::new()
        }
    };
    let url = match check_url(f.value("url"), ctx.settings.webhook_allow_loopback) {
        Ok(u) => u.to_string(),
        Err(refusal) => {
            errors.push(FieldError::new("url", Msg::new(refusal.message_id())));
            String::new()
        }
    };
    let mut events = Vec::new();
    for e in f.values("event") {
        match EventType::parse(e.trim()) {
            Some(e) => events.push(e),
            None => errors.push(FieldError::new("event", Msg::new("webhook-event-unknown"))),
        }
    }
    if events.is_empty() && !errors.iter().any(|e| e.field == "event") {
        errors.push(FieldError::new("event", Msg::new("webhook-event-none")));
    }
    let mut identifiers = Vec::new();
    for i in f.values("identifier") {
        match Identifier::parse(i.trim()) {
            Some(i) => identifiers.push(i),
            None => errors.push(FieldError::new(
                "identifier",
                Msg::new("webhook-identifier-unknown"),
            )),
        }
    }
    if !errors.is_empty() {
        return Err(WorkflowError::Invalid(errors));
    }
    let id = uuid::Uuid::new_v4().to_string();
    let secret = new_secret();
    let subscription = WebhookSubscription {
        sealed_secret: ctx.sealer().seal(secret.as_bytes(), &id),
        id,
        name,
        url,
        events: store_list(EventType::ALL, &events, EventType::as_str),
        identifiers: store_list(Identifier::ALL, &identifiers, Identifier::as_str),
        created_by: by.label(),
        created_at: ctx.now_db(),
        disabled_at: None,
    };
    db::write_transaction(conn, |conn| {
        db::webhooks::insert_subscription(conn, &subscription)?;
        let note = format!(
            "{} → {} (events {}; identifiers {})",
            subscription.name, subscription.url, subscription.events, subscription.identifiers
        );
        audit_register(conn, ctx, by, "webhook_subscribed", &note)
    })?;
    Ok(CreatedSubscription {
        line: line(subscription, 0, 0),
        secret,
    })
}

/// Stop a subscription: no new deliveries; those waiting are not sent.
pub fn disable(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Actor<'_>,
    id: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let s = db::webhooks::find_subscription(conn, id)?.ok_or(WorkflowError::NotFound)?;
        if db::webhooks::disable_subscription(conn, id, ctx.now_db())? {
            let note = format!("{} → {}", s.name, s.url);
            audit_register(conn, ctx, by, "webhook_disabled", &note)?;
        }
        Ok(())
    })
}

fn audit_register(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Actor<'_>,
    action: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    db::audit::record(
        conn,
        &NewAuditEvent {
            request_id: None,
            actor: &by.label(),
            action,
            from_status: None,
            to_status: None,
            note: Some(note),
            at: ctx.now_db(),
        },
    )?;
    Ok(())
}

/// Queue `event` about `request` for every active subscription to it, inside the
/// caller's transaction. `data` adds to (or overrides) the payload's `data`: the
/// reference, kind, status and due date, and the identifiers the subscription chose.
/// An instruction also gives each subscribed system a task, named in its payload.
/// Returns how many deliveries were queued.
pub(crate) fn emit(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    event: EventType,
    data: Map<String, Value>,
) -> Result<usize, WorkflowError> {
    let subscriptions: Vec<WebhookSubscription> = db::webhooks::active_subscriptions(conn)?
        .into_iter()
        .filter(|s| parse_list(&s.events, EventType::parse).contains(&event))
        .collect();
    let now = ctx.now_db();
    for s in &subscriptions {
        let delivery_id = format!("msg_{}", uuid::Uuid::new_v4().simple());
        let task_id = event
            .is_instruction()
            .then(|| uuid::Uuid::new_v4().to_string());
        let payload = payload(request, s, event, ctx, &data, task_id.as_deref());
        db::webhooks::insert_delivery(
            conn,
            &WebhookDelivery {
                id: delivery_id.clone(),
                subscription_id: s.id.clone(),
                request_id: request.id.clone(),
                event: event.as_str().into(),
                payload,
                status: db::webhooks::PENDING.into(),
                created_at: now,
                next_attempt_at: now,
                attempts: 0,
                first_attempt_at: None,
                lease_owner: None,
                lease_until: None,
                delivered_at: None,
                last_status: None,
                last_response: None,
                last_error: None,
            },
        )?;
        if let Some(task_id) = task_id {
            db::webhooks::insert_task(
                conn,
                &WebhookTask {
                    id: task_id,
                    request_id: request.id.clone(),
                    subscription_id: s.id.clone(),
                    delivery_id,
                    event: event.as_str().into(),
                    created_at: now,
                    done_at: None,
                    done_by: None,
                    done_note: None,
                    overridden_at: None,
                    overridden_by: None,
                    override_reason: None,
                },
            )?;
        }
    }
    Ok(subscriptions.len())
}

/// The JSON body of one delivery (Standard Webhooks: `type`, `timestamp`, `data`).
fn payload(
    request: &Request,
    s: &WebhookSubscription,
    event: EventType,
    ctx: &Ctx<'_>,
    extra: &Map<String, Value>,
    task_id: Option<&str>,
) -> String {
    let mut subject = Map::new();
    for i in parse_list(&s.identifiers, Identifier::parse) {
        let value = match i {
            Identifier::Email => request.subject_email.clone(),
            Identifier::Phone => request.subject_phone.clone(),
            Identifier::CustomerNumber => request.customer_number.clone(),
            Identifier::Name => Some(request.subject_name.clone()),
        };
        if let Some(v) = value {
            subject.insert(i.as_str().into(), Value::String(v));
        }
    }
    let mut data = Map::new();
    data.insert("reference".into(), json!(request.reference));
    data.insert("request_kind".into(), json!(request.kind));
    data.insert("status".into(), json!(request.status));
    data.insert("due_date".into(), json!(request.due_date.to_string()));
    data.insert("subject".into(), Value::Object(subject));
    if let Some(t) = task_id {
        data.insert("task_id".into(), json!(t));
    }
    for (k, v) in extra {
        data.insert(k.clone(), v.clone());
    }
    json!({
        "type": event.as_str(),
        "timestamp": ctx.now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    })
    .to_string()
}

/// `data` for `emit` from pairs.
pub(crate) fn data(pairs: &[(&str, Value)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_string(), v.clone()))
        .collect()
}

// --- Tasks --------------------------------------------------------------------------------

/// A task as the API and the request page show it.
#[derive(Debug, Clone)]
pub struct TaskLine {
    pub task: WebhookTask,
    pub system: String,
    pub reference: String,
}

impl TaskLine {
    /// The words of the instruction (`webhook-event-*`).
    pub fn event_label_id(&self) -> &'static str {
        EventType::parse(&self.task.event)
            .unwrap_or(EventType::ErasureInstructed)
            .label_id()
    }

    pub fn state(&self) -> &'static str {
        if self.task.done_at.is_some() {
            "done"
        } else if self.task.overridden_at.is_some() {
            "overridden"
        } else {
            "open"
        }
    }
}

/// A request's tasks with the names of their systems.
pub fn tasks(conn: &mut DbConn, request: &Request) -> Result<Vec<TaskLine>, WorkflowError> {
    let subs = db::webhooks::subscriptions(conn)?;
    Ok(db::webhooks::tasks(conn, &request.id)?
        .into_iter()
        .map(|task| TaskLine {
            system: subs
                .iter()
                .find(|s| s.id == task.subscription_id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            reference: request.reference.clone(),
            task,
        })
        .collect())
}

/// A system reports its task done (`POST /api/v1/tasks/{id}/done`, `tasks:report`),
/// with an optional note. Reporting again changes nothing and answers the same. Also
/// after the request was closed (by an override): the confirmation is still recorded.
pub fn report_done(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Actor<'_>,
    task_id: &str,
    note: Option<&str>,
) -> Result<TaskLine, WorkflowError> {
    let note = match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Some(
            FreeText::parse(n, 2000, "note")
                .map_err(|m| invalid("note", m))?
                .into_string(),
        ),
        None => None,
    };
    let now: NaiveDateTime = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let task = db::webhooks::find_task(conn, task_id)?.ok_or(WorkflowError::NotFound)?;
        let request = db::requests::find(conn, &task.request_id)?.ok_or(WorkflowError::NotFound)?;
        if db::webhooks::mark_task_done(conn, task_id, &by.label(), note.as_deref(), now)? {
            let system = db::webhooks::find_subscription(conn, &task.subscription_id)?
                .map(|s| s.name)
                .unwrap_or_default();
            let text = match &note {
                Some(n) => format!("{system}: {} ({n})", task.event),
                None => format!("{system}: {}", task.event),
            };
            audit(
                conn,
                &request.id,
                by,
                Event {
                    action: "task_done",
                    from: None,
                    to: None,
                    note: Some(&text),
                },
                now,
            )?;
        }
        let line = tasks(conn, &request)?
            .into_iter()
            .find(|t| t.task.id == task_id)
            .ok_or(WorkflowError::NotFound)?;
        Ok(line)
    })
}

pub fn parse_override(f: &dyn FormInput) -> Result<FreeText, WorkflowError> {
    let reason = FreeText::parse(f.value("override_reason"), 2000, "the reason")
        .map_err(|m| invalid("override_reason", m))?;
    if reason.as_str().chars().count() < REASON_MIN {
        return Err(invalid(
            "override_reason",
            Msg::new("case-tasks-override-short").arg("min", REASON_MIN),
        ));
    }
    Ok(reason)
}

/// A handler closes every open task of a request with a written reason (a system that
/// will never answer, an erasure confirmed by telephone): the request may then be
/// completed. Audited with the reason.
pub fn override_open_tasks(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    reason: &FreeText,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let n = db::webhooks::override_open(
            conn,
            &request.id,
            &by.actor().label(),
            reason.as_str(),
            ctx.now_db(),
        )?;
        if n == 0 {
            return Err(WorkflowError::Conflict(Msg::new("case-tasks-none-open")));
        }
        let note = format!("{n} open: {}", reason.as_str());
        edit(
            conn,
            ctx,
            &request,
            Default::default(),
            by,
            "tasks_overridden",
            &note,
        )
    })
}

/// Completion waits for the systems that hold the data: refused while a task is open.
pub(crate) fn check_no_open_tasks(
    conn: &mut DbConn,
    request: &Request,
) -> Result<(), WorkflowError> {
    let open = db::webhooks::open_tasks(conn, &request.id)?;
    if open > 0 {
        return Err(WorkflowError::Conflict(
            Msg::new("case-tasks-open").arg("count", open),
        ));
    }
    Ok(())
}

// --- Deliveries on the dashboard ----------------------------------------------------------------

/// A failed delivery as the webhooks page lists it.
pub struct FailedLine {
    pub delivery: WebhookDelivery,
    pub reference: String,
    pub system: String,
}

pub fn failed(conn: &mut DbConn) -> Result<Vec<FailedLine>, WorkflowError> {
    let subs = db::webhooks::subscriptions(conn)?;
    Ok(db::webhooks::failed(conn, 200)?
        .into_iter()
        .map(|(delivery, reference)| FailedLine {
            system: subs
                .iter()
                .find(|s| s.id == delivery.subscription_id)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            delivery,
            reference,
        })
        .collect())
}

/// Send a failed delivery again (admins), from the first attempt.
pub fn retry(conn: &mut Conn, ctx: &Ctx<'_>, by: &Staff, id: &str) -> Result<(), WorkflowError> {
    super::registers::admin_only(by)?;
    db::write_transaction(conn, |conn| {
        let d = db::webhooks::find_delivery(conn, id)?.ok_or(WorkflowError::NotFound)?;
        if db::webhooks::requeue(conn, id, ctx.now_db())? {
            audit(
                conn,
                &d.request_id,
                &by.actor(),
                Event {
                    action: "webhook_requeued",
                    from: None,
                    to: None,
                    note: Some(&format!("{} {}", d.event, d.id)),
                },
                ctx.now_db(),
            )?;
        }
        Ok(())
    })
}
