//! The queue: requests sorted by due date, filtered by status and kind, keyset-paged.

use crate::domain::msg::Msg;
use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use crate::domain::kinds::Kind;
use crate::domain::search;
use crate::domain::status::Status;
use crate::i18n::{Lang, Tr};
use crate::web::extract::CurrentUser;
use crate::web::{csrf, ok_page, redirect, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::view::{
    self, AssigneeFilter, PageAt, QueueCount, QueueCounts, QueueFilter, QueueQuery, RequestView,
    SearchResult, StatusFilter, COUNT_CAP,
};

pub const PAGE_SIZE: i64 = 50;

#[derive(serde::Deserialize, Default)]
pub(super) struct QueueParams {
    /// `active` (default), `all`, or one status.
    status: Option<String>,
    kind: Option<String>,
    /// `me`, `none`, or a handler's id.
    assignee: Option<String>,
    /// `YYYY-MM-DD`: due strictly before.
    due_before: Option<String>,
    /// `1`: only requests that missed the organisation's promise.
    missed: Option<String>,
    /// `overdue` or `soon`.
    urgency: Option<String>,
    /// Keyset cursors `YYYY-MM-DD_<id>`: the rows after (next) or before (previous) it.
    after: Option<String>,
    before: Option<String>,
    /// The search box: a reference, an email address or the start of a name.
    q: Option<String>,
}

/// The filters as the page's links and form repeat them (raw, already checked).
#[derive(Debug, Clone, Default)]
pub(super) struct Filters {
    status: String,
    kind: String,
    assignee: String,
    due_before: String,
    missed: bool,
    pub(super) urgency: String,
}

impl Filters {
    /// The query string of these filters, for links that keep them.
    pub(super) fn query(&self) -> String {
        let mut parts = vec![format!("status={}", self.status)];
        for (name, value) in [
            ("kind", &self.kind),
            ("assignee", &self.assignee),
            ("due_before", &self.due_before),
            ("urgency", &self.urgency),
        ] {
            if !value.is_empty() {
                parts.push(format!("{name}={}", urlencode(value)));
            }
        }
        if self.missed {
            parts.push("missed=1".into());
        }
        parts.join("&")
    }
}

/// Filter values are codes, dates and uuids; anything else was refused before a link is
/// made, so only the characters of those need to pass.
fn urlencode(v: &str) -> String {
    v.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[derive(Template)]
#[template(path = "dashboard/queue.html")]
struct QueuePage {
    t: Tr,
    csrf: String,
    user: Staff,
    rows: Vec<RequestView>,
    f: Filters,
    statuses: &'static [Status],
    kinds: &'static [Kind],
    handlers: Vec<Staff>,
    total: QueueCount,
    next: Option<String>,
    prev: Option<String>,
    failed_mail: QueueCount,
    /// Follow-up tasks on retained data (issue 10).
    retention_due: QueueCount,
    counts: QueueCounts,
    /// "Due soon" means within this many days (`DSR_AMBER_DAYS`).
    soon_days: i64,
    /// The search box's text.
    search_text: String,
    /// This page shows search results.
    searching: bool,
    search_error: Option<String>,
}

impl QueuePage {
    /// "12 request(s), earliest due first.", or "More than 1,000 …" when the count
    /// stopped at the cap; for a search, how many it found.
    fn total_text(&self) -> String {
        if self.searching {
            return self.t.t2(
                "dash-search-count",
                "count",
                self.rows.len(),
                "query",
                self.search_text.as_str(),
            );
        }
        match self.total {
            QueueCount::Exact(n) => self.t.t1("dash-queue-count", "count", n),
            QueueCount::MoreThan(n) => {
                self.t
                    .t1("dash-queue-count-more", "count", thousands(n, self.t.lang))
            }
        }
    }

    fn failed_mail_text(&self) -> Option<String> {
        match self.failed_mail {
            QueueCount::Exact(0) => None,
            QueueCount::Exact(n) => Some(self.t.t1("dash-queue-failed-mail", "count", n)),
            QueueCount::MoreThan(n) => Some(self.t.t1(
                "dash-queue-failed-mail-more",
                "count",
                thousands(n, self.t.lang),
            )),
        }
    }

    /// "3 follow-up tasks: retained data whose time is up", or nothing.
    fn retention_due_text(&self) -> Option<String> {
        match self.retention_due {
            QueueCount::Exact(0) => None,
            QueueCount::Exact(n) => Some(self.t.t1("dash-queue-retention-due", "count", n)),
            QueueCount::MoreThan(n) => Some(self.t.t1(
                "dash-queue-retention-due",
                "count",
                thousands(n, self.t.lang),
            )),
        }
    }

    /// The counts at the top: (message id, count, the filter its link opens).
    /// The six counts: message id, the number as shown ("1000+" past the cap), link.
    fn count_links(&self) -> Vec<(&'static str, String, &'static str)> {
        let c = &self.counts;
        let shown = |n: i64| {
            if n > COUNT_CAP {
                format!("{COUNT_CAP}+")
            } else {
                n.to_string()
            }
        };
        vec![
            (
                "dash-count-overdue",
                shown(c.overdue),
                "status=active&urgency=overdue",
            ),
            (
                "dash-count-due-soon",
                shown(c.due_soon),
                "status=active&urgency=soon",
            ),
            (
                "dash-count-awaiting-subject",
                shown(c.awaiting_subject),
                "status=awaiting_subject",
            ),
            (
                "dash-count-awaiting-verification",
                shown(c.awaiting_verification),
                "status=awaiting_verification",
            ),
            (
                "dash-count-unassigned",
                shown(c.unassigned),
                "status=active&assignee=none",
            ),
            (
                "dash-count-mine",
                shown(c.mine),
                "status=active&assignee=me",
            ),
        ]
    }

    fn kind_id(&self, k: &Kind) -> &'static str {
        kind_short_id(*k)
    }

    fn days_left(&self, r: &RequestView) -> String {
        days_left_text(&self.t, r)
    }

    fn link(&self, cursor_name: &str, cursor: &str) -> String {
        format!("/dashboard?{}&{cursor_name}={cursor}", self.f.query())
    }

    fn first_link(&self) -> String {
        format!("/dashboard?{}", self.f.query())
    }
}

/// The message id of a kind's short name, for lists.
pub(super) fn kind_short_id(k: Kind) -> &'static str {
    match k {
        Kind::Access => "dash-kind-access",
        Kind::Rectification => "dash-kind-rectification",
        Kind::Erasure => "dash-kind-erasure",
        Kind::Restriction => "dash-kind-restriction",
        Kind::Portability => "dash-kind-portability",
        Kind::Objection => "dash-kind-objection",
    }
}

/// "3 days left", "2 days overdue", "paused, 5 days left" (frozen while the clock is
/// stopped), or "—" for a closed request.
pub(super) fn days_left_text(t: &Tr, r: &RequestView) -> String {
    if r.status.is_terminal() {
        "—".into()
    } else if r.paused && r.days_left < 0 {
        t.t1("dash-paused-overdue", "count", r.days_left.saturating_neg())
    } else if r.paused {
        t.t1("dash-paused-days-left", "count", r.days_left)
    } else if r.days_left < 0 {
        t.t1("dash-days-overdue", "count", r.days_left.saturating_neg())
    } else {
        t.t1("days-left", "count", r.days_left)
    }
}

/// 1000 -> "1,000" in English, "1 000" (a no-break space) in Norwegian and Swedish.
fn thousands(n: i64, lang: Lang) -> String {
    let sep = match lang {
        Lang::En => ',',
        _ => '\u{a0}',
    };
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '-');
    }
    out
}

fn parse_cursor(raw: &str) -> Result<(NaiveDate, String), WebError> {
    let bad = || WebError::BadRequest(Msg::new("error-bad-page-link"));
    let (date, id) = raw.split_once('_').ok_or_else(bad)?;
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| bad())?;
    if id.is_empty() || id.len() > 64 {
        return Err(bad());
    }
    Ok((date, id.to_string()))
}

fn bad_filter(name: &str, value: &str) -> WebError {
    WebError::BadRequest(
        Msg::new("error-bad-filter")
            .arg("name", name)
            .arg("value", value.chars().take(64).collect::<String>()),
    )
}

/// The query's filters, each checked once; a value no form offers is a 400 that says
/// which filter and value.
pub(super) fn parse_filters(
    q: &QueueParams,
    me: &Staff,
) -> Result<(Filters, QueueFilter), WebError> {
    let mut f = Filters {
        status: q.status.clone().unwrap_or_else(|| "active".into()),
        kind: q.kind.clone().unwrap_or_default(),
        assignee: q.assignee.clone().unwrap_or_default(),
        due_before: q.due_before.clone().unwrap_or_default(),
        missed: false,
        urgency: q.urgency.clone().unwrap_or_default(),
    };
    let status = match f.status.as_str() {
        "active" => StatusFilter::Active,
        "all" | "" => StatusFilter::All,
        s => match Status::parse(s) {
            Some(st) => StatusFilter::One(st),
            None => {
                return Err(WebError::BadRequest(
                    Msg::new("error-unknown-status-filter").arg("value", s),
                ))
            }
        },
    };
    let kind = match f.kind.as_str() {
        "" | "all" => None,
        k => Some(Kind::parse(k).ok_or_else(|| {
            WebError::BadRequest(Msg::new("error-unknown-kind-filter").arg("value", k))
        })?),
    };
    let assignee = match f.assignee.as_str() {
        "" => AssigneeFilter::Anyone,
        "me" => AssigneeFilter::User(me.id.clone()),
        "none" => AssigneeFilter::Unassigned,
        id if uuid::Uuid::parse_str(id).is_ok() => AssigneeFilter::User(id.to_string()),
        other => return Err(bad_filter("assignee", other)),
    };
    let due_before = match f.due_before.as_str() {
        "" => None,
        d => Some(
            NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| bad_filter("due_before", d))?,
        ),
    };
    f.missed = match q.missed.as_deref().unwrap_or("") {
        "" | "0" => false,
        "1" | "on" | "true" => true,
        other => return Err(bad_filter("missed", other)),
    };
    let filter = QueueFilter {
        status,
        kind,
        assignee,
        due_before,
        missed_promise: f.missed,
        urgency: None,
    };
    match f.urgency.as_str() {
        "" | "overdue" | "soon" => {}
        other => return Err(bad_filter("urgency", other)),
    }
    Ok((f, filter))
}

pub(super) async fn queue(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    q: web::Query<QueueParams>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let q = q.into_inner();
    let (f, mut filter) = parse_filters(&q, &user)?;
    let urgency = f.urgency.clone();
    let raw_search = q.q.clone().unwrap_or_default();
    let search = match search::parse(&raw_search) {
        Ok(s) => s,
        Err(m) => {
            // A bad search shows the queue with the message beside the box.
            return render(
                &state,
                t.clone(),
                &session,
                user,
                f,
                filter,
                urgency,
                PageAt::First,
                Some((raw_search, Some(t.msg(&m)))),
            )
            .await;
        }
    };
    if let Some(what) = search {
        let found = state
            .run(move |conn, ctx| Ok(view::search(conn, ctx, &what, PAGE_SIZE)?))
            .await?;
        return match found {
            SearchResult::Open(id) => Ok(redirect(&format!("/dashboard/requests/{id}"))),
            SearchResult::List(rows) => {
                let handlers = state
                    .run(|conn, _| Ok(crate::workflow::users::list(conn)?))
                    .await?;
                Ok(ok_page(&QueuePage {
                    t,
                    csrf: csrf::token(&session),
                    user,
                    rows,
                    f,
                    statuses: Status::ALL,
                    kinds: Kind::ALL,
                    handlers,
                    total: QueueCount::Exact(0),
                    next: None,
                    prev: None,
                    failed_mail: QueueCount::Exact(0),
                    retention_due: QueueCount::Exact(0),
                    counts: QueueCounts::default(),
                    soon_days: state.settings.amber_days,
                    search_text: raw_search.trim().to_string(),
                    searching: true,
                    search_error: None,
                }))
            }
        };
    }
    let page = match (q.after.as_deref(), q.before.as_deref()) {
        (Some(a), _) if !a.is_empty() => {
            let (d, id) = parse_cursor(a)?;
            PageAt::After(d, id)
        }
        (_, Some(b)) if !b.is_empty() => {
            let (d, id) = parse_cursor(b)?;
            PageAt::Before(d, id)
        }
        _ => PageAt::First,
    };
    filter.urgency = None;
    render(&state, t, &session, user, f, filter, urgency, page, None).await
}

#[allow(clippy::too_many_arguments)] // the page's parts, each already checked
async fn render(
    state: &web::Data<AppState>,
    t: Tr,
    session: &actix_session::Session,
    user: Staff,
    f: Filters,
    mut filter: QueueFilter,
    urgency: String,
    page: PageAt,
    search: Option<(String, Option<String>)>,
) -> Result<HttpResponse, WebError> {
    let me = user.clone();
    let page = state
        .run(move |conn, ctx| {
            filter.urgency = match urgency.as_str() {
                "overdue" => Some(view::urgency_filter(ctx, true)),
                "soon" => Some(view::urgency_filter(ctx, false)),
                _ => None,
            };
            let query = QueueQuery { filter, page };
            Ok(view::queue_page(conn, ctx, &me, query, PAGE_SIZE)?)
        })
        .await?;
    let (search_text, search_error) = match search {
        Some((text, error)) => (text, error),
        None => (String::new(), None),
    };
    let status = if search_error.is_some() {
        actix_web::http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        actix_web::http::StatusCode::OK
    };
    Ok(crate::web::page(
        status,
        &QueuePage {
            t,
            csrf: csrf::token(session),
            user,
            rows: page.rows,
            f,
            statuses: Status::ALL,
            kinds: Kind::ALL,
            handlers: page.staff.into_iter().filter(|h| h.active).collect(),
            total: page.total,
            next: page.next,
            prev: page.prev,
            failed_mail: page.failed_mail,
            retention_due: page.retention_due,
            counts: page.counts,
            soon_days: state.settings.amber_days,
            search_text,
            searching: false,
            search_error,
        },
    ))
}
