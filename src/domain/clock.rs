//! The deadline clock for data-subject requests.
//!
//! GDPR Art. 12(3): answer "without undue delay and in any event within one
//! month of receipt", extendable once "by two further months". Periods are
//! computed per Regulation (EEC, Euratom) No 1182/71 and EDPB Guidelines
//! 01/2022 on the right of access. Pure functions, no I/O.

use chrono::{Days, Months, NaiveDate, NaiveDateTime};

use super::calendar::Country;

/// Per-controller settings for the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockSettings {
    pub country: Country,
    /// Days the controller promises to answer within; 0 = no promise.
    pub policy_days: u32,
}

/// Every date the tracker shows for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub received: NaiveDate,
    /// One month, plus paused days, moved off non-working days.
    pub legal_due: NaiveDate,
    /// received + policy_days + paused days; a promise, so never moved.
    pub policy_due: Option<NaiveDate>,
    /// The date the request must be answered by.
    pub due: NaiveDate,
    /// Three months, plus paused days, moved off non-working days.
    pub latest_extended_due: NaiveDate,
    pub extended: bool,
    pub paused_days: u32,
}

/// Why an extension under Art. 12(3) was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ExtensionRefused {
    #[error(
        "the deadline has already been extended; Art. 12(3) allows one extension of at most two further months"
    )]
    AlreadyExtended,
    #[error(
        "the legal deadline {legal_due} has already passed; Art. 12(3) allows an extension only within the first month"
    )]
    DeadlinePassed { legal_due: NaiveDate },
    #[error(
        "the requested due date is after {latest}, the latest date Art. 12(3) allows (three months from receipt)"
    )]
    BeyondLimit { latest: NaiveDate },
    #[error("the requested due date must be later than the current due date {due}")]
    NotLater { due: NaiveDate },
}

/// Traffic-light state of a request's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Green,
    Amber,
    Red,
}

/// The same day number `months` later, or the last day of that month when
/// it has no such day (Reg. 1182/71 Art. 3(2)(c); EDPB 01/2022).
/// Saturates at `NaiveDate::MAX`.
pub fn add_months_clamped(d: NaiveDate, months: u32) -> NaiveDate {
    // chrono already clamps to the month's last day; it fails only on overflow.
    d.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// `d` plus `days`, saturating at `NaiveDate::MAX`.
fn add_days(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// `months` after receipt plus the paused days, moved to the next working
/// day (Reg. 1182/71 Art. 3(4); pauses per EDPB 01/2022 § 159).
fn shifted_due(received: NaiveDate, months: u32, paused_days: u32, country: Country) -> NaiveDate {
    let end = add_days(add_months_clamped(received, months), u64::from(paused_days));
    country.next_working_day_on_or_after(end)
}

/// The Art. 12(3) one-month deadline, with no pauses.
pub fn legal_due(received: NaiveDate, country: Country) -> NaiveDate {
    shifted_due(received, 1, 0, country)
}

/// All deadlines for a request received on `received`, paused for
/// `paused_days` whole days, and extended to `extended_to` if the controller
/// has done so.
pub fn deadlines(
    received: NaiveDate,
    paused_days: u32,
    extended_to: Option<NaiveDate>,
    s: ClockSettings,
) -> Deadlines {
    let legal_due = shifted_due(received, 1, paused_days, s.country);
    let latest_extended_due = shifted_due(received, 3, paused_days, s.country);
    let policy_due = (s.policy_days > 0)
        .then(|| add_days(received, u64::from(s.policy_days) + u64::from(paused_days)));
    let unextended_due = policy_due.map_or(legal_due, |p| p.min(legal_due));
    // Defensively keep an extension between the unextended due date and the
    // three-month limit; max/min rather than clamp, which panics on crossed bounds.
    let due = extended_to.map_or(unextended_due, |d| {
        d.max(unextended_due).min(latest_extended_due)
    });
    Deadlines {
        received,
        legal_due,
        policy_due,
        due,
        latest_extended_due,
        extended: extended_to.is_some(),
        paused_days,
    }
}

/// Whole days paused: each interval counted separately as
/// floor((end - start) / 24h), negative intervals as 0 (EDPB 01/2022 § 159).
/// Saturates at `u32::MAX`.
pub fn paused_whole_days(intervals: &[(NaiveDateTime, NaiveDateTime)]) -> u32 {
    intervals
        .iter()
        .map(|(start, end)| {
            let days = end.signed_duration_since(*start).num_days().max(0);
            u32::try_from(days).unwrap_or(u32::MAX)
        })
        .fold(0, u32::saturating_add)
}

/// An extension Art. 12(3) allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtensionAllowed {
    /// The organisation's own promise (the policy date) had already passed: allowed, as
    /// the legal month still runs, but the request is marked as a missed promise.
    pub missed_policy_date: bool,
}

/// Whether `current` may be extended on `today` to `requested_new_due`
/// (Art. 12(3): once, while the legal month runs, by at most two further months).
pub fn check_extension(
    today: NaiveDate,
    current: &Deadlines,
    requested_new_due: NaiveDate,
) -> Result<ExtensionAllowed, ExtensionRefused> {
    if current.extended {
        Err(ExtensionRefused::AlreadyExtended)
    } else if today > current.legal_due {
        Err(ExtensionRefused::DeadlinePassed {
            legal_due: current.legal_due,
        })
    } else if requested_new_due > current.latest_extended_due {
        Err(ExtensionRefused::BeyondLimit {
            latest: current.latest_extended_due,
        })
    } else if requested_new_due <= current.due {
        Err(ExtensionRefused::NotLater { due: current.due })
    } else {
        Ok(ExtensionAllowed {
            missed_policy_date: current.policy_due.is_some_and(|p| today > p),
        })
    }
}

/// Red once overdue, Amber with `amber_days` or fewer left, else Green.
pub fn urgency(today: NaiveDate, due: NaiveDate, amber_days: i64) -> Urgency {
    if today > due {
        Urgency::Red
    } else if days_left(today, due) <= amber_days {
        Urgency::Amber
    } else {
        Urgency::Green
    }
}

/// `due - today` in days; negative when overdue.
pub fn days_left(today: NaiveDate, due: NaiveDate) -> i64 {
    due.signed_duration_since(today).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn settings(country: Country, policy_days: u32) -> ClockSettings {
        ClockSettings {
            country,
            policy_days,
        }
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(add_months_clamped(date(2025, 8, 31), 1), date(2025, 9, 30));
        assert_eq!(add_months_clamped(date(2026, 1, 31), 1), date(2026, 2, 28));
        assert_eq!(add_months_clamped(date(2024, 1, 31), 1), date(2024, 2, 29));
        assert_eq!(add_months_clamped(date(2026, 3, 5), 3), date(2026, 6, 5));
        assert_eq!(add_months_clamped(date(2026, 11, 30), 3), date(2027, 2, 28));
    }

    #[test]
    fn legal_month_skips_easter_but_policy_promise_does_not_move() {
        // 5 April 2026 is Første påskedag, 6 April Andre påskedag.
        let d = deadlines(date(2026, 3, 5), 0, None, settings(Country::No, 30));
        assert_eq!(d.legal_due, date(2026, 4, 7));
        assert_eq!(d.policy_due, Some(date(2026, 4, 4))); // a Saturday
        assert_eq!(d.due, date(2026, 4, 4));
        assert_eq!(d.latest_extended_due, date(2026, 6, 5));
        assert!(!d.extended);
        assert_eq!(d.paused_days, 0);
    }

    #[test]
    fn edpb_example_5_march_due_5_april() {
        // 5 April 2024 is a Friday.
        for country in [Country::No, Country::Se] {
            assert_eq!(legal_due(date(2024, 3, 5), country), date(2024, 4, 5));
        }
    }

    #[test]
    fn edpb_example_31_august_due_30_september() {
        // 30 September 2025 is a Tuesday.
        for country in [Country::No, Country::Se] {
            assert_eq!(legal_due(date(2025, 8, 31), country), date(2025, 9, 30));
        }
    }

    #[test]
    fn policy_past_legal_month_gives_legal_due() {
        // 2 Feb + 30 days = 4 March, but the month ends Monday 2 March.
        let d = deadlines(date(2026, 2, 2), 0, None, settings(Country::No, 30));
        assert_eq!(d.policy_due, Some(date(2026, 3, 4)));
        assert_eq!(d.legal_due, date(2026, 3, 2));
        assert_eq!(d.due, d.legal_due);
    }

    #[test]
    fn no_policy_gives_legal_due() {
        let d = deadlines(date(2026, 2, 2), 0, None, settings(Country::Se, 0));
        assert_eq!(d.policy_due, None);
        assert_eq!(d.due, d.legal_due);
    }

    #[test]
    fn month_end_clamp_then_weekend_moves_to_monday() {
        // 31 Jan -> 28 Feb 2026, a Saturday -> Monday 2 March.
        assert_eq!(legal_due(date(2026, 1, 31), Country::No), date(2026, 3, 2));
        assert_eq!(legal_due(date(2026, 1, 31), Country::Se), date(2026, 3, 2));
    }

    #[test]
    fn sweden_christmas_eve_moves_deadline() {
        // 24 Dec 2026 is a Thursday; Julafton, Juldagen, then the weekend.
        assert_eq!(
            legal_due(date(2026, 11, 24), Country::Se),
            date(2026, 12, 28)
        );
        // In Norway Christmas Eve is a working day.
        assert_eq!(
            legal_due(date(2026, 11, 24), Country::No),
            date(2026, 12, 24)
        );
    }

    #[test]
    fn sweden_midsummer_eve_moves_deadline() {
        // 19 June 2026 is Midsommarafton (Friday), then the weekend.
        assert_eq!(legal_due(date(2026, 5, 19), Country::Se), date(2026, 6, 22));
        assert_eq!(legal_due(date(2026, 5, 19), Country::No), date(2026, 6, 19));
    }

    #[test]
    fn pauses_shift_legal_and_policy_by_paused_days() {
        // 1 Sep 2025 + 1 month = Wed 1 Oct; + 3 = Sat 4 Oct -> Mon 6 Oct.
        let d = deadlines(date(2025, 9, 1), 3, None, settings(Country::No, 30));
        assert_eq!(d.legal_due, date(2025, 10, 6));
        assert_eq!(d.policy_due, Some(date(2025, 10, 4)));
        assert_eq!(d.due, date(2025, 10, 4));
        // 1 Dec 2025 + 3 = Thu 4 Dec.
        assert_eq!(d.latest_extended_due, date(2025, 12, 4));
        assert_eq!(d.paused_days, 3);
    }

    #[test]
    fn paused_whole_days_floors_each_interval_separately() {
        let t = |d: u32, h: u32| date(2026, 3, d).and_hms_opt(h, 0, 0).unwrap();
        assert_eq!(paused_whole_days(&[]), 0);
        // 1d23h + 1d1h = 2 whole days, not 3; a reversed interval counts 0.
        let intervals = [
            (t(1, 0), t(2, 23)),
            (t(10, 12), t(11, 13)),
            (t(20, 0), t(15, 0)),
        ];
        assert_eq!(paused_whole_days(&intervals), 2);
        assert_eq!(paused_whole_days(&[(t(1, 9), t(4, 9))]), 3);
        assert_eq!(paused_whole_days(&[(t(1, 9), t(4, 8))]), 2);
    }

    fn march_2026() -> Deadlines {
        // due Sat 4 April (policy), latest Fri 5 June.
        deadlines(date(2026, 3, 5), 0, None, settings(Country::No, 30))
    }

    const KEPT: ExtensionAllowed = ExtensionAllowed {
        missed_policy_date: false,
    };
    const MISSED: ExtensionAllowed = ExtensionAllowed {
        missed_policy_date: true,
    };

    #[test]
    fn extension_allowed_before_or_on_due() {
        let d = march_2026();
        assert_eq!(
            check_extension(date(2026, 4, 1), &d, date(2026, 6, 5)),
            Ok(KEPT)
        );
        assert_eq!(
            check_extension(date(2026, 4, 4), &d, date(2026, 5, 4)),
            Ok(KEPT)
        );
    }

    #[test]
    fn extension_after_the_policy_date_but_within_the_legal_month_is_allowed_and_marked() {
        // Policy date Sat 4 April passed; the legal month runs until Tue 7 April.
        let d = march_2026();
        for today in [date(2026, 4, 5), date(2026, 4, 7)] {
            assert_eq!(
                check_extension(today, &d, date(2026, 6, 5)),
                Ok(MISSED),
                "{today}"
            );
        }
    }

    #[test]
    fn extension_refused_after_the_legal_deadline() {
        let err = check_extension(date(2026, 4, 8), &march_2026(), date(2026, 6, 5)).unwrap_err();
        assert_eq!(
            err,
            ExtensionRefused::DeadlinePassed {
                legal_due: date(2026, 4, 7)
            }
        );
        assert_eq!(
            err.to_string(),
            "the legal deadline 2026-04-07 has already passed; \
             Art. 12(3) allows an extension only within the first month"
        );
    }

    #[test]
    fn extension_refused_beyond_three_months() {
        let err = check_extension(date(2026, 4, 1), &march_2026(), date(2026, 6, 8));
        assert_eq!(
            err,
            Err(ExtensionRefused::BeyondLimit {
                latest: date(2026, 6, 5)
            })
        );
    }

    #[test]
    fn extension_refused_when_not_later() {
        let err = check_extension(date(2026, 4, 1), &march_2026(), date(2026, 4, 4));
        assert_eq!(
            err,
            Err(ExtensionRefused::NotLater {
                due: date(2026, 4, 4)
            })
        );
    }

    #[test]
    fn extension_refused_twice() {
        let s = settings(Country::No, 30);
        let d = deadlines(date(2026, 3, 5), 0, Some(date(2026, 5, 4)), s);
        assert!(d.extended);
        assert_eq!(d.due, date(2026, 5, 4));
        let err = check_extension(date(2026, 4, 1), &d, date(2026, 6, 5));
        assert_eq!(err, Err(ExtensionRefused::AlreadyExtended));
    }

    #[test]
    fn extension_clamped_to_latest_extended_due() {
        let s = settings(Country::No, 30);
        let d = deadlines(date(2026, 3, 5), 0, Some(date(2026, 12, 31)), s);
        assert_eq!(d.due, date(2026, 6, 5));
        assert!(d.extended);
    }

    #[test]
    fn urgency_thresholds() {
        let due = date(2026, 4, 10);
        assert_eq!(urgency(date(2026, 4, 6), due, 3), Urgency::Green);
        assert_eq!(urgency(date(2026, 4, 7), due, 3), Urgency::Amber);
        assert_eq!(urgency(date(2026, 4, 10), due, 3), Urgency::Amber);
        assert_eq!(urgency(date(2026, 4, 11), due, 3), Urgency::Red);
        assert_eq!(urgency(date(2026, 4, 10), due, 0), Urgency::Amber);
        assert_eq!(urgency(date(2026, 4, 9), due, 0), Urgency::Green);
        assert_eq!(days_left(date(2026, 4, 6), due), 4);
        assert_eq!(days_left(date(2026, 4, 11), due), -1);
    }

    fn any_received() -> impl Strategy<Value = NaiveDate> {
        let start = date(2000, 1, 1);
        let span = days_left(start, date(2100, 12, 31));
        (0..=span).prop_map(move |n| start + Duration::days(n))
    }

    fn any_country() -> impl Strategy<Value = Country> {
        prop_oneof![Just(Country::No), Just(Country::Se)]
    }

    proptest! {
        #[test]
        fn prop_deadline_invariants(
            received in any_received(),
            paused in 0u32..200,
            policy in 0u32..60,
            country in any_country(),
        ) {
            let d = deadlines(received, paused, None, settings(country, policy));
            prop_assert!(d.due >= received);
            prop_assert!(d.due <= d.latest_extended_due);
            prop_assert!(!country.is_non_working_day(d.legal_due));
            prop_assert!(!country.is_non_working_day(d.latest_extended_due));
            let three_months = add_months_clamped(received, 3);
            let slack = three_months + Duration::days(i64::from(paused) + 7);
            prop_assert!(d.latest_extended_due <= slack);
            // Only the policy promise may fall on a non-working day.
            if country.is_non_working_day(d.due) {
                prop_assert_eq!(Some(d.due), d.policy_due);
            }
        }

        #[test]
        fn prop_extension_never_beyond_three_months(
            received in any_received(),
            paused in 0u32..200,
            policy in 0u32..60,
            country in any_country(),
            offset in -400i64..400,
        ) {
            let extended_to = received + Duration::days(offset);
            let d = deadlines(received, paused, Some(extended_to), settings(country, policy));
            let limit = country.next_working_day_on_or_after(
                add_months_clamped(received, 3) + Duration::days(i64::from(paused)),
            );
            prop_assert!(d.extended);
            prop_assert!(d.due <= limit);
            prop_assert!(d.due >= received);
        }
    }
}
