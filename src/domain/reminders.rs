//! When handlers are reminded of a due date (DESIGN §4.7, issue 9). Pure: the sweeper
//! (`workflow::reminders`) asks, for each request still needing action, which reminder
//! is due today, and records each one it sends, so none goes out twice.

use chrono::NaiveDate;

/// The reminder due on `today` for a request due on `due`, as its stage: the days left on
/// the day it covers. Before the due date that is the smallest threshold not below the
/// days left (7, then 2 by default: a request first seen with 5 days left gets the 7-day
/// reminder at once, one with 1 day left only the 2-day one). While overdue it is minus
/// the days overdue, so there is one each day. A paused clock (`paused_on`) gets none,
/// unless the request was already overdue when it stopped, as the queue shows it.
pub fn due_stage(
    today: NaiveDate,
    due: NaiveDate,
    paused_on: Option<NaiveDate>,
    thresholds: &[u32],
) -> Option<i32> {
    let days_left = (due - today).num_days();
    if due < paused_on.unwrap_or(today) {
        return i32::try_from(days_left).ok();
    }
    if paused_on.is_some() {
        return None;
    }
    thresholds
        .iter()
        .copied()
        .filter(|t| i64::from(*t) >= days_left)
        .min()
        .and_then(|t| i32::try_from(t).ok())
}

/// The bands of days left that share a stage, as `(first, last, stage)`: with 7 and 2,
/// 0 to 2 days left is stage 2 and 3 to 7 days left stage 7 (`due_stage` before the due
/// date). The sweeper asks the database, band by band, for requests without that stage.
pub fn bands(thresholds: &[u32]) -> Vec<(i64, i64, i32)> {
    let mut sorted: Vec<u32> = thresholds.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut first = 0;
    let mut out = Vec::with_capacity(sorted.len());
    for t in sorted {
        let Ok(stage) = i32::try_from(t) else {
            continue;
        };
        out.push((first, i64::from(t), stage));
        first = i64::from(t) + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn each_threshold_then_every_day_overdue() {
        let due = d("2026-12-20");
        let cases = [
            ("2026-12-01", None),
            ("2026-12-12", None),
            ("2026-12-13", Some(7)),
            ("2026-12-17", Some(7)),
            ("2026-12-18", Some(2)),
            ("2026-12-20", Some(2)), // due today: not yet overdue
            ("2026-12-21", Some(-1)),
            ("2026-12-22", Some(-2)),
            ("2027-01-20", Some(-31)),
        ];
        for (today, want) in cases {
            assert_eq!(due_stage(d(today), due, None, &[7, 2]), want, "{today}");
        }
    }

    #[test]
    fn a_paused_clock_is_reminded_only_when_it_was_already_overdue() {
        let due = d("2026-12-20");
        // Stopped with 5 days left: no reminder, however long the subject takes.
        for today in ["2026-12-16", "2026-12-20", "2027-01-30"] {
            assert_eq!(
                due_stage(d(today), due, Some(d("2026-12-15")), &[7, 2]),
                None
            );
        }
        // Stopped when already overdue: still overdue every day.
        assert_eq!(
            due_stage(d("2026-12-24"), due, Some(d("2026-12-22")), &[7, 2]),
            Some(-4)
        );
    }

    #[test]
    fn without_thresholds_only_overdue_days_remind() {
        let due = d("2026-12-20");
        assert_eq!(due_stage(d("2026-12-19"), due, None, &[]), None);
        assert_eq!(due_stage(d("2026-12-21"), due, None, &[]), Some(-1));
        assert!(bands(&[]).is_empty());
    }

    #[test]
    fn each_band_holds_the_days_left_of_one_stage() {
        assert_eq!(bands(&[7, 2]), [(0, 2, 2), (3, 7, 7)]);
        assert_eq!(bands(&[0, 14, 7]), [(0, 0, 0), (1, 7, 7), (8, 14, 14)]);
        // The bands agree with due_stage for every day before the due date.
        let due = d("2026-12-20");
        for (first, last, stage) in bands(&[14, 7, 2]) {
            for left in first..=last {
                let today = due - chrono::Duration::days(left);
                assert_eq!(due_stage(today, due, None, &[14, 7, 2]), Some(stage));
            }
        }
    }
}
