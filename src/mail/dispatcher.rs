//! Sends what the outbox holds (DESIGN §8). Each message is leased on its own, with this
//! dispatcher's worker id, just before it is sent; only the lease holder may record the
//! outcome. Messages go out `connections` at a time over a pool of SMTP connections;
//! the leases of such a lot are taken in one transaction and its outcomes recorded in
//! another, and no transaction is open while mail is sent. A failure is retried with exponential backoff (capped at one hour) until
//! both `max_attempts` are used and the retry span has passed; then the message is
//! marked failed, shown on the dashboard, and can be requeued.
//!
//! Time: which messages are due is decided once per pass (`now` of the pass), but each
//! lease is taken, and each outcome recorded, at a fresh `clock.now()`, so a slow pass
//! never takes a lease that has already run out. Leases are compared against the app's
//! clock (the system clock in production; tests move a `TestClock` to make a lease run
//! out on purpose). What keeps a lease longer than a send is real time: every send is cut
//! off after `send_timeout` (tokio's timer, which a `TestClock` does not affect), and the
//! lease is `2 × send_timeout + LEASE_MARGIN`, the margin covering database round trips
//! and clock differences between instances.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime};
use futures_util::future::join_all;
use lettre::message::Mailbox;
use tokio::sync::Notify;

use super::outbox::bodies_to_send;
use super::seal::Sealer;
use super::transport::Transport;
use crate::db::models::OutboxMessage;
use crate::db::outbox::Outcome;
use crate::db::{self, DbError, Pool};
use crate::domain::newtypes::mask_email;
use crate::time::SharedClock;

/// Messages looked up per pass; they are leased and sent `connections` at a time.
const BATCH: i64 = 200;
/// Lots worked on at once within a pass: while one lane sends, another leases or records.
const LANES: usize = 4;
/// Added to twice the send timeout to make a lease.
const LEASE_MARGIN: Duration = Duration::seconds(10);

pub struct Dispatcher {
    pub transport: Transport,
    pub from: Mailbox,
    pub retry: RetryPolicy,
    /// Opens the sealed bodies of messages that carry a link token.
    pub sealer: Sealer,
    /// Recorded on every lease this dispatcher takes (`lease_owner`).
    pub worker_id: String,
    /// The longest one message may take to send (`DSR_SMTP_TIMEOUT_SECS`), real time.
    pub send_timeout: StdDuration,
    /// Messages leased and sent at once (`DSR_SMTP_CONNECTIONS`), over as many SMTP
    /// connections.
    pub connections: usize,
    /// Notified once mail has been committed in this process (`AppState::run`), so the
    /// mail loop sends it at once (DESIGN §8); the loop also runs every
    /// `DSR_WORKER_INTERVAL_MS` for mail queued by other processes.
    pub wake: Arc<Notify>,
}

/// When to give up on a message: only when both `max_attempts` attempts were made and
/// the first attempt is at least `span` old (`DSR_MAIL_MAX_ATTEMPTS`,
/// `DSR_MAIL_RETRY_HOURS`), so a mail-server outage shorter than the span loses nothing.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    pub max_attempts: i32,
    pub span: Duration,
}

impl RetryPolicy {
    /// After `failed_attempts` failures, the first at `first` and the latest at `now`:
    /// when to try again, or `None` to give up.
    pub fn next_attempt(
        &self,
        failed_attempts: i32,
        first: NaiveDateTime,
        now: NaiveDateTime,
    ) -> Option<NaiveDateTime> {
        let exhausted = failed_attempts >= self.max_attempts && now - first >= self.span;
        (!exhausted).then(|| now + backoff(failed_attempts))
    }
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DispatchReport {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// The longest wait between two attempts.
pub const MAX_BACKOFF: Duration = Duration::hours(1);

/// Wait before attempt `n + 1` after `n` failed attempts: 30 s, 1 min, 2 min … capped at
/// one hour, so a recovered mail server is used within the hour.
pub fn backoff(failed_attempts: i32) -> Duration {
    let exp = failed_attempts.clamp(1, 20) - 1;
    let secs = 30i64.saturating_mul(1i64 << exp);
    Duration::seconds(secs).min(MAX_BACKOFF)
}

impl Dispatcher {
    /// How long a claim holds a message: longer than any send can take.
    pub fn lease(&self) -> Duration {
        let timeout = Duration::from_std(self.send_timeout).unwrap_or(Duration::minutes(10));
        timeout * 2 + LEASE_MARGIN
    }

    /// Send until nothing due is left that this dispatcher could lease: pass after pass,
    /// so a backlog is worked off at once instead of one batch per tick.
    pub async fn drain(&self, pool: &Pool, clock: &SharedClock) -> Result<DispatchReport, DbError> {
        let mut total = DispatchReport::default();
        loop {
            let pass = self.run_once(pool, clock).await?;
            total.sent += pass.sent;
            total.retried += pass.retried;
            total.failed += pass.failed;
            // Nothing recorded: nothing was due, or other dispatchers hold it.
            if pass.sent + pass.retried + pass.failed == 0 {
                return Ok(total);
            }
        }
    }

    /// One pass: look up what is due now (up to `BATCH` messages), then work through
    /// them in `LANES` lanes, each leasing a lot, sending it at once and recording its
    /// outcomes, so one lane's database work overlaps another's sending. At most
    /// `connections` messages are in flight at once.
    pub async fn run_once(
        &self,
        pool: &Pool,
        clock: &SharedClock,
    ) -> Result<DispatchReport, DbError> {
        let now = clock.now().naive_utc();
        let due = {
            let pool = pool.clone();
            Arc::new(blocking(move || Ok(db::outbox::due(&mut *pool.get()?, now, BATCH)?)).await?)
        };
        let lanes = LANES.min(self.connections).max(1);
        let lot = (self.connections / lanes).max(1);
        // The next candidate in `due`: each lane leases from it in turn.
        let next = tokio::sync::Mutex::new(0);
        let reports = join_all((0..lanes).map(|_| self.lane(pool, clock, &due, &next, lot))).await;
        let mut report = DispatchReport::default();
        for r in reports {
            let r = r?;
            report.sent += r.sent;
            report.retried += r.retried;
            report.failed += r.failed;
        }
        Ok(report)
    }

    async fn lane(
        &self,
        pool: &Pool,
        clock: &SharedClock,
        due: &Arc<Vec<String>>,
        next: &tokio::sync::Mutex<usize>,
        lot: usize,
    ) -> Result<DispatchReport, DbError> {
        let mut report = DispatchReport::default();
        loop {
            // Leased just before sending, never more than are sent at once: every send of
            // a lot starts now and is cut off after `send_timeout`, so each lot is done
            // (and recorded) well within its lease of `2 × send_timeout + LEASE_MARGIN`.
            let mut cursor = next.lock().await;
            if *cursor >= due.len() {
                return Ok(report);
            }
            let at = clock.now().naive_utc();
            let (claimed, tried) = {
                let (pool, due, owner, until) = (
                    pool.clone(),
                    due.clone(),
                    self.worker_id.clone(),
                    at + self.lease(),
                );
                let from = *cursor;
                blocking(move || {
                    Ok(db::outbox::claim_up_to(
                        &mut *pool.get()?,
                        &due[from..],
                        lot,
                        &owner,
                        at,
                        until,
                    )?)
                })
                .await?
            };
            *cursor += tried.max(1);
            drop(cursor);
            if claimed.is_empty() {
                // Someone else took them, sent them or rescheduled them meanwhile.
                continue;
            }
            let results = join_all(claimed.iter().map(|m| self.attempt(m))).await;
            let done = clock.now().naive_utc();
            let outcomes: Vec<Outcome> = claimed
                .iter()
                .zip(results)
                .map(|(message, result)| self.outcome(message, result, at, done))
                .collect();
            let (outcomes, held) = {
                let (pool, owner) = (pool.clone(), self.worker_id.clone());
                blocking(move || {
                    let held = db::outbox::record_outcomes(&mut *pool.get()?, &owner, &outcomes)?;
                    Ok((outcomes, held))
                })
                .await?
            };
            for ((message, outcome), held) in claimed.iter().zip(&outcomes).zip(held) {
                self.log_outcome(message, outcome, held, &mut report);
            }
        }
    }

    /// Send one leased message, cut off after `send_timeout`.
    async fn attempt(&self, message: &OutboxMessage) -> Result<(), Failure> {
        match bodies_to_send(&self.sealer, message) {
            Ok(bodies) => {
                let send = self.transport.send(&self.from, message, &bodies);
                match tokio::time::timeout(self.send_timeout, send).await {
                    Ok(r) => r.map_err(Failure::Retry),
                    Err(_) => Err(Failure::Retry(format!(
                        "no answer within {} s",
                        self.send_timeout.as_secs()
                    ))),
                }
            }
            // Retrying cannot help; an operator can requeue it once the key is back.
            Err(e) => Err(Failure::Permanent(e.to_string())),
        }
    }

    /// What to record for an attempt leased at `at` and finished at `done`.
    fn outcome(
        &self,
        message: &OutboxMessage,
        result: Result<(), Failure>,
        at: NaiveDateTime,
        done: NaiveDateTime,
    ) -> Outcome {
        let id = message.id.clone();
        match result {
            Ok(()) => Outcome::Sent { id, at: done },
            Err(failure) => {
                let attempts = message.attempts + 1;
                let first = message.first_attempt_at.unwrap_or(at);
                let (next, error) = match failure {
                    Failure::Retry(e) => (self.retry.next_attempt(attempts, first, done), e),
                    Failure::Permanent(e) => (None, e),
                };
                let to = mask_email(&message.to_address);
                tracing::warn!(%to, attempts, %error, will_retry = next.is_some(), "mail not sent");
                Outcome::Failed {
                    id,
                    error,
                    first_attempt_at: first,
                    next_attempt_at: next,
                }
            }
        }
    }

    fn log_outcome(
        &self,
        message: &OutboxMessage,
        outcome: &Outcome,
        held: bool,
        report: &mut DispatchReport,
    ) {
        let to = mask_email(&message.to_address);
        match (outcome, held) {
            (Outcome::Sent { .. }, true) => {
                tracing::info!(%to, template = %message.template, "mail sent");
                report.sent += 1;
            }
            (Outcome::Sent { .. }, false) => {
                tracing::error!(%to, id = %message.id, "mail sent after this worker's lease ran out; it may have been sent twice");
            }
            (Outcome::Failed { .. }, false) => {
                tracing::warn!(id = %message.id, "lease ran out during the attempt; outcome left to the new holder");
            }
            (
                Outcome::Failed {
                    next_attempt_at, ..
                },
                true,
            ) => {
                if next_attempt_at.is_some() {
                    report.retried += 1;
                } else {
                    report.failed += 1;
                }
            }
        }
    }
}

enum Failure {
    Retry(String),
    Permanent(String),
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DbError> + Send + 'static,
) -> Result<T, DbError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| DbError::Worker(e.to_string()))?
}

/// A worker id for leases: unique per dispatcher, with the process id for people.
pub fn new_worker_id() -> String {
    format!(
        "pid{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped_at_one_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(3), Duration::seconds(120));
        assert_eq!(backoff(8), Duration::hours(1));
        assert_eq!(backoff(40), Duration::hours(1));
    }

    /// DESIGN §8: with the default settings an outage shorter than 48 hours loses no
    /// mail, and a recovered server is used within the hour.
    #[test]
    fn the_default_schedule_spans_48_hours_and_never_waits_more_than_an_hour() {
        let s = crate::config::Settings::from_env(&Default::default()).expect("defaults");
        let policy = RetryPolicy {
            max_attempts: s.mail_max_attempts,
            span: Duration::hours(i64::from(s.mail_retry_hours)),
        };
        let first = chrono::DateTime::UNIX_EPOCH.naive_utc();
        let (mut now, mut failures) = (first, 0);
        loop {
            failures += 1; // the attempt at `now` failed
            match policy.next_attempt(failures, first, now) {
                Some(next) => {
                    assert!(next > now);
                    assert!(next - now <= Duration::hours(1), "waits {}", next - now);
                    now = next;
                }
                None => break,
            }
            assert!(failures < 1000, "never gives up");
        }
        assert!(
            now - first >= Duration::hours(48),
            "gave up after {}",
            now - first
        );
        assert!(now - first < Duration::hours(50));
        assert!(failures >= s.mail_max_attempts);
    }

    #[test]
    fn a_short_span_gives_up_after_max_attempts() {
        let p = RetryPolicy {
            max_attempts: 2,
            span: Duration::zero(),
        };
        let t = chrono::DateTime::UNIX_EPOCH.naive_utc();
        assert!(p.next_attempt(1, t, t).is_some());
        assert!(p.next_attempt(2, t, t).is_none());
    }
}
