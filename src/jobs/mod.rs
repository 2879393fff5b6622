//! Background work inside the server process (DESIGN §10). Each job is a
//! `run_once(…, now)`; `run_forever` schedules them, and `dsr-tracker sweep --once`
//! runs one round. Claims are leases on rows, so several instances can run this.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tokio::sync::Notify;

use crate::config::Settings;
use crate::db::Pool;
use crate::mail::dispatcher::{DispatchReport, Dispatcher};
use crate::mail::outbox::noting_queued_mail;
use crate::time::SharedClock;
use crate::webhooks::dispatcher::WebhookDispatcher;
use crate::workflow::{digest, intake, notices, reminders, retention, subject, uploads, Ctx};

#[derive(Debug, Default, Clone, Copy)]
pub struct SweepReport {
    /// Requests expired: never verified, or a question never answered.
    pub expired: usize,
    /// Subjects' files deleted after the retention period.
    pub files_deleted: usize,
    /// Reminder emails to handlers (one per person per run).
    pub reminder_emails: usize,
    /// Daily digests.
    pub digests: usize,
    pub mail: DispatchReport,
    pub webhooks: crate::webhooks::dispatcher::DeliveryReport,
}

/// What one round of the sweeps did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Swept {
    pub expired: usize,
    pub files_deleted: usize,
    pub reminder_emails: usize,
    pub digests: usize,
    /// Kept data whose legal retention ended: follow-up tasks made (issue 10).
    pub retention_followups: usize,
    /// Restrictions lifted after their Art. 18(3) notice was sent.
    pub restrictions_lifted: usize,
    /// Reminders of unacknowledged Art. 19 notices (issue 11).
    pub notice_reminders: usize,
    /// Access and portability packages past their download period, deleted (issue 12).
    pub packages_deleted: usize,
}

/// One round of every job at `clock.now()`, then send all mail that is due.
pub async fn run_once(
    pool: &Pool,
    settings: &Arc<Settings>,
    clock: &SharedClock,
    dispatcher: &Dispatcher,
) -> Result<SweepReport, String> {
    let swept = sweep_once(pool, settings, clock, &dispatcher.wake).await?;
    // The sweeps may have queued mail; send after them.
    let mail = dispatcher
        .drain(pool, clock)
        .await
        .map_err(|e| e.to_string())?;
    let webhooks = WebhookDispatcher::new(settings)?
        .drain(pool, clock)
        .await
        .map_err(|e| e.to_string())?;
    Ok(SweepReport {
        expired: swept.expired,
        files_deleted: swept.files_deleted,
        reminder_emails: swept.reminder_emails,
        digests: swept.digests,
        mail,
        webhooks,
    })
}

/// Expire unverified requests and unanswered questions, delete subjects' files past
/// their retention, expired link tokens and handler sessions. Wakes the dispatcher once
/// any mail these jobs queued is committed.
async fn sweep_once(
    pool: &Pool,
    settings: &Arc<Settings>,
    clock: &SharedClock,
    wake: &Arc<Notify>,
) -> Result<Swept, String> {
    let (pool, settings, wake) = (pool.clone(), settings.clone(), wake.clone());
    let now = clock.now();
    tokio::task::spawn_blocking(move || {
        let (result, queued) = noting_queued_mail(|| sweep_jobs(&pool, &settings, now));
        if queued {
            wake.notify_one();
        }
        result
    })
    .await
    .map_err(|e| e.to_string())?
}

fn sweep_jobs(pool: &Pool, settings: &Settings, now: DateTime<Utc>) -> Result<Swept, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let ctx = Ctx { settings, now };
    let swept = run_sweeps(&mut conn, &ctx)?;
    // Expired links can never be used again.
    crate::db::tokens::delete_expired(&mut conn, ctx.now_db()).map_err(|e| e.to_string())?;
    // Idempotency keys are kept 24 hours (issue 13).
    crate::workflow::api::forget_idempotency_keys(&mut conn, &ctx).map_err(|e| e.to_string())?;
    // Handler sessions past their lifetime or idle limit.
    crate::workflow::sessions::delete_expired(&mut conn, &ctx).map_err(|e| e.to_string())?;
    Ok(swept)
}

/// The request sweeps at `ctx.now`, as one `run_once(conn, now)`: unverified requests
/// and unanswered questions expire (issue 7: `DSR_SUBJECT_ANSWER_DAYS`, with the expiry
/// email), and subjects' files past `DSR_UPLOAD_RETENTION_DAYS` after the close are
/// deleted; handlers get their reminders and, at the digest time, their daily digest
/// (issue 9); kept data whose legal retention has ended becomes a follow-up task for its
/// handler, and restrictions whose Art. 18(3) notice has been sent are lifted (issue 10);
/// unacknowledged Art. 19 notices are reminded (issue 11); packages past their download
/// period are deleted with what they were built from (issue 12).
/// Each step only acts on rows still due, and records what it did in the
/// same transaction, so a second run (also at the same moment, also in another
/// instance) changes nothing more.
pub fn run_sweeps(conn: &mut crate::workflow::Conn, ctx: &Ctx<'_>) -> Result<Swept, String> {
    let unverified = intake::expire_unverified(conn, ctx).map_err(|e| e.to_string())?;
    let unanswered = subject::expire_unanswered(conn, ctx).map_err(|e| e.to_string())?;
    let files_deleted = uploads::delete_after_retention(conn, ctx).map_err(|e| e.to_string())?;
    let reminded = reminders::run_once(conn, ctx).map_err(|e| e.to_string())?;
    let digests = digest::run_once(conn, ctx).map_err(|e| e.to_string())?;
    let retention_followups = retention::followups(conn, ctx).map_err(|e| e.to_string())?;
    let restrictions_lifted = retention::finish_lifts(conn, ctx).map_err(|e| e.to_string())?;
    let notice_reminders = notices::remind(conn, ctx).map_err(|e| e.to_string())?;
    let packages_deleted =
        crate::workflow::packages::expire(conn, ctx).map_err(|e| e.to_string())?;
    Ok(Swept {
        expired: unverified + unanswered,
        files_deleted,
        reminder_emails: reminded.emails,
        digests,
        retention_followups,
        restrictions_lifted,
        notice_reminders,
        packages_deleted,
    })
}

/// The sweeps every `DSR_WORKER_INTERVAL_MS`, the webhook deliveries as often, and beside
/// them the mail loop: it sends
/// whenever the dispatcher is woken (mail committed in this process) and, as a
/// fallback for mail queued by other processes or instances, every interval.
pub async fn run_forever(
    pool: Pool,
    settings: Arc<Settings>,
    clock: SharedClock,
    dispatcher: Arc<Dispatcher>,
) {
    let period = std::time::Duration::from_millis(settings.worker_interval_ms);
    let sweeps = async {
        loop {
            if let Err(e) = sweep_once(&pool, &settings, &clock, &dispatcher.wake).await {
                tracing::error!(error = %e, "background round failed; retrying next round");
            }
            tokio::time::sleep(period).await;
        }
    };
    let mail = async {
        loop {
            if let Err(e) = dispatcher.drain(&pool, &clock).await {
                tracing::error!(error = %e, "sending mail failed; retrying next round");
            }
            // A wake-up while draining is kept (one permit), so nothing committed
            // meanwhile waits for the interval.
            tokio::select! {
                _ = dispatcher.wake.notified() => {}
                _ = tokio::time::sleep(period) => {}
            }
        }
    };
    // Webhook deliveries (issue 13): every interval, leased like mail.
    let webhooks = async {
        let hooks = match WebhookDispatcher::new(&settings) {
            Ok(h) => h,
            Err(e) => {
                tracing::error!(error = %e, "webhooks cannot be sent");
                return;
            }
        };
        loop {
            if let Err(e) = hooks.drain(&pool, &clock).await {
                tracing::error!(error = %e, "sending webhooks failed; retrying next round");
            }
            tokio::time::sleep(period).await;
        }
    };
    tokio::join!(sweeps, mail, webhooks);
}
