//! The daily digest (issue 9): once a day, at `DSR_DIGEST_TIME` in the controller's time
//! zone, each active handler and admin who wants it gets one email with the requests
//! assigned to them that are overdue, due soon or waiting for the subject, those handed
//! to them since their last digest, how many nobody has taken, and how many emails could
//! not be sent. An account switches
//! it off on its own page (`users::set_digest`).
//!
//! `users.digest_sent_at` is claimed by a conditional update in the transaction that
//! queues the email, so each account gets one a day however many sweepers run.

use chrono::{Duration, NaiveDate, NaiveDateTime};

use super::reminders::due_line;
use super::view::today;
use super::{Conn, Ctx, WorkflowError};
use crate::db::models::{Request, User};
use crate::db::requests::{AssigneeFilter, QueueCount, QueueFilter, StatusFilter, UrgencyFilter};
use crate::db::{self};
use crate::domain::status::Status;
use crate::mail::messages::{self, DigestMail, DigestSection};
use crate::mail::outbox::enqueue;
use crate::time::local_instant;

/// Lines per section; the rest are a count and a link to the queue view.
const SECTION_LINES: i64 = 20;

/// Send today's digest to everyone due one; returns how many emails were queued. Before
/// the digest time, or with `DSR_DIGEST_TIME=off`, nothing happens. An account with
/// nothing to report is marked done for the day without an email.
pub fn run_once(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<usize, WorkflowError> {
    let Some(at) = ctx.settings.digest_time else {
        return Ok(0);
    };
    let day = today(ctx);
    let slot = local_instant(day, at, ctx.settings.timezone);
    if ctx.now_db() < slot {
        return Ok(0);
    }
    let mut sent = 0;
    for user in db::users::digest_due(conn, slot)? {
        if send_one(conn, ctx, &user.id, day, slot)? {
            sent += 1;
        }
    }
    Ok(sent)
}

/// One account's digest, in its own transaction: claim the day, then queue the email.
fn send_one(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    user_id: &str,
    day: NaiveDate,
    slot: NaiveDateTime,
) -> Result<bool, WorkflowError> {
    db::write_transaction(conn, |conn| {
        // Read under the lock: the previous digest's time says what is new since.
        let Some(user) = db::users::find(conn, user_id)? else {
            return Ok(false);
        };
        let wanted = user.active && user.digest && user.role()?.works_cases();
        if !wanted || !db::users::claim_digest(conn, user_id, slot, ctx.now_db())? {
            return Ok(false);
        }
        let Some(mail) = digest_for(conn, ctx, &user, day)? else {
            return Ok(false);
        };
        let t = messages::tr(ctx.settings, ctx.settings.language);
        enqueue(
            conn,
            &ctx.sealer(),
            &mail.render(&t, &user.email)?,
            None,
            ctx.now_db(),
        )?;
        Ok(true)
    })
}

/// The digest's contents for `user`, or `None` when there is nothing to report.
fn digest_for(
    conn: &mut Conn,
    ctx: &Ctx<'_>,
    user: &User,
    day: NaiveDate,
) -> Result<Option<DigestMail>, WorkflowError> {
    let base = &ctx.settings.base_url;
    let mine = |status: StatusFilter, urgency: Option<UrgencyFilter>| QueueFilter {
        status,
        assignee: AssigneeFilter::User(user.id.clone()),
        urgency,
        ..Default::default()
    };
    let views = [
        (
            "mail-digest-overdue",
            mine(
                StatusFilter::Active,
                Some(UrgencyFilter::Overdue { today: day }),
            ),
            "assignee=me&urgency=overdue",
        ),
        (
            "mail-digest-due-soon",
            mine(
                StatusFilter::Active,
                Some(UrgencyFilter::DueSoon {
                    today: day,
                    days: ctx.settings.amber_days,
                }),
            ),
            "assignee=me&urgency=soon",
        ),
        (
            "mail-digest-awaiting-subject",
            mine(StatusFilter::One(Status::AwaitingSubject), None),
            "assignee=me&status=awaiting_subject",
        ),
    ];
    let mut sections = Vec::with_capacity(4);
    for (title_id, filter, query) in views {
        let rows = db::requests::queue_page(conn, &filter, None, SECTION_LINES)?;
        let total = match db::requests::queue_count(conn, &filter)? {
            QueueCount::Exact(n) | QueueCount::MoreThan(n) => n,
        };
        sections.push(section(
            ctx,
            day,
            title_id,
            &rows,
            total,
            format!("{base}/dashboard?{query}"),
        )?);
    }
    // Handed over since the last digest (or within the last day, for a first one).
    let since = user
        .digest_sent_at
        .unwrap_or_else(|| ctx.now_db() - Duration::days(1));
    let handed = db::requests::assigned_since(conn, &user.id, since, db::requests::COUNT_CAP)?;
    let total = handed.len() as i64;
    sections.push(section(
        ctx,
        day,
        "mail-digest-newly-assigned",
        &handed[..handed.len().min(SECTION_LINES as usize)],
        total,
        format!("{base}/dashboard?assignee=me"),
    )?);
    let unassigned =
        db::requests::queue_counts(conn, day, ctx.settings.amber_days, &user.id)?.unassigned;
    // Mail that could not be sent waits for a handler (DESIGN §8: the failed-mail alert).
    let failed_mail = match db::outbox::count_failed_capped(conn)? {
        QueueCount::Exact(n) => n,
        QueueCount::MoreThan(n) => n + 1,
    };
    if sections.iter().all(|s| s.total == 0) && unassigned == 0 && failed_mail == 0 {
        return Ok(None);
    }
    Ok(Some(DigestMail {
        name: user.name.clone(),
        date: day,
        sections,
        unassigned,
        unassigned_link: format!("{base}/dashboard?assignee=none"),
        failed_mail,
        failed_mail_link: format!("{base}/dashboard/mail/failed"),
        account_link: format!("{base}/dashboard/account"),
    }))
}

fn section(
    ctx: &Ctx<'_>,
    day: NaiveDate,
    title_id: &'static str,
    rows: &[Request],
    total: i64,
    link: String,
) -> Result<DigestSection, WorkflowError> {
    Ok(DigestSection {
        title_id,
        lines: rows
            .iter()
            .map(|r| due_line(ctx, r, day))
            .collect::<Result<_, _>>()?,
        total: usize::try_from(total).unwrap_or(0),
        link,
    })
}
