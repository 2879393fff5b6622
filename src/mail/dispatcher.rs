//! Sends what the outbox holds (DESIGN §8): claims due messages with a lease, sends each,
//! and records the result. A failure is retried with exponential backoff; after
//! `max_attempts` the message is marked failed and shown on the dashboard.

use chrono::{DateTime, Duration, Utc};
use lettre::message::Mailbox;

use super::transport::Transport;
use crate::db::{self, DbError, Pool};
use crate::domain::newtypes::mask_email;

/// How long a claim holds a message; longer than one SMTP attempt can take.
const LEASE: Duration = Duration::seconds(120);
const BATCH: i64 = 50;

pub struct Dispatcher {
    pub transport: Transport,
    pub from: Mailbox,
    pub max_attempts: i32,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DispatchReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Wait before attempt `n + 1` after `n` failed attempts: 30 s, 1 min, 2 min … capped at 6 h.
pub fn backoff(failed_attempts: i32) -> Duration {
    let exp = failed_attempts.clamp(1, 20) - 1;
    let secs = 30i64.saturating_mul(1i64 << exp);
    Duration::seconds(secs.min(6 * 3600))
}

impl Dispatcher {
    /// One pass: claim what is due at `now`, send it, record the outcome.
    pub async fn run_once(
        &self,
        pool: &Pool,
        now: DateTime<Utc>,
    ) -> Result<DispatchReport, DbError> {
        let mut report = DispatchReport::default();
        let now_db = now.naive_utc();
        let claimed = {
            let pool = pool.clone();
            blocking(move || {
                let mut conn = pool.get()?;
                Ok(db::outbox::claim_due(
                    &mut conn,
                    now_db,
                    now_db + LEASE,
                    BATCH,
                )?)
            })
            .await?
        };
        for message in claimed {
            let result = self.transport.send(&self.from, &message).await;
            let attempts_after = message.attempts + 1;
            let pool = pool.clone();
            let id = message.id.clone();
            match result {
                Ok(()) => {
                    blocking(move || {
                        let mut conn = pool.get()?;
                        Ok(db::outbox::mark_sent(&mut conn, &id, now_db)?)
                    })
                    .await?;
                    tracing::info!(to = %mask_email(&message.to_address), template = %message.template, "mail sent");
                    report.sent += 1;
                }
                Err(error) => {
                    let next = (attempts_after < self.max_attempts)
                        .then(|| now_db + backoff(attempts_after));
                    if next.is_some() {
                        report.retried += 1;
                    } else {
                        report.failed += 1;
                    }
                    tracing::warn!(to = %mask_email(&message.to_address), attempts = attempts_after, %error, "mail not sent");
                    blocking(move || {
                        let mut conn = pool.get()?;
                        Ok(db::outbox::mark_attempt_failed(
                            &mut conn, &id, &error, next,
                        )?)
                    })
                    .await?;
                }
            }
        }
        Ok(report)
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DbError> + Send + 'static,
) -> Result<T, DbError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| DbError::Worker(e.to_string()))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(3), Duration::seconds(120));
        assert_eq!(backoff(40), Duration::seconds(6 * 3600));
    }
}
