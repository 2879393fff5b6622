//! The DPO's and handlers' dashboard: the queue sorted by due date and the request page.

use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use super::extract::CurrentUser;
use super::{csrf, ok_page, AppState, WebError};
use crate::db::models::{AuditEvent, OutboxMessage, Request, User};
use crate::db::requests::{QueueCount, QueueFilter, StatusFilter};
use crate::domain::kinds::Kind;
use crate::domain::status::Status;
use crate::time::local_display;
use crate::workflow::view::RequestView;

pub mod users;

pub const PAGE_SIZE: i64 = 50;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/dashboard", web::get().to(queue))
        .route("/dashboard/requests/{id}", web::get().to(detail))
        .route("/dashboard/mail/failed", web::get().to(failed_mail))
        .configure(users::routes);
}

#[derive(serde::Deserialize, Default)]
struct QueueQuery {
    /// `active` (default), `all`, or one status.
    status: Option<String>,
    kind: Option<String>,
    /// Keyset cursor: `YYYY-MM-DD_<id>` of the last row of the previous page.
    after: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard/queue.html")]
struct QueuePage {
    csrf: String,
    user: User,
    rows: Vec<RequestView>,
    status_filter: String,
    kind_filter: String,
    statuses: &'static [Status],
    kinds: &'static [Kind],
    total: QueueCount,
    next: Option<String>,
    first_page: bool,
    failed_mail: QueueCount,
}

impl QueuePage {
    /// "12 request(s)", or "More than 1,000 request(s)" when the count stopped at the cap.
    fn total_text(&self) -> String {
        match self.total {
            QueueCount::Exact(n) => format!("{n} request(s)"),
            QueueCount::MoreThan(n) => format!("More than {} request(s)", thousands(n)),
        }
    }

    fn failed_mail_text(&self) -> Option<String> {
        match self.failed_mail {
            QueueCount::Exact(0) => None,
            QueueCount::Exact(n) => Some(n.to_string()),
            QueueCount::MoreThan(n) => Some(format!("More than {}", thousands(n))),
        }
    }

    fn link(&self, after: &str) -> String {
        format!(
            "/dashboard?status={}&kind={}&after={}",
            self.status_filter, self.kind_filter, after
        )
    }
}

/// 1000 -> "1,000".
fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

fn parse_cursor(raw: &str) -> Result<(NaiveDate, String), WebError> {
    let bad =
        || WebError::BadRequest("The page link is not valid; start from the first page.".into());
    let (date, id) = raw.split_once('_').ok_or_else(bad)?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad())?;
    if id.is_empty() || id.len() > 64 {
        return Err(bad());
    }
    Ok((date, id.to_string()))
}

async fn queue(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    q: web::Query<QueueQuery>,
) -> Result<HttpResponse, WebError> {
    let q = q.into_inner();
    let status_filter = q.status.unwrap_or_else(|| "active".into());
    let status = match status_filter.as_str() {
        "active" => StatusFilter::Active,
        "all" | "" => StatusFilter::All,
        s => match Status::parse(s) {
            Some(st) => StatusFilter::One(st.as_str().to_string()),
            None => {
                return Err(WebError::BadRequest(format!(
                    "Unknown status filter '{s}'."
                )))
            }
        },
    };
    let kind_filter = q.kind.unwrap_or_default();
    let kind = match kind_filter.as_str() {
        "" | "all" => None,
        k => Some(
            Kind::parse(k)
                .ok_or_else(|| WebError::BadRequest(format!("Unknown kind filter '{k}'.")))?
                .as_str()
                .to_string(),
        ),
    };
    let after = q
        .after
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(parse_cursor)
        .transpose()?;
    let first_page = after.is_none();
    let filter = QueueFilter { status, kind };
    // Everything below is in the page's time budget (issue 6): one indexed page, a
    // count that reads no closed request beyond the cap, and a capped failed-mail count.
    let (rows, total, failed_mail) = state
        .run(move |conn, _| {
            let rows = crate::db::requests::queue_page(conn, &filter, after, PAGE_SIZE + 1)?;
            let total = crate::db::requests::queue_count(conn, &filter)?;
            let failed = crate::db::outbox::count_failed_capped(conn)?;
            Ok((rows, total, failed))
        })
        .await?;
    let today = state.today();
    let has_more = rows.len() as i64 > PAGE_SIZE;
    let rows: Vec<&Request> = rows.iter().take(PAGE_SIZE as usize).collect();
    let next = if has_more {
        rows.last().map(|r| format!("{}_{}", r.due_date, r.id))
    } else {
        None
    };
    let rows = rows
        .into_iter()
        .map(|r| RequestView::build(r, &state.settings, today))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(ok_page(&QueuePage {
        csrf: csrf::token(&session),
        user,
        rows,
        status_filter,
        kind_filter,
        statuses: Status::ALL,
        kinds: Kind::ALL,
        total,
        next,
        first_page,
        failed_mail,
    }))
}

pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub change: String,
    pub note: String,
}

pub struct MailLine {
    pub created: String,
    pub template: String,
    pub status: String,
    pub attempts: i32,
    pub error: String,
}

#[derive(Template)]
#[template(path = "dashboard/detail.html")]
struct DetailPage {
    csrf: String,
    user: User,
    r: RequestView,
    request: Request,
    audit: Vec<AuditLine>,
    mails: Vec<MailLine>,
    channel: String,
}

async fn detail(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    let (request, events, mails): (Request, Vec<AuditEvent>, Vec<OutboxMessage>) = state
        .run(move |conn, _| {
            let request = crate::db::requests::find(conn, &id)?.ok_or(WebError::NotFound)?;
            let events = crate::db::audit::for_request(conn, &id)?;
            let mails = crate::db::outbox::for_request(conn, &id)?;
            Ok((request, events, mails))
        })
        .await?;
    let tz = state.settings.timezone;
    let r = RequestView::build(&request, &state.settings, state.today())?;
    let audit = events
        .into_iter()
        .map(|e| AuditLine {
            at: local_display(e.at, tz),
            actor: e.actor,
            action: e.action,
            change: match (e.from_status, e.to_status) {
                (Some(f), Some(t)) => format!("{f} → {t}"),
                (None, Some(t)) => format!("→ {t}"),
                _ => String::new(),
            },
            note: e.note.unwrap_or_default(),
        })
        .collect();
    let mails = mails
        .into_iter()
        .map(|m| MailLine {
            created: local_display(m.created_at, tz),
            template: m.template,
            status: m.status,
            attempts: m.attempts,
            error: m.last_error.unwrap_or_default(),
        })
        .collect();
    let channel = request.channel.clone();
    Ok(ok_page(&DetailPage {
        csrf: csrf::token(&session),
        user,
        r,
        request,
        audit,
        mails,
        channel,
    }))
}

pub struct FailedMailLine {
    pub created: String,
    pub to: String,
    pub subject: String,
    pub attempts: i32,
    pub error: String,
    pub request_id: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard/failed_mail.html")]
struct FailedMailPage {
    csrf: String,
    user: User,
    rows: Vec<FailedMailLine>,
}

/// Email that could not be sent after the last attempt (DESIGN §8): shown so a handler
/// can reach the person another way.
async fn failed_mail(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
) -> Result<HttpResponse, WebError> {
    let rows = state
        .run(|conn, _| Ok(crate::db::outbox::failed(conn, 200)?))
        .await?;
    let tz = state.settings.timezone;
    let rows = rows
        .into_iter()
        .map(|m| FailedMailLine {
            created: local_display(m.created_at, tz),
            to: m.to_address,
            subject: m.subject,
            attempts: m.attempts,
            error: m.last_error.unwrap_or_default(),
            request_id: m.request_id,
        })
        .collect();
    Ok(ok_page(&FailedMailPage {
        csrf: csrf::token(&session),
        user,
        rows,
    }))
}
