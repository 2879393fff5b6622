//! Rate limits that an attacker can neither use against a user nor grow without bound
//! (DESIGN §9).
//!
//! - Keys are fixed-size hashes of a canonical value (an IP address, a canonical email
//!   address), so junk input cannot make a key large.
//! - Login: a client address, and an account from one address, get a burst of attempts,
//!   then wait (429). An account on its own is never locked: after failures, each attempt
//!   on it waits a little longer (250 ms doubling, at most 5 s) until a login succeeds, so
//!   wrong passwords from elsewhere cannot keep its owner out.
//! - Every keyed limiter forgets idle keys when `forget_idle` runs (a timer in startup).

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sha2::{Digest, Sha256};

use crate::domain::newtypes::EmailAddress;

/// A limiter key: the SHA-256 of what it stands for. 32 bytes whatever the input.
pub type LimitKey = [u8; 32];
pub type Limiter = DefaultKeyedRateLimiter<LimitKey>;

/// The key for `value` in the namespace `kind` (e.g. `"track-email"`).
pub fn limit_key(kind: &str, value: &str) -> LimitKey {
    let mut h = Sha256::new();
    h.update(kind.as_bytes());
    h.update([0]);
    h.update(value.as_bytes());
    h.finalize().into()
}

/// An email address as the limiters know it: canonical when it parses, otherwise the
/// trimmed, lower-cased input (the caller has already refused over-long input).
pub fn account_id(raw: &str) -> String {
    match EmailAddress::parse(raw) {
        Ok(e) => e.as_str().to_lowercase(),
        Err(_) => raw.trim().to_lowercase(),
    }
}

/// `burst` at once per key, then one every six minutes (portal submissions and
/// "track my requests", per client address and per email address; DESIGN §9).
pub fn portal_limiter(burst: u32) -> Limiter {
    let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
    RateLimiter::keyed(
        Quota::per_hour(NonZeroU32::new(10).unwrap_or(NonZeroU32::MIN)).allow_burst(burst),
    )
}

/// API calls per key (issue 13): `per_minute` a minute, with as many at once.
pub fn api_limiter(per_minute: u32) -> Limiter {
    let n = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
    RateLimiter::keyed(Quota::per_minute(n).allow_burst(n))
}

/// Forget keys whose limit has fully recovered, and give the memory back.
pub fn forget_idle(limiter: &Limiter) {
    limiter.retain_recent();
    limiter.shrink_to_fit();
}

/// The first delay after a failed login, doubled per further failure, up to `MAX_DELAY`.
const FIRST_DELAY: Duration = Duration::from_millis(250);
const MAX_DELAY: Duration = Duration::from_secs(5);
/// Failures older than this no longer slow an account down.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
/// At most this many accounts are remembered; beyond it the stalest is forgotten.
const MAX_ACCOUNTS: usize = 10_000;

pub struct LoginThrottle {
    per_address: Limiter,
    per_account_and_address: Limiter,
    slowdown: Mutex<Slowdown>,
}

/// Asked too often: answer 429.
#[derive(Debug, PartialEq, Eq)]
pub struct TooMany;

impl LoginThrottle {
    /// `burst` attempts per account from one address, then one a minute; a client address
    /// gets four times that across accounts, then four a minute.
    pub fn new(burst: u32) -> Self {
        let burst = NonZeroU32::new(burst).unwrap_or(NonZeroU32::MIN);
        let four = NonZeroU32::new(4).unwrap_or(NonZeroU32::MIN);
        Self {
            per_address: RateLimiter::keyed(
                Quota::per_minute(four).allow_burst(burst.saturating_mul(four)),
            ),
            per_account_and_address: RateLimiter::keyed(
                Quota::per_minute(NonZeroU32::MIN).allow_burst(burst),
            ),
            slowdown: Mutex::new(Slowdown::default()),
        }
    }

    /// Before checking a password: `Err(TooMany)` when this address, or this account from
    /// this address, has had its burst; otherwise how long to wait first (the account's
    /// slow-down, to be slept asynchronously by the caller).
    pub fn attempt(&self, ip: &str, account: &str) -> Result<Duration, TooMany> {
        if self
            .per_address
            .check_key(&limit_key("login-ip", ip))
            .is_err()
            || self
                .per_account_and_address
                .check_key(&limit_key("login-account-ip", &format!("{account}\0{ip}")))
                .is_err()
        {
            return Err(TooMany);
        }
        Ok(self
            .lock()
            .delay(&limit_key("login-account", account), Instant::now()))
    }

    pub fn failed(&self, account: &str) {
        self.lock()
            .failed(limit_key("login-account", account), Instant::now());
    }

    pub fn succeeded(&self, account: &str) {
        self.lock().forget(&limit_key("login-account", account));
    }

    pub fn forget_idle(&self) {
        forget_idle(&self.per_address);
        forget_idle(&self.per_account_and_address);
        self.lock().forget_older_than(Instant::now(), FORGET_AFTER);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Slowdown> {
        // The map holds counters only; after a panic elsewhere it is still usable.
        self.slowdown.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Failed logins per account: a bounded map of (failures, last failure).
#[derive(Default)]
struct Slowdown {
    accounts: HashMap<LimitKey, (u32, Instant)>,
}

impl Slowdown {
    fn delay(&self, key: &LimitKey, now: Instant) -> Duration {
        match self.accounts.get(key) {
            Some(&(failures, last)) if now.duration_since(last) < FORGET_AFTER => {
                delay_after(failures)
            }
            _ => Duration::ZERO,
        }
    }

    fn failed(&mut self, key: LimitKey, now: Instant) {
        if !self.accounts.contains_key(&key) && self.accounts.len() >= MAX_ACCOUNTS {
            self.forget_older_than(now, FORGET_AFTER);
            if self.accounts.len() >= MAX_ACCOUNTS {
                let stalest = self
                    .accounts
                    .iter()
                    .min_by_key(|(_, (_, last))| *last)
                    .map(|(k, _)| *k);
                if let Some(k) = stalest {
                    self.accounts.remove(&k);
                }
            }
        }
        let entry = self.accounts.entry(key).or_insert((0, now));
        if now.duration_since(entry.1) >= FORGET_AFTER {
            entry.0 = 0;
        }
        entry.0 = entry.0.saturating_add(1);
        entry.1 = now;
    }

    fn forget(&mut self, key: &LimitKey) {
        self.accounts.remove(key);
    }

    fn forget_older_than(&mut self, now: Instant, age: Duration) {
        self.accounts
            .retain(|_, (_, last)| now.duration_since(*last) < age);
        self.accounts.shrink_to_fit();
    }
}

/// 0 failures: no wait; then 250 ms, 500 ms, 1 s, 2 s, 4 s, 5 s, 5 s, …
fn delay_after(failures: u32) -> Duration {
    if failures == 0 {
        return Duration::ZERO;
    }
    let doublings = (failures - 1).min(16);
    FIRST_DELAY.saturating_mul(1 << doublings).min(MAX_DELAY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_doubles_from_250_ms_and_stops_at_5_s() {
        let ms: Vec<u128> = (0..8).map(|n| delay_after(n).as_millis()).collect();
        assert_eq!(ms, [0, 250, 500, 1000, 2000, 4000, 5000, 5000]);
        assert_eq!(delay_after(u32::MAX), MAX_DELAY);
    }

    #[test]
    fn wrong_passwords_from_one_address_do_not_lock_the_account_elsewhere() {
        let t = LoginThrottle::new(5);
        let account = account_id("DPO@Telecom.example");
        for _ in 0..5 {
            assert!(t.attempt("127.0.0.2", &account).is_ok());
            t.failed(&account);
        }
        assert_eq!(t.attempt("127.0.0.2", &account), Err(TooMany));
        // Another address: allowed, only slowed down, never more than 5 s.
        let wait = t.attempt("127.0.0.3", &account).expect("allowed");
        assert!(wait > Duration::ZERO && wait <= MAX_DELAY, "{wait:?}");
        t.succeeded(&account);
        assert_eq!(t.attempt("127.0.0.3", &account), Ok(Duration::ZERO));
    }

    #[test]
    fn one_address_trying_many_accounts_is_stopped() {
        let t = LoginThrottle::new(2);
        let allowed = (0..20)
            .filter(|n| {
                t.attempt("10.0.0.1", &format!("user{n}@example.com"))
                    .is_ok()
            })
            .count();
        assert_eq!(allowed, 8);
    }

    #[test]
    fn the_slow_down_map_stays_bounded() {
        let mut s = Slowdown::default();
        let now = Instant::now();
        for n in 0..(MAX_ACCOUNTS + 50) {
            s.failed(limit_key("login-account", &n.to_string()), now);
        }
        assert_eq!(s.accounts.len(), MAX_ACCOUNTS);
        s.forget_older_than(now + FORGET_AFTER, FORGET_AFTER);
        assert!(s.accounts.is_empty());
    }

    #[test]
    fn keys_have_a_fixed_size_and_emails_are_canonical() {
        assert_eq!(
            limit_key("x", &"a".repeat(200_000)).len(),
            limit_key("x", "a").len()
        );
        assert_ne!(limit_key("a", "bc"), limit_key("ab", "c"));
        assert_eq!(
            account_id(" Kari@Example.NO "),
            account_id("kari@example.no")
        );
    }

    #[test]
    fn idle_keys_are_forgotten() {
        let per_ms = NonZeroU32::new(1000).expect("nonzero");
        let limiter: Limiter = RateLimiter::keyed(Quota::per_second(per_ms));
        limiter.check_key(&limit_key("ip", "1")).expect("allowed");
        forget_idle(&limiter);
        std::thread::sleep(Duration::from_millis(20));
        limiter.check_key(&limit_key("ip", "2")).expect("allowed");
        std::thread::sleep(Duration::from_millis(20));
        forget_idle(&limiter);
        assert_eq!(limiter.len(), 0, "both keys recovered and were dropped");
    }
}
