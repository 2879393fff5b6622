//! Working a request from receipt to the final answer (issue 7): the handler's actions
//! on the request page. Each public function is one transaction that
//! - refuses a form sent from a stale page (the request's `version` changed since: two
//!   people acting at once, one wins, nothing changes twice);
//! - asks the pure `domain::status::transition` (an illegal action says why);
//! - writes the change and its audit event (`apply_transition`, or `audit` for changes
//!   that are not status changes) and the emails it causes, together.
//!
//! The `parse_*` functions read the forms; their errors name the field they belong to.

use chrono::{NaiveDate, NaiveDateTime};
use sha2::{Digest, Sha256};

use super::intake::{new_access_link, queue_acknowledgement};
use super::retention::CompletionFacts;
use super::users::Staff;
use super::view::today;
use super::{apply_transition, audit, Ctx, Event, Record, WorkflowError, NO_EMAIL_NOTE};
use crate::db::models::{NewNote, NewQuestion, Request};
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::case::{check_justification, has_placeholder, QuestionPurpose};
use crate::domain::clock::{check_extension, deadlines, ExtensionRefused};
use crate::domain::kinds::FormInput;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, EmailAddress, FieldError, FreeText, ShortText};
use crate::domain::status::{
    transition, Action, Outcome, RejectionReason, Status, TransitionError,
};
use crate::domain::tokens::Purpose;
use crate::mail::messages::{
    self, render_completion, Completion, ExtensionMail, QuestionMail, RejectionMail, WithdrawnMail,
};
use crate::mail::outbox::enqueue;
use crate::mail::Email;
use crate::time::local_date;

/// Longest verification method ("ID card checked in the Oslo shop").
pub const METHOD_MAX: usize = 200;

pub(crate) fn invalid(field: &str, message: impl Into<Msg>) -> WorkflowError {
    WorkflowError::Invalid(vec![FieldError::new(field, message)])
}

/// The request's version from a form (a hidden field each action form carries).
pub fn parse_version(f: &dyn FormInput) -> Result<i32, WorkflowError> {
    f.value("version")
        .trim()
        .parse::<i32>()
        .map_err(|_| WorkflowError::Conflict(Msg::new("case-form-without-version")))
}

/// The request as the form saw it, or a conflict when it has changed since.
pub(crate) fn current(conn: &mut DbConn, id: &str, version: i32) -> Result<Request, WorkflowError> {
    let request = db::requests::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
    if request.version != version {
        return Err(stale(&request));
    }
    Ok(request)
}

/// Someone else acted first: the message names the status the request has now (its
/// code; the message files choose the words).
pub(crate) fn stale(request: &Request) -> WorkflowError {
    let now = request.status().map(|s| s.as_str()).unwrap_or("changed");
    WorkflowError::Conflict(Msg::new("case-stale-version").arg("status", now))
}

/// `apply_transition`, where losing the race is a conflict.
pub(crate) fn store(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    action: Action,
    changes: RequestChanges<'_>,
    record: Record<'_>,
) -> Result<(), WorkflowError> {
    let t = transition(request.status()?, action)?;
    if !apply_transition(conn, ctx, request, &t, changes, record)? {
        return Err(stale(request));
    }
    Ok(())
}

/// A change that is not a status change: only while the request is open, only at the
/// version the form saw, with its audit event.
pub(crate) fn edit(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    changes: RequestChanges<'_>,
    by: &Staff,
    action: &str,
    note: &str,
) -> Result<(), WorkflowError> {
    not_closed(request)?;
    let now = ctx.now_db();
    let changes = RequestChanges {
        version: Some(request.version.saturating_add(1)),
        updated_at: Some(now),
        ..changes
    };
    if !db::requests::update_if_current(conn, &request.id, None, request.version, &changes)? {
        return Err(stale(request));
    }
    audit(
        conn,
        &request.id,
        &by.actor(),
        Event {
            action,
            from: None,
            to: None,
            note: Some(note),
        },
        now,
    )
}

/// A closed request never changes (its terminal status says so).
pub(crate) fn not_closed(request: &Request) -> Result<(), WorkflowError> {
    let status = request.status()?;
    if status.is_terminal() {
        return Err(TransitionError::Terminal(status).into());
    }
    Ok(())
}

/// Queue the email `render` makes for the subject's address. A request entered by hand
/// without an address gets nothing: the action's audit note says so (`mail_note`).
pub(crate) fn queue(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
    render: impl FnOnce(&mut DbConn, &str) -> Result<Email, WorkflowError>,
) -> Result<(), WorkflowError> {
    let Some(to) = request.subject_email.as_deref() else {
        return Ok(());
    };
    let mail = render(conn, to)?;
    enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), ctx.now_db())?;
    Ok(())
}

/// The audit note of an action that emails the subject: `note`, and when the request has
/// no email address, that nothing was sent and the subject must be told another way.
pub(crate) fn mail_note(request: &Request, note: &str) -> String {
    match (request.subject_email.is_some(), note.is_empty()) {
        (true, _) => note.to_string(),
        (false, true) => NO_EMAIL_NOTE.to_string(),
        (false, false) => format!("{note}; {NO_EMAIL_NOTE}"),
    }
}

/// The words of an email about `request`: in the language it was made in.
pub(crate) fn mail_tr(ctx: &Ctx<'_>, request: &Request) -> crate::i18n::Tr {
    messages::tr(ctx.settings, request.language(ctx.settings))
}

// --- Assign -------------------------------------------------------------------------

/// Assign the request to an active handler or admin (the caller, or another).
pub fn assign(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    assignee_id: &str,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        not_closed(&request)?;
        let assignee = db::users::find(conn, assignee_id)?
            .map(|u| Staff::from_row(&u))
            .transpose()?
            .filter(|u| u.active && u.role.works_cases())
            .ok_or_else(|| invalid("assignee", Msg::new("case-choose-assignee")))?;
        // The digest lists requests someone else handed to its reader since the last one;
        // taking a request yourself is not news.
        let assigned_at = if request.assignee_id.as_deref() == Some(assignee.id.as_str()) {
            None
        } else if assignee.id == by.id {
            Some(None)
        } else {
            Some(Some(ctx.now_db()))
        };
        let changes = RequestChanges {
            assignee_id: Some(Some(&assignee.id)),
            assigned_at,
            ..Default::default()
        };
        let note = format!("to {} ({})", assignee.name, assignee.email);
        edit(conn, ctx, &request, changes, by, "assigned", &note)
    })
}

// --- Start ----------------------------------------------------------------------------

/// Start work; an unassigned request is assigned to whoever starts it.
pub fn start(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let take = request.assignee_id.is_none();
        let changes = RequestChanges {
            assignee_id: take.then_some(Some(by.id.as_str())),
            // Taken, not handed over: not news for anyone's digest.
            assigned_at: take.then_some(None),
            ..Default::default()
        };
        let record = Record {
            actor: &by.actor(),
            action: "started",
            note: take.then_some("assigned to whoever started it"),
        };
        store(conn, ctx, &request, Action::Start, changes, record)
    })
}

// --- Verify by another means ------------------------------------------------------------

pub fn parse_method(f: &dyn FormInput) -> Result<ShortText, WorkflowError> {
    ShortText::parse(
        f.value("method"),
        METHOD_MAX,
        "how the subject was verified",
    )
    .map_err(|m| invalid("method", m))
}

/// Mark the subject verified another way ("ID card checked in the shop"). Only the fact
/// and the method are kept, never a copy of a document. The subject gets the
/// acknowledgement with the due date, as after the email link.
pub fn verify_another_way(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    method: &ShortText,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let changes = RequestChanges {
            verified_at: Some(Some(now)),
            verification_method: Some(Some(method.as_str())),
            ..Default::default()
        };
        let note = mail_note(&request, &format!("another way: {}", method.as_str()));
        let record = Record {
            actor: &by.actor(),
            action: "verified",
            note: Some(&note),
        };
        store(conn, ctx, &request, Action::Verify, changes, record)?;
        // The emailed verification link has nothing left to do: it counts as used.
        db::tokens::use_all(
            conn,
            db::tokens::TokensOf::Request(&request.id),
            Purpose::Verify.as_str(),
            now,
        )?;
        let handled = super::objection::on_verified(conn, ctx, &request.id)?;
        let completed = handled.is_some_and(|h| h.completed);
        if request.subject_email.is_some() && !completed {
            queue_acknowledgement(conn, ctx, &request.id)?;
        }
        Ok(())
    })
}

// --- Ask the subject ----------------------------------------------------------------------

pub struct QuestionInput {
    pub purpose: QuestionPurpose,
    pub body: FreeText,
}

pub fn parse_question(f: &dyn FormInput) -> Result<QuestionInput, WorkflowError> {
    let mut errors = Vec::new();
    let purpose = QuestionPurpose::parse(f.value("purpose"));
    if purpose.is_none() {
        errors.push(FieldError::new("purpose", Msg::new("case-choose-purpose")));
    }
    let body = FreeText::parse(f.value("question"), limits::FREE_TEXT, "the question")
        .map_err(|m| errors.push(FieldError::new("question", m)))
        .ok();
    match (purpose, body) {
        (Some(purpose), Some(body)) if errors.is_empty() => Ok(QuestionInput { purpose, body }),
        _ => Err(WorkflowError::Invalid(errors)),
    }
}

/// Ask the subject. Identity (Art. 12(6)) and clarification questions stop the clock
/// from now, when the question is queued; others do not. The subject gets the question
/// with a link to the status page, where they answer.
pub fn ask_subject(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    q: &QuestionInput,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let t = transition(request.status()?, Action::AskSubject(q.purpose))?;
        if request.subject_email.is_none() {
            // The subject answers on the status page, which needs an address: asked
            // anyway, the request would wait in awaiting_subject until it expired.
            return Err(WorkflowError::Conflict(Msg::new("case-no-email-ask")));
        }
        let pauses = t.pauses_clock && ctx.settings.pause_clock;
        let note = mail_note(
            &request,
            &format!(
                "{} question{}",
                q.purpose.as_str(),
                if pauses { "; clock stopped" } else { "" }
            ),
        );
        let record = Record {
            actor: &by.actor(),
            action: "asked_subject",
            note: Some(&note),
        };
        if !apply_transition(conn, ctx, &request, &t, RequestChanges::default(), record)? {
            return Err(stale(&request));
        }
        let question_id = uuid::Uuid::new_v4().to_string();
        db::questions::insert(
            conn,
            &NewQuestion {
                id: &question_id,
                request_id: &request.id,
                purpose: q.purpose.as_str(),
                body: q.body.as_str(),
                asked_by: &by.id,
                asked_at: now,
                pauses_clock: pauses,
            },
        )?;
        queue(conn, ctx, &request, |conn, to| {
            let access = new_access_link(conn, ctx, to, Some(&request.id))?;
            Ok(QuestionMail {
                name: request.subject_name.clone(),
                reference: request.reference.clone(),
                kind: request.kind()?,
                purpose: q.purpose,
                question: q.body.as_str().to_string(),
                pauses,
                status_link: access.link.clone(),
                link_days: ctx.settings.access_link_days,
            }
            .render(&mail_tr(ctx, &request), to)?
            .carrying(&access.access.token_id, &access.secret))
        })
    })
}

// --- Extend ---------------------------------------------------------------------------------

pub struct ExtensionInput {
    pub new_due: NaiveDate,
    pub reason: FreeText,
}

pub fn parse_extension(f: &dyn FormInput) -> Result<ExtensionInput, WorkflowError> {
    let mut errors = Vec::new();
    let new_due = NaiveDate::parse_from_str(f.value("extend_to").trim(), "%Y-%m-%d")
        .map_err(|_| {
            errors.push(FieldError::new(
                "extend_to",
                Msg::new("case-extend-date-format"),
            ))
        })
        .ok();
    let reason = FreeText::parse(
        f.value("extension_reason"),
        limits::FREE_TEXT,
        "why more time is needed (the subject is told, Art. 12(3))",
    )
    .map_err(|m| errors.push(FieldError::new("extension_reason", m)))
    .ok();
    match (new_due, reason) {
        (Some(new_due), Some(reason)) if errors.is_empty() => {
            Ok(ExtensionInput { new_due, reason })
        }
        _ => Err(WorkflowError::Invalid(errors)),
    }
}

/// Extend the time to answer (Art. 12(3)): while the legal month runs, once, to at most
/// three months after receipt. After the policy date it is allowed but the request is
/// marked as a missed promise. The subject is emailed the reason and the new date.
pub fn extend(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    e: &ExtensionInput,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        not_closed(&request)?;
        let received = local_date(request.received_at, ctx.settings.timezone);
        let settings = ctx.settings.clock_settings();
        let before = deadlines(
            received,
            request.paused_days(),
            request.extended_to,
            settings,
        );
        let allowed = check_extension(today(ctx), &before, e.new_due)
            .map_err(|refused| invalid("extend_to", extension_refused(&refused)))?;
        let after = deadlines(received, request.paused_days(), Some(e.new_due), settings);
        let missed = allowed.missed_policy_date || request.missed_policy_date;
        let changes = RequestChanges {
            extended_to: Some(Some(e.new_due)),
            extension_reason: Some(Some(e.reason.as_str())),
            due_date: Some(after.due),
            missed_policy_date: Some(missed),
            ..Default::default()
        };
        let note = mail_note(
            &request,
            &format!(
                "from {} to {}{}",
                before.due,
                after.due,
                if allowed.missed_policy_date {
                    "; the policy date had passed (promise missed)"
                } else {
                    ""
                }
            ),
        );
        edit(conn, ctx, &request, changes, by, "extended", &note)?;
        queue(conn, ctx, &request, |_, to| {
            Ok(ExtensionMail {
                name: request.subject_name.clone(),
                reference: request.reference.clone(),
                kind: request.kind()?,
                reason: e.reason.as_str().to_string(),
                previous_due: before.due,
                new_due: after.due,
            }
            .render(&mail_tr(ctx, &request), to)?)
        })
    })
}

/// Why Art. 12(3) does not allow this extension, as a message.
fn extension_refused(refused: &ExtensionRefused) -> Msg {
    match refused {
        ExtensionRefused::AlreadyExtended => Msg::new("case-extend-already"),
        ExtensionRefused::DeadlinePassed { legal_due } => {
            Msg::new("case-extend-deadline-passed").arg("date", *legal_due)
        }
        ExtensionRefused::BeyondLimit { latest } => {
            Msg::new("case-extend-beyond-limit").arg("date", *latest)
        }
        ExtensionRefused::NotLater { due } => Msg::new("case-extend-not-later").arg("date", *due),
    }
}

// --- Complete ---------------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub struct CompletionInput {
    pub outcome: Outcome,
    pub answer: FreeText,
    /// Required for a partial answer (Art. 12(4)); none otherwise.
    pub reasons: Option<FreeText>,
    /// Recipients to send Art. 19 notices to (sorted ids).
    pub recipients: Vec<String>,
}

pub fn parse_completion(f: &dyn FormInput) -> Result<CompletionInput, WorkflowError> {
    let mut errors = Vec::new();
    let outcome = Outcome::parse(f.value("outcome"));
    if outcome.is_none() {
        errors.push(FieldError::new("outcome", Msg::new("case-choose-outcome")));
    }
    let answer = match FreeText::parse(f.value("answer"), limits::FREE_TEXT, "the answer") {
        Ok(a) if has_placeholder(a.as_str()) => {
            errors.push(FieldError::new(
                "answer",
                Msg::new("case-answer-placeholder"),
            ));
            None
        }
        Ok(a) => Some(a),
        Err(m) => {
            errors.push(FieldError::new("answer", m));
            None
        }
    };
    let reasons = match outcome {
        Some(Outcome::PartiallyFulfilled) => FreeText::parse(
            f.value("reasons"),
            limits::FREE_TEXT,
            "why part of the request was not fulfilled (the subject is told, Art. 12(4))",
        )
        .map(Some)
        .map_err(|m| errors.push(FieldError::new("reasons", m)))
        .ok()
        .flatten(),
        _ => None,
    };
    match (outcome, answer) {
        (Some(outcome), Some(answer)) if errors.is_empty() => Ok(CompletionInput {
            outcome,
            answer,
            reasons,
            recipients: super::notices::parse_recipients(f),
        }),
        _ => Err(WorkflowError::Invalid(errors)),
    }
}

/// The completion email as it would be sent, and the digest that ties the send button to
/// exactly this text (the handler sees the answer before it is sent).
pub struct Preview {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    pub digest: String,
}

fn completion_mail(
    ctx: &Ctx<'_>,
    request: &Request,
    c: &CompletionInput,
    facts: CompletionFacts,
    recipients: Vec<String>,
    package_until: Option<NaiveDate>,
    to: &str,
) -> Result<Email, WorkflowError> {
    Ok(render_completion(
        c.outcome,
        Completion {
            name: request.subject_name.clone(),
            reference: request.reference.clone(),
            kind: request.kind()?,
            answer: c.answer.as_str().to_string(),
            reasons: c
                .reasons
                .as_ref()
                .map(|r| r.as_str().to_string())
                .unwrap_or_default(),
            retained: facts.retained,
            refused: facts.refused_purposes,
            refused_items: facts.refused_items,
            recipients,
            package_until,
        },
        &mail_tr(ctx, request),
        to,
    )?)
}

/// The names of the chosen recipients, for the completion email (Art. 19).
fn recipient_names(conn: &mut DbConn, ids: &[String]) -> Result<Vec<String>, WorkflowError> {
    let mut names = Vec::new();
    for id in ids {
        if let Some(r) = db::recipients::find(conn, id)? {
            names.push(r.name);
        }
    }
    Ok(names)
}

/// Keyed with the secret key, over the request, its version and every field of the
/// answer: the send form carries it, so what is sent is what was previewed.
fn preview_digest(ctx: &Ctx<'_>, request: &Request, c: &CompletionInput) -> String {
    let mut h = Sha256::new();
    let version = request.version.to_string();
    for field in [
        "dsr-tracker completion preview".as_bytes(),
        &ctx.settings.secret_key,
        request.id.as_bytes(),
        version.as_bytes(),
        c.outcome.as_str().as_bytes(),
        c.answer.as_str().as_bytes(),
        c.reasons
            .as_ref()
            .map(|r| r.as_str())
            .unwrap_or("")
            .as_bytes(),
        c.recipients.join(",").as_bytes(),
    ] {
        h.update((field.len() as u64).to_be_bytes());
        h.update(field);
    }
    hex::encode(h.finalize())
}

/// Render the completion email without sending it. Refused as completing would be: a
/// stale page or an illegal transition.
pub fn preview_completion(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id: &str,
    version: i32,
    c: &CompletionInput,
) -> Result<Preview, WorkflowError> {
    let request = current(conn, id, version)?;
    transition(request.status()?, Action::Complete(c.outcome))?;
    super::webhooks::check_no_open_tasks(conn, &request)?;
    let facts = super::retention::completion_facts(conn, ctx, &request, c.outcome)?;
    super::notices::check_recipients(conn, &request, &c.recipients)?;
    let recipients = recipient_names(conn, &c.recipients)?;
    let package_until = package_until(conn, ctx, &request)?;
    let to = request
        .subject_email
        .as_deref()
        .unwrap_or("no email address: send this answer by post or tell it by phone");
    let mail = completion_mail(ctx, &request, c, facts, recipients, package_until, to)?;
    Ok(Preview {
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        digest: preview_digest(ctx, &request, c),
    })
}

/// The last day the package completing `request` now will be downloadable, when it
/// will have one (an access or portability request with data added).
fn package_until(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    request: &Request,
) -> Result<Option<NaiveDate>, WorkflowError> {
    Ok(
        if super::packages::takes_package(request.kind()?)
            && super::packages::has_data(conn, &request.id)?
        {
            Some(super::packages::until_if_built_now(ctx))
        } else {
            None
        },
    )
}

/// Complete with an outcome and send the previewed answer. A partial answer carries the
/// reasons and the Art. 12(4) notice. An access or portability request with data gets its
/// package: built first, from the data at the version the handler previewed (a change
/// since makes the completion stale), and recorded with the completion, or removed.
pub fn complete(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    c: &CompletionInput,
    digest: &str,
) -> Result<(), WorkflowError> {
    let request = current(conn, id, version)?;
    if digest != preview_digest(ctx, &request, c) {
        return Err(invalid("answer", Msg::new("case-preview-first")));
    }
    transition(request.status()?, Action::Complete(c.outcome))?;
    super::webhooks::check_no_open_tasks(conn, &request)?;
    let built = super::packages::build(conn, ctx, &request)?;
    let result = complete_in_transaction(conn, ctx, by, id, version, c, digest, built.as_ref());
    if let (Err(_), Some(b)) = (&result, &built) {
        b.discard(ctx.settings);
    }
    result
}

#[allow(clippy::too_many_arguments)]
fn complete_in_transaction(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    c: &CompletionInput,
    digest: &str,
    built: Option<&super::packages::Built>,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        if digest != preview_digest(ctx, &request, c) {
            return Err(invalid("answer", Msg::new("case-preview-first")));
        }
        // The systems that hold the data have confirmed, or a handler overrode them.
        super::webhooks::check_no_open_tasks(conn, &request)?;
        let facts = super::retention::completion_facts(conn, ctx, &request, c.outcome)?;
        super::notices::check_recipients(conn, &request, &c.recipients)?;
        let recipients = recipient_names(conn, &c.recipients)?;
        let package_until = built.map(|_| super::packages::until_if_built_now(ctx));
        let note = mail_note(&request, c.outcome.label());
        let changes = RequestChanges {
            answer_text: Some(Some(c.answer.as_str())),
            outcome_reasons: Some(c.reasons.as_ref().map(|r| r.as_str())),
            ..Default::default()
        };
        let record = Record {
            actor: &by.actor(),
            action: "completed",
            note: Some(&note),
        };
        store(
            conn,
            ctx,
            &request,
            Action::Complete(c.outcome),
            changes,
            record,
        )?;
        if let Some(b) = built {
            super::packages::record_built(conn, ctx, by, &request, b)?;
        }
        super::notices::queue_notices(conn, ctx, by, &request, &c.recipients)?;
        queue(conn, ctx, &request, |_, to| {
            completion_mail(ctx, &request, c, facts, recipients, package_until, to)
        })
    })
}

// --- Reject -----------------------------------------------------------------------------------

pub struct RejectionInput {
    pub reason: RejectionReason,
    pub justification: FreeText,
}

pub fn parse_rejection(f: &dyn FormInput) -> Result<RejectionInput, WorkflowError> {
    let mut errors = Vec::new();
    let reason = RejectionReason::parse(f.value("rejection_reason"));
    if reason.is_none() {
        errors.push(FieldError::new(
            "rejection_reason",
            Msg::new("case-choose-rejection"),
        ));
    }
    let justification = match reason {
        Some(r) => match check_justification(r, f.value("justification")) {
            Err(m) => {
                errors.push(FieldError::new("justification", m));
                None
            }
            Ok(()) => FreeText::parse(
                f.value("justification"),
                limits::FREE_TEXT,
                "the justification",
            )
            .map_err(|m| errors.push(FieldError::new("justification", m)))
            .ok(),
        },
        None => None,
    };
    match (reason, justification) {
        (Some(reason), Some(justification)) if errors.is_empty() => Ok(RejectionInput {
            reason,
            justification,
        }),
        _ => Err(WorkflowError::Invalid(errors)),
    }
}

/// Reject with a reason code and the written justification; the subject gets both with
/// the Art. 12(4) notice.
pub fn reject(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    r: &RejectionInput,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let note = mail_note(&request, r.reason.as_str());
        let changes = RequestChanges {
            rejection_justification: Some(Some(r.justification.as_str())),
            ..Default::default()
        };
        let record = Record {
            actor: &by.actor(),
            action: "rejected",
            note: Some(&note),
        };
        store(
            conn,
            ctx,
            &request,
            Action::Reject(r.reason),
            changes,
            record,
        )?;
        queue(conn, ctx, &request, |_, to| {
            Ok(RejectionMail {
                name: request.subject_name.clone(),
                reference: request.reference.clone(),
                kind: request.kind()?,
                reason: r.reason,
                justification: r.justification.as_str().to_string(),
            }
            .render(&mail_tr(ctx, &request), to)?)
        })
    })
}

// --- Withdraw on the subject's behalf ---------------------------------------------------------

pub fn parse_withdrawal(f: &dyn FormInput) -> Result<FreeText, WorkflowError> {
    FreeText::parse(
        f.value("withdrawal_reason"),
        limits::FREE_TEXT,
        "why and how the subject withdrew (e.g. \"phoned on 3 March\")",
    )
    .map_err(|m| invalid("withdrawal_reason", m))
}

/// Withdraw for the subject (who phoned, wrote…): the reason is recorded, the subject
/// gets the confirmation.
pub fn withdraw_for_subject(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    reason: &FreeText,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let changes = RequestChanges {
            withdrawal_reason: Some(Some(reason.as_str())),
            ..Default::default()
        };
        let note = mail_note(
            &request,
            &format!("on the subject's behalf: {}", reason.as_str()),
        );
        let record = Record {
            actor: &by.actor(),
            action: "withdrawn",
            note: Some(&note),
        };
        store(conn, ctx, &request, Action::Withdraw, changes, record)?;
        queue(conn, ctx, &request, |_, to| {
            Ok(WithdrawnMail {
                name: request.subject_name.clone(),
                reference: request.reference.clone(),
                kind: request.kind()?,
            }
            .render(&mail_tr(ctx, &request), to)?)
        })
    })
}

// --- Internal note ----------------------------------------------------------------------------

pub fn parse_note(f: &dyn FormInput) -> Result<FreeText, WorkflowError> {
    FreeText::parse(f.value("note"), limits::NOTE, "the note").map_err(|m| invalid("note", m))
}

/// An internal note: never shown to the subject, never put in an email. Notes only add,
/// so they need no version (a note does not make anyone else's form stale).
pub fn add_note(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    body: &FreeText,
) -> Result<(), WorkflowError> {
    let now: NaiveDateTime = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = db::requests::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
        db::notes::insert(
            conn,
            &NewNote {
                id: &uuid::Uuid::new_v4().to_string(),
                request_id: &request.id,
                author_id: &by.id,
                body: body.as_str(),
                created_at: now,
            },
        )?;
        // The audit trail records that a note was added, not what it says.
        audit(
            conn,
            &request.id,
            &by.actor(),
            Event {
                action: "note_added",
                from: None,
                to: None,
                note: None,
            },
            now,
        )
    })
}

// --- Correct the subject's address (mail recovery, issue 9) -------------------------------

pub fn parse_corrected_email(f: &dyn FormInput) -> Result<EmailAddress, WorkflowError> {
    EmailAddress::parse(f.value("email")).map_err(|m| invalid("email", m))
}

/// Correct the subject's email address, typically after mail to it could not be sent.
/// The audit event names the old and the new address. A request still waiting for
/// verification gets a new link at the new address (the old links stop working), and its
/// clock stops from now if it was not stopped yet (DESIGN §3: the pause starts when the
/// verification email is queued).
pub fn correct_email(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    by: &Staff,
    id: &str,
    version: i32,
    email: &EmailAddress,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    db::write_transaction(conn, |conn| {
        let request = current(conn, id, version)?;
        let old = request.subject_email.as_deref();
        if old == Some(email.as_str()) {
            return Err(invalid("email", Msg::new("case-email-unchanged")));
        }
        let status = request.status()?;
        let awaiting = status == Status::AwaitingVerification;
        let start_pause = awaiting && ctx.settings.pause_clock && request.paused_since.is_none();
        let changes = RequestChanges {
            subject_email: Some(Some(email.as_str())),
            paused_since: start_pause.then_some(Some(now)),
            paused_on: start_pause.then_some(Some(local_date(now, ctx.settings.timezone))),
            ..Default::default()
        };
        let note = format!("{} -> {}", old.unwrap_or("(none)"), email.as_str());
        edit(conn, ctx, &request, changes, by, "email_corrected", &note)?;
        if awaiting {
            db::tokens::use_all(
                conn,
                db::tokens::TokensOf::Request(&request.id),
                Purpose::Verify.as_str(),
                now,
            )?;
            super::intake::queue_verification(
                conn,
                ctx,
                &super::intake::VerifyFor {
                    request_id: &request.id,
                    reference: &request.reference,
                    name: &request.subject_name,
                    kind: request.kind()?,
                    lang: request.language(ctx.settings),
                    email: email.as_str(),
                },
                crate::domain::tokens::generate(),
            )?;
        }
        Ok(())
    })
}

// --- The subject's answer -------------------------------------------------------------------

/// The subject answers the request's open question with text only: the status page's
/// use case (`workflow::subject::answer`, which also takes a file), for callers that
/// have no form (the API, tests). `subject_email` must be the request's (foreign ids are
/// not found).
pub fn subject_answered(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    subject_email: &str,
    request_id: &str,
    answer: &FreeText,
) -> Result<(), WorkflowError> {
    let question_id = db::questions::open_for_request(conn, request_id)?
        .map(|q| q.id)
        .unwrap_or_default();
    let opens = [super::view::Opens {
        email: subject_email.to_string(),
        request_id: Some(request_id.to_string()),
    }];
    let input = super::subject::AnswerInput {
        question_id,
        text: Some(answer.clone()),
        file: None,
    };
    super::subject::answer(conn, ctx, &opens, request_id, &input)
}
