//! Background work inside the server process (DESIGN §10). Each job is a
//! `run_once(…, now)`; `run_forever` schedules them, and `dsr-tracker sweep --once`
//! runs one round. Claims are leases on rows, so several instances can run this.

use std::sync::Arc;

use crate::config::Settings;
use crate::db::Pool;
use crate::mail::dispatcher::{DispatchReport, Dispatcher};
use crate::time::SharedClock;
use crate::workflow::{intake, Ctx};

#[derive(Debug, Default, Clone, Copy)]
pub struct SweepReport {
    pub expired: usize,
    pub mail: DispatchReport,
}

/// One round of every job at `clock.now()`.
pub async fn run_once(
    pool: &Pool,
    settings: &Arc<Settings>,
    clock: &SharedClock,
    dispatcher: &Dispatcher,
) -> Result<SweepReport, String> {
    let expired = {
        let pool = pool.clone();
        let settings = settings.clone();
        let now = clock.now();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            let ctx = Ctx {
                settings: &settings,
                now,
            };
            let expired = intake::expire_unverified(&mut conn, &ctx).map_err(|e| e.to_string())?;
            // Expired links can never be used again.
            crate::db::tokens::delete_expired(&mut conn, ctx.now_db())
                .map_err(|e| e.to_string())?;
            // Handler sessions past their lifetime or idle limit.
            crate::workflow::sessions::delete_expired(&mut conn, &ctx)
                .map_err(|e| e.to_string())?;
            Ok::<usize, String>(expired)
        })
        .await
        .map_err(|e| e.to_string())??
    };
    // Expiry may have queued mail; send after it.
    let mail = dispatcher
        .run_once(pool, clock)
        .await
        .map_err(|e| e.to_string())?;
    Ok(SweepReport { expired, mail })
}

pub async fn run_forever(
    pool: Pool,
    settings: Arc<Settings>,
    clock: SharedClock,
    dispatcher: Arc<Dispatcher>,
) {
    let period = std::time::Duration::from_millis(settings.worker_interval_ms);
    loop {
        if let Err(e) = run_once(&pool, &settings, &clock, &dispatcher).await {
            tracing::error!(error = %e, "background round failed; retrying next round");
        }
        tokio::time::sleep(period).await;
    }
}
