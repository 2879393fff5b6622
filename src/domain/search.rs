//! What a handler types into the queue's search box (issue 9), parsed once.
//!
//! A reference (`DSR-2026-000809`, any case, spaces around it) opens that request; an
//! email address finds that subject's requests in its canonical form; anything else is
//! the start of a name. Each is one index lookup (`requests.reference` unique,
//! `requests_subject_email`, `requests_name_prefix`).

use super::msg::Msg;
use super::newtypes::EmailAddress;

/// The longest search text taken; a name prefix longer than any name finds nothing anyway.
pub const MAX_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Search {
    /// `DSR-YYYY-NNNNNN` in upper case, as stored.
    Reference(String),
    Email(EmailAddress),
    /// A `name_key` prefix.
    NamePrefix(String),
}

/// A name as the search compares it: words separated by one space, lower case
/// (Unicode, so "ØYSTEIN" finds "Øystein"). Stored in `requests.subject_name_key`.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The text that sorts after every `name_key` starting with `prefix` (byte order, which
/// both databases use for this column): the prefix range is `[prefix, upper)`.
pub fn prefix_upper_bound(prefix: &str) -> String {
    format!("{prefix}\u{10FFFF}")
}

fn looks_like_reference(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 15
        && s[..4].eq_ignore_ascii_case("DSR-")
        && b[4..8].iter().all(u8::is_ascii_digit)
        && b[8] == b'-'
        && b[9..].iter().all(u8::is_ascii_digit)
}

/// `Ok(None)` for an empty box.
pub fn parse(raw: &str) -> Result<Option<Search>, Msg> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    if s.chars().count() > MAX_CHARS {
        return Err(Msg::new("field-too-long").arg("max", MAX_CHARS));
    }
    if looks_like_reference(s) {
        return Ok(Some(Search::Reference(s.to_ascii_uppercase())));
    }
    if s.contains('@') {
        return EmailAddress::parse(s).map(|e| Some(Search::Email(e)));
    }
    if s.chars().any(char::is_control) {
        return Err(Msg::new("field-single-line"));
    }
    Ok(Some(Search::NamePrefix(name_key(s))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_in_any_case_with_spaces_is_a_reference() {
        assert_eq!(
            parse("  dsr-2026-000809 ").unwrap(),
            Some(Search::Reference("DSR-2026-000809".into()))
        );
        // One digit short: a name prefix, not a reference.
        assert!(matches!(
            parse("DSR-2026-00080").unwrap(),
            Some(Search::NamePrefix(_))
        ));
    }

    #[test]
    fn an_address_is_searched_in_its_canonical_form_and_a_bad_one_is_refused() {
        match parse(" Kari.Nordmann@EXAMPLE.no ").unwrap() {
            Some(Search::Email(e)) => assert_eq!(e.as_str(), "kari.nordmann@example.no"),
            other => panic!("{other:?}"),
        }
        assert!(parse("kari@").is_err());
    }

    #[test]
    fn names_fold_case_and_spaces_in_unicode() {
        assert_eq!(name_key("  ØYSTEIN   Ås "), "øystein ås");
        assert_eq!(
            parse("øyst").unwrap(),
            Some(Search::NamePrefix("øyst".into()))
        );
        assert_eq!(parse("   ").unwrap(), None);
        assert!(prefix_upper_bound("øy").as_str() > "øystein");
        assert!(prefix_upper_bound("øy").as_str() > "øy");
        assert!("øz" > prefix_upper_bound("øy").as_str());
    }
}
