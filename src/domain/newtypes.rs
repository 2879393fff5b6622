//! Values parsed once at the boundary. A value of these types is known to be valid.

use std::fmt;

use super::msg::Msg;

/// A problem with one input field, as a message a person can act on (put into words in
/// the reader's language by `i18n::Tr::msg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: Msg,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<Msg>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// An email address in its one canonical form (DESIGN §9: one person, one identity):
/// trimmed, the whole address lower-cased, the domain in its ASCII (IDNA) form; plus-tags
/// are kept. At most 254 characters (RFC 5321), a dotted domain, and nothing the mailer
/// (lettre) would refuse, so an address we accept is one we can send to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Msg> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Msg::new("field-email-required"));
        }
        if s.chars().count() > Self::MAX_LEN {
            return Err(Msg::new("field-email-too-long").arg("max", Self::MAX_LEN));
        }
        if s.chars()
            .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c))
        {
            return Err(Msg::new("field-email-bad-chars"));
        }
        let Some((local, domain)) = s.rsplit_once('@') else {
            return Err(Msg::new("field-email-no-at"));
        };
        let local = local.to_lowercase();
        // The same rules the mailer applies (RFC 5322 dot-atom: no leading, trailing or
        // doubled dots), so nothing we accept fails later in the outbox.
        if local.is_empty()
            || local.len() > 64
            || local.contains('@')
            || matches!(
                lettre::Address::new(&local, "example.com"),
                Err(lettre::address::AddressError::InvalidUser)
            )
        {
            return Err(Msg::new("field-email-bad-local"));
        }
        let bad_domain = || Msg::new("field-email-bad-domain");
        let domain = idna::domain_to_ascii(domain).map_err(|_| bad_domain())?;
        let labels: Vec<&str> = domain.split('.').collect();
        let labels_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            });
        if !labels_ok {
            return Err(bad_domain());
        }
        let address = format!("{local}@{domain}");
        if address.len() > Self::MAX_LEN || lettre::Address::new(&local, &domain).is_err() {
            return Err(Msg::new("field-email-undeliverable"));
        }
        Ok(Self(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For logs: never log a subject's address in full (DESIGN §9).
    pub fn masked(&self) -> String {
        mask_email(&self.0)
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `ola.nordmann@example.no` → `o***@example.no`.
pub fn mask_email(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

/// A single line of text with a length limit: names, references, field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortText(String);

impl ShortText {
    /// `_what` names the field for the caller's reading only: the messages are generic
    /// (`field-required`, `field-too-long`, …) because the label stands beside them.
    pub fn parse(raw: &str, max_chars: usize, _what: &str) -> Result<Self, Msg> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Msg::new("field-required"));
        }
        if s.chars().count() > max_chars {
            return Err(Msg::new("field-too-long").arg("max", max_chars));
        }
        if s.chars().any(|c| c.is_control() || is_line_separator(c)) {
            return Err(Msg::new("field-single-line"));
        }
        if s.chars()
            .any(|c| is_bidi_control(c) || is_invisible_mark(c))
        {
            return Err(Msg::new("field-direction-marks"));
        }
        Ok(Self(s.to_string()))
    }

    /// Like `parse`, but an empty input is `None`.
    pub fn parse_optional(raw: &str, max_chars: usize, what: &str) -> Result<Option<Self>, Msg> {
        if raw.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(raw, max_chars, what).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Free text (several lines) with a length limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeText(String);

impl FreeText {
    /// As `ShortText::parse`: generic messages, `_what` for the caller's reading only.
    pub fn parse(raw: &str, max_chars: usize, _what: &str) -> Result<Self, Msg> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Msg::new("field-required"));
        }
        if s.chars().count() > max_chars {
            return Err(Msg::new("field-too-long").arg("max", max_chars));
        }
        if s.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
        {
            return Err(Msg::new("field-bad-chars"));
        }
        if s.chars().any(is_bidi_control) {
            return Err(Msg::new("field-direction-marks"));
        }
        Ok(Self(s.replace("\r\n", "\n")))
    }

    pub fn parse_optional(raw: &str, max_chars: usize, what: &str) -> Result<Option<Self>, Msg> {
        if raw.trim().is_empty() {
            Ok(None)
        } else {
            Self::parse(raw, max_chars, what).map(Some)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they
/// make text display in another order than it is stored ("Trojan Source", CVE-2021-42574),
/// so a name or note could read differently to a handler than it was written.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Unicode's line and paragraph separators (U+2028, U+2029): line breaks that
/// `char::is_control` does not catch.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// Invisible marks with no place in a one-line name: left-to-right and right-to-left
/// marks (U+200E, U+200F) and the zero-width no-break space / byte-order mark (U+FEFF).
fn is_invisible_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}')
}

/// Limits shared by the portal, the API and handler entry.
pub mod limits {
    pub const NAME: usize = 200;
    pub const PHONE: usize = 40;
    pub const CUSTOMER_NUMBER: usize = 64;
    pub const FIELD_NAME: usize = 200;
    pub const FIELD_VALUE: usize = 2_000;
    pub const FREE_TEXT: usize = 5_000;
    pub const NOTE: usize = 5_000;
    pub const RECTIFICATION_ITEMS: usize = 10;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_is_stored_in_one_canonical_form_issue_5_item_1() {
        let e = EmailAddress::parse("  Ola.Nordmann@Example.NO ").expect("valid");
        assert_eq!(e.as_str(), "ola.nordmann@example.no");
        // Case variants are one identity.
        assert_eq!(
            EmailAddress::parse("Victim@telecom.example"),
            EmailAddress::parse("vIctim@TELECOM.example")
        );
        // Plus-tags are kept: they are the person's own choice of mailbox.
        assert_eq!(
            EmailAddress::parse("Kari+DSR@mail.telenor.no").map(|e| e.to_string()),
            Ok("kari+dsr@mail.telenor.no".into())
        );
        // The domain in its ASCII (IDNA) form.
        assert_eq!(
            EmailAddress::parse("kari@Bjørnøya.NO").map(|e| e.to_string()),
            EmailAddress::parse("kari@xn--bjrnya-cyac.no").map(|e| e.to_string())
        );
        assert!(EmailAddress::parse("kari@bjørnøya.no")
            .expect("idn")
            .as_str()
            .ends_with("@xn--bjrnya-cyac.no"));
        assert!(EmailAddress::parse("bjørn@eksempel.no").is_ok());
    }

    #[test]
    fn email_refuses_what_the_mailer_would_refuse() {
        for bad in [".a@example.no", "a..b@example.no", "a.@example.no"] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
            // …and lettre agrees, so the outbox would have failed for an hour.
            assert!(bad.parse::<lettre::Address>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn email_rejects_bad_shapes() {
        for bad in [
            "",
            "   ",
            "no-at-sign",
            "@example.com",
            "a@",
            "a@localhost",
            "a@b..no",
            "a b@example.com",
            "a@-x.no",
            "<a@example.com>",
        ] {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?} accepted");
        }
        assert!(EmailAddress::parse("a@example.com\nBcc: x@y.z").is_err());
        let long = format!("{}@example.com", "a".repeat(300));
        assert!(EmailAddress::parse(&long).is_err());
    }

    #[test]
    fn masking_hides_the_local_part() {
        assert_eq!(mask_email("ola@example.no"), "o***@example.no");
        assert_eq!(mask_email("garbage"), "***");
    }

    #[test]
    fn short_text_limits_and_single_line() {
        assert_eq!(
            ShortText::parse(" Ola ", 10, "your name").map(|s| s.into_string()),
            Ok("Ola".into())
        );
        assert!(ShortText::parse("", 10, "your name").is_err());
        assert!(ShortText::parse(&"x".repeat(11), 10, "your name").is_err());
        assert!(ShortText::parse("a\nb", 10, "your name").is_err());
        assert_eq!(ShortText::parse_optional("  ", 10, "x"), Ok(None));
    }

    #[test]
    fn short_text_refuses_direction_overrides_and_line_separators() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{FEFF}',
        ] {
            let err = ShortText::parse(&format!("Ola{c}Nordmann"), 50, "your name")
                .expect_err(&format!("U+{:04X} accepted", c as u32));
            assert_eq!(err.id, "field-direction-marks");
        }
        for c in ['\u{2028}', '\u{2029}'] {
            let err = ShortText::parse(&format!("Ola{c}Nordmann"), 50, "your name")
                .expect_err("line separator accepted");
            assert_eq!(err.id, "field-single-line");
        }
        assert!(ShortText::parse("Åse Ødegård-Müller", 50, "your name").is_ok());
        assert!(ShortText::parse("محمد", 50, "your name").is_ok());
    }

    #[test]
    fn free_text_refuses_direction_overrides_but_keeps_lines() {
        let err = FreeText::parse("pay \u{202E}0001\u{202C} NOK", 100, "details")
            .expect_err("override accepted");
        assert_eq!(err.id, "field-direction-marks");
        assert!(FreeText::parse("a\u{2067}b", 100, "details").is_err());
        assert!(FreeText::parse("line one\nline two\u{2028}three", 100, "details").is_ok());
    }

    #[test]
    fn free_text_allows_lines_but_not_other_controls() {
        assert!(FreeText::parse("line one\r\nline two", 100, "details").is_ok());
        assert!(FreeText::parse("bell\u{7}", 100, "details").is_err());
        let err = FreeText::parse(&"x".repeat(101), 100, "details").unwrap_err();
        assert_eq!(err, Msg::new("field-too-long").arg("max", 100usize));
    }
}
