//! A request's way in: submission, email verification, the subject's access links,
//! "track my requests" and withdrawal (DESIGN §3).

use chrono::Duration;

use super::view::{view_of, RequestView};
use super::{
    apply_transition, audit, live_token, use_token, Actor, Ctx, Event, Record, WorkflowError,
};
use crate::db::models::{NewRequest, NewToken};
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::clock::deadlines;
use crate::domain::kinds::Kind;
use crate::domain::lang::Lang;
use crate::domain::msg::Msg;
use crate::domain::status::{transition, Action, Status};
use crate::domain::submission::Submission;
use crate::domain::tokens::{self, Purpose};
use crate::mail::messages::{self, AcknowledgementMail, TrackMail, VerifyMail, WithdrawnMail};
use crate::mail::outbox::enqueue;
use crate::time::local_date;

pub use crate::domain::channel::Channel;

pub struct Submitted {
    pub id: String,
    pub reference: String,
}

/// Store a new request (received now) in the subject's language `lang` (every email
/// about it speaks it), its verification token, an audit event and the verification
/// email, in one transaction. Once this returns, nothing is lost.
pub fn submit(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    s: &Submission,
    channel: Channel,
    lang: Lang,
    by: &Actor<'_>,
) -> Result<Submitted, WorkflowError> {
    let now = ctx.now_db();
    let tz = ctx.settings.timezone;
    let received = local_date(now, tz);
    let due = deadlines(received, 0, None, ctx.settings.clock_settings()).due;
    let id = uuid::Uuid::new_v4().to_string();
    let name_key = crate::domain::search::name_key(s.name.as_str());
    let details = serde_json::to_string(&s.details)
        .map_err(|e| WorkflowError::Internal(format!("details: {e}")))?;
    let token = tokens::generate();
    super::registers::check_categories(conn, &s.details)?;
    let year = chrono::Datelike::year(&received);
    let numbered = db::requests::number_ahead(conn, year)?;

    // The new rows first, the audit chain last: on PostgreSQL concurrent intakes then
    // wait for one another only for the audit event and the commit (issue 6).
    let store = |conn: &mut DbConn| -> Result<Submitted, WorkflowError> {
        let reference = match &numbered {
            Some(reference) => reference.clone(),
            None => db::requests::next_reference(conn, year)?,
        };
        db::requests::insert(
            conn,
            &NewRequest {
                id: &id,
                reference: &reference,
                kind: s.kind().as_str(),
                status: Status::AwaitingVerification.as_str(),
                subject_name: s.name.as_str(),
                subject_email: Some(s.email.as_str()),
                subject_phone: s.phone.as_ref().map(|p| p.as_str()),
                customer_number: s.customer_number.as_ref().map(|c| c.as_str()),
                details: &details,
                message: s.message.as_ref().map(|m| m.as_str()),
                channel: channel.as_str(),
                received_at: now,
                verified_at: None,
                verification_method: None,
                // The clock stops while we wait for the subject to verify (EDPB 01/2022 §159).
                paused_since: ctx.settings.pause_clock.then_some(now),
                paused_on: ctx.settings.pause_clock.then_some(received),
                paused_days: 0,
                due_date: due,
                created_at: now,
                updated_at: now,
                outcome: None,
                rejection_reason: None,
                closed_at: None,
                language: Some(lang.code()),
                subject_name_key: &name_key,
            },
        )?;
        queue_verification(
            conn,
            ctx,
            &VerifyFor {
                request_id: &id,
                reference: &reference,
                name: s.name.as_str(),
                kind: s.kind(),
                lang,
                email: s.email.as_str(),
            },
            token,
        )?;
        Ok(Submitted {
            id: id.clone(),
            reference,
        })
    };
    let record = |conn: &mut DbConn| {
        audit(
            conn,
            &id,
            by,
            Event {
                action: "submitted",
                from: None,
                to: Some(Status::AwaitingVerification),
                note: Some(&format!("via {}", channel.as_str())),
            },
            now,
        )
    };
    db::write_transaction_ordered_last(conn, store, record)
}

/// Whom a verification link is for.
pub(crate) struct VerifyFor<'a> {
    pub request_id: &'a str,
    pub reference: &'a str,
    pub name: &'a str,
    pub kind: Kind,
    pub lang: Lang,
    pub email: &'a str,
}

/// Store a single-use verification token for the request and queue its email, in the
/// caller's transaction (portal intake, manual intake, a corrected address).
pub(crate) fn queue_verification(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    to: &VerifyFor<'_>,
    token: tokens::NewToken,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    let token_id = uuid::Uuid::new_v4().to_string();
    db::tokens::insert(
        conn,
        &NewToken {
            id: &token_id,
            token_hash: &token.hash,
            purpose: Purpose::Verify.as_str(),
            request_id: Some(to.request_id),
            email: Some(to.email),
            expires_at: now + Duration::days(i64::from(ctx.settings.verification_days)),
            created_at: now,
        },
    )?;
    let mail = VerifyMail {
        name: to.name.to_string(),
        reference: to.reference.to_string(),
        kind: to.kind,
        link: format!("{}/verify/{}", ctx.settings.base_url, token.secret),
        valid_days: ctx.settings.verification_days,
    }
    .render(&messages::tr(ctx.settings, to.lang), to.email)?
    .carrying(&token_id, &token.secret);
    enqueue(conn, &ctx.sealer(), &mail, Some(to.request_id), now)?;
    Ok(())
}

/// Is this verification link live? (For the confirmation page, before anything changes.)
pub fn check_verification_token(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<RequestView, WorkflowError> {
    let token = live_token(conn, secret, Purpose::Verify, ctx.now_db())?;
    let request_id = token.request_id.ok_or(WorkflowError::NotFound)?;
    let request = db::requests::find(conn, &request_id)?.ok_or(WorkflowError::NotFound)?;
    view_of(ctx, &request)
}

pub struct Verified {
    pub request: RequestView,
    /// A link to the status page, valid for `access_link_days`.
    pub status_link: String,
    /// What this browser may now see: this request only, while the status link lives.
    pub access: Access,
}

/// Use a verification link: the request joins the queue, the paused days are added to
/// its due date, and the acknowledgement (reference, kind, due date) is queued.
pub fn verify(conn: &mut DbConn, ctx: &Ctx<'_>, secret: &str) -> Result<Verified, WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let token = use_token(conn, secret, Purpose::Verify, now)?;
        let request_id = token.request_id.ok_or(WorkflowError::NotFound)?;
        let request = db::requests::find(conn, &request_id)?.ok_or(WorkflowError::NotFound)?;
        let t = transition(request.status()?, Action::Verify)?;
        let changes = RequestChanges {
            verified_at: Some(Some(now)),
            verification_method: Some(Some("email link")),
            ..Default::default()
        };
        let record = Record {
            actor: &Actor::Subject,
            action: "verified",
            note: Some("email link"),
        };
        if !apply_transition(conn, ctx, &request, &t, changes, record)? {
            return Err(WorkflowError::Conflict(Msg::new(
                "portal-changed-try-again",
            )));
        }
        // An objection to direct marketing is acted on now (Art. 21(3)); when that was
        // all, the request is done and its confirmation replaces the acknowledgement.
        let handled = super::objection::on_verified(conn, ctx, &request.id)?;
        let (request, access) = match handled {
            Some(super::objection::Handled {
                completed: true,
                access: Some(access),
            }) => (
                db::requests::find(conn, &request.id)?.ok_or(WorkflowError::NotFound)?,
                access,
            ),
            _ => queue_acknowledgement(conn, ctx, &request.id)?,
        };
        Ok(Verified {
            request: view_of(ctx, &request)?,
            status_link: access.link,
            access: access.access,
        })
    })
}

/// Once a request is verified (by the link, or by a handler another way): the
/// acknowledgement with its reference, kind and due date and a link to its status page.
/// Re-reads the request, as the transition moved the due date by the days paused.
/// Call inside the transaction that verified it.
pub(crate) fn queue_acknowledgement(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request_id: &str,
) -> Result<(crate::db::models::Request, AccessLink), WorkflowError> {
    let request = db::requests::find(conn, request_id)?.ok_or(WorkflowError::NotFound)?;
    // Only requests with an address are acknowledged by email (callers check; one entered
    // by hand without an address has no verification link either).
    let Some(to) = request.subject_email.clone() else {
        return Err(WorkflowError::Internal(format!(
            "request {} has no email address to acknowledge to",
            request.id
        )));
    };
    let access = new_access_link(conn, ctx, &to, Some(&request.id))?;
    let mail = AcknowledgementMail {
        name: request.subject_name.clone(),
        reference: request.reference.clone(),
        kind: request.kind()?,
        received: local_date(request.received_at, ctx.settings.timezone),
        due: request.due_date,
        status_link: access.link.clone(),
        link_days: ctx.settings.access_link_days,
    }
    .render(
        &messages::tr(ctx.settings, request.language(ctx.settings)),
        &to,
    )?
    .carrying(&access.access.token_id, &access.secret);
    enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), ctx.now_db())?;
    Ok((request, access))
}

/// A new access link: its secret, the link carrying it, and what it opens.
pub(crate) struct AccessLink {
    pub secret: String,
    pub link: String,
    pub access: Access,
}

/// Create an access token for the subject's address (and one request, for a status
/// link) and return its link.
pub(crate) fn new_access_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    email: &str,
    request_id: Option<&str>,
) -> Result<AccessLink, WorkflowError> {
    let now = ctx.now_db();
    let token = tokens::generate();
    let token_id = uuid::Uuid::new_v4().to_string();
    let expires_at = now + Duration::days(i64::from(ctx.settings.access_link_days));
    db::tokens::insert(
        conn,
        &NewToken {
            id: &token_id,
            token_hash: &token.hash,
            purpose: Purpose::Access.as_str(),
            request_id,
            email: Some(email),
            expires_at,
            created_at: now,
        },
    )?;
    Ok(AccessLink {
        link: format!("{}/s/{}", ctx.settings.base_url, token.secret),
        secret: token.secret,
        access: Access {
            token_id,
            email: email.to_string(),
            request_id: request_id.map(str::to_string),
            expires_at,
        },
    })
}

/// What an access link opens (issue 5 item 3): a status link opens its own request
/// only; a "track my requests" link (no request) opens the address's list. Either ends
/// when the link expires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Access {
    /// The access token's row id (not its secret), checked again on every page.
    pub token_id: String,
    pub email: String,
    pub request_id: Option<String>,
    pub expires_at: chrono::NaiveDateTime,
}

pub fn open_access_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<Access, WorkflowError> {
    let token = live_token(conn, secret, Purpose::Access, ctx.now_db())?;
    Ok(Access {
        email: token.email.ok_or(WorkflowError::NotFound)?,
        request_id: token.request_id,
        token_id: token.id,
        expires_at: token.expires_at,
    })
}

/// Of these access tokens (by row id), the ones still live: a subject's browser session
/// lasts only as long as the link that opened it.
pub fn live_access_tokens(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    ids: &[String],
) -> Result<Vec<String>, WorkflowError> {
    Ok(db::tokens::live_ids(
        conn,
        ids,
        Purpose::Access.as_str(),
        ctx.now_db(),
    )?)
}

/// "Track my requests": email the address a link to its requests, or, when it has none,
/// a note saying so, in `lang` (the language of the page it was asked from: the email is
/// about no one request). Known and unknown addresses cause the same queries and writes (a
/// link token and one outbox row), so neither the page nor the time it takes reveals who
/// is a customer.
pub fn track(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    email: &crate::domain::newtypes::EmailAddress,
    lang: Lang,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let requests = db::requests::list_for_email(conn, email.as_str())?;
        let access = new_access_link(conn, ctx, email.as_str(), None)?;
        let mail = TrackMail {
            link: access.link,
            link_days: ctx.settings.access_link_days,
            count: requests.len(),
        }
        .render(&messages::tr(ctx.settings, lang), email.as_str())?
        .carrying(&access.access.token_id, &access.secret);
        enqueue(conn, &ctx.sealer(), &mail, None, now)?;
        Ok(())
    })
}

/// The subject withdraws their own request. Foreign ids are not found.
pub fn withdraw_by_subject(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    subject_email: &str,
    request_id: &str,
) -> Result<RequestView, WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = db::requests::find(conn, request_id)?
            .filter(|r| r.subject_email.as_deref() == Some(subject_email))
            .ok_or(WorkflowError::NotFound)?;
        let t = transition(request.status()?, Action::Withdraw)?;
        let record = Record {
            actor: &Actor::Subject,
            action: "withdrawn",
            note: None,
        };
        if !apply_transition(conn, ctx, &request, &t, RequestChanges::default(), record)? {
            return Err(WorkflowError::Conflict(Msg::new("portal-changed-reload")));
        }
        let mail = WithdrawnMail {
            name: request.subject_name.clone(),
            reference: request.reference.clone(),
            kind: request.kind()?,
        }
        .render(
            &messages::tr(ctx.settings, request.language(ctx.settings)),
            subject_email,
        )?;
        enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?;
        let request = db::requests::find(conn, &request.id)?.ok_or(WorkflowError::NotFound)?;
        view_of(ctx, &request)
    })
}

/// Requests never verified within `verification_days` expire (DESIGN §3). The days count
/// from when the verification email was sent: a request whose email is still waiting in
/// the outbox (a mail outage, or failed and waiting to be requeued) does not expire, as
/// the subject never had the link.
pub fn expire_unverified(conn: &mut DbConn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let cutoff = now - Duration::days(i64::from(ctx.settings.verification_days));
    let stale = db::requests::unverified_past(
        conn,
        Status::AwaitingVerification.as_str(),
        VerifyMail::TEMPLATE,
        cutoff,
        500,
    )?;
    let mut expired = 0;
    for request in stale {
        let t = transition(request.status()?, Action::Expire)?;
        let record = Record {
            actor: &Actor::System,
            action: "expired",
            note: Some("not verified in time"),
        };
        if db::write_transaction(conn, |conn| {
            apply_transition(conn, ctx, &request, &t, RequestChanges::default(), record)
        })? {
            expired += 1;
        }
    }
    Ok(expired)
}
