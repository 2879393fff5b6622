//! A whole request as the subject submits it, parsed from form fields (portal) or JSON
//! (API, which maps its body onto the same field names).

use super::kinds::{parse_details, FormInput, Kind, RequestDetails};
use super::msg::Msg;
use super::newtypes::{limits, EmailAddress, FieldError, FreeText, ShortText};

/// `E` is the subject's email address: required on the portal and the API
/// (`EmailAddress`), optional when a handler enters a request that came by phone, letter
/// or in person (`Option<EmailAddress>`, `parse_submission_email_optional`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission<E = EmailAddress> {
    pub name: ShortText,
    pub email: E,
    pub phone: Option<ShortText>,
    pub customer_number: Option<ShortText>,
    pub details: RequestDetails,
    pub message: Option<FreeText>,
}

impl<E> Submission<E> {
    pub fn kind(&self) -> Kind {
        self.details.kind()
    }
}

/// Parse every field; report every problem at once, each under its field's name.
pub fn parse_submission(f: &dyn FormInput) -> Result<Submission, Vec<FieldError>> {
    parse_with(f, EmailAddress::parse)
}

/// As `parse_submission`, but the email address may be left empty (manual intake: the
/// subject phoned, wrote a letter or came in person). One that is given must be valid.
pub fn parse_submission_email_optional(
    f: &dyn FormInput,
) -> Result<Submission<Option<EmailAddress>>, Vec<FieldError>> {
    parse_with(f, |raw| match raw.trim() {
        "" => Ok(None),
        given => EmailAddress::parse(given).map(Some),
    })
}

fn parse_with<E>(
    f: &dyn FormInput,
    parse_email: impl FnOnce(&str) -> Result<E, Msg>,
) -> Result<Submission<E>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let kind = match f.value("kind") {
        "" => {
            errors.push(FieldError::new("kind", Msg::new("field-kind-required")));
            None
        }
        k => match Kind::parse(k) {
            Some(kind) => Some(kind),
            None => {
                errors.push(FieldError::new("kind", Msg::new("field-kind-unknown")));
                None
            }
        },
    };
    let name = ShortText::parse(f.value("name"), limits::NAME, "your name")
        .map_err(|m| errors.push(FieldError::new("name", m)))
        .ok();
    let email = parse_email(f.value("email"))
        .map_err(|m| errors.push(FieldError::new("email", m)))
        .ok();
    let phone = ShortText::parse_optional(f.value("phone"), limits::PHONE, "your phone number")
        .map_err(|m| errors.push(FieldError::new("phone", m)))
        .ok()
        .flatten();
    let customer_number = ShortText::parse_optional(
        f.value("customer_number"),
        limits::CUSTOMER_NUMBER,
        "your customer number",
    )
    .map_err(|m| errors.push(FieldError::new("customer_number", m)))
    .ok()
    .flatten();
    let message = FreeText::parse_optional(f.value("message"), limits::FREE_TEXT, "your message")
        .map_err(|m| errors.push(FieldError::new("message", m)))
        .ok()
        .flatten();
    let details = match kind {
        Some(k) => parse_details(k, f).map_err(|e| errors.extend(e)).ok(),
        None => None,
    };
    match (name, email, details) {
        (Some(name), Some(email), Some(details)) if errors.is_empty() => Ok(Submission {
            name,
            email,
            phone,
            customer_number,
            details,
            message,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Input(HashMap<String, Vec<String>>);
    impl FormInput for Input {
        fn value(&self, name: &str) -> &str {
            self.0
                .get(name)
                .and_then(|v| v.first())
                .map(String::as_str)
                .unwrap_or("")
        }
        fn values(&self, name: &str) -> Vec<&str> {
            self.0
                .get(name)
                .map(|v| v.iter().map(String::as_str).collect())
                .unwrap_or_default()
        }
    }
    fn input(pairs: &[(&str, &str)]) -> Input {
        let mut m: HashMap<String, Vec<String>> = HashMap::new();
        for (k, v) in pairs {
            m.entry(k.to_string()).or_default().push(v.to_string());
        }
        Input(m)
    }

    #[test]
    fn a_complete_access_request_parses() {
        let s = parse_submission(&input(&[
            ("kind", "access"),
            ("name", "Kari Nordmann"),
            ("email", "kari@example.no"),
            ("customer_number", "NO-448812"),
        ]))
        .expect("valid");
        assert_eq!(s.kind(), Kind::Access);
        assert_eq!(
            s.customer_number.map(|c| c.into_string()),
            Some("NO-448812".into())
        );
    }

    #[test]
    fn every_problem_is_reported_under_its_field() {
        let errors =
            parse_submission(&input(&[("kind", "teleport"), ("email", "nope")])).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["kind", "name", "email"]);
    }

    #[test]
    fn oversized_fields_are_refused() {
        let long = "x".repeat(limits::FREE_TEXT + 1);
        let errors = parse_submission(&input(&[
            ("kind", "access"),
            ("name", &"n".repeat(limits::NAME + 1)),
            ("email", "a@example.no"),
            ("message", &long),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["name", "message"]);
    }
}
