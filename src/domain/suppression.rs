//! The suppression list of Art. 21(3): once a subject objects to direct marketing, their
//! address and number are never used for it again. Values are kept in one normal form so
//! that a marketing system's lookup finds them however they were typed.

/// A phone number in one form: digits only, with a leading `+` for an international
/// number (`00` counts as `+`). Spaces, dashes, dots and brackets go. `None` when fewer
/// than 5 digits remain, or when anything else is in it (the raw value is not a number).
pub fn normalise_phone(raw: &str) -> Option<String> {
    let s = raw.trim();
    let (plus, rest) = match s.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => match s.strip_prefix("00") {
            Some(rest) => (true, rest),
            None => (false, s),
        },
    };
    let mut digits = String::with_capacity(rest.len() + 1);
    if plus {
        digits.push('+');
    }
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' | '/' | '\u{a0}' => {}
            _ => return None,
        }
    }
    let count = digits.chars().filter(char::is_ascii_digit).count();
    (5..=17).contains(&count).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::normalise_phone;

    #[test]
    fn phone_numbers_have_one_form() {
        assert_eq!(
            normalise_phone("+47 912 34 567").as_deref(),
            Some("+4791234567")
        );
        assert_eq!(
            normalise_phone("0047-912.34.567").as_deref(),
            Some("+4791234567")
        );
        assert_eq!(
            normalise_phone(" (08) 123 45 67 ").as_deref(),
            Some("081234567")
        );
        assert_eq!(normalise_phone("call me"), None);
        assert_eq!(normalise_phone("12"), None);
        assert_eq!(normalise_phone("+47 912 34 567 ext 2"), None);
    }
}
