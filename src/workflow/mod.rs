//! Use cases. Each public function is one transaction: it asks the domain what may
//! happen, writes the change, its audit event and its emails together, and returns.
//! Web handlers, the API and the CLI call these; none of them write tables directly.

pub mod api;
pub mod api_keys;
pub mod case;
pub mod digest;
pub mod export;
pub mod intake;
pub mod mail;
pub mod maintenance;
pub mod manual;
pub mod notices;
pub mod objection;
pub mod packages;
pub mod processing;
pub mod recipients;
pub mod rectification;
pub mod registers;
pub mod reminders;
pub mod retention;
pub mod sessions;
pub mod subject;
pub mod uploads;
pub mod users;
pub mod view;
pub mod webhooks;

use chrono::{DateTime, Days, NaiveDateTime, Utc};

use crate::config::Settings;
use crate::db::models::{NewAuditEvent, Request, Token};
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn, DbError};
use crate::domain::clock::{deadlines, paused_whole_days};
use crate::domain::newtypes::FieldError;
use crate::domain::status::{Status, Transition, TransitionError};
use crate::domain::tokens::{self, Purpose};
use crate::time::local_date;

/// The connection every use case takes, and the pool it comes from: callers outside the
/// storage layer (web, jobs) name them through here.
pub use crate::db::{DbConn as Conn, Pool};

/// The audit note of an action that would have emailed the subject of a request entered
/// by hand without an email address: nothing was queued.
pub const NO_EMAIL_NOTE: &str = "no email address: tell the subject another way";

/// `GET /healthz`: does the database answer?
pub fn database_answers(conn: &mut Conn) -> bool {
    db::ping(conn).is_ok()
}

/// What a use case needs besides the connection.
pub struct Ctx<'a> {
    pub settings: &'a Settings,
    pub now: DateTime<Utc>,
}

impl Ctx<'_> {
    pub fn now_db(&self) -> NaiveDateTime {
        self.now.naive_utc()
    }

    /// Seals outbox bodies that carry a link token (`mail::outbox::enqueue`).
    pub fn sealer(&self) -> crate::mail::seal::Sealer {
        crate::mail::seal::Sealer::new(&self.settings.secret_key)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    /// Unknown, foreign, used or expired: all look the same from outside.
    #[error("not found")]
    NotFound,
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("{0}")]
    Transition(#[from] TransitionError),
    #[error("{0}")]
    Conflict(crate::domain::msg::Msg),
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("email template: {0}")]
    Template(#[from] askama::Error),
    /// A failure inside the app (hashing, serialising…): logged, never shown.
    #[error("internal: {0}")]
    Internal(String),
}

impl From<diesel::result::Error> for WorkflowError {
    fn from(e: diesel::result::Error) -> Self {
        WorkflowError::Db(DbError::Query(e))
    }
}

/// Who did something, for the audit trail.
pub enum Actor<'a> {
    Subject,
    System,
    User {
        id: &'a str,
        email: &'a str,
    },
    /// A call made with an API key (issue 13): audited under the key's name.
    ApiKey {
        id: &'a str,
        name: &'a str,
    },
    /// A handler action made with an API key for the account it acts as.
    ApiKeyFor {
        id: &'a str,
        name: &'a str,
        user: &'a str,
    },
}

impl Actor<'_> {
    pub fn label(&self) -> String {
        match self {
            Actor::Subject => "subject".into(),
            Actor::System => "system".into(),
            Actor::User { id, email } => format!("user:{id} ({email})"),
            Actor::ApiKey { id, name } => format!("api-key:{id} ({name})"),
            Actor::ApiKeyFor { id, name, user } => format!("api-key:{id} ({name}) for {user}"),
        }
    }
}

/// What happened to a request, for the audit trail.
pub(crate) struct Event<'a> {
    pub action: &'a str,
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub note: Option<&'a str>,
}

pub(crate) fn audit(
    conn: &mut DbConn,
    request_id: &str,
    actor: &Actor<'_>,
    event: Event<'_>,
    at: NaiveDateTime,
) -> Result<(), WorkflowError> {
    db::audit::record(
        conn,
        &NewAuditEvent {
            request_id: Some(request_id),
            actor: &actor.label(),
            action: event.action,
            from_status: event.from.map(Status::as_str),
            to_status: event.to.map(Status::as_str),
            note: event.note,
            at,
        },
    )?;
    Ok(())
}

/// A live (unused, unexpired) token of this purpose. Anything else — malformed, unknown,
/// used, expired, of another purpose — is `NotFound`, answered with 404.
pub(crate) fn live_token(
    conn: &mut DbConn,
    secret: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> Result<Token, WorkflowError> {
    if !tokens::looks_valid(secret) {
        return Err(WorkflowError::NotFound);
    }
    db::tokens::find_live(conn, &tokens::hash(secret), purpose.as_str(), now)?
        .ok_or(WorkflowError::NotFound)
}

/// Use a single-use token: call inside the transaction that acts on it; of two
/// concurrent uses only one succeeds.
pub(crate) fn use_token(
    conn: &mut DbConn,
    secret: &str,
    purpose: Purpose,
    now: NaiveDateTime,
) -> Result<Token, WorkflowError> {
    let token = live_token(conn, secret, purpose, now)?;
    if !db::tokens::mark_used(conn, &token.id, now)? {
        return Err(WorkflowError::NotFound);
    }
    Ok(token)
}

/// Who made a transition and why, for its audit event.
pub(crate) struct Record<'a> {
    pub actor: &'a Actor<'a>,
    pub action: &'a str,
    pub note: Option<&'a str>,
}

/// Store a transition the domain allowed, with what follows from it everywhere:
/// - the new status, with its outcome or rejection reason;
/// - the clock: a transition that pauses (`t.pauses_clock`: awaiting verification, or an
///   identity or clarification question) stops it, leaving a pausing status adds the
///   whole days paused to the due date (EDPB 01/2022 §159), a terminal status closes the
///   request;
/// - the audit event.
///
/// `changes` carries anything else the caller sets. Only applied if the request is still
/// in `t.from` at the version read (the version goes up by one); returns false (nothing
/// written) when someone else changed it first.
/// Call inside `db::write_transaction`.
pub(crate) fn apply_transition(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    t: &Transition,
    changes: RequestChanges<'_>,
    r: Record<'_>,
) -> Result<bool, WorkflowError> {
    let now = ctx.now_db();
    let mut changes = RequestChanges {
        status: Some(t.to.as_str()),
        outcome: t.outcome.map(|o| Some(o.as_str())).or(changes.outcome),
        rejection_reason: t
            .rejection
            .map(|x| Some(x.as_str()))
            .or(changes.rejection_reason),
        updated_at: Some(now),
        version: Some(request.version.saturating_add(1)),
        ..changes
    };
    if t.from.pauses_clock() && !t.to.pauses_clock() {
        if let Some(since) = request.paused_since {
            let added = paused_whole_days(&[(since, now)]);
            let paused = request.paused_days().saturating_add(added);
            // An extension is a date: the days paused after it move it on too.
            let extended_to = request
                .extended_to
                .map(|e| e.checked_add_days(Days::new(u64::from(added))).unwrap_or(e));
            let d = deadlines(
                local_date(request.received_at, ctx.settings.timezone),
                paused,
                extended_to,
                ctx.settings.clock_settings(),
            );
            changes.paused_days = Some(i32::try_from(paused).unwrap_or(i32::MAX));
            changes.due_date = Some(d.due);
            if extended_to != request.extended_to {
                changes.extended_to = Some(extended_to);
            }
        }
        changes.paused_since = Some(None);
        changes.paused_on = Some(None);
    } else if t.pauses_clock && ctx.settings.pause_clock && request.paused_since.is_none() {
        // The pause starts when the question (or verification email) is queued, i.e. now.
        changes.paused_since = Some(Some(now));
        changes.paused_on = Some(Some(local_date(now, ctx.settings.timezone)));
    }
    if t.to.is_terminal() {
        changes.paused_since = Some(None);
        changes.paused_on = Some(None);
        changes.closed_at = Some(Some(now));
    }
    if !db::requests::update_if_current(
        conn,
        &request.id,
        Some(t.from.as_str()),
        request.version,
        &changes,
    )? {
        return Ok(false);
    }
    audit(
        conn,
        &request.id,
        r.actor,
        Event {
            action: r.action,
            from: Some(t.from),
            to: Some(t.to),
            note: r.note,
        },
        now,
    )?;
    // The systems that hold the data hear of it in the same transaction (issue 13).
    let due = changes.due_date.unwrap_or(request.due_date).to_string();
    let status_data = webhooks::data(&[
        ("from", t.from.as_str().into()),
        ("to", t.to.as_str().into()),
        ("status", t.to.as_str().into()),
        ("due_date", due.clone().into()),
    ]);
    webhooks::emit(
        conn,
        ctx,
        request,
        crate::domain::webhooks::EventType::StatusChanged,
        status_data,
    )?;
    if t.from == Status::AwaitingVerification && matches!(t.to, Status::Open | Status::InProgress) {
        let verified =
            webhooks::data(&[("status", t.to.as_str().into()), ("due_date", due.into())]);
        webhooks::emit(
            conn,
            ctx,
            request,
            crate::domain::webhooks::EventType::RequestVerified,
            verified,
        )?;
    }
    Ok(true)
}
