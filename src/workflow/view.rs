//! Requests as people see them: local dates, both deadlines, days left, urgency. The web
//! layer reads only through the functions here, which return view models (never rows).

use chrono::{NaiveDate, NaiveDateTime};

use super::users::Staff;
use super::{Ctx, WorkflowError};
use crate::config::Settings;
use crate::db::models::Request;
use crate::db::{self, DbConn};
use crate::domain::case::{default_answer, QuestionPurpose};
use crate::domain::channel::Channel;
use crate::domain::clock::{days_left, deadlines, urgency, Deadlines, Urgency};
use crate::domain::kinds::{Kind, RequestDetails};
use crate::domain::status::{transition, Action, Outcome, RejectionReason, Status};
use crate::time::local_date;

pub use crate::db::requests::{
    AssigneeFilter, QueueCount, QueueCounts, QueueFilter, StatusFilter, UrgencyFilter, COUNT_CAP,
};
use crate::domain::search::Search;

/// A stored instant as people see it: the date and the time ("HH:MM") in the
/// controller's time zone. Pages write the date in the reader's language (`show`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    pub date: NaiveDate,
    pub time: String,
}

impl Stamp {
    pub fn at(t: NaiveDateTime, tz: chrono_tz::Tz) -> Self {
        let local = t.and_utc().with_timezone(&tz);
        Self {
            date: local.date_naive(),
            time: local.format("%H:%M").to_string(),
        }
    }

    /// "25. november 2026 14:03" in the reader's language.
    pub fn show(&self, t: &crate::i18n::Tr) -> String {
        format!("{} {}", t.date(&self.date), self.time)
    }
}

/// For logs and the CLI: `2026-11-25 14:03`.
impl std::fmt::Display for Stamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.date, self.time)
    }
}

pub struct RequestView {
    pub id: String,
    pub reference: String,
    pub kind: Kind,
    pub status: Status,
    pub outcome: Option<Outcome>,
    pub rejection: Option<RejectionReason>,
    pub subject_name: String,
    /// `None`: entered by hand without an address; nothing is emailed to the subject.
    pub subject_email: Option<String>,
    pub subject_phone: Option<String>,
    pub customer_number: Option<String>,
    pub message: Option<String>,
    pub channel: Channel,
    pub received: NaiveDate,
    pub received_at: Stamp,
    /// The instant of receipt (UTC), for ordering.
    pub received_instant: NaiveDateTime,
    pub deadlines: Deadlines,
    /// The stored due date that orders the queue (equals `deadlines.due`).
    pub due: NaiveDate,
    pub days_left: i64,
    pub urgency: &'static str,
    pub paused: bool,
    /// When, and how (the method the handler recorded, if any).
    pub verified: Option<(Stamp, Option<String>)>,
    pub extension_reason: Option<String>,
    /// Extended after the policy date: the organisation missed its promise.
    pub missed_policy_date: bool,
    pub assignee_id: Option<String>,
    /// Filled on queue pages (`with_assignee_names`).
    pub assignee_name: Option<String>,
    pub details: RequestDetails,
}

impl RequestView {
    pub(crate) fn build(
        r: &Request,
        settings: &Settings,
        today: NaiveDate,
    ) -> Result<Self, WorkflowError> {
        let tz = settings.timezone;
        let status = r.status()?;
        let received = local_date(r.received_at, tz);
        let d = deadlines(
            received,
            r.paused_days(),
            r.extended_to,
            settings.clock_settings(),
        );
        // While the clock is stopped, the days left stay as they were the day it stopped
        // (issue 9): a paused request is overdue only if it already was then.
        let clock_day = match r.paused_on {
            Some(stopped) if stopped < today => stopped,
            _ => today,
        };
        let left = days_left(clock_day, r.due_date);
        let colour = if status.is_terminal() {
            "closed"
        } else {
            match urgency(clock_day, r.due_date, settings.amber_days) {
                Urgency::Green => "green",
                Urgency::Amber => "amber",
                Urgency::Red => "red",
            }
        };
        Ok(Self {
            id: r.id.clone(),
            reference: r.reference.clone(),
            kind: r.kind()?,
            status,
            outcome: r.outcome(),
            rejection: r.rejection_reason(),
            subject_name: r.subject_name.clone(),
            subject_email: r.subject_email.clone(),
            subject_phone: r.subject_phone.clone(),
            customer_number: r.customer_number.clone(),
            message: r.message.clone(),
            channel: r.channel()?,
            received,
            received_at: Stamp::at(r.received_at, tz),
            received_instant: r.received_at,
            deadlines: d,
            due: r.due_date,
            days_left: left,
            urgency: colour,
            paused: r.paused_since.is_some(),
            verified: r
                .verified_at
                .map(|at| (Stamp::at(at, tz), r.verification_method.clone())),
            extension_reason: r.extension_reason.clone(),
            missed_policy_date: r.missed_policy_date,
            assignee_id: r.assignee_id.clone(),
            assignee_name: None,
            details: r.details()?,
        })
    }
}

/// Today in the controller's time zone.
pub(crate) fn today(ctx: &Ctx<'_>) -> NaiveDate {
    local_date(ctx.now_db(), ctx.settings.timezone)
}

/// One request as people see it.
pub(crate) fn view_of(ctx: &Ctx<'_>, r: &Request) -> Result<RequestView, WorkflowError> {
    RequestView::build(r, ctx.settings, today(ctx))
}

/// One request, or `None` when there is no such id.
pub fn request(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id: &str,
) -> Result<Option<RequestView>, WorkflowError> {
    db::requests::find(conn, id)?
        .map(|r| view_of(ctx, &r))
        .transpose()
}

/// What one subject link opens: every request of an address, or one of them.
#[derive(Debug, Clone)]
pub struct Opens {
    pub email: String,
    pub request_id: Option<String>,
}

impl Opens {
    pub fn allows(&self, subject_email: &str, request_id: &str) -> bool {
        self.email == subject_email
            && match &self.request_id {
                Some(id) => id == request_id,
                None => true,
            }
    }
}

/// The requests a subject's links open, newest first, each once.
pub fn subject_requests(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    opens: &[Opens],
) -> Result<Vec<RequestView>, WorkflowError> {
    let mut rows: Vec<Request> = Vec::new();
    for o in opens {
        let found = match &o.request_id {
            None => db::requests::list_for_email(conn, &o.email)?,
            Some(id) => db::requests::find(conn, id)?.into_iter().collect(),
        };
        for r in found {
            let allowed = r
                .subject_email
                .as_deref()
                .is_some_and(|email| o.allows(email, &r.id));
            if allowed && !rows.iter().any(|x| x.id == r.id) {
                rows.push(r);
            }
        }
    }
    rows.sort_by_key(|r| std::cmp::Reverse(r.received_at));
    rows.iter().map(|r| view_of(ctx, r)).collect()
}

/// Which queue page to show.
#[derive(Debug, Clone, Default)]
pub struct QueueQuery {
    pub filter: QueueFilter,
    pub page: PageAt,
}

/// Keyset cursors: the due date and id of a row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PageAt {
    #[default]
    First,
    /// The rows after this one (the "next" link).
    After(NaiveDate, String),
    /// The rows before this one (the "previous" link).
    Before(NaiveDate, String),
}

pub struct QueuePageView {
    pub rows: Vec<RequestView>,
    pub total: QueueCount,
    /// The cursor of the next page, `YYYY-MM-DD_<id>`, when there is one.
    pub next: Option<String>,
    /// The cursor for the previous page, when this is not the first.
    pub prev: Option<String>,
    pub failed_mail: QueueCount,
    /// Follow-up tasks: kept data whose legal retention has ended (issue 10).
    pub retention_due: QueueCount,
    pub counts: QueueCounts,
    /// Every account, active first (the assignee filter's choices).
    pub staff: Vec<Staff>,
}

fn cursor_of(r: &Request) -> String {
    format!("{}_{}", r.due_date, r.id)
}

/// The name of each assignee among the rows (one query for the page, not one per row).
fn with_assignee_names(
    conn: &mut DbConn,
    rows: Vec<RequestView>,
) -> Result<Vec<RequestView>, WorkflowError> {
    if rows.iter().all(|r| r.assignee_id.is_none()) {
        return Ok(rows);
    }
    let staff = super::users::list(conn)?;
    Ok(named(rows, &staff))
}

/// Each row with its assignee's name, from the accounts already read.
fn named(mut rows: Vec<RequestView>, staff: &[Staff]) -> Vec<RequestView> {
    let names: std::collections::HashMap<&str, &str> = staff
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    for r in &mut rows {
        r.assignee_name = r
            .assignee_id
            .as_deref()
            .and_then(|id| names.get(id).map(|n| n.to_string()));
    }
    rows
}

/// The staff's view of "today" and "due soon" for the counts and urgency filters.
pub fn urgency_filter(ctx: &Ctx<'_>, overdue: bool) -> UrgencyFilter {
    let today = today(ctx);
    if overdue {
        UrgencyFilter::Overdue { today }
    } else {
        UrgencyFilter::DueSoon {
            today,
            days: ctx.settings.amber_days,
        }
    }
}

/// One page of the queue (issue 6's time budget: one indexed page, a count that reads no
/// closed request beyond the cap, and a capped failed-mail count) with the counts at the
/// top (issue 9: one pass over the active requests' index entries).
pub fn queue_page(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    me: &Staff,
    q: QueueQuery,
    page_size: i64,
) -> Result<QueuePageView, WorkflowError> {
    let filter = q.filter;
    let (rows, next, prev) = match &q.page {
        PageAt::First | PageAt::After(..) => {
            let after = match &q.page {
                PageAt::After(d, id) => Some((*d, id.clone())),
                _ => None,
            };
            let mut rows = db::requests::queue_page(conn, &filter, after, page_size + 1)?;
            let has_more = rows.len() as i64 > page_size;
            rows.truncate(page_size as usize);
            let next = if has_more {
                rows.last().map(cursor_of)
            } else {
                None
            };
            let prev = match q.page {
                PageAt::First => None,
                _ => rows.first().map(cursor_of),
            };
            (rows, next, prev)
        }
        PageAt::Before(d, id) => {
            let mut rows = db::requests::queue_page_before(conn, &filter, (*d, id), page_size + 1)?;
            let has_more = rows.len() as i64 > page_size;
            if has_more {
                rows.remove(0);
            }
            let prev = if has_more {
                rows.first().map(cursor_of)
            } else {
                None
            };
            let next = rows.last().map(cursor_of);
            (rows, next, prev)
        }
    };
    let day = today(ctx);
    // Three counts in one statement, and one read of the accounts for both the names
    // and the filter's choices: on PostgreSQL every statement is a round trip (issue 6).
    let summary = db::requests::queue_summary(conn, &filter, day, ctx.settings.amber_days, &me.id)?;
    let staff = super::users::list(conn)?;
    let rows = rows
        .iter()
        .map(|r| RequestView::build(r, ctx.settings, day))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(QueuePageView {
        rows: named(rows, &staff),
        total: summary.total,
        next,
        prev,
        failed_mail: summary.failed_mail,
        retention_due: summary.retention_due,
        counts: summary.counts,
        staff,
    })
}

/// What a search finds (issue 9).
pub enum SearchResult {
    /// A reference that exists: open it.
    Open(String),
    /// Requests of an address, or whose name starts so (at most `limit`).
    List(Vec<RequestView>),
}

pub fn search(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    what: &Search,
    limit: i64,
) -> Result<SearchResult, WorkflowError> {
    let rows = match what {
        Search::Reference(r) => {
            return Ok(match db::requests::find_by_reference(conn, r)? {
                Some(found) => SearchResult::Open(found.id),
                None => SearchResult::List(Vec::new()),
            })
        }
        Search::Email(e) => db::requests::search_email(conn, e.as_str(), limit)?,
        Search::NamePrefix(p) => db::requests::search_name_prefix(conn, p, limit)?,
    };
    let day = today(ctx);
    let rows = rows
        .iter()
        .map(|r| RequestView::build(r, ctx.settings, day))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SearchResult::List(with_assignee_names(conn, rows)?))
}

pub struct AuditLine {
    pub at: Stamp,
    pub actor: String,
    pub action: String,
    /// The status change, if the event was one (`None` for a status the code no longer
    /// knows).
    pub from: Option<Status>,
    pub to: Option<Status>,
    pub note: String,
}

pub struct MailLine {
    pub id: String,
    pub to: String,
    pub created: Stamp,
    pub template: String,
    pub status: String,
    pub attempts: i32,
    pub error: String,
}

pub struct QuestionLine {
    pub asked_at: Stamp,
    pub asked_by: String,
    pub purpose: QuestionPurpose,
    pub body: String,
    pub pauses_clock: bool,
    pub answered_at: Option<Stamp>,
    pub answer: Option<String>,
}

pub struct NoteLine {
    pub at: Stamp,
    pub author: String,
    pub body: String,
}

pub struct UploadLine {
    pub id: String,
    pub uploaded_at: Stamp,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub identity_document: bool,
    pub keep_reason: Option<String>,
    pub deleted_at: Option<Stamp>,
    /// Evidence for this item of a rectification.
    pub item_no: Option<i32>,
}

/// What the handler may do now, by the pure transition table (a form for an action the
/// status does not allow is not shown; posted anyway, it is refused).
pub struct Allowed {
    pub assign: bool,
    pub start: bool,
    pub verify: bool,
    pub ask: bool,
    pub extend: bool,
    pub complete: bool,
    pub reject: bool,
    pub withdraw: bool,
    /// Correct (or add) the subject's address: while the request is open.
    pub correct_email: bool,
}

impl Allowed {
    fn of(r: &RequestView, today: NaiveDate) -> Self {
        let can = |a: Action| transition(r.status, a).is_ok();
        Self {
            assign: !r.status.is_terminal(),
            start: can(Action::Start),
            verify: can(Action::Verify),
            // The answer comes through the status page, which needs an email address.
            ask: can(Action::AskSubject(QuestionPurpose::Other)) && r.subject_email.is_some(),
            extend: !r.status.is_terminal()
                && !r.deadlines.extended
                && today <= r.deadlines.legal_due,
            complete: can(Action::Complete(Outcome::Fulfilled)),
            reject: can(Action::Reject(RejectionReason::Other)),
            withdraw: can(Action::Withdraw),
            correct_email: !r.status.is_terminal(),
        }
    }
}

/// Everything the request page shows.
pub struct RequestPageView {
    pub r: RequestView,
    /// Carried by every action form: a form from a stale page changes nothing.
    pub version: i32,
    pub assignee: Option<String>,
    /// Active handlers and admins, for "assign to".
    pub case_workers: Vec<Staff>,
    pub questions: Vec<QuestionLine>,
    pub notes: Vec<NoteLine>,
    pub uploads: Vec<UploadLine>,
    pub answer_text: Option<String>,
    pub outcome_reasons: Option<String>,
    pub rejection_justification: Option<String>,
    pub withdrawal_reason: Option<String>,
    pub allowed: Allowed,
    /// The answer each outcome starts from, for this kind.
    pub default_answers: Vec<(Outcome, String)>,
    pub audit: Vec<AuditLine>,
    pub mails: Vec<MailLine>,
    /// The data-category register, for the words of the categories in `r.details`.
    pub categories: Vec<crate::domain::categories::Category>,
    /// An erasure's or restriction's categories with what was recorded for each.
    pub outcomes: super::retention::OutcomesView,
    /// An objection's purposes with the decision on each.
    pub purposes: Vec<super::objection::PurposeRow>,
    /// A rectification's items with the decision on each.
    pub items: Vec<super::rectification::ItemRow>,
    /// The recipients the completion form offers for Art. 19 notices.
    pub recipient_choices: Vec<super::notices::RecipientChoice>,
    /// The request's Art. 19 notices.
    pub notices: Vec<super::notices::NoticeLine>,
    /// The tasks instructions gave the systems that hold the data (issue 13).
    pub tasks: Vec<super::webhooks::TaskLine>,
}

impl RequestPageView {
    /// Tasks neither confirmed nor overridden: completion waits for them.
    pub fn open_tasks(&self) -> usize {
        self.tasks.iter().filter(|t| t.state() == "open").count()
    }
}

/// The request page in `t`'s words; `NotFound` for an unknown id.
pub fn request_page(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    id: &str,
    t: &crate::i18n::Tr,
) -> Result<RequestPageView, WorkflowError> {
    let request = db::requests::find(conn, id)?.ok_or(WorkflowError::NotFound)?;
    let categories = super::registers::categories(conn)?;
    let outcomes = super::retention::outcomes_view(conn, &request, t)?;
    let purposes = super::objection::purposes_view(conn, &request, t)?;
    let items = super::rectification::items_view(conn, &request)?;
    let recipient_choices = super::notices::choices(conn, &request)?;
    let notices = super::notices::for_request(conn, &request)?;
    let tasks = super::webhooks::tasks(conn, &request)?;
    let events = db::audit::for_request(conn, id)?;
    let mails = db::outbox::for_request(conn, id)?;
    let tz = ctx.settings.timezone;
    let users = db::users::list(conn)?
        .iter()
        .map(Staff::from_row)
        .collect::<Result<Vec<_>, _>>()?;
    let who = |id: &str| {
        users
            .iter()
            .find(|u| u.id == id)
            .map(|u| format!("{} ({})", u.name, u.email))
            .unwrap_or_else(|| "—".into())
    };
    let questions = db::questions::for_request(conn, id)?
        .into_iter()
        .map(|q| {
            Ok(QuestionLine {
                asked_at: Stamp::at(q.asked_at, tz),
                asked_by: who(&q.asked_by),
                purpose: q.purpose()?,
                body: q.body,
                pauses_clock: q.pauses_clock,
                answered_at: q.answered_at.map(|t| Stamp::at(t, tz)),
                answer: q.answer_text,
            })
        })
        .collect::<Result<Vec<_>, WorkflowError>>()?;
    let notes = db::notes::for_request(conn, id)?
        .into_iter()
        .map(|(n, name, email)| NoteLine {
            at: Stamp::at(n.created_at, tz),
            author: format!("{name} ({email})"),
            body: n.body,
        })
        .collect();
    let uploads = db::uploads::for_request(conn, id)?
        .into_iter()
        .map(|u| UploadLine {
            id: u.id,
            uploaded_at: Stamp::at(u.uploaded_at, tz),
            original_name: u.original_name,
            content_type: u.content_type,
            size_bytes: u.size_bytes,
            identity_document: u.identity_document,
            keep_reason: u.keep_reason,
            deleted_at: u.deleted_at.map(|t| Stamp::at(t, tz)),
            item_no: u.item_no,
        })
        .collect();
    let audit = events
        .into_iter()
        .map(|e| AuditLine {
            at: Stamp::at(e.at, tz),
            actor: e.actor,
            action: e.action,
            from: e.from_status.as_deref().and_then(Status::parse),
            to: e.to_status.as_deref().and_then(Status::parse),
            note: e.note.unwrap_or_default(),
        })
        .collect();
    let mails = mails
        .into_iter()
        .map(|m| MailLine {
            id: m.id,
            to: m.to_address,
            created: Stamp::at(m.created_at, tz),
            template: m.template,
            status: m.status,
            attempts: m.attempts,
            error: m.last_error.unwrap_or_default(),
        })
        .collect();
    let r = view_of(ctx, &request)?;
    let default_answers = Outcome::ALL
        .iter()
        .map(|o| (*o, default_answer(r.kind, *o)))
        .collect();
    Ok(RequestPageView {
        version: request.version,
        assignee: request.assignee_id.as_deref().map(who),
        case_workers: users
            .into_iter()
            .filter(|u| u.active && u.role.works_cases())
            .collect(),
        questions,
        notes,
        uploads,
        answer_text: request.answer_text,
        outcome_reasons: request.outcome_reasons,
        rejection_justification: request.rejection_justification,
        withdrawal_reason: request.withdrawal_reason,
        allowed: Allowed::of(&r, today(ctx)),
        default_answers,
        r,
        audit,
        mails,
        categories,
        outcomes,
        purposes,
        items,
        recipient_choices,
        notices,
        tasks,
    })
}

pub struct FailedMailLine {
    pub id: String,
    pub created: Stamp,
    pub to: String,
    pub subject: String,
    pub attempts: i32,
    pub error: String,
    pub request_id: Option<String>,
}

/// Email that could not be sent after the last attempt (DESIGN §8), newest first.
pub fn failed_mail(
    conn: &mut DbConn,
    ctx: &Ctx<'_>,
    limit: i64,
) -> Result<Vec<FailedMailLine>, WorkflowError> {
    let tz = ctx.settings.timezone;
    Ok(db::outbox::failed(conn, limit)?
        .into_iter()
        .map(|m| FailedMailLine {
            id: m.id,
            created: Stamp::at(m.created_at, tz),
            to: m.to_address,
            subject: m.subject,
            attempts: m.attempts,
            error: m.last_error.unwrap_or_default(),
            request_id: m.request_id,
        })
        .collect())
}
