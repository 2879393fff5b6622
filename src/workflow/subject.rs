//! The subject's side of a request (issue 7): the status page in plain words, the answer
//! to a handler's question (with an optional file), and what an emailed link says when
//! it no longer works. Subjects are identified by the grant their link put in their
//! cookie (`view::Opens`); a request it does not open is not found.

use chrono::{NaiveDate, NaiveDateTime};

use super::view::{view_of, Opens, RequestView};
use super::{apply_transition, audit, Actor, Ctx, Event, Record, WorkflowError, NO_EMAIL_NOTE};
use crate::db::models::{AuditEvent, NewUpload, Request};
use crate::db::requests::RequestChanges;
use crate::db::{self, DbConn};
use crate::domain::case::QuestionPurpose;
use crate::domain::channel::Channel;
use crate::domain::kinds::RequestDetails;
use crate::domain::msg::Msg;
use crate::domain::newtypes::{limits, FieldError, FreeText};
use crate::domain::status::{transition, Action, Outcome, RejectionReason, Status};
use crate::domain::tokens::{self, Purpose};
use crate::domain::upload::{self, AcceptedFile, FileRefused};
use crate::filestore::FileStore;
use crate::mail::messages::{self, ExpiryMail, QuestionMail, RightsNotice, Sender};
use crate::mail::outbox::enqueue;
use crate::time::local_date;

/// One line of the request's history as the subject reads it. The words are in the
/// template (`portal/_history.html`); internal steps (assignment, notes, files a
/// handler handled) are not shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryEvent {
    /// The request reached us (by the portal, or a handler entered it).
    Received(Channel),
    /// The subject confirmed the email address with the link.
    EmailConfirmed,
    /// A handler confirmed who the subject is another way (the method is internal).
    IdentityConfirmed,
    /// A document the subject sent confirmed who they are, and it was deleted.
    IdentityDocumentChecked,
    Started,
    /// We asked the subject something.
    Asked,
    Answered,
    /// More time (Art. 12(3)): the new date, and why.
    Extended(NaiveDate, String),
    Completed(Outcome),
    Rejected,
    WithdrawnByYou,
    WithdrawnForYou,
    /// The email address was never confirmed.
    ExpiredUnconfirmed,
    /// A question stayed unanswered (a decision not to act, Art. 12(4)).
    ExpiredNoAnswer,
}

pub struct HistoryLine {
    pub date: NaiveDate,
    pub event: HistoryEvent,
}

/// A question the handler asked, and the subject's answer.
pub struct SubjectQuestion {
    pub id: String,
    pub asked_on: NaiveDate,
    pub purpose: QuestionPurpose,
    pub body: String,
    pub answered_on: Option<NaiveDate>,
    pub answer: Option<String>,
    /// The names of the files sent with the answer.
    pub files: Vec<String>,
}

/// The final answer, in full.
pub struct Decision {
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub rejection: Option<RejectionReason>,
    /// The handler's answer as sent (completed requests).
    pub answer: Option<String>,
    /// Why a partial answer is partial.
    pub reasons: Option<String>,
    /// Why the request was rejected.
    pub justification: Option<String>,
    /// The Art. 12(4) notice (right to complain, to a judicial remedy), when the decision
    /// was not to act in full: a rejection, a partial answer, an expiry after a question.
    pub notice: Option<RightsNotice>,
}

/// Everything the subject's status page shows.
pub struct SubjectPage {
    pub r: RequestView,
    /// What the subject asked for, to put into the reader's words.
    pub details: RequestDetails,
    /// The data-category register, for the words of the categories in `details`.
    pub categories: Vec<crate::domain::categories::Category>,
    /// The recipients told of the change, with where each notice stands (Art. 19,
    /// second sentence).
    pub recipients: Vec<super::notices::NoticeLine>,
    /// A rectification still open: its items (number, field), for the evidence form.
    pub evidence_items: Vec<(i32, String)>,
    pub history: Vec<HistoryLine>,
    pub questions: Vec<SubjectQuestion>,
    /// The question the subject can answer now (the request waits for them).
    pub open_question: Option<String>,
    pub decision: Option<Decision>,
    pub can_withdraw: bool,
    pub sender: Sender,
    pub upload_max_mb: u64,
    /// The access or portability package built for this request, if any.
    pub package: Option<super::packages::SubjectPackage>,
}

fn allowed(opens: &[Opens], r: &Request) -> bool {
    r.subject_email
        .as_deref()
        .is_some_and(|email| opens.iter().any(|o| o.allows(email, &r.id)))
}

/// The request a subject's links open, or `NotFound`.
pub(crate) fn own_request(
    conn: &mut DbConn,
    opens: &[Opens],
    id: &str,
) -> Result<Request, WorkflowError> {
    db::requests::find(conn, id)?
        .filter(|r| allowed(opens, r))
        .ok_or(WorkflowError::NotFound)
}

/// The status page of a request the subject's links open.
pub fn status_page(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    opens: &[Opens],
    id: &str,
) -> Result<SubjectPage, WorkflowError> {
    let request = own_request(conn, opens, id)?;
    let tz = ctx.settings.timezone;
    let date = |t: NaiveDateTime| local_date(t, tz);
    let status = request.status()?;
    let uploads = db::uploads::for_request(conn, &request.id)?;
    let questions: Vec<SubjectQuestion> = db::questions::for_request(conn, &request.id)?
        .into_iter()
        .map(|q| {
            Ok(SubjectQuestion {
                files: uploads
                    .iter()
                    .filter(|u| u.question_id.as_deref() == Some(q.id.as_str()))
                    .map(|u| u.original_name.clone())
                    .collect(),
                purpose: q.purpose()?,
                asked_on: date(q.asked_at),
                answered_on: q.answered_at.map(date),
                answer: q.answer_text.filter(|a| !a.is_empty()),
                body: q.body,
                id: q.id,
            })
        })
        .collect::<Result<_, WorkflowError>>()?;
    let open_question = if status == Status::AwaitingSubject {
        questions
            .iter()
            .rev()
            .find(|q| q.answered_on.is_none())
            .map(|q| q.id.clone())
    } else {
        None
    };
    let events = db::audit::for_request(conn, &request.id)?;
    let history = history(&request, &events, tz)?;
    let decision = decision(ctx, &request, &events)?;
    Ok(SubjectPage {
        details: request.details()?,
        categories: super::registers::categories(conn)?,
        recipients: super::notices::for_request(conn, &request)?,
        evidence_items: match request.details()? {
            RequestDetails::Rectification { items } if !status.is_terminal() => items
                .into_iter()
                .enumerate()
                .map(|(n, i)| (n as i32 + 1, i.field))
                .collect(),
            _ => Vec::new(),
        },
        r: view_of(ctx, &request)?,
        history,
        questions,
        open_question,
        decision,
        can_withdraw: transition(status, Action::Withdraw).is_ok(),
        sender: Sender::from_settings(ctx.settings),
        upload_max_mb: ctx.settings.upload_max_mb,
        package: super::packages::for_subject(conn, ctx, &request.id)?,
    })
}

/// The audit trail in plain words, oldest first; only what concerns the subject.
fn history(
    request: &Request,
    events: &[AuditEvent],
    tz: chrono_tz::Tz,
) -> Result<Vec<HistoryLine>, WorkflowError> {
    let mut lines = Vec::new();
    for e in events {
        let on = local_date(e.at, tz);
        let to = e.to_status.as_deref().and_then(Status::parse);
        let from = e.from_status.as_deref().and_then(Status::parse);
        let mut push = |event| lines.push(HistoryLine { date: on, event });
        match e.action.as_str() {
            "submitted" => {
                lines.push(HistoryLine {
                    date: local_date(request.received_at, tz),
                    event: HistoryEvent::Received(request.channel()?),
                });
                // Entered by a handler who had already checked who the subject is.
                if to == Some(Status::Open) {
                    lines.push(HistoryLine {
                        date: on,
                        event: HistoryEvent::IdentityConfirmed,
                    });
                }
            }
            "verified" if e.note.as_deref() == Some("email link") => {
                push(HistoryEvent::EmailConfirmed)
            }
            "verified" => push(HistoryEvent::IdentityConfirmed),
            "identity_document_checked" => push(HistoryEvent::IdentityDocumentChecked),
            "started" => push(HistoryEvent::Started),
            "asked_subject" => push(HistoryEvent::Asked),
            "subject_answered" => push(HistoryEvent::Answered),
            "extended" => push(HistoryEvent::Extended(
                request.due_date,
                request.extension_reason.clone().unwrap_or_default(),
            )),
            "completed" => {
                if let Some(o) = request.outcome() {
                    push(HistoryEvent::Completed(o))
                }
            }
            "rejected" => push(HistoryEvent::Rejected),
            "withdrawn" if e.actor == Actor::Subject.label() => push(HistoryEvent::WithdrawnByYou),
            "withdrawn" => push(HistoryEvent::WithdrawnForYou),
            "expired" if from == Some(Status::AwaitingSubject) => {
                push(HistoryEvent::ExpiredNoAnswer)
            }
            "expired" => push(HistoryEvent::ExpiredUnconfirmed),
            _ => {}
        }
    }
    Ok(lines)
}

fn decision(
    ctx: &Ctx<'_>,
    request: &Request,
    events: &[AuditEvent],
) -> Result<Option<Decision>, WorkflowError> {
    let status = request.status()?;
    let expired_after_question = status == Status::Expired
        && events.iter().any(|e| {
            e.action == "expired"
                && e.from_status.as_deref() == Some(Status::AwaitingSubject.as_str())
        });
    let notice_applies = status == Status::Rejected
        || request.outcome() == Some(Outcome::PartiallyFulfilled)
        || expired_after_question;
    if !status.is_terminal() || status == Status::Withdrawn {
        return Ok(None);
    }
    if status == Status::Expired && !expired_after_question {
        return Ok(None);
    }
    Ok(Some(Decision {
        status,
        outcome: request.outcome(),
        rejection: request.rejection_reason(),
        answer: request.answer_text.clone(),
        reasons: request.outcome_reasons.clone(),
        justification: request.rejection_justification.clone(),
        notice: notice_applies.then(|| RightsNotice::from_settings(ctx.settings)),
    }))
}

/// A file as it arrived in the answer form, before any check.
pub struct IncomingFile {
    /// The name the subject's browser gave.
    pub name: String,
    /// The type the subject's browser declared.
    pub declared: String,
    /// At most the limit; `truncated` when there was more.
    pub bytes: Vec<u8>,
    pub truncated: bool,
}

/// A file that passed the checks, ready to store.
pub struct CheckedFile {
    pub accepted: AcceptedFile,
    pub bytes: Vec<u8>,
}

/// The answer form, checked.
pub struct AnswerInput {
    pub question_id: String,
    pub text: Option<FreeText>,
    pub file: Option<CheckedFile>,
}

/// Why an answer form came back: errors beside `answer` and `file`, and whether the file
/// was too large (413 rather than 422).
pub struct AnswerRefused {
    pub errors: Vec<FieldError>,
    pub too_large: bool,
}

/// Check the answer form: a text of at most `limits::FREE_TEXT` characters, a file (if
/// any) that is not empty, within `DSR_UPLOAD_MAX_MB`, and of an allowed type by its
/// content; at least one of the two.
pub fn parse_answer(
    ctx: &Ctx<'_>,
    question_id: &str,
    text: &str,
    file: Option<IncomingFile>,
) -> Result<AnswerInput, AnswerRefused> {
    let mut errors = Vec::new();
    let mut too_large = false;
    let text = FreeText::parse_optional(text, limits::FREE_TEXT, "your answer")
        .map_err(|m| errors.push(FieldError::new("answer", m)))
        .ok()
        .flatten();
    let max_bytes = ctx.settings.upload_max_mb * 1024 * 1024;
    let file = match file {
        None => None,
        Some(f) => match upload::check(&f.name, &f.declared, &f.bytes, f.truncated, max_bytes) {
            Ok(accepted) => Some(CheckedFile {
                accepted,
                bytes: f.bytes,
            }),
            Err(refused) => {
                too_large = matches!(refused, FileRefused::TooLarge { .. });
                errors.push(FieldError::new("file", refused.msg()));
                None
            }
        },
    };
    if errors.is_empty() && text.is_none() && file.is_none() {
        errors.push(FieldError::new("answer", Msg::new("field-answer-empty")));
    }
    if question_id.trim().is_empty() || question_id.len() > 64 {
        errors.push(FieldError::new("answer", Msg::new("field-form-incomplete")));
    }
    if errors.is_empty() {
        Ok(AnswerInput {
            question_id: question_id.trim().to_string(),
            text,
            file,
        })
    } else {
        Err(AnswerRefused { errors, too_large })
    }
}

fn closed_question() -> WorkflowError {
    WorkflowError::Conflict(Msg::new("portal-question-closed"))
}

/// The subject answers the open question (with a file, perhaps). The answer is recorded,
/// the file stored under a random name, and work resumes: the days the clock stood still
/// move the due date on (EDPB 01/2022 §159). One transaction; the file is removed again
/// if it fails. Foreign requests and questions are not found.
pub fn answer(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    opens: &[Opens],
    request_id: &str,
    input: &AnswerInput,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    // Refuse what cannot succeed before writing a file.
    let request = own_request(conn, opens, request_id)?;
    let question = db::questions::find(conn, &input.question_id)?
        .filter(|q| q.request_id == request.id)
        .ok_or(WorkflowError::NotFound)?;
    if question.answered_at.is_some()
        || transition(request.status()?, Action::SubjectAnswered).is_err()
    {
        return Err(closed_question());
    }
    let store = FileStore::new(ctx.settings.upload_dir());
    let stored = match &input.file {
        Some(f) => Some(
            store
                .write_new(&f.bytes)
                .map_err(|e| WorkflowError::Internal(format!("storing an upload: {e}")))?,
        ),
        None => None,
    };
    let result = db::write_transaction(conn, |conn| {
        let request = own_request(conn, opens, request_id)?;
        let t = transition(request.status()?, Action::SubjectAnswered)
            .map_err(|_| closed_question())?;
        let text = input.text.as_ref().map(|t| t.as_str()).unwrap_or("");
        if !db::questions::answer(conn, &question.id, text, now)? {
            return Err(closed_question());
        }
        if let (Some(f), Some(name)) = (&input.file, &stored) {
            db::uploads::insert(
                conn,
                &NewUpload {
                    id: &uuid::Uuid::new_v4().to_string(),
                    request_id: &request.id,
                    question_id: Some(&question.id),
                    stored_name: name,
                    original_name: &f.accepted.name,
                    content_type: f.accepted.file_type.as_str(),
                    size_bytes: f.bytes.len() as i64,
                    uploaded_at: now,
                    identity_document: false,
                    item_no: None,
                },
            )?;
        }
        let record = Record {
            actor: &Actor::Subject,
            action: "subject_answered",
            note: stored.is_some().then_some("with a file"),
        };
        if !apply_transition(conn, ctx, &request, &t, RequestChanges::default(), record)? {
            return Err(closed_question());
        }
        Ok(())
    });
    if result.is_err() {
        if let Some(name) = &stored {
            if let Err(e) = store.delete(name) {
                tracing::warn!(error = %e, "could not remove the file of a refused answer");
            }
        }
    }
    result
}

/// Evidence for one item of a rectification (issue 11): the item (1, 2, …) and the file.
pub struct EvidenceInput {
    pub item_no: i32,
    pub file: CheckedFile,
}

/// The evidence form: an item and a file of an accepted type within the size limit.
/// Errors are beside `evidence` (and `too_large` for 413).
pub fn parse_evidence(
    ctx: &Ctx<'_>,
    item: &str,
    file: Option<IncomingFile>,
) -> Result<EvidenceInput, AnswerRefused> {
    let max_bytes = ctx.settings.upload_max_mb * 1024 * 1024;
    let refuse = |m: Msg, too_large| AnswerRefused {
        errors: vec![FieldError::new("evidence", m)],
        too_large,
    };
    let Ok(item_no) = item.trim().parse::<i32>() else {
        return Err(refuse(Msg::new("field-form-incomplete"), false));
    };
    let Some(f) = file else {
        return Err(refuse(Msg::new("portal-evidence-choose-file"), false));
    };
    match upload::check(&f.name, &f.declared, &f.bytes, f.truncated, max_bytes) {
        Ok(accepted) => Ok(EvidenceInput {
            item_no,
            file: CheckedFile {
                accepted,
                bytes: f.bytes,
            },
        }),
        Err(refused) => Err(refuse(
            refused.msg(),
            matches!(refused, FileRefused::TooLarge { .. }),
        )),
    }
}

/// The subject adds evidence for an item of their open rectification: the file is stored
/// like an answer's (random name, 0600) and shows on the request page beside the item;
/// the audit trail records it. Refused once the request is closed.
pub fn add_evidence(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    opens: &[Opens],
    request_id: &str,
    input: &EvidenceInput,
) -> Result<(), WorkflowError> {
    let now = ctx.now_db();
    let request = own_request(conn, opens, request_id)?;
    let check = |request: &Request| -> Result<(), WorkflowError> {
        let RequestDetails::Rectification { items } = request.details()? else {
            return Err(WorkflowError::NotFound);
        };
        if request.status()?.is_terminal() {
            return Err(WorkflowError::Conflict(Msg::new("portal-evidence-closed")));
        }
        if input.item_no < 1 || input.item_no as usize > items.len() {
            return Err(WorkflowError::Invalid(vec![FieldError::new(
                "evidence",
                Msg::new("field-form-incomplete"),
            )]));
        }
        Ok(())
    };
    check(&request)?;
    let store = FileStore::new(ctx.settings.upload_dir());
    let stored = store
        .write_new(&input.file.bytes)
        .map_err(|e| WorkflowError::Internal(format!("storing an upload: {e}")))?;
    let result = db::write_transaction(conn, |conn| {
        let request = own_request(conn, opens, request_id)?;
        check(&request)?;
        db::uploads::insert(
            conn,
            &NewUpload {
                id: &uuid::Uuid::new_v4().to_string(),
                request_id: &request.id,
                question_id: None,
                stored_name: &stored,
                original_name: &input.file.accepted.name,
                content_type: input.file.accepted.file_type.as_str(),
                size_bytes: input.file.bytes.len() as i64,
                uploaded_at: now,
                identity_document: false,
                item_no: Some(input.item_no),
            },
        )?;
        audit(
            conn,
            &request.id,
            &Actor::Subject,
            Event {
                action: "evidence_added",
                from: None,
                to: None,
                note: Some(&format!("item {}", input.item_no)),
            },
            now,
        )
    });
    if result.is_err() {
        if let Err(e) = store.delete(&stored) {
            tracing::warn!(error = %e, "could not remove the file of refused evidence");
        }
    }
    result
}

/// What a verification link is now.
pub enum VerificationLink {
    /// It works: the request it confirms.
    Live(Box<RequestView>),
    /// It was used already (the request was confirmed with it).
    Used,
    /// Its time ran out before it was used.
    Expired,
    /// Not a link we sent, or one removed since.
    Unknown,
}

/// Tell a used or expired verification link from one we never sent, so the page can say
/// so and point to "track my requests" instead of a bare "not found". (The token is 256
/// random bits only its holder knows: saying it was used tells them nothing new.)
pub fn verification_link(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    secret: &str,
) -> Result<VerificationLink, WorkflowError> {
    if !tokens::looks_valid(secret) {
        return Ok(VerificationLink::Unknown);
    }
    let Some(token) =
        db::tokens::find_by_hash(conn, &tokens::hash(secret), Purpose::Verify.as_str())?
    else {
        return Ok(VerificationLink::Unknown);
    };
    if token.used_at.is_some() {
        return Ok(VerificationLink::Used);
    }
    if token.expires_at <= ctx.now_db() {
        return Ok(VerificationLink::Expired);
    }
    let request_id = token.request_id.ok_or(WorkflowError::NotFound)?;
    match db::requests::find(conn, &request_id)? {
        Some(r) => Ok(VerificationLink::Live(Box::new(view_of(ctx, &r)?))),
        None => Ok(VerificationLink::Unknown),
    }
}

/// Requests waiting for the subject's answer for `DSR_SUBJECT_ANSWER_DAYS` (counted from
/// when the question email was sent) expire: closing without acting is a decision not to
/// act, so the subject gets the expiry email with the Art. 12(4) notice. Each request is
/// its own transaction (the change, its audit event, its email); a request that changed
/// meanwhile (answered, withdrawn) is left alone. Running it twice changes nothing more.
pub fn expire_unanswered(conn: &mut DbConn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let now = ctx.now_db();
    let days = ctx.settings.subject_answer_days;
    let cutoff = now - chrono::Duration::days(i64::from(days));
    let stale = db::questions::unanswered_past(
        conn,
        Status::AwaitingSubject.as_str(),
        QuestionMail::TEMPLATE,
        cutoff,
        500,
    )?;
    let mut expired = 0;
    for request in stale {
        let done = db::write_transaction(conn, |conn| {
            let Some(question) = db::questions::open_for_request(conn, &request.id)? else {
                return Ok(false);
            };
            let Ok(t) = transition(request.status()?, Action::Expire) else {
                return Ok(false);
            };
            let note = match request.subject_email {
                Some(_) => format!("no answer to the question in {days} days"),
                None => format!("no answer to the question in {days} days; {NO_EMAIL_NOTE}"),
            };
            let record = Record {
                actor: &Actor::System,
                action: "expired",
                note: Some(&note),
            };
            if !apply_transition(conn, ctx, &request, &t, RequestChanges::default(), record)? {
                return Ok(false);
            }
            let Some(to) = request.subject_email.as_deref() else {
                return Ok(true);
            };
            // The sweeper writes in the request's language, not the server's.
            let mail = ExpiryMail {
                name: request.subject_name.clone(),
                reference: request.reference.clone(),
                kind: request.kind()?,
                asked_on: local_date(question.asked_at, ctx.settings.timezone),
                days,
            }
            .render(
                &messages::tr(ctx.settings, request.language(ctx.settings)),
                to,
            )?;
            enqueue(conn, &ctx.sealer(), &mail, Some(&request.id), now)?;
            Ok::<_, WorkflowError>(true)
        })?;
        if done {
            expired += 1;
        }
    }
    Ok(expired)
}
