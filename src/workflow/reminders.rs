//! Reminders of due dates to handlers (DESIGN §4.7, issue 9): at each threshold before the
//! due date (`DSR_REMINDER_DAYS`, default 7 and 2) and every day while overdue. A
//! request's reminder goes to its assignee, or to every handler and admin while nobody
//! is assigned; everything due for one person in one run is one email.
//!
//! Each reminder sent is a row in `reminders_sent`, written in the transaction that
//! queues its email; a run reads those rows under the write lock, so a restart, a second
//! run at the same moment or a second instance never sends one again.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::view::today;
use super::{Conn, Ctx, WorkflowError};
use crate::db::models::{ReminderSent, Request, User};
use crate::db::{self};
use crate::domain::reminders::{bands, due_stage};
use crate::domain::webhooks::EventType;
use crate::mail::messages::{self, DueLine, ReminderMail};
use crate::mail::outbox::enqueue;

/// Requests taken per query (the overdue ones, each band) in one run.
const BATCH: i64 = 1000;
/// An email lists at most this many requests; the rest are counted ("… more in the queue").
const MAX_LINES: usize = 100;

/// What one run sent.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RemindersSent {
    /// Reminders recorded (one per request and stage, however many people got it).
    pub reminders: usize,
    /// Emails queued (one per person).
    pub emails: usize,
}

/// A reminder due now and not yet sent.
struct Due {
    request: Request,
    stage: i32,
}

/// Send every reminder due at `ctx.now` that has not been sent (safe to run any number
/// of times, also at once: see the module comment).
pub fn run_once(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<RemindersSent, WorkflowError> {
    // A look without the write lock first: most runs find nothing to send.
    if due_now(conn, ctx)?.is_empty() {
        return Ok(RemindersSent::default());
    }
    db::write_transaction(conn, |conn| {
        // Again under the lock: another run may have sent them meanwhile.
        let due = due_now(conn, ctx)?;
        let workers = db::users::case_workers(conn)?;
        if due.is_empty() || workers.is_empty() {
            return Ok(RemindersSent::default());
        }
        let by_id: HashMap<&str, &User> = workers.iter().map(|u| (u.id.as_str(), u)).collect();
        let mut per_person: BTreeMap<&str, Vec<&Due>> = BTreeMap::new();
        let mut records = Vec::with_capacity(due.len());
        for d in &due {
            // A deactivated assignee (or one now an auditor) is as good as none.
            let assignee = d
                .request
                .assignee_id
                .as_deref()
                .filter(|id| by_id.contains_key(id));
            match assignee {
                Some(id) => per_person.entry(id).or_default().push(d),
                None => {
                    for u in &workers {
                        per_person.entry(u.id.as_str()).or_default().push(d);
                    }
                }
            }
            // The systems that hold the data hear of it too (issue 13): due soon at each
            // threshold, overdue once a day.
            let left = (d.request.due_date - today(ctx)).num_days();
            let (event, field, days) = if d.stage >= 0 {
                (EventType::DueSoon, "days_left", left)
            } else {
                (EventType::Overdue, "days_overdue", -left)
            };
            super::webhooks::emit(
                conn,
                ctx,
                &d.request,
                event,
                super::webhooks::data(&[(field, days.into())]),
            )?;
            records.push(ReminderSent {
                request_id: d.request.id.clone(),
                due_date: d.request.due_date,
                stage: d.stage,
                covers: d.request.due_date - chrono::Duration::days(i64::from(d.stage)),
                sent_to: assignee.map(str::to_string),
                sent_at: ctx.now_db(),
            });
        }
        db::reminders::record(conn, &records)?;
        let t = messages::tr(ctx.settings, ctx.settings.language);
        let day = today(ctx);
        for (user_id, items) in &per_person {
            let Some(user) = by_id.get(user_id) else {
                continue;
            };
            let mail = reminder_mail(ctx, day, &user.name, items)?.render(&t, &user.email)?;
            enqueue(conn, &ctx.sealer(), &mail, None, ctx.now_db())?;
        }
        Ok(RemindersSent {
            reminders: records.len(),
            emails: per_person.len(),
        })
    })
}

/// The reminders due today and not yet recorded: the database returns only requests
/// without today's reminder (`db::reminders::unsent`, at most `BATCH` per band; a larger
/// backlog continues in the next sweep), then `due_stage` decides each one's stage and
/// the recorded stages are checked once more.
fn due_now(conn: &mut Conn, ctx: &Ctx<'_>) -> Result<Vec<Due>, WorkflowError> {
    let day = today(ctx);
    let thresholds = &ctx.settings.reminder_days;
    let rows = db::reminders::unsent(conn, day, &bands(thresholds), BATCH)?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    let sent = db::reminders::sent_for(conn, &ids)?;
    // The overdue query and the bands cover disjoint due dates: each request comes once.
    let mut due: Vec<Due> = Vec::with_capacity(rows.len());
    for r in rows {
        let Some(stage) = due_stage(day, r.due_date, r.paused_on, thresholds) else {
            continue;
        };
        if !sent.contains(&(r.id.clone(), r.due_date, stage)) {
            due.push(Due { request: r, stage });
        }
    }
    Ok(due)
}

fn reminder_mail(
    ctx: &Ctx<'_>,
    day: NaiveDate,
    name: &str,
    items: &[&Due],
) -> Result<ReminderMail, WorkflowError> {
    let (mut overdue, mut due_soon) = (Vec::new(), Vec::new());
    for d in items.iter().take(MAX_LINES) {
        let line = due_line(ctx, &d.request, day)?;
        if d.stage < 0 {
            overdue.push(line);
        } else {
            due_soon.push(line);
        }
    }
    Ok(ReminderMail {
        name: name.to_string(),
        overdue,
        due_soon,
        more: items.len().saturating_sub(MAX_LINES),
        queue_link: format!("{}/dashboard", ctx.settings.base_url),
    })
}

/// One request as staff emails list it, with its days left as the queue shows them.
pub(crate) fn due_line(
    ctx: &Ctx<'_>,
    r: &Request,
    day: NaiveDate,
) -> Result<DueLine, WorkflowError> {
    // Frozen on the day the clock stopped, like the queue (`view::RequestView`).
    let clock_day = match r.paused_on {
        Some(stopped) if stopped < day => stopped,
        _ => day,
    };
    Ok(DueLine {
        reference: r.reference.clone(),
        kind: r.kind()?,
        due: r.due_date,
        days_left: (r.due_date - clock_day).num_days(),
        paused: r.paused_on.is_some(),
        link: format!("{}/dashboard/requests/{}", ctx.settings.base_url, r.id),
    })
}
