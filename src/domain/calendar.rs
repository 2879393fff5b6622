//! Public-holiday calendars for Norway and Sweden, used to move statutory
//! deadlines off days on which a controller cannot be expected to act.
//!
//! Pure functions, no I/O.

use chrono::{Datelike, NaiveDate, Weekday};

/// A country whose public holidays we know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    No,
    Se,
}

/// Returned by [`Country::parse`] for anything but `NO` or `SE`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown country code '{0}': expected NO or SE")]
pub struct UnknownCountry(pub String);

impl Country {
    /// Parses an ISO 3166-1 alpha-2 code, case-insensitively ("NO", "se", ...).
    pub fn parse(s: &str) -> Result<Country, UnknownCountry> {
        if s.eq_ignore_ascii_case("NO") {
            Ok(Country::No)
        } else if s.eq_ignore_ascii_case("SE") {
            Ok(Country::Se)
        } else {
            Err(UnknownCountry(s.to_string()))
        }
    }

    /// The upper-case ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Country::No => "NO",
            Country::Se => "SE",
        }
    }

    /// The supervisory authority a subject may complain to (Art. 77): name, postal
    /// address and web address. The defaults of the `DSR_AUTHORITY_*` settings.
    pub fn supervisory_authority(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Country::No => (
                "Datatilsynet",
                "Postboks 458 Sentrum, 0105 Oslo, Norway",
                "https://www.datatilsynet.no",
            ),
            Country::Se => (
                "Integritetsskyddsmyndigheten (IMY)",
                "Box 8114, 104 20 Stockholm, Sweden",
                "https://www.imy.se",
            ),
        }
    }

    /// Saturday, Sunday, or a day listed by [`Country::holiday_name`].
    pub fn is_non_working_day(self, d: NaiveDate) -> bool {
        matches!(d.weekday(), Weekday::Sat | Weekday::Sun) || self.holiday_name(d).is_some()
    }

    /// The local name of the public holiday on `d`, if any.
    ///
    /// For Sweden this includes Midsummer Eve, Christmas Eve and New Year's
    /// Eve, which lag (1930:173) treats like holidays when computing time limits.
    pub fn holiday_name(self, d: NaiveDate) -> Option<&'static str> {
        // Subtracting two dates cannot overflow, unlike adding an offset to Easter.
        let from_easter = d.signed_duration_since(easter_sunday(d.year())).num_days();
        match self {
            Country::No => norway(d, from_easter),
            Country::Se => sweden(d, from_easter),
        }
    }

    /// `d` itself if it is a working day, otherwise the first working day after it.
    /// Saturates at `NaiveDate::MAX`.
    pub fn next_working_day_on_or_after(self, d: NaiveDate) -> NaiveDate {
        let mut day = d;
        // Terminates: never more than a handful of non-working days in a row.
        while self.is_non_working_day(day) {
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        day
    }
}

/// Lov om 1. og 17. mai som høgtidsdager, and helligdagsloven.
fn norway(d: NaiveDate, from_easter: i64) -> Option<&'static str> {
    let fixed = match (d.month(), d.day()) {
        (1, 1) => Some("Nyttårsdag"),
        (5, 1) => Some("Offentlig høytidsdag"),
        (5, 17) => Some("Grunnlovsdag"),
        (12, 25) => Some("Første juledag"),
        (12, 26) => Some("Andre juledag"),
        _ => None,
    };
    fixed.or(match from_easter {
        -3 => Some("Skjærtorsdag"),
        -2 => Some("Langfredag"),
        0 => Some("Første påskedag"),
        1 => Some("Andre påskedag"),
        39 => Some("Kristi himmelfartsdag"),
        49 => Some("Første pinsedag"),
        50 => Some("Andre pinsedag"),
        _ => None,
    })
}

/// Lag (1989:253) om allmänna helgdagar, plus the eves that
/// lag (1930:173) om beräkning av lagstadgad tid treats like holidays.
fn sweden(d: NaiveDate, from_easter: i64) -> Option<&'static str> {
    let (month, day, weekday) = (d.month(), d.day(), d.weekday());
    let fixed = match (month, day) {
        (1, 1) => Some("Nyårsdagen"),
        (1, 6) => Some("Trettondedag jul"),
        (5, 1) => Some("Första maj"),
        (6, 6) => Some("Sveriges nationaldag"),
        (12, 24) => Some("Julafton"),
        (12, 25) => Some("Juldagen"),
        (12, 26) => Some("Annandag jul"),
        (12, 31) => Some("Nyårsafton"),
        _ => None,
    };
    let movable = match from_easter {
        -2 => Some("Långfredagen"),
        0 => Some("Påskdagen"),
        1 => Some("Annandag påsk"),
        39 => Some("Kristi himmelsfärdsdag"),
        49 => Some("Pingstdagen"),
        _ => None,
    };
    let by_weekday = match weekday {
        Weekday::Fri if month == 6 && (19..=25).contains(&day) => Some("Midsommarafton"),
        Weekday::Sat if month == 6 && (20..=26).contains(&day) => Some("Midsommardagen"),
        Weekday::Sat if (month == 10 && day == 31) || (month == 11 && day <= 6) => {
            Some("Alla helgons dag")
        }
        _ => None,
    };
    fixed.or(movable).or(by_weekday)
}

/// Western Easter Sunday by the anonymous Gregorian algorithm
/// (Meeus/Jones/Butcher). Saturates at `NaiveDate::MIN`/`MAX` for years
/// outside chrono's range.
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31; // 3 or 4
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month/day are small positive numbers forming a valid March or April
    // date, so this fails only when `year` is outside chrono's range.
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn easter_sunday_known_years() {
        for (y, m, d) in [
            (2000, 4, 23),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2038, 4, 25),
        ] {
            assert_eq!(easter_sunday(y), date(y, m, d), "Easter {y}");
        }
    }

    #[test]
    fn easter_sunday_is_always_a_sunday_in_march_or_april() {
        for y in 1583..=3000 {
            let e = easter_sunday(y);
            assert_eq!(e.weekday(), Weekday::Sun, "{e}");
            assert!(date(y, 3, 22) <= e && e <= date(y, 4, 25), "{e}");
        }
    }

    #[test]
    fn parse_and_code() {
        assert_eq!(Country::parse("NO"), Ok(Country::No));
        assert_eq!(Country::parse("no"), Ok(Country::No));
        assert_eq!(Country::parse("SE"), Ok(Country::Se));
        assert_eq!(Country::parse("se"), Ok(Country::Se));
        let err = Country::parse("DK").unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown country code 'DK': expected NO or SE"
        );
        assert_eq!(Country::No.code(), "NO");
        assert_eq!(Country::Se.code(), "SE");
    }

    #[test]
    fn norway_named_holidays_2026() {
        let expected = [
            ((1, 1), "Nyttårsdag"),
            ((4, 2), "Skjærtorsdag"),
            ((4, 3), "Langfredag"),
            ((4, 5), "Første påskedag"),
            ((4, 6), "Andre påskedag"),
            ((5, 1), "Offentlig høytidsdag"),
            ((5, 14), "Kristi himmelfartsdag"),
            ((5, 17), "Grunnlovsdag"),
            ((5, 24), "Første pinsedag"),
            ((5, 25), "Andre pinsedag"),
            ((12, 25), "Første juledag"),
            ((12, 26), "Andre juledag"),
        ];
        for ((m, d), name) in expected {
            assert_eq!(Country::No.holiday_name(date(2026, m, d)), Some(name));
        }
        let count = date(2026, 1, 1)
            .iter_days()
            .take_while(|d| d.year() == 2026)
            .filter(|d| Country::No.holiday_name(*d).is_some())
            .count();
        assert_eq!(count, expected.len());
    }

    #[test]
    fn sweden_named_holidays_2026() {
        let expected = [
            ((1, 1), "Nyårsdagen"),
            ((1, 6), "Trettondedag jul"),
            ((4, 3), "Långfredagen"),
            ((4, 5), "Påskdagen"),
            ((4, 6), "Annandag påsk"),
            ((5, 1), "Första maj"),
            ((5, 14), "Kristi himmelsfärdsdag"),
            ((5, 24), "Pingstdagen"),
            ((6, 6), "Sveriges nationaldag"),
            ((6, 19), "Midsommarafton"),
            ((6, 20), "Midsommardagen"),
            ((10, 31), "Alla helgons dag"),
            ((12, 24), "Julafton"),
            ((12, 25), "Juldagen"),
            ((12, 26), "Annandag jul"),
            ((12, 31), "Nyårsafton"),
        ];
        for ((m, d), name) in expected {
            assert_eq!(Country::Se.holiday_name(date(2026, m, d)), Some(name));
        }
        let count = date(2026, 1, 1)
            .iter_days()
            .take_while(|d| d.year() == 2026)
            .filter(|d| Country::Se.holiday_name(*d).is_some())
            .count();
        assert_eq!(count, expected.len());
    }

    #[test]
    fn midsummer_and_all_saints_move_with_the_weekday() {
        // 2026: 19 June is a Friday, 31 October a Saturday.
        assert_eq!(
            Country::Se.holiday_name(date(2026, 6, 19)),
            Some("Midsommarafton")
        );
        assert_eq!(
            Country::Se.holiday_name(date(2026, 10, 31)),
            Some("Alla helgons dag")
        );
        // 2025: Midsummer Eve 20 June, All Saints 1 November.
        assert_eq!(
            Country::Se.holiday_name(date(2025, 6, 20)),
            Some("Midsommarafton")
        );
        assert_eq!(Country::Se.holiday_name(date(2025, 6, 19)), None);
        assert_eq!(
            Country::Se.holiday_name(date(2025, 11, 1)),
            Some("Alla helgons dag")
        );
        assert_eq!(Country::Se.holiday_name(date(2025, 10, 31)), None);
    }

    #[test]
    fn holidays_differ_between_countries() {
        // Maundy Thursday and Whit Monday are Norwegian only.
        assert!(Country::No.is_non_working_day(date(2026, 4, 2)));
        assert!(!Country::Se.is_non_working_day(date(2026, 4, 2)));
        assert!(Country::No.is_non_working_day(date(2026, 5, 25)));
        assert!(!Country::Se.is_non_working_day(date(2026, 5, 25)));
        // Christmas Eve and Midsummer Eve count only in Sweden.
        assert!(!Country::No.is_non_working_day(date(2026, 12, 24)));
        assert!(Country::Se.is_non_working_day(date(2026, 12, 24)));
        assert!(!Country::No.is_non_working_day(date(2026, 6, 19)));
        assert!(Country::Se.is_non_working_day(date(2026, 6, 19)));
    }

    #[test]
    fn weekends_are_non_working_days() {
        assert!(Country::No.is_non_working_day(date(2026, 3, 7)));
        assert!(Country::Se.is_non_working_day(date(2026, 3, 8)));
        assert!(!Country::No.is_non_working_day(date(2026, 3, 9)));
    }

    #[test]
    fn next_working_day_skips_easter_in_norway() {
        // Skjærtorsdag 2 April 2026 through Andre påskedag 6 April.
        assert_eq!(
            Country::No.next_working_day_on_or_after(date(2026, 4, 2)),
            date(2026, 4, 7)
        );
        assert_eq!(
            Country::No.next_working_day_on_or_after(date(2026, 4, 7)),
            date(2026, 4, 7)
        );
        assert_eq!(
            Country::Se.next_working_day_on_or_after(date(2026, 4, 2)),
            date(2026, 4, 2)
        );
    }

    #[test]
    fn next_working_day_saturates_at_max() {
        // NaiveDate::MAX is a 31 December: Nyårsafton in Sweden.
        let max = NaiveDate::MAX;
        assert_eq!(Country::Se.next_working_day_on_or_after(max), max);
    }
}
