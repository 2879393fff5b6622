//! The queue: requests sorted by due date, filtered by status and kind, keyset-paged.

use crate::domain::msg::Msg;
use actix_web::{web, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use crate::domain::kinds::Kind;
use crate::domain::status::Status;
use crate::i18n::{Lang, Tr};
use crate::web::extract::CurrentUser;
use crate::web::{csrf, ok_page, AppState, WebError};
use crate::workflow::users::Staff;
use crate::workflow::view::{self, QueueCount, QueueQuery, RequestView, StatusFilter};

pub const PAGE_SIZE: i64 = 50;

#[derive(serde::Deserialize, Default)]
pub(super) struct QueueParams {
    /// `active` (default), `all`, or one status.
    status: Option<String>,
    kind: Option<String>,
    /// Keyset cursor: `YYYY-MM-DD_<id>` of the last row of the previous page.
    after: Option<String>,
}

#[derive(Template)]
#[template(path = "dashboard/queue.html")]
struct QueuePage {
    t: Tr,
    csrf: String,
    user: Staff,
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
    /// "12 request(s), earliest due first.", or "More than 1,000 …" when the count
    /// stopped at the cap.
    fn total_text(&self) -> String {
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

    fn kind_id(&self, k: &Kind) -> &'static str {
        kind_short_id(*k)
    }

    fn days_left(&self, r: &RequestView) -> String {
        days_left_text(&self.t, r)
    }

    fn link(&self, after: &str) -> String {
        format!(
            "/dashboard?status={}&kind={}&after={}",
            self.status_filter, self.kind_filter, after
        )
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

/// "3 days left", "2 days overdue", or "—" for a closed request.
pub(super) fn days_left_text(t: &Tr, r: &RequestView) -> String {
    if r.status.is_terminal() {
        "—".into()
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

pub(super) async fn queue(
    state: web::Data<AppState>,
    CurrentUser { user, session }: CurrentUser,
    q: web::Query<QueueParams>,
    t: Tr,
) -> Result<HttpResponse, WebError> {
    let q = q.into_inner();
    let status_filter = q.status.unwrap_or_else(|| "active".into());
    let status = match status_filter.as_str() {
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
    let kind_filter = q.kind.unwrap_or_default();
    let kind = match kind_filter.as_str() {
        "" | "all" => None,
        k => Some(Kind::parse(k).ok_or_else(|| {
            WebError::BadRequest(Msg::new("error-unknown-kind-filter").arg("value", k))
        })?),
    };
    let after = q
        .after
        .as_deref()
        .filter(|s| !s.is_empty())
        .map(parse_cursor)
        .transpose()?;
    let first_page = after.is_none();
    let query = QueueQuery {
        status,
        kind,
        after,
    };
    let page = state
        .run(move |conn, ctx| Ok(view::queue_page(conn, ctx, query, PAGE_SIZE)?))
        .await?;
    Ok(ok_page(&QueuePage {
        t,
        csrf: csrf::token(&session),
        user,
        rows: page.rows,
        status_filter,
        kind_filter,
        statuses: Status::ALL,
        kinds: Kind::ALL,
        total: page.total,
        next: page.next,
        first_page,
        failed_mail: page.failed_mail,
    }))
}
