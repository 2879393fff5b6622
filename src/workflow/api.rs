//! What the JSON API (issue 13) reads and sends in: requests as JSON documents, the
//! queue keyset-paged, and intake through an API key. Writes go through the same
//! workflow functions as the portal and the dashboard (`intake::submit`,
//! `manual::enter`), audited under the key's name.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::Serialize;

use super::api_keys::ApiClient;
use super::intake::Submitted;
use super::manual::ManualInput;
use super::view::view_of;
use super::{Conn, Ctx, WorkflowError};
use crate::db::models::Request;
use crate::db::requests::{QueueFilter, StatusFilter};
use crate::db::{self, DbConn};
use crate::domain::channel::Channel;
use crate::domain::kinds::{FormInput, Kind};
use crate::domain::lang::Lang;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{FieldError, ShortText};
use crate::domain::status::Status;
use crate::domain::submission::{parse_submission, parse_submission_email_optional};

/// Most requests on one page of the list.
pub const PAGE_MAX: i64 = 100;
pub const PAGE_DEFAULT: i64 = 50;
/// Longest verification method.
const METHOD_MAX: usize = 200;

fn rfc3339(t: NaiveDateTime) -> String {
    t.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The subject as the API gives it: whoever holds `requests:read` needs it to find them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiSubject {
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub customer_number: Option<String>,
}

/// The deadlines (DESIGN §4): the date to answer by, the law's month, the promise.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiDeadlines {
    pub due_date: NaiveDate,
    pub legal_due_date: NaiveDate,
    pub policy_due_date: Option<NaiveDate>,
    pub latest_extended_due_date: NaiveDate,
    pub extended: bool,
    pub paused: bool,
    pub paused_days: u32,
}

/// One request.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiRequest {
    pub id: String,
    pub reference: String,
    #[schema(value_type = String, example = "access")]
    pub kind: &'static str,
    #[schema(value_type = String, example = "open")]
    pub status: &'static str,
    pub outcome: Option<String>,
    pub rejection_reason: Option<String>,
    #[schema(value_type = String, example = "api")]
    pub channel: &'static str,
    /// When it reached the organisation (UTC, RFC 3339).
    pub received_at: String,
    /// The local date of receipt, from which the deadlines run.
    pub received_date: NaiveDate,
    pub deadlines: ApiDeadlines,
    pub verified_at: Option<String>,
    pub verification_method: Option<String>,
    pub assignee_id: Option<String>,
    pub closed_at: Option<String>,
    #[schema(value_type = String, example = "nb")]
    pub language: &'static str,
    pub subject: ApiSubject,
    /// The kind's own fields, as the portal form took them (`kind` names the variant).
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    pub message: Option<String>,
    /// Bumped by every change (the handler actions send it back).
    pub version: i32,
}

/// One entry of the audit trail.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiEvent {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: Option<String>,
    pub note: Option<String>,
}

/// A request with its events, oldest first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiRequestWithEvents {
    #[serde(flatten)]
    pub request: ApiRequest,
    pub events: Vec<ApiEvent>,
    /// The tasks instructions gave the systems that hold the data (webhooks).
    pub tasks: Vec<ApiTask>,
}

/// What one system must do after an instruction, and whether it reported it done.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiTask {
    pub id: String,
    pub reference: String,
    /// The subscription's name: the system.
    pub system: String,
    /// `erasure.instructed` or `rectification.instructed`.
    pub event: String,
    /// `open`, `done` or `overridden` (a handler closed it with a written reason).
    pub state: String,
    pub created_at: String,
    pub done_at: Option<String>,
    pub done_note: Option<String>,
    pub overridden_at: Option<String>,
    pub override_reason: Option<String>,
}

impl ApiTask {
    pub fn from_line(t: &super::webhooks::TaskLine) -> ApiTask {
        ApiTask {
            id: t.task.id.clone(),
            reference: t.reference.clone(),
            system: t.system.clone(),
            event: t.task.event.clone(),
            state: t.state().into(),
            created_at: rfc3339(t.task.created_at),
            done_at: t.task.done_at.map(rfc3339),
            done_note: t.task.done_note.clone(),
            overridden_at: t.task.overridden_at.map(rfc3339),
            override_reason: t.task.override_reason.clone(),
        }
    }
}

/// A webhook subscription.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiSubscription {
    pub id: String,
    pub name: String,
    pub url: String,
    pub events: Vec<String>,
    /// The subject's identifiers its payloads carry (the reference always comes).
    pub identifiers: Vec<String>,
    pub created_at: String,
    pub disabled_at: Option<String>,
    /// Deliveries waiting or being retried.
    pub pending: i64,
    /// Deliveries given up on after the last attempt.
    pub failed: i64,
}

impl ApiSubscription {
    pub fn from_line(l: &super::webhooks::SubscriptionLine) -> ApiSubscription {
        let s = &l.subscription;
        ApiSubscription {
            id: s.id.clone(),
            name: s.name.clone(),
            url: s.url.clone(),
            events: l.events.iter().map(|e| e.as_str().to_string()).collect(),
            identifiers: l
                .identifiers
                .iter()
                .map(|i| i.as_str().to_string())
                .collect(),
            created_at: rfc3339(s.created_at),
            disabled_at: s.disabled_at.map(rfc3339),
            pending: l.pending,
            failed: l.failed,
        }
    }
}

/// A new subscription with its signing secret, shown this once.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiNewSubscription {
    #[serde(flatten)]
    pub subscription: ApiSubscription,
    /// `whsec_…`: verify each delivery's `webhook-signature` with it (Standard Webhooks).
    pub secret: String,
}

/// A page of the list and the cursor of the next one.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiPage {
    pub items: Vec<ApiRequest>,
    /// Pass as `after` for the next page; absent on the last one.
    pub next: Option<String>,
}

fn api_request(ctx: &Ctx<'_>, r: &Request) -> Result<ApiRequest, WorkflowError> {
    let v = view_of(ctx, r)?;
    Ok(ApiRequest {
        id: r.id.clone(),
        reference: r.reference.clone(),
        kind: v.kind.as_str(),
        status: v.status.as_str(),
        outcome: r.outcome.clone(),
        rejection_reason: r.rejection_reason.clone(),
        channel: v.channel.as_str(),
        received_at: rfc3339(r.received_at),
        received_date: v.received,
        deadlines: ApiDeadlines {
            due_date: v.deadlines.due,
            legal_due_date: v.deadlines.legal_due,
            policy_due_date: v.deadlines.policy_due,
            latest_extended_due_date: v.deadlines.latest_extended_due,
            extended: v.deadlines.extended,
            paused: v.paused,
            paused_days: v.deadlines.paused_days,
        },
        verified_at: r.verified_at.map(rfc3339),
        verification_method: r.verification_method.clone(),
        assignee_id: r.assignee_id.clone(),
        closed_at: r.closed_at.map(rfc3339),
        language: r.language(ctx.settings).code(),
        subject: ApiSubject {
            name: r.subject_name.clone(),
            email: r.subject_email.clone(),
            phone: r.subject_phone.clone(),
            customer_number: r.customer_number.clone(),
        },
        details: serde_json::from_str(&r.details).unwrap_or(serde_json::Value::Null),
        message: r.message.clone(),
        version: r.version,
    })
}

/// A request by its id or its reference (`DSR-2026-000123`), with its events.
pub fn request(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id_or_reference: &str,
) -> Result<ApiRequestWithEvents, WorkflowError> {
    let found = if id_or_reference.starts_with("DSR-") {
        db::requests::find_by_reference(conn, id_or_reference)?
    } else {
        db::requests::find(conn, id_or_reference)?
    };
    let r = found.ok_or(WorkflowError::NotFound)?;
    let events = db::audit::for_request(conn, &r.id)?
        .into_iter()
        .map(|e| ApiEvent {
            at: rfc3339(e.at),
            actor: e.actor,
            action: e.action,
            from_status: e.from_status,
            to_status: e.to_status,
            note: e.note,
        })
        .collect();
    let tasks = super::webhooks::tasks(conn, &r)?
        .iter()
        .map(ApiTask::from_line)
        .collect();
    Ok(ApiRequestWithEvents {
        request: api_request(ctx, &r)?,
        events,
        tasks,
    })
}

/// The list's query: the queue's filters and a keyset cursor.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// A status, `active` (still needing action) or `all` (the default).
    pub status: Option<String>,
    pub kind: Option<String>,
    pub assignee: Option<String>,
    /// `YYYY-MM-DD`: due strictly before.
    pub due_before: Option<String>,
    /// The `next` of the page before.
    pub after: Option<String>,
    pub limit: Option<i64>,
}

/// The cursor after `r`: its due date as days since 1970-01-01 and its id, so that any
/// cursor of the documented shape reads as one.
fn cursor(r: &Request) -> String {
    let days = (r.due_date - epoch()).num_days();
    format!("{days}~{}", r.id)
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default()
}

fn parse_cursor(raw: &str) -> Option<(NaiveDate, String)> {
    let (days, id) = raw.split_once('~')?;
    if days.is_empty() || days.len() > 6 || !days.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let due = epoch().checked_add_days(chrono::Days::new(days.parse().ok()?))?;
    let parsed = uuid::Uuid::parse_str(id).ok()?;
    // The canonical lower-case hyphenated form, as ids are stored.
    (parsed.hyphenated().to_string() == id).then(|| (due, id.to_string()))
}

/// Requests in queue order (due date, then id), `limit` at a time.
pub fn list(conn: &mut DbConn, ctx: &Ctx<'_>, q: &ListQuery) -> Result<ApiPage, WorkflowError> {
    let mut errors = Vec::new();
    let status = match q.status.as_deref().unwrap_or("all") {
        "all" => StatusFilter::All,
        "active" => StatusFilter::Active,
        s => match Status::parse(s) {
            Some(s) => StatusFilter::One(s),
            None => {
                errors.push(FieldError::new("status", Msg::new("api-status-unknown")));
                StatusFilter::All
            }
        },
    };
    let kind = match q.kind.as_deref() {
        None => None,
        Some(k) => {
            let parsed = Kind::parse(k);
            if parsed.is_none() {
                errors.push(FieldError::new("kind", Msg::new("field-kind-unknown")));
            }
            parsed
        }
    };
    let assignee = match q.assignee.as_deref() {
        None => db::requests::AssigneeFilter::Anyone,
        Some("none") => db::requests::AssigneeFilter::Unassigned,
        Some(id) => db::requests::AssigneeFilter::User(id.to_string()),
    };
    let due_before = match q.due_before.as_deref() {
        None => None,
        Some(d) => match NaiveDate::parse_from_str(d, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new("due_before", Msg::new("api-date-invalid")));
                None
            }
        },
    };
    let after = match q.after.as_deref() {
        None => None,
        Some(raw) => {
            let parsed = parse_cursor(raw);
            if parsed.is_none() {
                errors.push(FieldError::new("after", Msg::new("api-cursor-invalid")));
            }
            parsed
        }
    };
    let limit = q.limit.unwrap_or(PAGE_DEFAULT);
    if !(1..=PAGE_MAX).contains(&limit) {
        errors.push(FieldError::new(
            "limit",
            Msg::new("api-limit-range").arg("max", PAGE_MAX),
        ));
    }
    if !errors.is_empty() {
        return Err(WorkflowError::Invalid(errors));
    }
    let filter = QueueFilter {
        status,
        kind,
        assignee,
        due_before,
        ..QueueFilter::default()
    };
    let mut rows = db::requests::queue_page(conn, &filter, after, limit + 1)?;
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if more { rows.last().map(cursor) } else { None };
    Ok(ApiPage {
        items: rows
            .iter()
            .map(|r| api_request(ctx, r))
            .collect::<Result<_, _>>()?,
        next,
    })
}

/// A request sent in through the API. With `verification_method` the caller vouches for
/// the subject's identity (scope `requests:create_verified`): the request is open at
/// once, received at `received_at` (RFC 3339, not in the future; now when absent), and
/// the subject gets the acknowledgement. Without it the subject gets the verification
/// email exactly as from the portal. The kind's fields are the portal form's.
pub fn create(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    caller: &ApiClient,
    f: &dyn FormInput,
) -> Result<Submitted, WorkflowError> {
    let lang = match f.value("language").trim() {
        "" => None,
        code => match Lang::ALL.iter().copied().find(|l| l.code() == code) {
            Some(l) => Some(l),
            None => {
                return Err(WorkflowError::Invalid(vec![FieldError::new(
                    "language",
                    Msg::new("mail-language-invalid"),
                )]))
            }
        },
    };
    let method = f.value("verification_method").trim();
    if method.is_empty() {
        if !f.value("received_at").trim().is_empty() {
            return Err(WorkflowError::Invalid(vec![FieldError::new(
                "received_at",
                Msg::new("api-received-needs-verification"),
            )]));
        }
        let s = parse_submission(f).map_err(WorkflowError::Invalid)?;
        return super::intake::submit(
            conn,
            ctx,
            &s,
            Channel::Api,
            lang.unwrap_or(ctx.settings.language),
            &caller.actor(),
        );
    }
    let mut errors = Vec::new();
    let submission = parse_submission_email_optional(f)
        .map_err(|e| errors.extend(e))
        .ok();
    let verified = ShortText::parse(method, METHOD_MAX, "how the subject was verified")
        .map_err(|m| errors.push(FieldError::new("verification_method", m)))
        .ok();
    let now = ctx.now_db();
    let received_at = match f.value("received_at").trim() {
        "" => Some(now),
        raw => match DateTime::parse_from_rfc3339(raw) {
            Ok(t) => {
                let t = t.with_timezone(&Utc).naive_utc();
                if t > now {
                    errors.push(FieldError::new(
                        "received_at",
                        Msg::new("api-received-future"),
                    ));
                    None
                } else if t.date() < super::manual::gdpr_start() {
                    errors.push(FieldError::new(
                        "received_at",
                        Msg::new("case-manual-before-gdpr"),
                    ));
                    None
                } else {
                    Some(t)
                }
            }
            Err(_) => {
                errors.push(FieldError::new(
                    "received_at",
                    Msg::new("api-received-invalid"),
                ));
                None
            }
        },
    };
    match (submission, verified, received_at) {
        (Some(submission), Some(verified), Some(received_at)) if errors.is_empty() => {
            let input = ManualInput {
                submission,
                channel: Channel::Api,
                received_at,
                verified: Some(verified),
                language: lang,
            };
            super::manual::enter(conn, ctx, &caller.actor(), &input)
        }
        _ => Err(WorkflowError::Invalid(errors)),
    }
}

// --- Idempotency-Key --------------------------------------------------------------------------

/// How long an `Idempotency-Key` is remembered.
pub const IDEMPOTENCY_HOURS: i64 = 24;

/// A POST with an `Idempotency-Key`, as the API key, method and path scope it.
#[derive(Debug, Clone)]
pub struct IdempotentCall {
    pub api_key_id: String,
    pub method: String,
    pub path: String,
    pub key: String,
    /// SHA-256 of the body, hex.
    pub body_hash: String,
}

impl IdempotentCall {
    /// What a stored answer is sealed to: this key, method, path and `Idempotency-Key`.
    /// Answers hold personal data and, for a new webhook subscription, its signing
    /// secret: they are kept sealed with the app's key, never in clear.
    fn seal_label(&self) -> String {
        format!(
            "idempotency:{}:{}:{}:{}",
            self.api_key_id, self.method, self.path, self.key
        )
    }

    fn row(&self, ctx: &Ctx<'_>) -> crate::db::models::IdempotencyKey {
        crate::db::models::IdempotencyKey {
            api_key_id: self.api_key_id.clone(),
            method: self.method.clone(),
            path: self.path.clone(),
            idem_key: self.key.clone(),
            body_hash: self.body_hash.clone(),
            status: 0,
            response: String::new(),
            created_at: ctx.now_db(),
        }
    }
}

/// What to do with a call that carries an `Idempotency-Key`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reservation {
    /// New: run it, then `record_answer`.
    Run,
    /// Seen with this body: answer as the first time.
    Replay { status: u16, body: String },
    /// Seen with another body.
    OtherBody,
    /// The first call has not answered (still running, or it broke off after it
    /// committed): not run again.
    Running,
}

pub fn reserve(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    call: &IdempotentCall,
) -> Result<Reservation, WorkflowError> {
    let row = call.row(ctx);
    let oldest = ctx.now_db() - chrono::Duration::hours(IDEMPOTENCY_HOURS);
    Ok(db::write_transaction(conn, |conn| {
        if let Some(seen) = db::api_keys::find_idempotent(
            conn,
            &row.api_key_id,
            &row.method,
            &row.path,
            &row.idem_key,
        )? {
            if seen.created_at >= oldest {
                return Ok::<_, diesel::result::Error>(if seen.body_hash != row.body_hash {
                    Reservation::OtherBody
                } else if seen.status == 0 {
                    Reservation::Running
                } else {
                    match ctx
                        .sealer()
                        .open(&seen.response, &call.seal_label())
                        .ok()
                        .and_then(|b| String::from_utf8(b).ok())
                    {
                        Some(body) => Reservation::Replay {
                            status: u16::try_from(seen.status).unwrap_or(500),
                            body,
                        },
                        // Sealed under another secret key: never run twice, say so.
                        None => Reservation::Running,
                    }
                });
            }
            db::api_keys::release(conn, &seen)?;
        }
        db::api_keys::reserve(conn, &row)?;
        Ok(Reservation::Run)
    })?)
}

/// Keep the first answer for replays.
pub fn record_answer(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    call: &IdempotentCall,
    status: u16,
    body: &str,
) -> Result<(), WorkflowError> {
    let row = call.row(ctx);
    let sealed = ctx.sealer().seal(body.as_bytes(), &call.seal_label());
    db::write_transaction(conn, |conn| {
        db::api_keys::record_answer(conn, &row, i32::from(status), &sealed)
    })?;
    Ok(())
}

/// Forget a reservation whose call failed on our side before changing anything, so that
/// the client's retry runs.
pub fn release(conn: &mut Conn, ctx: &Ctx<'_>, call: &IdempotentCall) -> Result<(), WorkflowError> {
    let row = call.row(ctx);
    db::write_transaction(conn, |conn| db::api_keys::release(conn, &row))?;
    Ok(())
}

/// The sweeper forgets keys older than `IDEMPOTENCY_HOURS`.
pub fn forget_idempotency_keys(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let before = ctx.now_db() - chrono::Duration::hours(IDEMPOTENCY_HOURS);
    Ok(db::write_transaction(conn, |conn| {
        db::api_keys::delete_older(conn, before)
    })?)
}

// --- The registers, read-only -----------------------------------------------------------------

/// A data category of the register.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiCategory {
    #[schema(example = "billing")]
    pub code: String,
    /// Its words in English.
    pub label: String,
    /// Offered to subjects and handlers.
    pub active: bool,
}

/// A legal-retention rule (Art. 17(3)(b)).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiRetentionRule {
    #[schema(example = "no-accounting-primary")]
    pub id: String,
    pub category_code: String,
    #[schema(example = "Bokføringsloven § 13 (Norway)")]
    pub citation: String,
    pub amount: i32,
    /// days, months or years.
    pub unit: String,
    /// event_date, financial_year_end or calendar_year_end.
    pub anchor: String,
    pub text: String,
    pub active: bool,
}

/// A recipient of personal data (Art. 19), with the categories it receives.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiRecipient {
    pub id: String,
    pub name: String,
    /// processor, controller, public_authority or other.
    pub kind: String,
    /// ISO 3166 alpha-2.
    pub country: String,
    /// Outside the EEA: the transfer's safeguard (Chapter V).
    pub safeguard: Option<String>,
    pub categories: Vec<String>,
    /// What a notice to it may carry.
    pub identifiers: Vec<String>,
    pub active: bool,
}

/// The three registers, in their order.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiRegisters {
    pub categories: Vec<ApiCategory>,
    pub retention_rules: Vec<ApiRetentionRule>,
    pub recipients: Vec<ApiRecipient>,
}

pub fn registers(conn: &mut DbConn, t: &crate::i18n::Tr) -> Result<ApiRegisters, WorkflowError> {
    let categories = super::registers::categories(conn)?
        .into_iter()
        .map(|c| ApiCategory {
            label: c.label(t),
            code: c.code,
            active: c.active,
        })
        .collect();
    let retention_rules = super::registers::rules(conn)?
        .into_iter()
        .map(|r| ApiRetentionRule {
            text: r.text_en.clone(),
            id: r.id,
            category_code: r.category_code,
            citation: r.citation,
            amount: r.amount,
            unit: r.unit,
            anchor: r.anchor,
            active: r.active,
        })
        .collect();
    let recipients = super::recipients::list(conn)?
        .into_iter()
        .map(|(r, categories)| ApiRecipient {
            identifiers: r
                .identifiers
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            id: r.id,
            name: r.name,
            kind: r.kind,
            country: r.country,
            safeguard: r.safeguard,
            categories,
            active: r.active,
        })
        .collect();
    Ok(ApiRegisters {
        categories,
        retention_rules,
        recipients,
    })
}

/// One entry of the Art. 21(3) suppression list: never market to this address or number.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiSuppression {
    /// email or phone.
    pub kind: String,
    pub value: String,
    /// Since when (RFC 3339).
    pub since: String,
}

/// The whole suppression list for a marketing system; the export is audited under the
/// key's name.
pub fn suppression(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    caller: &ApiClient,
) -> Result<Vec<ApiSuppression>, WorkflowError> {
    Ok(
        super::objection::suppression_export(conn, ctx, &caller.actor(), "json (API)")?
            .into_iter()
            .map(|s| ApiSuppression {
                since: rfc3339(s.created_at),
                kind: s.kind,
                value: s.value,
            })
            .collect(),
    )
}

// --- Handler actions --------------------------------------------------------------------------

/// The handler actions the API offers, as the request page's forms name them.
pub const ACTIONS: &[&str] = &[
    "assign",
    "start",
    "verify",
    "ask",
    "extend",
    "override_tasks",
    "complete",
    "reject",
    "withdraw",
    "notes",
];

/// A handler action on a request (by id or reference) for the account the key acts as,
/// with the same fields, rules and refusals as the request page's form (`version` for a
/// stale request: 409). Completing sends the answer given, as previewing it then sending
/// it does on the page. Returns the request as it is afterwards.
pub fn act(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    by: &super::users::Staff,
    id_or_reference: &str,
    action: &str,
    f: &dyn FormInput,
) -> Result<ApiRequestWithEvents, WorkflowError> {
    use super::case;
    let id = if id_or_reference.starts_with("DSR-") {
        db::requests::find_by_reference(conn, id_or_reference)?
            .ok_or(WorkflowError::NotFound)?
            .id
    } else {
        id_or_reference.to_string()
    };
    let id = id.as_str();
    if !ACTIONS.contains(&action) {
        return Err(WorkflowError::NotFound);
    }
    if action != "notes" && f.value("version").trim().parse::<i32>().is_err() {
        return Err(WorkflowError::Invalid(vec![FieldError::new(
            "version",
            Msg::new("api-version-required"),
        )]));
    }
    match action {
        "assign" => {
            let to = match f.value("assignee_id").trim() {
                "" => by.id.clone(),
                other => other.to_string(),
            };
            case::assign(conn, ctx, by, id, case::parse_version(f)?, &to)?
        }
        "start" => case::start(conn, ctx, by, id, case::parse_version(f)?)?,
        "verify" => {
            let version = case::parse_version(f)?;
            let method = case::parse_method(f)?;
            case::verify_another_way(conn, ctx, by, id, version, &method)?
        }
        "ask" => {
            let version = case::parse_version(f)?;
            let q = case::parse_question(f)?;
            case::ask_subject(conn, ctx, by, id, version, &q)?
        }
        "extend" => {
            let version = case::parse_version(f)?;
            let e = case::parse_extension(f)?;
            case::extend(conn, ctx, by, id, version, &e)?
        }
        "override_tasks" => {
            let version = case::parse_version(f)?;
            let reason = super::webhooks::parse_override(f)?;
            super::webhooks::override_open_tasks(conn, ctx, by, id, version, &reason)?
        }
        "complete" => {
            let version = case::parse_version(f)?;
            let input = case::parse_completion(f)?;
            let preview = case::preview_completion(conn, ctx, id, version, &input)?;
            case::complete(conn, ctx, by, id, version, &input, &preview.digest)?
        }
        "reject" => {
            let version = case::parse_version(f)?;
            let r = case::parse_rejection(f)?;
            case::reject(conn, ctx, by, id, version, &r)?
        }
        "withdraw" => {
            let version = case::parse_version(f)?;
            let reason = case::parse_withdrawal(f)?;
            case::withdraw_for_subject(conn, ctx, by, id, version, &reason)?
        }
        "notes" => {
            let body = case::parse_note(f)?;
            case::add_note(conn, ctx, by, id, &body)?
        }
        _ => return Err(WorkflowError::NotFound),
    }
    request(conn, ctx, id)
}
