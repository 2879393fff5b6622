//! The injected clock (DESIGN §10): code asks a `Clock` for "now" so tests can move time.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

pub type SharedClock = Arc<dyn Clock>;

/// The real time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock tests set and move (milliseconds since the epoch).
pub struct TestClock(AtomicI64);

impl TestClock {
    pub fn at(t: DateTime<Utc>) -> Arc<Self> {
        Arc::new(Self(AtomicI64::new(t.timestamp_millis())))
    }
    pub fn set(&self, t: DateTime<Utc>) {
        self.0.store(t.timestamp_millis(), Ordering::SeqCst);
    }
    pub fn advance(&self, d: chrono::Duration) {
        self.0.fetch_add(d.num_milliseconds(), Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.0.load(Ordering::SeqCst)).unwrap_or_default()
    }
}

/// Instants are stored as UTC without zone (portable `Timestamp`), to the microsecond.
pub fn to_db(t: DateTime<Utc>) -> NaiveDateTime {
    t.naive_utc()
}

/// The controller's calendar date of a stored instant (DESIGN §4: dates in the
/// controller's time zone).
pub fn local_date(t: NaiveDateTime, tz: Tz) -> NaiveDate {
    t.and_utc().with_timezone(&tz).date_naive()
}

/// A stored instant shown to people, in the controller's zone.
pub fn local_display(t: NaiveDateTime, tz: Tz) -> String {
    t.and_utc()
        .with_timezone(&tz)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// The instant (UTC, as stored) of a local date and time in `tz`. A time skipped by a
/// daylight-saving change counts from the end of the gap; a repeated one, its first.
pub fn local_instant(date: NaiveDate, time: chrono::NaiveTime, tz: Tz) -> NaiveDateTime {
    use chrono::TimeZone;
    let local = date.and_time(time);
    tz.from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            tz.from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.naive_utc())
        .unwrap_or(local)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_instants_follow_the_zone_and_its_gaps() {
        let tz = chrono_tz::Europe::Oslo;
        let seven = chrono::NaiveTime::from_hms_opt(7, 0, 0).expect("time");
        let winter = NaiveDate::from_ymd_opt(2026, 12, 7).expect("date");
        assert_eq!(
            local_instant(winter, seven, tz).to_string(),
            "2026-12-07 06:00:00"
        );
        let summer = NaiveDate::from_ymd_opt(2026, 7, 7).expect("date");
        assert_eq!(
            local_instant(summer, seven, tz).to_string(),
            "2026-07-07 05:00:00"
        );
        // 02:30 does not exist on 29 March 2026 in Oslo: the end of the gap counts.
        let gap = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
        let half_two = chrono::NaiveTime::from_hms_opt(2, 30, 0).expect("time");
        assert_eq!(
            local_instant(gap, half_two, tz).to_string(),
            "2026-03-29 01:30:00"
        );
    }
}
