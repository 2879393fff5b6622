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
use crate::workflow::{intake, Ctx};

#[derive(Debug, Default, Clone, Copy)]
pub struct SweepReport {
    pub expired: usize,
    pub mail: DispatchReport,
}

/// One round of every job at `clock.now()`, then send all mail that is due.
pub async fn run_once(
    pool: &Pool,
    settings: &Arc<Settings>,
    clock: &SharedClock,
    dispatcher: &Dispatcher,
) -> Result<SweepReport, String> {
    let expired = sweep_once(pool, settings, clock, &dispatcher.wake).await?;
    // The sweeps may have queued mail; send after them.
    let mail = dispatcher
        .drain(pool, clock)
        .await
        .map_err(|e| e.to_string())?;
    Ok(SweepReport { expired, mail })
}

/// Expire unverified requests, delete expired link tokens and handler sessions.
/// Returns how many requests expired; wakes the dispatcher once any mail these jobs
/// queued is committed.
async fn sweep_once(
    pool: &Pool,
    settings: &Arc<Settings>,
    clock: &SharedClock,
    wake: &Arc<Notify>,
) -> Result<usize, String> {
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

fn sweep_jobs(pool: &Pool, settings: &Settings, now: DateTime<Utc>) -> Result<usize, String> {
    let mut conn = pool.get().map_err(|e| e.to_string())?;
    let ctx = Ctx { settings, now };
    let expired = intake::expire_unverified(&mut conn, &ctx).map_err(|e| e.to_string())?;
    // Expired links can never be used again.
    crate::db::tokens::delete_expired(&mut conn, ctx.now_db()).map_err(|e| e.to_string())?;
    // Handler sessions past their lifetime or idle limit.
    crate::workflow::sessions::delete_expired(&mut conn, &ctx).map_err(|e| e.to_string())?;
    Ok(expired)
}

/// The sweeps every `DSR_WORKER_INTERVAL_MS`, and beside them the mail loop: it sends
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
    tokio::join!(sweeps, mail);
}
