//! Sends webhook deliveries (issue 13) the way the mail dispatcher sends the outbox:
//! each delivery is leased with this dispatcher's worker id just before it is sent, and
//! only the lease holder records the outcome. A 2xx answer marks it delivered, and a
//! delivered row is never leased again; anything else is retried with exponential
//! backoff (30 s doubling, at most an hour) until `DSR_WEBHOOK_MAX_ATTEMPTS` attempts are
//! made and `DSR_WEBHOOK_RETRY_HOURS` have passed, then marked failed and shown on the
//! dashboard. The receiver's status and the start of its answer are recorded.
//!
//! Every request is signed as Standard Webhooks says (`domain::webhooks::signature`).
//! Connections go only to public addresses (loopback when `DSR_WEBHOOK_ALLOW_LOOPBACK`):
//! the URL is checked again before each attempt, and host names are resolved by
//! `PublicOnly`, which never hands the client a private address. Redirects are not
//! followed and no proxy is used.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use futures_util::future::join_all;

use crate::config::Settings;
use crate::db::models::{WebhookDelivery, WebhookSubscription};
use crate::db::webhooks::{Attempt, AttemptResult};
use crate::db::{self, DbError, Pool};
use crate::domain::webhooks::{address_allowed, check_url, secret_bytes, signature};
use crate::mail::dispatcher::{new_worker_id, RetryPolicy};
use crate::mail::seal::Sealer;
use crate::time::SharedClock;

/// Deliveries looked up per pass.
const BATCH: i64 = 100;
/// Deliveries in flight at once.
const CONCURRENCY: usize = 8;
/// The most of a receiver's answer kept.
const ANSWER_MAX: usize = 1024;
const LEASE_MARGIN: Duration = Duration::seconds(10);

pub struct WebhookDispatcher {
    client: reqwest::Client,
    pub worker_id: String,
    timeout: StdDuration,
    retry: RetryPolicy,
    sealer: Sealer,
    allow_loopback: bool,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    pub delivered: usize,
    pub retried: usize,
    pub failed: usize,
}

/// What one attempt came to.
struct Answer {
    status: Option<i32>,
    body: Option<String>,
    error: Option<String>,
    /// Retrying cannot help (the subscription was disabled, its URL is refused).
    permanent: bool,
}

impl Answer {
    fn delivered(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }

    fn refused(error: impl Into<String>) -> Answer {
        Answer {
            status: None,
            body: None,
            error: Some(error.into()),
            permanent: true,
        }
    }
}

/// A resolver that only returns public addresses (and loopback when allowed): a host
/// name that points inside the network is refused at connection time, whatever it
/// pointed to when the subscription was made.
struct PublicOnly {
    allow_loopback: bool,
}

impl reqwest::dns::Resolve for PublicOnly {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let allow_loopback = self.allow_loopback;
        let host = name.as_str().to_string();
        Box::pin(async move {
            let found: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = found
                .into_iter()
                .filter(|a| address_allowed(a.ip(), allow_loopback))
                .collect();
            if allowed.is_empty() {
                return Err(format!("{host} has no public address").into());
            }
            Ok(Box::new(allowed.into_iter()) as reqwest::dns::Addrs)
        })
    }
}

impl WebhookDispatcher {
    pub fn new(settings: &Settings) -> Result<Self, String> {
        super::install_tls_provider();
        let timeout = StdDuration::from_secs(settings.webhook_timeout_secs);
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .user_agent(concat!("dsr-tracker-webhooks/", env!("CARGO_PKG_VERSION")))
            .dns_resolver(Arc::new(PublicOnly {
                allow_loopback: settings.webhook_allow_loopback,
            }))
            .build()
            .map_err(|e| format!("webhook client: {e}"))?;
        Ok(WebhookDispatcher {
            client,
            worker_id: new_worker_id(),
            timeout,
            retry: RetryPolicy {
                max_attempts: settings.webhook_max_attempts,
                span: Duration::hours(i64::from(settings.webhook_retry_hours)),
            },
            sealer: Sealer::new(&settings.secret_key),
            allow_loopback: settings.webhook_allow_loopback,
        })
    }

    /// How long a claim holds a delivery: longer than any attempt can take.
    pub fn lease(&self) -> Duration {
        let t = Duration::from_std(self.timeout).unwrap_or(Duration::minutes(2));
        t * 2 + LEASE_MARGIN
    }

    /// Send until nothing due is left that this dispatcher could lease.
    pub async fn drain(&self, pool: &Pool, clock: &SharedClock) -> Result<DeliveryReport, DbError> {
        let mut total = DeliveryReport::default();
        loop {
            let pass = self.run_once(pool, clock).await?;
            total.delivered += pass.delivered;
            total.retried += pass.retried;
            total.failed += pass.failed;
            if pass.delivered + pass.retried + pass.failed == 0 {
                return Ok(total);
            }
        }
    }

    /// One pass: look up what is due now, then lease, send and record `CONCURRENCY` at
    /// a time.
    pub async fn run_once(
        &self,
        pool: &Pool,
        clock: &SharedClock,
    ) -> Result<DeliveryReport, DbError> {
        let now = clock.now().naive_utc();
        let due = {
            let pool = pool.clone();
            blocking(move || Ok(db::webhooks::due(&mut *pool.get()?, now, BATCH)?)).await?
        };
        let mut report = DeliveryReport::default();
        for lot in due.chunks(CONCURRENCY) {
            let at = clock.now();
            let claimed = {
                let (pool, lot, owner, until) = (
                    pool.clone(),
                    lot.to_vec(),
                    self.worker_id.clone(),
                    at.naive_utc() + self.lease(),
                );
                let at = at.naive_utc();
                blocking(move || {
                    let mut conn = pool.get()?;
                    let mut claimed = Vec::new();
                    for id in &lot {
                        if let Some(d) = db::webhooks::claim(&mut conn, id, &owner, at, until)? {
                            let s = db::webhooks::find_subscription(&mut conn, &d.subscription_id)?;
                            claimed.push((d, s));
                        }
                    }
                    Ok(claimed)
                })
                .await?
            };
            if claimed.is_empty() {
                continue;
            }
            let answers =
                join_all(claimed.iter().map(|(d, s)| self.attempt(d, s.as_ref(), at))).await;
            let done = clock.now().naive_utc();
            for ((d, s), answer) in claimed.into_iter().zip(answers) {
                let result = self.result(&d, &answer, at.naive_utc(), done);
                let to = s.map(|s| s.name).unwrap_or_default();
                let held = {
                    let (pool, owner, d, answer_copy) = (
                        pool.clone(),
                        self.worker_id.clone(),
                        d.clone(),
                        (answer.status, answer.body.clone(), answer.error.clone()),
                    );
                    let first = d.first_attempt_at.unwrap_or(at.naive_utc());
                    blocking(move || {
                        let attempt = Attempt {
                            id: &d.id,
                            at: done,
                            answer_status: answer_copy.0,
                            answer_body: answer_copy.1.as_deref(),
                            error: answer_copy.2.as_deref(),
                            result,
                            first_attempt_at: first,
                        };
                        Ok(db::webhooks::record_attempt(
                            &mut *pool.get()?,
                            &owner,
                            &attempt,
                        )?)
                    })
                    .await?
                };
                let status = answer.status.unwrap_or(0);
                let error = answer.error.as_deref().unwrap_or("");
                match (held, answer.delivered()) {
                    (true, true) => {
                        tracing::info!(id = %d.id, event = %d.event, %to, status, "webhook delivered");
                        report.delivered += 1;
                    }
                    (true, false) => {
                        let gave_up = matches!(
                            self.result(&d, &answer, at.naive_utc(), done),
                            AttemptResult::Failed
                        );
                        tracing::warn!(id = %d.id, event = %d.event, %to, status, %error, gave_up, "webhook not delivered");
                        if gave_up {
                            report.failed += 1;
                        } else {
                            report.retried += 1;
                        }
                    }
                    (false, _) => {
                        tracing::error!(id = %d.id, "webhook lease ran out during the attempt; the new holder records its own");
                    }
                }
            }
        }
        Ok(report)
    }

    fn result(
        &self,
        d: &WebhookDelivery,
        answer: &Answer,
        at: NaiveDateTime,
        done: NaiveDateTime,
    ) -> AttemptResult {
        if answer.delivered() {
            return AttemptResult::Delivered;
        }
        if answer.permanent {
            return AttemptResult::Failed;
        }
        let first = d.first_attempt_at.unwrap_or(at);
        match self.retry.next_attempt(d.attempts + 1, first, done) {
            Some(next) => AttemptResult::RetryAt(next),
            None => AttemptResult::Failed,
        }
    }

    /// POST one signed delivery, cut off after the timeout.
    async fn attempt(
        &self,
        d: &WebhookDelivery,
        s: Option<&WebhookSubscription>,
        now: DateTime<Utc>,
    ) -> Answer {
        let Some(s) = s.filter(|s| s.disabled_at.is_none()) else {
            return Answer::refused("the subscription was disabled");
        };
        let url = match check_url(&s.url, self.allow_loopback) {
            Ok(u) => u,
            Err(refusal) => return Answer::refused(format!("URL refused: {refusal:?}")),
        };
        let Some(key) = self
            .sealer
            .open(&s.sealed_secret, &s.id)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
            .and_then(|secret| secret_bytes(&secret))
        else {
            return Answer::refused("the signing secret cannot be opened (the app's key changed)");
        };
        let timestamp = now.timestamp();
        let send = self
            .client
            .post(url)
            .header("content-type", "application/json")
            .header("webhook-id", &d.id)
            .header("webhook-timestamp", timestamp.to_string())
            .header(
                "webhook-signature",
                signature(&key, &d.id, timestamp, &d.payload),
            )
            .body(d.payload.clone())
            .send();
        let mut response = match send.await {
            Ok(r) => r,
            Err(e) => {
                return Answer {
                    status: None,
                    body: None,
                    error: Some(describe(&e)),
                    permanent: false,
                }
            }
        };
        let status = i32::from(response.status().as_u16());
        let mut body = Vec::new();
        let mut error = None;
        while body.len() < ANSWER_MAX {
            match tokio::time::timeout(self.timeout, response.chunk()).await {
                Ok(Ok(Some(chunk))) => body.extend_from_slice(&chunk),
                Ok(Ok(None)) => break,
                Ok(Err(e)) => {
                    error = Some(describe(&e));
                    break;
                }
                Err(_) => break,
            }
        }
        body.truncate(ANSWER_MAX);
        Answer {
            status: Some(status),
            body: Some(String::from_utf8_lossy(&body).into_owned()),
            error,
            permanent: false,
        }
    }
}

/// An error with its causes, on one line.
fn describe(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text.chars().take(500).collect()
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, DbError> + Send + 'static,
) -> Result<T, DbError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| DbError::Worker(e.to_string()))?
}
