//! One struct per email. Each has three templates under `templates/mail/<name>/`:
//! `subject.txt`, `body.txt` and `body.html`. To add an email: add the struct and its
//! three files here and call `render` from the workflow that causes it.

use std::ops::Deref;

use askama::Template;

use super::Email;
use crate::config::Settings;

/// Who writes: every email to a subject names the organisation and gives its DPO
/// contact (`templates/mail/_sender.*`).
#[derive(Debug, Clone)]
pub struct Sender {
    pub organisation: String,
    pub dpo_name: String,
    pub dpo_email: String,
}

impl Sender {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            organisation: s.organisation.clone(),
            dpo_name: s.dpo_name.clone(),
            dpo_email: s.dpo_email.clone(),
        }
    }
}

/// The Art. 12(4) notice (`templates/mail/_notice.*`): the right to complain to the
/// supervisory authority (its name, postal and web address) and to a judicial remedy.
/// Every rejection, partial answer and expiry carries it, after the reasons.
#[derive(Debug, Clone)]
pub struct RightsNotice {
    pub authority_name: String,
    pub authority_address: String,
    pub authority_url: String,
}

impl RightsNotice {
    pub fn from_settings(s: &Settings) -> Self {
        Self {
            authority_name: s.authority_name.clone(),
            authority_address: s.authority_address.clone(),
            authority_url: s.authority_url.clone(),
        }
    }
}

/// Generates the three template wrappers for a message struct and its `render` method.
macro_rules! email {
    ($data:ident, $name:literal, $subject:literal, $text:literal, $html:literal) => {
        impl $data {
            /// The name kept in the outbox's `template` column.
            pub const TEMPLATE: &'static str = $name;

            pub fn render(&self, to: &str) -> Result<Email, askama::Error> {
                #[derive(Template)]
                #[template(path = $subject)]
                struct Subject<'a> {
                    m: &'a $data,
                }
                #[derive(Template)]
                #[template(path = $text)]
                struct Text<'a> {
                    m: &'a $data,
                }
                #[derive(Template)]
                #[template(path = $html)]
                struct Html<'a> {
                    m: &'a $data,
                }
                Ok(Email {
                    template: Self::TEMPLATE,
                    to: to.to_string(),
                    // A subject is one line: a stray newline would start a new header.
                    subject: Subject { m: self }
                        .render()?
                        .trim()
                        .replace(['\r', '\n'], " "),
                    text: Text { m: self }.render()?,
                    html: Html { m: self }.render()?,
                    link: None,
                })
            }
        }
    };
}

/// Sent on submission: confirm the address (DESIGN §3, verification).
pub struct VerifyMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    pub link: String,
    /// How long the link works, counted from when the email is sent (it may wait in
    /// the outbox during a mail outage).
    pub valid_days: u32,
}
email!(
    VerifyMail,
    "verify",
    "mail/verify/subject.txt",
    "mail/verify/body.txt",
    "mail/verify/body.html"
);

/// Sent when the address is verified: the request is in the queue, with its due date.
pub struct AcknowledgementMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    pub received: String,
    pub due: String,
    pub status_link: String,
    pub link_days: u32,
}
email!(
    AcknowledgementMail,
    "acknowledgement",
    "mail/acknowledgement/subject.txt",
    "mail/acknowledgement/body.txt",
    "mail/acknowledgement/body.html"
);

/// "Track my requests": a magic link to the list of the address's requests.
pub struct TrackMail {
    pub sender: Sender,
    pub link: String,
    pub link_days: u32,
    pub count: usize,
}
email!(
    TrackMail,
    "track",
    "mail/track/subject.txt",
    "mail/track/body.txt",
    "mail/track/body.html"
);

/// Confirms a withdrawal (by the subject, or by a handler on the subject's behalf).
pub struct WithdrawnMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
}
email!(
    WithdrawnMail,
    "withdrawn",
    "mail/withdrawn/subject.txt",
    "mail/withdrawn/body.txt",
    "mail/withdrawn/body.html"
);

/// A handler's question to the subject (identity, Art. 12(6); clarification; other),
/// with a link to the status page where the subject answers.
pub struct QuestionMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    /// Why we ask, in words for the subject.
    pub purpose_text: String,
    pub question: String,
    /// Whether the clock stands still until the answer.
    pub pauses: bool,
    pub status_link: String,
    pub link_days: u32,
}
email!(
    QuestionMail,
    "question",
    "mail/question/subject.txt",
    "mail/question/body.txt",
    "mail/question/body.html"
);

/// The Art. 12(3) extension notice: the reason and the new date.
pub struct ExtensionMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    pub reason: String,
    pub previous_due: String,
    pub new_due: String,
}
email!(
    ExtensionMail,
    "extension",
    "mail/extension/subject.txt",
    "mail/extension/body.txt",
    "mail/extension/body.html"
);

/// What every completion email carries; one template per outcome.
pub struct Completion {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    /// The handler's answer, as previewed.
    pub answer: String,
    /// Why a partial answer is partial (empty otherwise).
    pub reasons: String,
    pub notice: RightsNotice,
}

macro_rules! completion_mail {
    ($(#[$meta:meta])* $name:ident, $tpl:literal, $subject:literal, $text:literal, $html:literal) => {
        $(#[$meta])*
        pub struct $name(pub Completion);
        impl Deref for $name {
            type Target = Completion;
            fn deref(&self) -> &Completion {
                &self.0
            }
        }
        email!($name, $tpl, $subject, $text, $html);
    };
}

completion_mail!(
    /// Completed: fulfilled.
    CompletionFulfilledMail,
    "completion_fulfilled",
    "mail/completion_fulfilled/subject.txt",
    "mail/completion_fulfilled/body.txt",
    "mail/completion_fulfilled/body.html"
);
completion_mail!(
    /// Completed: partially fulfilled. Carries the reasons and the Art. 12(4) notice.
    CompletionPartialMail,
    "completion_partial",
    "mail/completion_partial/subject.txt",
    "mail/completion_partial/body.txt",
    "mail/completion_partial/body.html"
);
completion_mail!(
    /// Completed: no data held.
    CompletionNoDataMail,
    "completion_no_data",
    "mail/completion_no_data/subject.txt",
    "mail/completion_no_data/body.txt",
    "mail/completion_no_data/body.html"
);

/// The completion email for an outcome.
pub fn render_completion(
    outcome: crate::domain::status::Outcome,
    c: Completion,
    to: &str,
) -> Result<Email, askama::Error> {
    use crate::domain::status::Outcome;
    match outcome {
        Outcome::Fulfilled => CompletionFulfilledMail(c).render(to),
        Outcome::PartiallyFulfilled => CompletionPartialMail(c).render(to),
        Outcome::NoDataHeld => CompletionNoDataMail(c).render(to),
    }
}

/// A rejection: the reason, the written justification and the Art. 12(4) notice.
pub struct RejectionMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    pub reason_label: String,
    pub justification: String,
    pub notice: RightsNotice,
}
email!(
    RejectionMail,
    "rejection",
    "mail/rejection/subject.txt",
    "mail/rejection/body.txt",
    "mail/rejection/body.html"
);

/// No answer to a question in time: the request is closed without action, which is a
/// decision not to act, so the Art. 12(4) notice applies. Sent by the sweeper.
pub struct ExpiryMail {
    pub sender: Sender,
    pub name: String,
    pub reference: String,
    pub kind_label: String,
    /// When the unanswered question was asked (local date).
    pub asked_on: String,
    pub days: u32,
    pub notice: RightsNotice,
}
email!(
    ExpiryMail,
    "expiry",
    "mail/expiry/subject.txt",
    "mail/expiry/body.txt",
    "mail/expiry/body.html"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn sender() -> Sender {
        Sender {
            organisation: "Example Telecom AS".into(),
            dpo_name: "Dana DPO".into(),
            dpo_email: "dpo@telecom.example".into(),
        }
    }

    fn notice() -> RightsNotice {
        RightsNotice {
            authority_name: "Datatilsynet".into(),
            authority_address: "Postboks 458 Sentrum, 0105 Oslo, Norway".into(),
            authority_url: "https://www.datatilsynet.no".into(),
        }
    }

    /// Every email to a subject names the organisation and its DPO, in both parts.
    fn signed(m: &Email) {
        for part in [&m.text, &m.html] {
            assert!(part.contains("Example Telecom AS"), "{part}");
            assert!(part.contains("Dana DPO"), "{part}");
            assert!(part.contains("dpo@telecom.example"), "{part}");
        }
    }

    /// The Art. 12(4) notice: authority name, postal and web address, judicial remedy.
    fn has_notice(m: &Email) {
        for part in [&m.text, &m.html] {
            assert!(part.contains("Datatilsynet"), "{part}");
            assert!(part.contains("Postboks 458 Sentrum"), "{part}");
            assert!(part.contains("https://www.datatilsynet.no"), "{part}");
            assert!(part.contains("judicial remedy"), "{part}");
        }
    }

    fn completion(answer: &str, reasons: &str) -> Completion {
        Completion {
            sender: sender(),
            name: "Kari".into(),
            reference: "DSR-2026-000007".into(),
            kind_label: "Erasure of my data (Art. 17)".into(),
            answer: answer.into(),
            reasons: reasons.into(),
            notice: notice(),
        }
    }

    #[test]
    fn question_mail_carries_the_question_the_link_and_whether_the_clock_stops() {
        let q = |pauses| QuestionMail {
            sender: sender(),
            name: "Kari".into(),
            reference: "DSR-2026-000003".into(),
            kind_label: "Access to my data (Art. 15)".into(),
            purpose_text: "We need to confirm who you are (Art. 12(6)).".into(),
            question: "Which <address> did you live at?".into(),
            pauses,
            status_link: "http://localhost/s/tok".into(),
            link_days: 30,
        };
        let m = q(true).render("kari@example.no").expect("renders");
        assert_eq!(m.subject, "A question about your request DSR-2026-000003");
        assert!(m.text.contains("Which <address> did you live at?"));
        assert!(!m.html.contains("<address>"), "escaped in HTML");
        assert!(m.text.contains("http://localhost/s/tok"));
        assert!(m.text.contains("stands still"));
        signed(&m);
        let m = q(false).render("kari@example.no").expect("renders");
        assert!(!m.text.contains("stands still"));
    }

    #[test]
    fn extension_mail_gives_the_reason_and_the_new_date_art_12_3() {
        let m = ExtensionMail {
            sender: sender(),
            name: "Kari".into(),
            reference: "DSR-2026-000004".into(),
            kind_label: "Access to my data (Art. 15)".into(),
            reason: "Ten years of call records to collect.".into(),
            previous_due: "2026-04-04".into(),
            new_due: "2026-06-05".into(),
        }
        .render("kari@example.no")
        .expect("renders");
        assert!(m.subject.contains("2026-06-05"));
        for part in [&m.text, &m.html] {
            assert!(part.contains("Ten years of call records to collect."));
            assert!(part.contains("2026-06-05") && part.contains("2026-04-04"));
            assert!(part.contains("Art. 12(3)"));
        }
        signed(&m);
    }

    #[test]
    fn only_the_partial_completion_carries_reasons_and_the_art_12_4_notice() {
        use crate::domain::status::Outcome;
        let full = render_completion(Outcome::Fulfilled, completion("All erased.", ""), "k@x.no")
            .expect("renders");
        assert_eq!(full.template, "completion_fulfilled");
        assert!(full.text.contains("All erased."));
        assert!(!full.text.contains("Datatilsynet"));
        signed(&full);
        let none = render_completion(
            Outcome::NoDataHeld,
            completion("Nothing held.", ""),
            "k@x.no",
        )
        .expect("renders");
        assert_eq!(none.template, "completion_no_data");
        assert!(none.subject.contains("no data"));
        signed(&none);
        let part = render_completion(
            Outcome::PartiallyFulfilled,
            completion(
                "Most erased.",
                "Invoices kept 5 years (Bokføringsloven § 13).",
            ),
            "k@x.no",
        )
        .expect("renders");
        assert_eq!(part.template, "completion_partial");
        for p in [&part.text, &part.html] {
            assert!(p.contains("Most erased."));
            assert!(p.contains("Invoices kept 5 years"));
        }
        has_notice(&part);
        signed(&part);
    }

    #[test]
    fn rejection_and_expiry_carry_the_art_12_4_notice() {
        let m = RejectionMail {
            sender: sender(),
            name: "Kari".into(),
            reference: "DSR-2026-000005".into(),
            kind_label: "Access to my data (Art. 15)".into(),
            reason_label: "Excessive (Art. 12(5))".into(),
            justification: "The fourth identical request this month.".into(),
            notice: notice(),
        }
        .render("kari@example.no")
        .expect("renders");
        for p in [&m.text, &m.html] {
            assert!(p.contains("Excessive (Art. 12(5))"));
            assert!(p.contains("The fourth identical request this month."));
        }
        has_notice(&m);
        signed(&m);
        let m = ExpiryMail {
            sender: sender(),
            name: "Kari".into(),
            reference: "DSR-2026-000006".into(),
            kind_label: "Access to my data (Art. 15)".into(),
            asked_on: "2026-03-10".into(),
            days: 30,
            notice: notice(),
        }
        .render("kari@example.no")
        .expect("renders");
        assert!(m.text.contains("2026-03-10") && m.text.contains("30 days"));
        has_notice(&m);
        signed(&m);
    }

    #[test]
    fn verify_mail_snapshot() {
        let m = VerifyMail {
            sender: sender(),
            name: "Kari <Nordmann>".into(),
            reference: "DSR-2026-000001".into(),
            kind_label: "Erasure of my data (Art. 17)".into(),
            link: "http://localhost/verify/abc".into(),
            valid_days: 7,
        }
        .render("kari@example.no")
        .expect("renders");
        assert_eq!(m.subject, "Confirm your request DSR-2026-000001");
        assert!(m.text.contains("Hello Kari <Nordmann>,"));
        assert!(m.text.contains("http://localhost/verify/abc"));
        assert!(m.text.contains("for 7 days from when this email was sent"));
        // HTML escapes what the subject typed.
        assert!(
            m.html.contains("Kari &#60;Nordmann&#62;") || m.html.contains("Kari &lt;Nordmann&gt;")
        );
    }

    #[test]
    fn acknowledgement_names_reference_kind_and_due_date() {
        let m = AcknowledgementMail {
            sender: sender(),
            name: "Ola".into(),
            reference: "DSR-2026-000002".into(),
            kind_label: "Access to my data (Art. 15)".into(),
            received: "2026-03-05".into(),
            due: "2026-04-04".into(),
            status_link: "http://localhost/s/xyz".into(),
            link_days: 30,
        }
        .render("ola@example.no")
        .expect("renders");
        assert!(m.subject.contains("DSR-2026-000002"));
        for part in [&m.text, &m.html] {
            assert!(part.contains("Access to my data (Art. 15)"));
            assert!(part.contains("2026-04-04"));
            assert!(part.contains("http://localhost/s/xyz"));
        }
    }
}
