//! How long a legal-retention exception keeps data after an erasure request
//! (Art. 17(3)(b), DESIGN §5, issue 10). Pure: the rules come from the register, the
//! anchor date from the handler, the end of the financial year from the settings.

use chrono::{Datelike, Months, NaiveDate};

/// The unit of a retention period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodUnit {
    Days,
    Months,
    Years,
}

impl PeriodUnit {
    pub const ALL: [PeriodUnit; 3] = [PeriodUnit::Days, PeriodUnit::Months, PeriodUnit::Years];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            PeriodUnit::Days => "days",
            PeriodUnit::Months => "months",
            PeriodUnit::Years => "years",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.as_str() == code)
    }
}

/// What a retention period counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The date of the event itself (e.g. when an IP address was assigned).
    EventDate,
    /// The last day of the financial year in which the event fell (bokføringsloven § 13:
    /// "etter regnskapsårets slutt").
    FinancialYearEnd,
    /// 31 December of the calendar year in which that financial year ended
    /// (bokföringslagen 7 kap. 2 §: "efter utgången av det kalenderår då räkenskapsåret
    /// avslutades").
    CalendarYearEnd,
}

impl Anchor {
    pub const ALL: [Anchor; 3] = [
        Anchor::EventDate,
        Anchor::FinancialYearEnd,
        Anchor::CalendarYearEnd,
    ];

    /// The stored code.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::EventDate => "event",
            Anchor::FinancialYearEnd => "financial_year_end",
            Anchor::CalendarYearEnd => "calendar_year_end",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == code)
    }
}

/// N days, months or years after an anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionPeriod {
    pub amount: u32,
    pub unit: PeriodUnit,
    pub anchor: Anchor,
}

/// The last day of the financial year, as a month and day (default 31 December). A
/// financial year that ends on 29 February ends on the 28th in other years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FinancialYearEnd {
    month: u32,
    day: u32,
}

impl Default for FinancialYearEnd {
    fn default() -> Self {
        FinancialYearEnd { month: 12, day: 31 }
    }
}

impl FinancialYearEnd {
    /// A month and day that exist in a leap year.
    pub fn new(month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(2024, month, day).map(|_| FinancialYearEnd { month, day })
    }

    /// `MM-DD`, as in the setting `DSR_FINANCIAL_YEAR_END`.
    pub fn parse(s: &str) -> Option<Self> {
        let (m, d) = s.trim().split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        Self::new(m.parse().ok()?, d.parse().ok()?)
    }

    /// This financial year's last day in `year` (29 February → 28 February when `year` is
    /// not a leap year).
    fn in_year(self, year: i32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, self.month, self.day)
            .or_else(|| NaiveDate::from_ymd_opt(year, self.month, self.day - 1))
    }

    /// The last day of the financial year that contains `date`.
    pub fn ending_on_or_after(self, date: NaiveDate) -> Option<NaiveDate> {
        let this_year = self.in_year(date.year())?;
        if this_year >= date {
            Some(this_year)
        } else {
            self.in_year(date.year() + 1)
        }
    }
}

/// The last day the data may be kept under `period`, for an event on `event_date`. Months
/// and years that land on a day the month lacks end on its last day (29 February + 1 year
/// = 28 February). `None` only beyond the calendar's range.
pub fn until_date(
    period: RetentionPeriod,
    event_date: NaiveDate,
    year_end: FinancialYearEnd,
) -> Option<NaiveDate> {
    let start = match period.anchor {
        Anchor::EventDate => event_date,
        Anchor::FinancialYearEnd => year_end.ending_on_or_after(event_date)?,
        Anchor::CalendarYearEnd => {
            let ended = year_end.ending_on_or_after(event_date)?;
            NaiveDate::from_ymd_opt(ended.year(), 12, 31)?
        }
    };
    let months = match period.unit {
        PeriodUnit::Days => {
            return start.checked_add_days(chrono::Days::new(u64::from(period.amount)));
        }
        PeriodUnit::Months => period.amount,
        PeriodUnit::Years => period.amount.checked_mul(12)?,
    };
    let until = start.checked_add_months(Months::new(months))?;
    // Counted from the end of a year that ends on a month's last day, the period ends on
    // a month's last day too: 3 years and 6 months after 30 June is 31 December.
    if period.anchor != Anchor::EventDate && is_month_end(start) {
        month_end(until)
    } else {
        Some(until)
    }
}

fn is_month_end(date: NaiveDate) -> bool {
    date.succ_opt()
        .is_none_or(|next| next.month() != date.month())
}

fn month_end(date: NaiveDate) -> Option<NaiveDate> {
    let first = date.with_day(1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn p(amount: u32, unit: PeriodUnit, anchor: Anchor) -> RetentionPeriod {
        RetentionPeriod {
            amount,
            unit,
            anchor,
        }
    }

    #[test]
    fn until_dates_by_rule_anchor_and_financial_year() {
        use Anchor::*;
        use PeriodUnit::*;
        let calendar = super::FinancialYearEnd::default();
        let june = super::FinancialYearEnd::parse("06-30").expect("06-30");
        let cases = [
            // Bokføringsloven § 13 (NO), primary records: 5 years after the end of the
            // financial year.
            (
                p(5, Years, FinancialYearEnd),
                "2026-03-14",
                calendar,
                "2031-12-31",
            ),
            (
                p(5, Years, FinancialYearEnd),
                "2026-12-31",
                calendar,
                "2031-12-31",
            ),
            (
                p(5, Years, FinancialYearEnd),
                "2026-03-14",
                june,
                "2031-06-30",
            ),
            (
                p(5, Years, FinancialYearEnd),
                "2026-07-01",
                june,
                "2032-06-30",
            ),
            // Secondary documentation: 3 years and 6 months after the end of the financial
            // year (42 months).
            (
                p(42, Months, FinancialYearEnd),
                "2026-03-14",
                calendar,
                "2030-06-30",
            ),
            (
                p(42, Months, FinancialYearEnd),
                "2026-03-14",
                june,
                "2029-12-31",
            ),
            (
                p(6, Months, FinancialYearEnd),
                "2026-03-14",
                june,
                "2026-12-31",
            ),
            (
                p(8, Months, FinancialYearEnd),
                "2026-03-14",
                june,
                "2027-02-28",
            ),
            // Bokföringslagen 7 kap. 2 § (SE): through the seventh year after the end of the
            // calendar year in which the financial year ended.
            (
                p(7, Years, CalendarYearEnd),
                "2026-03-14",
                calendar,
                "2033-12-31",
            ),
            (
                p(7, Years, CalendarYearEnd),
                "2026-03-14",
                june,
                "2033-12-31",
            ),
            (
                p(7, Years, CalendarYearEnd),
                "2026-08-01",
                june,
                "2034-12-31",
            ),
            // Ekomloven (NO): which subscriber had which IP address, 12 months.
            (
                p(12, Months, EventDate),
                "2026-01-31",
                calendar,
                "2027-01-31",
            ),
            (
                p(1, Months, EventDate),
                "2026-01-31",
                calendar,
                "2026-02-28",
            ),
            (p(90, Days, EventDate), "2026-12-05", calendar, "2027-03-05"),
            (p(0, Days, EventDate), "2026-12-05", calendar, "2026-12-05"),
            // Leap years: 29 February plus whole years ends on 28 February, and back on the
            // 29th in the next leap year.
            (p(1, Years, EventDate), "2024-02-29", calendar, "2025-02-28"),
            (p(4, Years, EventDate), "2024-02-29", calendar, "2028-02-29"),
            (
                p(366, Days, EventDate),
                "2024-01-01",
                calendar,
                "2025-01-01",
            ),
            (
                p(365, Days, EventDate),
                "2023-03-01",
                calendar,
                "2024-02-29",
            ),
        ];
        for (period, event, year_end, expected) in cases {
            assert_eq!(
                until_date(period, d(event), year_end),
                Some(d(expected)),
                "{period:?} from {event} with the year ending {year_end:?}"
            );
        }
    }

    #[test]
    fn a_financial_year_ending_29_february_ends_on_the_28th_in_other_years() {
        let feb = FinancialYearEnd::parse("02-29").expect("02-29 exists in leap years");
        assert_eq!(
            feb.ending_on_or_after(d("2025-01-10")),
            Some(d("2025-02-28"))
        );
        assert_eq!(
            feb.ending_on_or_after(d("2024-02-29")),
            Some(d("2024-02-29"))
        );
        assert_eq!(
            feb.ending_on_or_after(d("2025-03-01")),
            Some(d("2026-02-28"))
        );
        let period = p(5, PeriodUnit::Years, Anchor::FinancialYearEnd);
        assert_eq!(
            until_date(period, d("2027-06-01"), feb),
            Some(d("2033-02-28"))
        );
    }

    #[test]
    fn the_year_end_setting_parses_only_real_month_days() {
        assert_eq!(
            FinancialYearEnd::parse("12-31"),
            Some(FinancialYearEnd::default())
        );
        for bad in [
            "", "12", "13-01", "00-10", "04-31", "02-30", "1-31", "12-31-1", "ab-cd",
        ] {
            assert_eq!(FinancialYearEnd::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn codes_round_trip() {
        for u in PeriodUnit::ALL {
            assert_eq!(PeriodUnit::parse(u.as_str()), Some(u));
        }
        for a in Anchor::ALL {
            assert_eq!(Anchor::parse(a.as_str()), Some(a));
        }
        assert_eq!(PeriodUnit::parse("weeks"), None);
        assert_eq!(Anchor::parse("fiscal"), None);
    }

    #[test]
    fn a_period_beyond_the_calendar_is_none_not_a_panic() {
        let period = p(u32::MAX, PeriodUnit::Years, Anchor::EventDate);
        assert_eq!(
            until_date(period, d("2026-01-01"), FinancialYearEnd::default()),
            None
        );
    }
}
