//! Recipients of personal data and the Art. 19 notices to them (issue 11, DESIGN §6), and
//! the handler's decision on each item of a rectification (Art. 16). Pure.

use super::status::text_enum;

text_enum!(
    /// What a recipient is to us.
    RecipientKind "recipient-kind" {
        Processor => "processor", "Processor (Art. 28)";
        Controller => "controller", "Independent controller";
        Authority => "authority", "Public authority";
    }
);

text_enum!(
    /// Where an Art. 19 notice stands.
    NoticeStatus "notice-status" {
        Pending => "pending", "Pending";
        Sent => "sent", "Sent";
        Acknowledged => "acknowledged", "Acknowledged";
        Failed => "failed", "Failed";
        Exempt => "exempt", "Exempt (impossible or disproportionate effort)";
    }
);

/// A notice's status from what is stored: an acknowledgement or an exemption decides;
/// otherwise the state of its latest email in the outbox.
pub fn notice_status(
    acknowledged: bool,
    exempt: bool,
    latest_mail_status: Option<&str>,
) -> NoticeStatus {
    if acknowledged {
        NoticeStatus::Acknowledged
    } else if exempt {
        NoticeStatus::Exempt
    } else {
        match latest_mail_status {
            Some("sent") => NoticeStatus::Sent,
            Some("failed") => NoticeStatus::Failed,
            _ => NoticeStatus::Pending,
        }
    }
}

text_enum!(
    /// What a notice may carry so the recipient finds the subject, and nothing more.
    Identifier "recipient-identifier" {
        CustomerNumber => "customer_number", "Customer number";
        Email => "email", "Email address";
        Phone => "phone", "Phone number";
        Name => "name", "Name";
    }
);

/// The identifiers stored as `customer_number,email`; unknown words are dropped.
pub fn parse_identifiers(stored: &str) -> Vec<Identifier> {
    let mut out = Vec::new();
    for word in stored.split(',').map(str::trim) {
        if let Some(i) = Identifier::parse(word) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// The recipients to preselect for a request: those that receive any of its categories.
/// `recipients` is (id, the categories it receives).
pub fn preselect(
    request_categories: &[String],
    recipients: &[(String, Vec<String>)],
) -> Vec<String> {
    recipients
        .iter()
        .filter(|(_, cats)| cats.iter().any(|c| request_categories.contains(c)))
        .map(|(id, _)| id.clone())
        .collect()
}

/// EU and EEA countries (ISO 3166-1 alpha-2): a transfer elsewhere needs a safeguard
/// (Chapter V GDPR) named in the register.
const EEA: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
];

pub fn in_eea(country: &str) -> bool {
    EEA.contains(&country)
}

/// A country code as stored: two letters A–Z.
pub fn valid_country(code: &str) -> bool {
    code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase())
}

text_enum!(
    /// The handler's decision on one item of a rectification (Art. 16).
    ItemDecision "item-decision" {
        Applied => "applied", "Corrected";
        Refused => "refused", "Refused";
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn recipients_are_preselected_by_the_categories_they_receive_art_19() {
        let register = vec![
            ("accounting".to_string(), s(&["billing", "payment"])),
            ("analytics".to_string(), s(&["analytics"])),
            ("billing-partner".to_string(), s(&["billing", "contact"])),
        ];
        assert_eq!(
            preselect(&s(&["contact"]), &register),
            s(&["billing-partner"])
        );
        assert_eq!(
            preselect(&s(&["billing", "marketing"]), &register),
            s(&["accounting", "billing-partner"])
        );
        assert!(preselect(&s(&["cctv"]), &register).is_empty());
    }

    #[test]
    fn a_notice_is_acknowledged_or_exempt_before_its_mail_says_anything() {
        use NoticeStatus::*;
        assert_eq!(notice_status(false, false, None), Pending);
        assert_eq!(notice_status(false, false, Some("pending")), Pending);
        assert_eq!(notice_status(false, false, Some("sent")), Sent);
        assert_eq!(notice_status(false, false, Some("failed")), Failed);
        assert_eq!(notice_status(true, false, Some("failed")), Acknowledged);
        assert_eq!(notice_status(false, true, Some("sent")), Exempt);
    }

    #[test]
    fn identifiers_and_countries() {
        assert_eq!(
            parse_identifiers("customer_number, email,bogus,email"),
            vec![Identifier::CustomerNumber, Identifier::Email]
        );
        assert!(in_eea("NO") && in_eea("SE") && !in_eea("US") && !in_eea("GB"));
        assert!(valid_country("US") && !valid_country("us") && !valid_country("USA"));
    }
}
